/**
 * Answering questions asked in channels: messages that mention the bot, and questions in the
 * configured Q&A channels. Deciding what to answer is a pure function so it can be tested
 * without Discord.
 */
import {
  DiscordAPIError,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  type BaseInteraction,
  type Message,
  type PartialMessage,
} from 'discord.js';
import {
  asksSomething,
  asksWhatItIsAbout,
  checkQuestion,
  isSmallTalk,
  looksLikeQuestion,
  smallTalkKind,
} from '../engine/index.ts';
import { refusalText } from '../view/strings.ts';
import type { BotContext, CommandContext } from './command.ts';
import { Cooldown } from './cooldown.ts';
import type { ChannelReplies } from './channel-replies.ts';
import { answerMessage } from './answer-post.ts';
import { earlierQuestion, inContextOf, type PreviousQuestion } from './follow-up.ts';
import { namesBot, withoutBotMention } from './bot-mention.ts';
import { discordStrings } from './strings.ts';
import { renderNotice } from './render/notice.ts';
import { toPayload, type BotMessage } from './render/payload.ts';
import { log } from '../log.ts';
import { isTokenRefused, TOKEN_REFUSED_WHILE_RUNNING } from './connect-failure.ts';

/** The parts of a message the decision needs, taken from a discord.js `Message`. */
export interface IncomingMessage {
  content: string;
  channelId: string;
  author: { id: string; bot: boolean };
  /** Set for webhook posts (other bots, integrations). */
  webhookId?: string | null;
  /**
   * The bot is among the mentioned users: `<@id>` in the text, or a reply to the bot with the
   * ping on (a follow-up to its answer), which carries no `<@id>`. Never set by @everyone,
   * @here or roles (`message.mentions.users` holds users only).
   */
  mentionsBot: boolean;
  /** A reply to another member's (or another bot's) message: their conversation, not the bot's. */
  repliesToOther: boolean;
}

/**
 * The text addressed to the bot in `message` (its mention removed), or null when the bot should
 * stay silent. Only a user mention of the bot itself counts (`<@id>`, `<@!id>`, or a pinging
 * reply: `mentionsBot`); `@everyone`, `@here` and role mentions never do. Bots, webhooks and the
 * bot itself are ignored, so two bots cannot loop. A bare mention comes back as the empty string
 * (the reply says how to ask). A pinging reply to an answer counts when it asks something (the
 * engine's `asksSomething`: "zakaj pa", "povej več") and is no chat ("hvala!", "aha, razumem").
 * In a Q&A channel a message counts when it looks like a question (`looksLikeQuestion`: it ends
 * with `?` or starts with a question word), asks for help ("pomoč") or for what the article is
 * about ("tl;dr"); one without letters or digits ("???") gets the same hint as an empty `/ask`;
 * one that mentions another member or replies to their message is left to them, and so is chat
 * among members ("živjo vsem, kako ste?").
 */
export function channelQuestion(
  message: IncomingMessage,
  botId: string,
  qaChannelIds: readonly string[],
): string | null {
  if (message.author.bot || message.author.id === botId || message.webhookId) return null;
  const text = withoutBotMention(message.content, botId);
  if (namesBot(message.content, botId)) return text;
  // A reply to an answer pings the bot by default: "aha, razumem", "ni res" or "hvala!" under it
  // is said to the asker's neighbours, not asked (named, "@odlomek hvala", it is told what the bot is for).
  if (message.mentionsBot) return asksSomething(text) && smallTalkKind(text) !== 'chat' ? text : null;
  if (!qaChannelIds.includes(message.channelId)) return null;
  const talk = smallTalkKind(text);
  // "Živjo vsem, kako ste kaj?": members greeting each other, not asking the bot ("pomoč?" asks it).
  if (talk === 'chat') return null;
  // Besides questions, requests that read as none: "pomoč", "tl;dr", "povzemi članek".
  if (!looksLikeQuestion(text) && talk !== 'help' && !asksWhatItIsAbout(text)) return null;
  // Addressed to another member ("@Meta, ali si prebral članek?", or a reply to Meta's message
  // "a res?"): their conversation, not the bot's.
  if (message.repliesToOther || /<@!?\d+>/.test(text)) return null;
  return text;
}

/** Who asked a channel question and where: the asker for the answer's buttons, the bot to name in the how-to. */
export interface ChannelAsker {
  userId: string;
  guildId: string | null;
  channelId: string;
  botId: string;
}

