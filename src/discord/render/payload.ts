/** What the bot sends, and the one place the no-pings policy is applied to it. */
import type { APIActionRowComponent, APIAllowedMentions, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';

/** Nothing the bot sends may ping: not echoed `@everyone`, roles, users, nor a reply's author. */
export const NO_MENTIONS = { parse: [], repliedUser: false } satisfies { parse: []; repliedUser: boolean };

/** `NO_MENTIONS` as Discord's API spells it, for bodies the bot builds itself (`../interaction-rest.ts`). */
export const NO_MENTIONS_API = {
  parse: NO_MENTIONS.parse,
  replied_user: NO_MENTIONS.repliedUser,
} satisfies APIAllowedMentions;

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

/**
 * A `BotMessage` without files as the JSON body of a message Discord's API takes (an interaction
 * reply's `data`, an edit of the reply): what `toPayload` becomes inside discord.js, built
 * directly. Mentions off and `content` and `components` always set, as in `toPayload`.
 */
export function toApiBody(message: BotMessage): {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowed_mentions: typeof NO_MENTIONS_API;
} {
  if (message.files) throw new Error('toApiBody: a message with files is sent through discord.js (multipart)');
  return {
    content: message.content ?? '',
    embeds: message.embeds,
    components: message.components ?? [],
    allowed_mentions: NO_MENTIONS_API,
  };
}
