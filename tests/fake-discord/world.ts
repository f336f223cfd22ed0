/**
 * The fake's small, fixed world: the bot's application and user, one test guild with text channels,
 * roles and members, and a few people to send questions. Also builds the JSON shapes Discord sends
 * for them (user, member, role, channel, guild, message), with every field discord.js 14 reads, so
 * the bot under test sees what it would see in production rather than minimal stubs.
 */
import { snowflake } from './snowflake.ts';

/** Permission bits the scenarios need (Discord's values). */
export const Permission = {
  CreateInstantInvite: 1n << 0n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  ChangeNickname: 1n << 26n,
  UseApplicationCommands: 1n << 31n,
  SendMessagesInThreads: 1n << 38n,
} as const;

/** Every permission bit Discord currently defines (what an administrator effectively has). */
export const ALL_PERMISSIONS = (1n << 53n) - 1n;

/** Gateway intent bits the fake honours when deciding what to dispatch. */
export const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
} as const;

/** Application flags: the Message Content intent is enabled for the bot in the developer portal. */
export const APPLICATION_FLAGS = (1 << 18) /* GATEWAY_MESSAGE_CONTENT */ | (1 << 23); /* APPLICATION_COMMAND_BADGE */

/** Locales Discord accepts (`sl` is not one of them: Slovene users arrive with e.g. `en-US`). */
export const DISCORD_LOCALES = [
  'id',
  'da',
  'de',
  'en-GB',
  'en-US',
  'es-ES',
  'es-419',
  'fr',
  'hr',
  'it',
  'lt',
  'hu',
  'nl',
  'no',
  'pl',
  'pt-BR',
  'ro',
  'fi',
  'sv-SE',
  'vi',
  'tr',
  'cs',
  'el',
  'bg',
  'ru',
  'uk',
  'hi',
  'th',
  'zh-CN',
  'ja',
  'zh-TW',
  'ko',
] as const;

export interface FakeUser {
  id: string;
  username: string;
  globalName: string | null;
  bot?: boolean;
}

export interface FakeRole {
  id: string;
  name: string;
  permissions: bigint;
  mentionable: boolean;
  position: number;
  /** Set for the bot's own managed role. */
  botId?: string;
}

export interface FakeChannel {
  id: string;
  name: string;
  /** 0 = guild text, 1 = DM, 2 = guild voice. */
  type: 0 | 1 | 2;
  /** For DMs: the other party. */
  recipientId?: string;
}

export interface FakeMember {
  userId: string;
  roleIds: string[];
  nick: string | null;
  joinedAt: string;
}

/** Everything the fake knows about; tests may read ids from here (e.g. `fake.world.channels.general.id`). */
export interface World {
  token: string;
  application: { id: string; name: string; flags: number };
  botUser: FakeUser;
  guild: { id: string; name: string; ownerId: string; preferredLocale: string };
  roles: { everyone: FakeRole; moderator: FakeRole; readers: FakeRole; bot: FakeRole };
  channels: { general: FakeChannel; questions: FakeChannel; voice: FakeChannel };
  users: { alice: FakeUser; moderator: FakeUser; otherBot: FakeUser };
  members: Map<string, FakeMember>;
  /** DM channels by user id, created on demand. */
  dmChannels: Map<string, FakeChannel>;
}

/**
 * Builds a fresh world with new snowflakes (one per fake server, so runs never share ids). With
 * `shards` above 1, the guild's id is chosen so that its events go to the last shard (DMs go to
 * shard 0), so a test with two shards sees both at work.
 */
export function createWorld(token: string, shards = 1): World {
  const appId = snowflake();
  let guildId = snowflake();
  for (let back = 1; Number((BigInt(guildId) >> 22n) % BigInt(shards)) !== shards - 1; back++)
    guildId = snowflake(Date.now() - back);
  const user = (username: string, globalName: string | null, bot = false): FakeUser => ({
    id: snowflake(),
    username,
    globalName,
    ...(bot ? { bot } : {}),
  });
  const alice = user('alice', 'Alice');
  const moderator = user('mod', 'Moderatorka');
  const otherBot = user('otherbot', null, true);
  const botUser: FakeUser = { id: appId, username: 'odlomek-test', globalName: null, bot: true };
  const basic =
    Permission.ViewChannel |
    Permission.SendMessages |
    Permission.ReadMessageHistory |
    Permission.AddReactions |
    Permission.UseApplicationCommands |
    Permission.EmbedLinks |
    Permission.AttachFiles |
    Permission.CreateInstantInvite |
    Permission.ChangeNickname |
    Permission.UseExternalEmojis |
    Permission.SendMessagesInThreads;
  const roles = {
    everyone: { id: guildId, name: '@everyone', permissions: basic, mentionable: false, position: 0 },
    readers: { id: snowflake(), name: 'Bralci', permissions: 0n, mentionable: true, position: 1 },
    moderator: {
      id: snowflake(),
      name: 'Moderator',
      permissions: Permission.ManageGuild | Permission.ManageMessages | Permission.MentionEveryone,
      mentionable: false,
      position: 2,
    },
    bot: { id: snowflake(), name: 'odlomek-test', permissions: basic, mentionable: false, position: 3, botId: appId },
  };
  const joinedAt = new Date(Date.now() - 86_400_000).toISOString();
  const members = new Map<string, FakeMember>([
    [botUser.id, { userId: botUser.id, roleIds: [roles.bot.id], nick: null, joinedAt }],
    [alice.id, { userId: alice.id, roleIds: [roles.readers.id], nick: null, joinedAt }],
    [moderator.id, { userId: moderator.id, roleIds: [roles.moderator.id], nick: 'Moderatorka', joinedAt }],
    [otherBot.id, { userId: otherBot.id, roleIds: [], nick: null, joinedAt }],
  ]);
  return {
    token,
    application: { id: appId, name: 'odlomek-test', flags: APPLICATION_FLAGS },
    botUser,
    guild: { id: guildId, name: 'Odlomek Test', ownerId: moderator.id, preferredLocale: 'en-US' },
    roles,
    channels: {
      general: { id: snowflake(), name: 'splosno', type: 0 },
      questions: { id: snowflake(), name: 'vprasanja', type: 0 },
      voice: { id: snowflake(), name: 'glasovni', type: 2 },
    },
    users: { alice, moderator, otherBot },
    members,
    dmChannels: new Map(),
  };
}