/**
 * What to send back for a channel question: an answer, a short how-to for a bare mention, one
 * line saying why it cannot be asked (no letters or digits, or longer than
 * `MAX_QUESTION_LENGTH`), a cooldown notice, or nothing. `previous` finds the question of the
 * bot's answer this one replies to, for a follow-up that leans on it (see `inContextOf`).
 */
export async function channelReply(
  question: string,
  asker: ChannelAsker,
  context: CommandContext,
  cooldown: Cooldown,
  { cooldownSeconds, previous }: { cooldownSeconds?: number; previous?: PreviousQuestion } = {},
): Promise<BotMessage | null> {
  const strings = discordStrings(context.locale);
  const check = question === '' ? undefined : checkQuestion(question);
  const asked = check?.ok ? check.question : undefined;
  // Small talk ("@odlomek hvala!") is answered with a hint too: what the bot is for.
  const hint = asked === undefined || isSmallTalk(asked);
  // Per server: a server's own cooldown does not make a member wait in another. A hint (how to
  // ask, why a question was refused) has a cooldown of its own: it does not use up the turn of the
  // question that follows it, and repeating it still cannot make the bot flood the channel.
  const verdict = cooldown.hit(
    `${asker.guildId ?? 'dm'}:${asker.userId}${hint ? ':hint' : ''}`,
    cooldownSeconds === undefined ? undefined : cooldownSeconds * 1000,
  );
  // A hint repeated too soon gets nothing: "you can ask again in 10 s" would be untrue, as a real
  // question is answered at once.
  if (!verdict.allowed)
    return verdict.notify && !hint ? renderNotice(strings.cooldown(Math.ceil(verdict.retryAfterMs / 1000))) : null;
  if (asked === undefined)
    return renderNotice(
      check && !check.ok ? refusalText(check, context.locale) : strings.mentionHowTo(`<@${asker.botId}>`),
    );
  return answerMessage(context, {
    question: await inContextOf(context.live.engine, asked, previous),
    askerId: asker.userId,
    guildId: asker.guildId,
    channelId: asker.channelId,
    locale: context.locale,
  });
}

/** What `channelQuestion` reads of a discord.js message. */
function incomingOf(message: Message, botId: string): IncomingMessage {
  return {
    content: message.content,
    channelId: message.channelId,
    author: message.author,
    webhookId: message.webhookId,
    mentionsBot: message.mentions.users.has(botId),
    // Discord sends the message replied to along; discord.js keeps its author, pinged or not.
    // A reply to one's own message ("a pa kdaj?" under one's question) goes on asking.
    repliesToOther:
      message.mentions.repliedUser !== null &&
      message.mentions.repliedUser.id !== botId &&
      message.mentions.repliedUser.id !== message.author.id,
  };
}

/** Who asked the question in `message`, and where. */
function askerOf(message: Message, botId: string): ChannelAsker {
  return { userId: message.author.id, guildId: message.guildId, channelId: message.channelId, botId };
}

/** The `messageCreate` handler. Never throws: a failed reply is logged and the bot goes on. */
export async function handleMessage(
  message: Message,
  context: BotContext,
  cooldown: Cooldown,
  replies: ChannelReplies,
): Promise<void> {
  const botId = message.client.user.id;
  const incoming = incomingOf(message, botId);
  try {
    const settings = await context.settings.get(message.guildId);
    const question = channelQuestion(incoming, botId, settings.qaChannelIds);
    if (question === null) return;
    // Messages carry no client locale: the reply, read by the whole channel, is in the server's language.
    const locale = settings.replyLocale;
    const reply = await channelReply(question, askerOf(message, botId), { ...context, locale }, cooldown, {
      cooldownSeconds: settings.cooldownSeconds,
      previous: earlierQuestion(message, botId, context.store),
    });
    if (!reply) return;
    // Reply without pinging the author; if the message was deleted meanwhile, post it plainly.
    const sent = await message.reply({ ...toPayload(reply), failIfNotExists: false });
    replies.remember(message.id, { replyId: sent.id, question });
    log.info(`channel question in ${message.channelId} answered`);
  } catch (error) {
    const why = channelSetupProblem(error);
    // A channel the bot may not write in is a setting for a moderator, not a bug: one line, no stack.
    // Named with its server: a permission to grant is granted there (command lines name it too).
    const where = `channel question in ${message.channelId} of server ${message.guildId ?? 'none (a DM)'}`;
    if (why) log.warn(`${where} not answered: ${why}`);
    else if (isTokenRefused(error)) log.error(`${where} failed: ${TOKEN_REFUSED_WHILE_RUNNING}`);
    else log.error(`${where} failed`, error);
  }
}

