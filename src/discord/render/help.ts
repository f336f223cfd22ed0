/** The `/help` message, built from the command list so a new command cannot be left out of it. */
import { ApplicationCommandType } from 'discord.js';
import type { Locale } from '../../view/strings.ts';
import { fitLines } from '../../view/truncate.ts';
import type { Command } from '../command.ts';
import { LIMITS } from '../limits.ts';
import { discordStrings } from '../strings.ts';
import { COLORS } from './colors.ts';
import type { BotMessage } from './payload.ts';

/** Who reads the help and where. */
export interface HelpFor {
  /** The Q&A channels of the server it is asked in (none in a DM). */
  qaChannelIds: readonly string[];
  /** Whether the reader may run the moderator commands (Manage Server); only then are they listed. */
  moderator: boolean;
  /** Registered command ids by name, for clickable `</ask:id>` mentions. */
  commandIds?: ReadonlyMap<string, string>;
}

type HelpCommand = Pick<Command, 'data' | 'help'>;

/** A command only moderators may run (Discord hides it from the others' command list too). */
const forModerators = (c: HelpCommand) => 'default_member_permissions' in c.data;

/**
 * What the bot does, one line per command the reader can run, in list order (slash commands as
 * clickable `</ask:id>` mentions when their registered ids are known), what the marks and colours
 * mean, and how else to ask (naming the server's Q&A channels when it has any).
 */
export function renderHelp(locale: Locale, commands: readonly HelpCommand[], reader: HelpFor): BotMessage {
  const strings = discordStrings(locale);
  const commandIds = reader.commandIds ?? new Map<string, string>();
  const line = (c: HelpCommand) => {
    if (c.data.type === ApplicationCommandType.Message) return `• ${c.help[locale]}`;
    const id = commandIds.get(c.data.name);
    return `${id ? `</${c.data.name}:${id}>` : `**/${c.data.name}**`} ${c.help[locale]}`;
  };
  const shown = commands.filter((c) => reader.moderator || !forModerators(c));
  const lines = [
    strings.helpIntro,
    '',
    ...shown.map(line),
    '',
    strings.helpMarks,
    strings.helpColors,
    '',
    strings.helpChannel,
  ];
  const channels = reader.qaChannelIds.map((id) => `<#${id}>`);
  if (channels.length > 0) lines.push(strings.helpQaChannels(channels.join(', '), channels.length));
  return {
    embeds: [{ title: strings.helpTitle, color: COLORS.info, description: fitLines(lines, LIMITS.embedDescription) }],
  };
}
