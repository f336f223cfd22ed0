/** What the bot sends, and the one place the no-pings policy is applied to it. */
import type { APIEmbed } from 'discord.js';

/** Nothing the bot sends may ping: not echoed `@everyone`, roles, users, nor a reply's author. */
export const NO_MENTIONS = { parse: [], repliedUser: false } satisfies { parse: []; repliedUser: boolean };

/** The parts of a message every face of the bot sends (reply, edit, follow-up, channel reply). */
export interface BotMessage {
  content?: string;
  embeds: APIEmbed[];
}

/**
 * What discord.js gets for a `BotMessage`, wherever it is sent: the one place mentions are turned
 * off. `content` is always set, so an edit that replaces content with embeds clears the old text.
 */
export function toPayload(message: BotMessage): {
  content: string;
  embeds: APIEmbed[];
  allowedMentions: typeof NO_MENTIONS;
} {
  return { content: message.content ?? '', embeds: message.embeds, allowedMentions: NO_MENTIONS };
}
