/**
 * Mentions, both ways:
 *
 * - incoming: Discord fills `mentions`, `mention_roles` and `mention_everyone` of a MESSAGE_CREATE
 *   from the markup in the text (`<@id>`, `<@!id>`, `<@&id>`, `@everyone`, `@here`) and from the
 *   author of a replied-to message; bots often decide "was I addressed?" from these fields, so the
 *   fake computes them the same way instead of letting tests hand-write them;
 * - outgoing: `pingsOf` says whom a message the bot sends would notify, given its text and its
 *   `allowed_mentions` (absent means Discord's default: parse everything), so a test can assert
 *   that quoting an article containing `@everyone` or `<@123>` pings nobody.
 */
import { allUsers, memberJson, userJson, type World } from './world.ts';

const USER_MENTION = /<@!?(\d{17,20})>/g;
const ROLE_MENTION = /<@&(\d{17,20})>/g;
const EVERYONE = /@(everyone|here)\b/;

export interface IncomingMentions {
  mentions: Record<string, unknown>[];
  mention_roles: string[];
  mention_everyone: boolean;
}

/**
 * What Discord puts in a MESSAGE_CREATE for `content` written by someone who may (or may not) use
 * `@everyone`. `replyToAuthorId` adds the replied-to author when the reply pings them.
 */
export function incomingMentions(
  world: World,
  content: string,
  opts: { guild: boolean; canMentionEveryone: boolean; replyToAuthorId?: string },
): IncomingMentions {
  const users = allUsers(world);
  const ids: string[] = [];
  for (const m of content.matchAll(USER_MENTION)) if (users.has(m[1]!) && !ids.includes(m[1]!)) ids.push(m[1]!);
  if (opts.replyToAuthorId && users.has(opts.replyToAuthorId) && !ids.includes(opts.replyToAuthorId))
    ids.push(opts.replyToAuthorId);
  const mentions = ids.map((id) => {
    const member = opts.guild ? memberJson(world, id, false) : undefined;
    return { ...userJson(users.get(id)!), ...(member ? { member } : {}) };
  });
  const roleIds = new Set(Object.values(world.roles).map((r) => r.id));
  const mention_roles = opts.guild
    ? [...new Set([...content.matchAll(ROLE_MENTION)].map((m) => m[1]!))].filter((id) => roleIds.has(id))
    : [];
  return { mentions, mention_roles, mention_everyone: opts.guild && opts.canMentionEveryone && EVERYONE.test(content) };
}

/** Who a message sent by the bot would notify. Empty arrays and `everyone: false` mean "nobody". */
export interface Pings {
  users: string[];
  roles: string[];
  everyone: boolean;
  /** The author of the message replied to, when the reply pings them. */
  repliedUser: boolean;
}

/**
 * Applies Discord's allowed-mentions rules to a message body the bot sent. `isReply` is true when the
 * body has a `message_reference` (replies ping the replied-to author unless `replied_user: false`).
 */
export function pingsOf(body: unknown): Pings {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const content = typeof b.content === 'string' ? b.content : '';
  const am = b.allowed_mentions as
    { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean } | null | undefined;
  const parse = am ? (am.parse ?? []) : ['users', 'roles', 'everyone'];
  const inText = {
    users: [...new Set([...content.matchAll(USER_MENTION)].map((m) => m[1]!))],
    roles: [...new Set([...content.matchAll(ROLE_MENTION)].map((m) => m[1]!))],
  };
  const users = parse.includes('users') ? inText.users : inText.users.filter((id) => am?.users?.includes(id));
  const roles = parse.includes('roles') ? inText.roles : inText.roles.filter((id) => am?.roles?.includes(id));
  const isReply = b.message_reference !== undefined && b.message_reference !== null;
  return {
    users,
    roles,
    everyone: parse.includes('everyone') && EVERYONE.test(content),
    // Discord's default for replies is to ping; with allowed_mentions present it is `replied_user`.
    repliedUser: isReply && (am ? am.replied_user === true : true),
  };
}
