/**
 * Builds the INTERACTION_CREATE and MESSAGE_CREATE payloads the test drivers dispatch. They follow
 * what Discord actually sends (checked against discord.js 14.28's parsers): string permissions,
 * `entitlements: []`, `authorizing_integration_owners`, `context`, a full `channel`, `member` in
 * guilds and `user` in DMs, and message mentions computed from the text.
 */
import { randomBytes } from 'node:crypto';
import { incomingMentions } from './mentions.ts';
import type { MessageJson } from './messages.ts';
import { snowflake } from './snowflake.ts';
import {
  allUsers,
  channelJson,
  dmChannel,
  DISCORD_LOCALES,
  findChannel,
  memberJson,
  memberPermissions,
  Permission,
  userJson,
  type FakeChannel,
  type FakeUser,
  type World,
} from './world.ts';

/** Application command option types (Discord's numbers). */
export const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
} as const;

/** An option as Discord sends it inside `data.options`. */
export interface RawOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: RawOption[];
}

export type OptionValues = Record<string, string | number | boolean>;

/** What `sendInteraction` accepts. */
export interface InteractionOptions {
  /** Slash command name, e.g. `ask`. */
  command: string;
  /**
   * 'command' (CHAT_INPUT, interaction type 2, default), 'autocomplete' (type 4), 'message-command'
   * (a context-menu command on `target`: type 2 with `data.type` 3) or 'button' (a press on a
   * button of `message`: type 3). For buttons `command` is ignored.
   */
  kind?: 'command' | 'autocomplete' | 'message-command' | 'button';
  /** Message command: the message it is run on (`data.target_id`, `data.resolved.messages`). */
  target?: MessageJson;
  /** Button: the message the button sits on (sent whole as `message`, as Discord does). */
  message?: MessageJson;
  /** Button: its `custom_id`. */
  customId?: string;
  /**
   * Option values by name (strings → type 3, integers → 4, other numbers → 10, booleans → 5), or raw
   * options for full control.
   */
  options?: OptionValues | RawOption[];
  /** Subcommand name: the options go inside it. */
  subcommand?: string;
  /** For autocomplete: which option is being typed (default: the first string option). */
  focused?: string;
  /** Who runs the command: a world user key or a user object (default `alice`). */
  user?: 'alice' | 'moderator' | 'otherBot' | FakeUser;
  /** Run it in the bot's DMs instead of the guild. */
  dm?: boolean;
  /** Guild channel id (default: `general`). */
  channelId?: string;
  /** Member permissions (default: computed from the user's roles); bigint or Discord's decimal string. */
  permissions?: bigint | string;
  /** The bot's permissions in the channel, `app_permissions` (default: the bot role's). */
  appPermissions?: bigint | string;
  /** User locale; must be one Discord knows (default `en-US`). */
  locale?: string;
}

/** Where an interaction or message happens, resolved from the options. */
export interface Place {
  channel: FakeChannel;
  guildId: string | undefined;
}

export function resolveUser(world: World, who: InteractionOptions['user']): FakeUser {
  if (who === undefined) return world.users.alice;
  return typeof who === 'string' ? world.users[who] : who;
}

/** A registered option definition (as the bot PUT it), used to type option values like Discord. */
interface OptionDefinition {
  name: string;
  type: number;
  options?: OptionDefinition[];
}

function guessType(value: string | number | boolean): number {
  return typeof value === 'boolean'
    ? OptionType.Boolean
    : typeof value === 'number'
      ? Number.isInteger(value)
        ? OptionType.Integer
        : OptionType.Number
      : OptionType.String;
}

function toRawOptions(
  values: OptionValues | RawOption[] | undefined,
  focused: string | undefined,
  autocomplete: boolean,
  definitions: OptionDefinition[] | undefined,
  command: string,
): RawOption[] {
  if (!values) return [];
  const raw = Array.isArray(values)
    ? values.map((o) => ({ ...o }))
    : Object.entries(values).map(([name, value]): RawOption => {
        if (definitions && !definitions.some((d) => d.name === name)) {
          throw new Error(
            `fake-discord: /${command} has no option "${name}" (registered: ${definitions.map((d) => d.name).join(', ') || 'none'})`,
          );
        }
        return { name, type: definitions?.find((d) => d.name === name)?.type ?? guessType(value), value };
      });
  if (autocomplete) {
    const target = raw.find((o) => (focused ? o.name === focused : o.type === OptionType.String)) ?? raw[0];
    if (target) {
      target.focused = true;
      // Discord sends what the user has typed so far as a string, whatever the option's type.
      target.value = String(target.value ?? '');
    }
  }
  return raw;
}