/**
 * The `messageUpdate` handler: a question the bot answered, edited, gets its answer worked out
 * again and the reply edited to it (no cooldown: it is the same question, corrected); edited into
 * something that is no question to the bot any more, its reply is deleted. An edit that leaves the
 * question as it was (Discord adds a link's preview, a typo outside it is fixed) changes nothing.
 * Never throws.
 */
export async function handleMessageEdit(message: Message, context: BotContext, replies: ChannelReplies): Promise<void> {
  const answered = replies.replyTo(message.id);
  if (answered === undefined) return;
  const { replyId } = answered;
  try {
    const botId = message.client.user.id;
    const settings = await context.settings.get(message.guildId);
    const question = channelQuestion(incomingOf(message, botId), botId, settings.qaChannelIds);
    if (question === answered.question) return;
    if (question === null || question === '') {
      replies.forget(message.id);
      await message.channel.messages.delete(replyId);
      log.info(`channel question in ${message.channelId} edited into no question: its answer deleted`);
      return;
    }
    const reply = await channelReply(
      question,
      askerOf(message, botId),
      { ...context, locale: settings.replyLocale },
      new Cooldown(0),
      { previous: earlierQuestion(message, botId, context.store) },
    );
    if (!reply) return;
    replies.remember(message.id, { replyId, question });
    await message.channel.messages.edit(replyId, toPayload(reply));
    log.info(`channel question in ${message.channelId} edited: its answer follows`);
  } catch (error) {
    log.warn(`channel question in ${message.channelId} edited, answer not changed`, error);
  }
}

/** The `messageDelete` handler: a question deleted takes the bot's answer to it along. Never throws. */
export async function handleMessageDelete(message: Message | PartialMessage, replies: ChannelReplies): Promise<void> {
  const replyId = replies.replyTo(message.id)?.replyId;
  if (replyId === undefined) return;
  replies.forget(message.id);
  try {
    await message.channel.messages.delete(replyId);
    log.info(`channel question in ${message.channelId} deleted: its answer deleted too`);
  } catch (error) {
    // Deleted already (by a moderator), or the bot may no longer manage it: nothing to do.
    log.debug(`channel question in ${message.channelId} deleted; its answer stays`, error);
  }
}

/** What a reply in a channel needs besides posting: to see it, read the message it answers, and show an embed. */
const TO_REPLY = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.EmbedLinks,
];

/**
 * Whether the bot may reply in the channel of `interaction`, as Discord tells with every
 * interaction (`app_permissions`): the permissions whose lack `channelSetupProblem` names.
 */
export function mayReplyInChannel(interaction: Pick<BaseInteraction, 'appPermissions' | 'channel'>): boolean {
  const post = interaction.channel?.isThread()
    ? PermissionFlagsBits.SendMessagesInThreads
    : PermissionFlagsBits.SendMessages;
  return interaction.appPermissions.has([...TO_REPLY, post]);
}

/**
 * Why Discord refused a reply because of how the channel is set up, in words a moderator acts on;
 * undefined for any other failure.
 */
export function channelSetupProblem(error: unknown): string | undefined {
  if (!(error instanceof DiscordAPIError)) return undefined;
  switch (error.code) {
    case RESTJSONErrorCodes.MissingPermissions:
      return 'the bot may not post there (50013 Missing Permissions): allow it Send Messages (in a thread: Send Messages in Threads), Embed Links and Read Message History in that channel';
    case RESTJSONErrorCodes.CannotReplyWithoutPermissionToReadMessageHistory:
      return 'the bot may not read the message history there (160002), which a reply needs: allow it Read Message History in that channel';
    case RESTJSONErrorCodes.MissingAccess:
      return 'the bot cannot see that channel (50001 Missing Access): allow it View Channel there';
    case RESTJSONErrorCodes.UnknownChannel:
      return 'the channel was deleted (10003 Unknown Channel)';
    default:
      return undefined;
  }
}
