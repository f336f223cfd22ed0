import {
  ApplicationCommandOptionType,
  ChannelType,
  GatewayIntentBits,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { CommandContext, SlashCommand } from '../src/discord/command.ts';
import { localizedDescription } from '../src/discord/strings.ts';
import { MODERATORS_ONLY, refusedUnlessModerator } from '../src/discord/moderator.ts';
import { moderatorStrings } from '../src/discord/moderator-strings.ts';
import { renderNotice } from '../src/discord/render/notice.ts';
import { renderSettings } from '../src/discord/render/settings.ts';
import { respond, respondPrivately } from '../src/discord/respond.ts';
import { MAX_SECONDS } from '../src/config.ts';
import type { StoredGuildSettings } from '../src/storage/guild-store.ts';

/** Channels a member can ask in: text and announcement channels. */
const TEXT_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

/** Most Q&A channels a server may have: more is a mistake, not a wish (Message Content costs every message). */
export const MAX_QA_CHANNELS = 50;

const LANGUAGES = ['sl', 'en'] as const;

const channelOption = (sl: string, en: string) => ({
  type: ApplicationCommandOptionType.Channel as const,
  name: 'channel',
  ...localizedDescription(sl, en),
  required: true,
  channel_types: [...TEXT_CHANNELS],
});

/** What a subcommand changes in the stored settings, or a refusal to tell the moderator. */
type Change = { set: (stored: StoredGuildSettings) => StoredGuildSettings; note?: string } | { refuse: string };

function change(
  interaction: ChatInputCommandInteraction,
  defaults: readonly string[],
  stored: StoredGuildSettings,
  context: CommandContext,
): Change {
  const strings = moderatorStrings(context.locale);
  const current = stored.qaChannelIds ?? defaults;
  switch (interaction.options.getSubcommand()) {
    case 'channel-add': {
      const id = String(interaction.options.get('channel', true).value);
      const channel = interaction.guild?.channels.cache.get(id);
      if (
        !channel ||
        channel.guildId !== interaction.guildId ||
        !(TEXT_CHANNELS as readonly ChannelType[]).includes(channel.type)
      )
        return { refuse: strings.settingsNotTextChannel };
      if (current.includes(id)) return { refuse: strings.settingsChannelAlready };
      if (current.length >= MAX_QA_CHANNELS) return { refuse: strings.settingsTooManyChannels(MAX_QA_CHANNELS) };
      const readsContent = interaction.client.options.intents.has(GatewayIntentBits.MessageContent);
      return {
        set: (s) => ({ ...s, qaChannelIds: [...(s.qaChannelIds ?? defaults), id] }),
        ...(readsContent ? {} : { note: strings.settingsNeedsRestart }),
      };
    }
    case 'channel-remove': {
      // A deleted channel can still be removed: only the list is checked.
      const id = String(interaction.options.get('channel', true).value);
      if (!current.includes(id)) return { refuse: strings.settingsChannelNotThere };
      return { set: (s) => ({ ...s, qaChannelIds: (s.qaChannelIds ?? defaults).filter((c) => c !== id) }) };
    }
    case 'cooldown': {
      const seconds = interaction.options.getInteger('seconds', true);
      if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_SECONDS)
        return { refuse: strings.settingsCooldownRange(MAX_SECONDS) };
      return { set: (s) => ({ ...s, cooldownSeconds: seconds }) };
    }
    case 'private': {
      const value = interaction.options.getBoolean('value', true);
      return { set: (s) => ({ ...s, privateAnswers: value }) };
    }
    case 'language': {
      const value = interaction.options.getString('value', true);
      if (!(LANGUAGES as readonly string[]).includes(value)) return { refuse: strings.settingsLanguageChoice };
      return { set: (s) => ({ ...s, replyLocale: value as (typeof LANGUAGES)[number] }) };
    }
    case 'reset':
      return { set: () => ({}), note: strings.settingsReset };
    default:
      throw new Error(`unknown /settings subcommand ${interaction.options.getSubcommand()}`);
  }
}