/** A realistic INTERACTION_CREATE `d` plus the facts the fake needs to track it. */
export function buildInteraction(
  world: World,
  o: InteractionOptions,
  commandId: string,
  /** The command as the bot registered it, if it did: option types come from it, unknown names throw. */
  definition?: Record<string, unknown>,
): { payload: Record<string, unknown>; place: Place; user: FakeUser } {
  const user = resolveUser(world, o.user);
  const locale = o.locale ?? 'en-US';
  if (!(DISCORD_LOCALES as readonly string[]).includes(locale))
    throw new Error(
      `fake-discord: ${locale} is not a Discord locale (Discord sends one of ${DISCORD_LOCALES.join(', ')})`,
    );
  const autocomplete = o.kind === 'autocomplete';
  if (o.kind === 'message-command' && !o.target) throw new Error('fake-discord: a message command needs a target');
  if (o.kind === 'button' && (!o.message || !o.customId))
    throw new Error('fake-discord: a button press needs the message and the custom_id');
  const id = snowflake();
  // Real tokens are base64 of `interaction:<id>:<secret>`; keep that shape (no characters needing escapes).
  const token = Buffer.from(`interaction:${id}:${randomBytes(96).toString('base64url')}`).toString('base64url');
  const channel = o.dm
    ? dmChannel(world, user.id)
    : (findChannel(world, o.channelId ?? world.channels.general.id) ?? missing(o.channelId));
  const guildId = channel.type !== 1 ? world.guild.id : undefined;
  const topDefs = definition ? ((definition.options as OptionDefinition[] | undefined) ?? []) : undefined;
  const defs = o.subcommand
    ? (topDefs?.find((d) => d.name === o.subcommand)?.options ?? (topDefs ? [] : undefined))
    : topDefs;
  let options = toRawOptions(o.options, o.focused, autocomplete, defs, o.command);
  const resolved = resolvedFor(world, options, channel.type !== 1);
  if (o.subcommand) options = [{ name: o.subcommand, type: OptionType.Subcommand, options }];
  const botPerms = memberPermissions(world, world.botUser.id);
  const perms = (v: bigint | string | undefined, fallback: bigint) =>
    (v === undefined ? fallback : BigInt(v)).toString();
  const payload: Record<string, unknown> = {
    id,
    application_id: world.application.id,
    type: autocomplete ? 4 : o.kind === 'button' ? 3 : 2,
    token,
    version: 1,
    data: interactionData(o, commandId, options, resolved, definition),
    ...(o.kind === 'button' ? { message: o.message } : {}),
    channel: channelJson(world, channel),
    channel_id: channel.id,
    locale,
    app_permissions: perms(
      o.appPermissions,
      guildId
        ? botPerms
        : Permission.ViewChannel |
            Permission.SendMessages |
            Permission.EmbedLinks |
            Permission.AttachFiles |
            Permission.ReadMessageHistory |
            Permission.UseExternalEmojis |
            Permission.AddReactions,
    ),
    entitlements: [],
    entitlement_sku_ids: [],
    authorizing_integration_owners: { '0': guildId ?? '0' },
    context: guildId ? 0 : 1,
    attachment_size_limit: 10_485_760,
  };
  if (guildId) {
    payload.guild_id = guildId;
    payload.guild = { id: guildId, locale: world.guild.preferredLocale, features: [] };
    payload.guild_locale = world.guild.preferredLocale;
    payload.member = {
      ...memberJson(world, user.id),
      permissions: perms(o.permissions, memberPermissions(world, user.id)),
    };
  } else {
    payload.user = userJson(user);
  }
  return { payload, place: { channel, guildId }, user };
}

/** `data` of an interaction: the command with its options, the message a menu command targets, or the pressed button. */
function interactionData(
  o: InteractionOptions,
  commandId: string,
  options: RawOption[],
  resolved: Record<string, Record<string, unknown>> | undefined,
  definition: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const guild = typeof definition?.guild_id === 'string' ? { guild_id: definition.guild_id } : {};
  if (o.kind === 'button') return { custom_id: o.customId, component_type: 2 };
  if (o.kind === 'message-command')
    return {
      id: commandId,
      name: o.command,
      type: 3,
      target_id: o.target!.id,
      resolved: { messages: { [o.target!.id]: o.target } },
      ...guild,
    };
  return {
    id: commandId,
    name: o.command,
    type: 1,
    ...(options.length ? { options } : {}),
    ...(resolved ? { resolved } : {}),
    ...guild,
  };
}

