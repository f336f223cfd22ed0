/** `/settings`: the settings in force in a server, each marked when it is the default. */
import type { APIEmbed } from 'discord.js';
import type { Locale } from '../../view/strings.ts';
import { fitLines } from '../../view/truncate.ts';
import { LIMITS } from '../limits.ts';
import { discordStrings } from '../strings.ts';
import { moderatorStrings } from '../moderator-strings.ts';
import type { EffectiveSettings } from '../server-settings.ts';
import { COLORS } from './colors.ts';
import type { BotMessage } from './payload.ts';

export function renderSettings(settings: EffectiveSettings, locale: Locale, note?: string): BotMessage {
  const strings = moderatorStrings(locale);
  const mark = (own: boolean, value: string) => (own ? value : `${value} ${strings.settingsDefault}`);
  const channels =
    settings.qaChannelIds.length === 0
      ? strings.settingsNoChannels
      : fitLines(
          settings.qaChannelIds.map((id) => `<#${id}>`),
          LIMITS.embedFieldValue - strings.settingsDefault.length - 1,
          discordStrings(locale).more,
        );
  const { stored } = settings;
  const embed: APIEmbed = {
    title: strings.settingsTitle,
    color: COLORS.info,
    ...(note ? { description: note } : {}),
    fields: [
      { name: strings.settingsQaChannels, value: mark(stored.qaChannelIds !== undefined, channels) },
      {
        name: strings.settingsCooldown,
        value: mark(stored.cooldownSeconds !== undefined, strings.settingsSeconds(settings.cooldownSeconds)),
        inline: true,
      },
      {
        name: strings.settingsPrivate,
        value: mark(
          stored.privateAnswers !== undefined,
          settings.privateAnswers ? strings.settingsYes : strings.settingsNo,
        ),
        inline: true,
      },
      {
        name: strings.settingsLanguage,
        value: mark(stored.replyLocale !== undefined, strings.settingsLanguageName(settings.replyLocale)),
        inline: true,
      },
    ],
  };
  return { embeds: [embed] };
}