/** All users of the world, bot included, by id. */
export function allUsers(world: World): Map<string, FakeUser> {
  return new Map([world.botUser, ...Object.values(world.users)].map((u) => [u.id, u]));
}

/** The DM channel between the bot and `userId`, created on first use. */
export function dmChannel(world: World, userId: string): FakeChannel {
  let ch = world.dmChannels.get(userId);
  if (!ch) {
    ch = { id: snowflake(), name: '', type: 1, recipientId: userId };
    world.dmChannels.set(userId, ch);
  }
  return ch;
}

/** A channel of the world by id (guild channels and DMs). */
export function findChannel(world: World, id: string): FakeChannel | undefined {
  return [...Object.values(world.channels), ...world.dmChannels.values()].find((c) => c.id === id);
}

/** Guild-wide permissions of a member: @everyone plus their roles; Administrator means all. */
export function memberPermissions(world: World, userId: string): bigint {
  const member = world.members.get(userId);
  let perms = world.roles.everyone.permissions;
  for (const role of Object.values(world.roles)) if (member?.roleIds.includes(role.id)) perms |= role.permissions;
  if (world.guild.ownerId === userId || perms & Permission.Administrator) return ALL_PERMISSIONS;
  return perms;
}

export function userJson(u: FakeUser): Record<string, unknown> {
  return {
    id: u.id,
    username: u.username,
    discriminator: '0',
    global_name: u.globalName,
    avatar: null,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
    public_flags: 0,
    flags: 0,
    banner: null,
    accent_color: null,
    ...(u.bot ? { bot: true } : {}),
  };
}

/** A guild member; `withUser: false` gives the partial form used inside `message.mentions[].member`. */
export function memberJson(world: World, userId: string, withUser = true): Record<string, unknown> | undefined {
  const m = world.members.get(userId);
  const u = allUsers(world).get(userId);
  if (!m || !u) return undefined;
  return {
    ...(withUser ? { user: userJson(u) } : {}),
    roles: m.roleIds,
    nick: m.nick,
    avatar: null,
    banner: null,
    joined_at: m.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
    unusual_dm_activity_until: null,
  };
}

export function roleJson(r: FakeRole): Record<string, unknown> {
  return {
    id: r.id,
    name: r.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: r.position,
    permissions: r.permissions.toString(),
    managed: r.botId !== undefined,
    mentionable: r.mentionable,
    flags: 0,
    ...(r.botId ? { tags: { bot_id: r.botId } } : {}),
  };
}

export function channelJson(world: World, c: FakeChannel, withGuildId = true): Record<string, unknown> {
  if (c.type === 1) {
    const u = allUsers(world).get(c.recipientId ?? '');
    return { id: c.id, type: 1, last_message_id: null, flags: 0, recipients: u ? [userJson(u)] : [] };
  }
  const common = {
    id: c.id,
    type: c.type,
    ...(withGuildId ? { guild_id: world.guild.id } : {}),
    name: c.name,
    position: Object.values(world.channels).indexOf(c),
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: null,
    flags: 0,
  };
  if (c.type === 2) return { ...common, bitrate: 64000, user_limit: 0, rtc_region: null, video_quality_mode: 1 };
  return { ...common, topic: null, last_pin_timestamp: null };
}

/** The GUILD_CREATE payload: a full, available guild with channels, roles and members. */
export function guildCreateJson(world: World): Record<string, unknown> {
  const g = world.guild;
  return {
    id: g.id,
    name: g.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: g.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 1,
    default_message_notifications: 1,
    explicit_content_filter: 2,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: g.preferredLocale,
    features: [],
    system_channel_id: world.channels.general.id,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    application_id: null,
    max_members: 500000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    incidents_data: null,
    roles: Object.values(world.roles).map(roleJson),
    emojis: [],
    stickers: [],
    joined_at: world.members.get(world.botUser.id)?.joinedAt,
    large: false,
    unavailable: false,
    member_count: world.members.size,
    voice_states: [],
    members: [...world.members.keys()].map((id) => memberJson(world, id)),
    channels: Object.values(world.channels).map((c) => channelJson(world, c, false)),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    lazy: true,
  };
}

/** The application object for READY (`{id, flags}`) and `GET /applications/@me` (full). */
export function applicationJson(world: World, full: boolean): Record<string, unknown> {
  const a = world.application;
  if (!full) return { id: a.id, flags: a.flags };
  return {
    id: a.id,
    name: a.name,
    icon: null,
    description: 'Fake application for end-to-end tests',
    summary: '',
    type: null,
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: a.flags,
    hook: true,
    is_monetized: false,
    team: null,
    owner: userJson(world.users.moderator),
    bot: userJson(world.botUser),
    approximate_guild_count: 1,
    integration_types_config: { '0': {}, '1': {} },
    redirect_uris: [],
    interactions_endpoint_url: null,
    tags: [],
  };
}