/** `data.resolved` for user, channel and role options (discord.js reads option objects from it). */
function resolvedFor(
  world: World,
  options: RawOption[],
  inGuild: boolean,
): Record<string, Record<string, unknown>> | undefined {
  const out: Record<string, Record<string, unknown>> = {};
  const put = (kind: string, id: string, value: unknown) => {
    if (value !== undefined) (out[kind] ??= {})[id] = value;
  };
  const users = allUsers(world);
  for (const opt of options) {
    const id = String(opt.value ?? '');
    if (opt.type === OptionType.User || opt.type === OptionType.Mentionable) {
      const u = users.get(id);
      if (u) put('users', id, userJson(u));
      if (u && inGuild) {
        const m = memberJson(world, id, false);
        put('members', id, m && { ...m, permissions: memberPermissions(world, id).toString() });
      }
    }
    if (opt.type === OptionType.Role || opt.type === OptionType.Mentionable) {
      const r = Object.values(world.roles).find((x) => x.id === id);
      if (r)
        put('roles', id, {
          id: r.id,
          name: r.name,
          color: 0,
          hoist: false,
          position: r.position,
          permissions: r.permissions.toString(),
          managed: r.botId !== undefined,
          mentionable: r.mentionable,
          flags: 0,
        });
    }
    if (opt.type === OptionType.Channel) {
      const c = findChannel(world, id);
      if (c)
        put('channels', id, {
          id: c.id,
          name: c.name,
          type: c.type,
          permissions: memberPermissions(world, world.botUser.id).toString(),
          flags: 0,
        });
    }
  }
  return Object.keys(out).length ? out : undefined;
}

/** What `sendMessage` accepts. */
export interface MessageOptions {
  content: string;
  /** Channel id (default: `general`); ignored with `dm`. */
  channelId?: string;
  /** A DM to the bot (needs the DirectMessages intent to be delivered). */
  dm?: boolean;
  /** Author: a world user key or user object (default `alice`). Use `otherBot` for a bot author. */
  author?: 'alice' | 'moderator' | 'otherBot' | FakeUser;
  /** Reply to this message id (e.g. the bot's previous answer); pings its author unless `replyPing: false`. */
  replyTo?: string;
  replyPing?: boolean;
  /** Whether the author may use @everyone/@here (default: from their roles). */
  canMentionEveryone?: boolean;
  /** A webhook posted it (author is then a webhook user, `webhook_id` set). */
  webhook?: boolean;
}

/** A realistic MESSAGE_CREATE `d` for a person (or another bot) writing in a channel. */
export function buildIncomingMessage(
  world: World,
  o: MessageOptions,
  /** The messages there are to reply to: people's, the bot's, and its interaction responses. */
  messages: { get(id: string): MessageJson | undefined },
): { payload: MessageJson; place: Place } {
  const author = resolveUser(world, o.author);
  const channel = o.dm
    ? dmChannel(world, author.id)
    : (findChannel(world, o.channelId ?? world.channels.general.id) ?? missing(o.channelId));
  const guildId = channel.type !== 1 ? world.guild.id : undefined;
  const referenced = o.replyTo ? messages.get(o.replyTo) : undefined;
  if (o.replyTo && !referenced) throw new Error(`fake-discord: cannot reply to unknown message ${o.replyTo}`);
  const replyAuthor = referenced ? (referenced.author as { id: string }).id : undefined;
  const canEveryone = o.canMentionEveryone ?? (memberPermissions(world, author.id) & Permission.MentionEveryone) !== 0n;
  const mentions = incomingMentions(world, o.content, {
    guild: guildId !== undefined,
    canMentionEveryone: canEveryone,
    ...(replyAuthor && o.replyPing !== false ? { replyToAuthorId: replyAuthor } : {}),
  });
  const id = snowflake();
  const member = guildId && !o.webhook ? memberJson(world, author.id, false) : undefined;
  const payload: MessageJson = {
    id,
    type: referenced ? 19 : 0,
    content: o.content,
    channel_id: channel.id,
    author: o.webhook
      ? { id: snowflake(), username: 'Spidey Bot', discriminator: '0000', avatar: null, bot: true, global_name: null }
      : userJson(author),
    attachments: [],
    embeds: [],
    ...mentions,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: 0,
    components: [],
    nonce: snowflake(),
    ...(o.webhook ? { webhook_id: snowflake() } : {}),
    ...(guildId ? { guild_id: guildId } : {}),
    ...(member ? { member } : {}),
    ...(referenced
      ? {
          message_reference: {
            type: 0,
            message_id: referenced.id,
            channel_id: channel.id,
            ...(guildId ? { guild_id: guildId } : {}),
          },
          referenced_message: { ...referenced, guild_id: undefined, member: undefined },
        }
      : {}),
  };
  return { payload, place: { channel, guildId } };
}

/**
 * Without the Message Content intent Discord blanks content, embeds, attachments and components of
 * guild messages, except messages that mention the bot (and the bot's own). Applied at dispatch time.
 */
export function applyContentIntent(world: World, msg: MessageJson, hasIntent: boolean): MessageJson {
  if (hasIntent || !msg.guild_id) return msg;
  const authorId = (msg.author as { id: string }).id;
  const mentionsBot = (msg.mentions as { id: string }[]).some((u) => u.id === world.botUser.id);
  if (authorId === world.botUser.id || mentionsBot) return msg;
  return { ...msg, content: '', embeds: [], attachments: [], components: [] };
}

function missing(id: string | undefined): never {
  throw new Error(`fake-discord: unknown channel ${String(id)}`);
}

/** Users the fake knows, for tests that want to mention someone. */
export function knownUsers(world: World): FakeUser[] {
  return [...allUsers(world).values()];
}
