/** The `/help` message, built from the command list so a new command cannot be left out of it. */
import { ApplicationCommandType } from 'discord.js';
import type { Locale } from '../../view/strings.ts';
import { fitLines } from '../../view/truncate.ts';
import type { Command } from '../command.ts';
import { LIMITS } from '../limits.ts';
import { discordStrings } from '../strings.ts';
import { COLORS } from './colors.ts';
import type { BotMessage } from './payload.ts';

/**
 * What the bot does, one line per command in list order (slash commands as clickable `</ask:id>`
 * mentions when their registered ids are known), what the marks mean, and how else to ask
 * (naming the Q&A channels when there are any).
 */
export function renderHelp(
  locale: Locale,
  commands: readonly Pick<Command, 'data' | 'help'>[],
  qaChannelIds: readonly string[],
  commandIds: ReadonlyMap<string, string> = new Map(),
): BotMessage {
  const strings = discordStrings(locale);
  const line = (c: Pick<Command, 'data' | 'help'>) => {
    if (c.data.type === ApplicationCommandType.Message) return `• ${c.help[locale]}`;
    const id = commandIds.get(c.data.name);
    return `${id ? `</${c.data.name}:${id}>` : `**/${c.data.name}**`} ${c.help[locale]}`;
  };
  const lines = [strings.helpIntro, '', ...commands.map(line), '', strings.helpMarks, '', strings.helpChannel];
  if (qaChannelIds.length > 0) lines.push(strings.helpQaChannels(qaChannelIds.map((id) => `<#${id}>`).join(', ')));
  return {
    embeds: [{ title: strings.helpTitle, color: COLORS.info, description: fitLines(lines, LIMITS.embedDescription) }],
  };
}
