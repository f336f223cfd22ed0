/**
 * Builds full message objects the way Discord returns them, for both directions: messages the bot
 * creates (REST responses and their MESSAGE_CREATE echo) and messages people send (MESSAGE_CREATE
 * from the test). discord.js caches and re-reads these, so partial objects would hide bugs.
 */
import { pingsOf } from './mentions.ts';
import { allUsers, memberJson, userJson, type World } from './world.ts';

export type MessageJson = Record<string, unknown> & { id: string; channel_id: string; content: string; flags: number };

/** Message flags used by the fake. */
export const MessageFlag = { Ephemeral: 1 << 6, Loading: 1 << 7 } as const;

export interface BotMessageContext {
  id: string;
  channelId: string;
  /** Set for interaction responses and follow-ups (they come from the application's webhook). */
  webhookId?: string;
  /** The message replied to, when the body has a `message_reference`. */
  referenced?: MessageJson;
  /** Interaction the message answers, for `interaction_metadata`. */
  interaction?: { id: string; type: number; userId: string; name?: string };
  extraFlags?: number;
}

/** Turns a body the bot sent into the message Discord would store and return. */
export function botMessage(world: World, body: unknown, ctx: BotMessageContext): MessageJson {
  const b = (body ?? {}) as Record<string, unknown>;
  const pings = pingsOf(b);
  const users = allUsers(world);
  const mentioned = [
    ...pings.users,
    ...(pings.repliedUser && ctx.referenced ? [(ctx.referenced.author as { id: string }).id] : []),
  ];
  const embeds = Array.isArray(b.embeds) ? b.embeds.map((e: Record<string, unknown>) => ({ type: 'rich', ...e })) : [];
  return {
    id: ctx.id,
    type: ctx.interaction ? (ctx.interaction.type === 2 ? 20 : 0) : ctx.referenced ? 19 : 0,
    content: typeof b.content === 'string' ? b.content : '',
    channel_id: ctx.channelId,
    author: userJson(world.botUser),
    attachments: [],
    embeds,
    mentions: [...new Set(mentioned)].filter((id) => users.has(id)).map((id) => userJson(users.get(id)!)),
    mention_roles: pings.roles,
    mention_everyone: pings.everyone,
    pinned: false,
    tts: b.tts === true,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: (typeof b.flags === 'number' ? b.flags : 0) | (ctx.extraFlags ?? 0),
    components: Array.isArray(b.components) ? b.components : [],
    ...(typeof b.nonce === 'string' || typeof b.nonce === 'number' ? { nonce: b.nonce } : {}),
    ...(ctx.webhookId ? { webhook_id: ctx.webhookId, application_id: world.application.id } : {}),
    ...(ctx.referenced
      ? {
          message_reference: {
            type: 0,
            message_id: ctx.referenced.id,
            channel_id: ctx.channelId,
            ...(ctx.referenced.guild_id ? { guild_id: ctx.referenced.guild_id } : {}),
          },
          referenced_message: { ...ctx.referenced, member: undefined, guild_id: undefined },
        }
      : {}),
    ...(ctx.interaction
      ? {
          interaction_metadata: {
            id: ctx.interaction.id,
            type: ctx.interaction.type,
            user: userJson(users.get(ctx.interaction.userId)!),
            authorizing_integration_owners: { '0': world.guild.id },
            ...(ctx.interaction.name ? { name: ctx.interaction.name } : {}),
          },
        }
      : {}),
  };
}

/** Applies an edit body to a stored message (only the fields present change), as Discord does. */
export function editMessage(msg: MessageJson, body: unknown, clearFlags = 0): MessageJson {
  const b = (body ?? {}) as Record<string, unknown>;
  const next: MessageJson = { ...msg, edited_timestamp: new Date().toISOString(), flags: msg.flags & ~clearFlags };
  if ('content' in b) next.content = typeof b.content === 'string' ? b.content : '';
  if ('embeds' in b)
    next.embeds = Array.isArray(b.embeds) ? b.embeds.map((e: Record<string, unknown>) => ({ type: 'rich', ...e })) : [];
  if ('components' in b) next.components = Array.isArray(b.components) ? b.components : [];
  // `mentions` keeps the original users (an edit does not notify again); roles/everyone follow the text.
  const pings = pingsOf({ ...b, content: next.content });
  next.mention_everyone = pings.everyone;
  next.mention_roles = pings.roles;
  return next;
}

/** Adds the gateway-only fields of a guild MESSAGE_CREATE (`guild_id`, the author's `member`). */
export function withGuildFields(world: World, msg: MessageJson, guildId: string | undefined): MessageJson {
  if (!guildId) return msg;
  const authorId = (msg.author as { id: string }).id;
  const member = memberJson(world, authorId, false);
  return { ...msg, guild_id: guildId, ...(member && !msg.webhook_id ? { member } : {}) };
}
