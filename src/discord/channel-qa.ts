/**
 * Answering questions asked in channels: messages that mention the bot, and questions in the
 * configured Q&A channels. Deciding what to answer is a pure function so it can be tested
 * without Discord.
 */
import type { Message } from 'discord.js';
import { checkQuestion, looksLikeQuestion } from '../engine/index.ts';
import { refusalText, type Locale } from '../view/strings.ts';
import type { BotContext, CommandContext } from './command.ts';
import type { Cooldown } from './cooldown.ts';
import { discordStrings } from './strings.ts';
import { renderAnswer } from './render/answer.ts';
import { renderNotice } from './render/notice.ts';
import { toPayload, type BotMessage } from './render/payload.ts';
import { log } from '../log.ts';

/** Messages carry no client locale, so channel answers are in the default UI language. */
const MESSAGE_LOCALE: Locale = 'sl';

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
}

/**
 * The text addressed to the bot in `message` (its mention removed), or null when the bot should
 * stay silent. Only a user mention of the bot itself counts (`mentionsBot`: `<@id>`, `<@!id>` or
 * a pinging reply); `@everyone`, `@here` and role mentions never do. Bots, webhooks and the bot
 * itself are ignored, so two bots cannot loop. A mention with nothing to ask comes back as the
 * empty string (the reply says what to write); in a Q&A channel, a message without letters or
 * digits ("???") is not a question and gets nothing, and any other message counts when it looks
 * like a question (the engine's `looksLikeQuestion`: it ends with `?` or starts with a question word).
 */
export function channelQuestion(
  message: IncomingMessage,
  botId: string,
  qaChannelIds: readonly string[],
): string | null {
  if (message.author.bot || message.author.id === botId || message.webhookId) return null;
  const mention = new RegExp(`<@!?${botId}>`, 'g');
  const mentioned = message.mentionsBot || mention.test(message.content);
  const text = message.content.replace(mention, ' ').replace(/\s+/g, ' ').trim();
  if (mentioned) return text;
  if (!qaChannelIds.includes(message.channelId) || !looksLikeQuestion(text)) return null;
  const check = checkQuestion(text);
  return !check.ok && check.reason === 'empty' ? null : text;
}

/**
 * What to send back for a channel question: an answer, one line saying why it cannot be asked
 * (empty, or longer than `MAX_QUESTION_LENGTH`), a cooldown notice, or nothing.
 */
export function channelReply(
  question: string,
  userId: string,
  { live, locale }: CommandContext,
  cooldown: Cooldown,
): BotMessage | null {
  const verdict = cooldown.hit(userId);
  if (!verdict.allowed)
    return verdict.notify
      ? renderNotice(discordStrings(locale).cooldown(Math.ceil(verdict.retryAfterMs / 1000)))
      : null;
  const check = checkQuestion(question);
  if (!check.ok) return renderNotice(refusalText(check, locale));
  return renderAnswer(live.engine.ask(check.question), locale);
}

/** The `messageCreate` handler. Never throws: a failed reply is logged and the bot goes on. */
export async function handleMessage(message: Message, context: BotContext, cooldown: Cooldown): Promise<void> {
  const botId = message.client.user.id;
  const incoming: IncomingMessage = {
    content: message.content,
    channelId: message.channelId,
    author: message.author,
    webhookId: message.webhookId,
    mentionsBot: message.mentions.users.has(botId),
  };
  const question = channelQuestion(incoming, botId, context.config.QA_CHANNEL_IDS);
  if (question === null) return;
  try {
    const reply = channelReply(question, message.author.id, { ...context, locale: MESSAGE_LOCALE }, cooldown);
    if (!reply) return;
    // Reply without pinging the author; if the message was deleted meanwhile, post it plainly.
    await message.reply({ ...toPayload(reply), failIfNotExists: false });
    log.info(`channel question by ${message.author.id} in ${message.channelId} answered`);
  } catch (error) {
    log.error(`channel question by ${message.author.id} in ${message.channelId} failed`, error);
  }
}