export const settings = {
  data: {
    name: 'settings',
    ...localizedDescription(
      'Moderatorji: nastavitve bota na tem strežniku.',
      "Moderators: the bot's settings in this server.",
    ),
    ...MODERATORS_ONLY,
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'view',
        ...localizedDescription('Pokaži nastavitve.', 'Show the settings.'),
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'channel-add',
        ...localizedDescription(
          'Kanal, v katerem odgovorim na vsako vprašanje.',
          'A channel where I answer every question.',
        ),
        options: [channelOption('Besedilni kanal', 'A text channel')],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'channel-remove',
        ...localizedDescription('Odstrani kanal za vprašanja.', 'Remove a Q&A channel.'),
        options: [channelOption('Kanal za vprašanja', 'A Q&A channel')],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'cooldown',
        ...localizedDescription(
          'Koliko sekund čaka član med vprašanji v kanalih.',
          'How many seconds a member waits between channel questions.',
        ),
        options: [
          {
            type: ApplicationCommandOptionType.Integer,
            name: 'seconds',
            ...localizedDescription(
              `Sekunde, 0–${MAX_SECONDS} (0: brez premora)`,
              `Seconds, 0–${MAX_SECONDS} (0: none)`,
            ),
            required: true,
            min_value: 0,
            max_value: MAX_SECONDS,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'private',
        ...localizedDescription(
          'Ali /ask odgovori samo vprašalcu, ko ta ne pove.',
          'Whether /ask answers only the asker when they do not say.',
        ),
        options: [
          {
            type: ApplicationCommandOptionType.Boolean,
            name: 'value',
            ...localizedDescription('True: zasebno', 'True: privately'),
            required: true,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'language',
        ...localizedDescription(
          'Jezik javnih odgovorov (v kanalih in javnih /ask).',
          'The language of public answers (in channels and public /ask).',
        ),
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'value',
            ...localizedDescription('sl ali en', 'sl or en'),
            required: true,
            choices: [
              { name: 'slovenščina', name_localizations: { 'en-US': 'Slovenian', 'en-GB': 'Slovenian' }, value: 'sl' },
              { name: 'angleščina', name_localizations: { 'en-US': 'English', 'en-GB': 'English' }, value: 'en' },
            ],
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'reset',
        ...localizedDescription('Vse nastavitve nazaj na privzete.', 'All settings back to their defaults.'),
      },
    ],
  },
  help: {
    sl: '— moderatorji: kanali za vprašanja, premor, zasebni odgovori in jezik na tem strežniku (`view`, `channel-add`, `channel-remove`, `cooldown`, `private`, `language`, `reset`).',
    en: '— moderators: Q&A channels, the wait, private answers and the language in this server (`view`, `channel-add`, `channel-remove`, `cooldown`, `private`, `language`, `reset`).',
  },
  async execute(interaction, context) {
    const { locale } = context;
    if (await refusedUnlessModerator(interaction, locale)) return;
    const guildId = interaction.guildId!;
    const strings = moderatorStrings(locale);
    if (interaction.options.getSubcommand() === 'view')
      return respond(interaction, renderSettings(await context.settings.get(guildId), locale), { ephemeral: true });
    const defaults = context.settings.defaults.QA_CHANNEL_IDS;
    const stored = (await context.settings.get(guildId)).stored;
    const verdict = change(interaction, defaults, stored, context);
    if ('refuse' in verdict) return respondPrivately(interaction, renderNotice(verdict.refuse));
    const saved = await context.settings.update(guildId, verdict.set);
    // What happened first, then the heading of the settings listed below it.
    const note = [strings.settingsSaved, verdict.note, strings.settingsNow].filter(Boolean).join('\n');
    await respond(interaction, renderSettings(saved, locale, note), { ephemeral: true });
  },
} satisfies SlashCommand;
