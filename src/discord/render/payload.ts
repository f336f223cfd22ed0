/** What the bot sends, and the one place the no-pings policy is applied to it. */
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';

/** Nothing the bot sends may ping: not echoed `@everyone`, roles, users, nor a reply's author. */
export const NO_MENTIONS = { parse: [], repliedUser: false } satisfies { parse: []; repliedUser: boolean };

/** The parts of a message every face of the bot sends (reply, edit, follow-up, channel reply). */
export interface BotMessage {
  content?: string;
  embeds: APIEmbed[];
  /** Rows of buttons under the message. */
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Attached files (an export, a chart an embed shows as `attachment://name`). */
  files?: BotFile[];
}

export interface BotFile {
  name: string;
  data: Buffer;
}

/**
 * What discord.js gets for a `BotMessage`, wherever it is sent: the one place mentions are turned
 * off. `content` and `components` are always set, so an edit that replaces a message clears the
 * old text and buttons.
 */
export function toPayload(message: BotMessage): {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowedMentions: typeof NO_MENTIONS;
  files?: { attachment: Buffer; name: string }[];
} {
  return {
    content: message.content ?? '',
    embeds: message.embeds,
    components: message.components ?? [],
    allowedMentions: NO_MENTIONS,
    ...(message.files ? { files: message.files.map((f) => ({ attachment: f.data, name: f.name })) } : {}),
  };
}
