/**
 * Answering questions asked in channels: messages that mention the bot, and questions in the
 * configured Q&A channels. Deciding what to answer is a pure function so it can be tested
 * without Discord.
 */
import type { Message } from 'discord.js';
import type { LiveEngine } from '../engine/engine.ts';
import { checkQuestion } from '../engine/question-limit.ts';
import type { Cooldown } from './cooldown.ts';
import { refusalText, t, type Locale } from './i18n.ts';
import { PRODUCT } from './limits.ts';
import { renderAnswer, renderNotice, toPayload, type BotMessage } from './render.ts';
import { log } from '../log.ts';

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
 * Slovenian question words that start a question even without `?`. No English ones: "do", "is"
 * or "can" also start Slovenian statements ("Do petka bo …").
 */
const QUESTION_START = /^(kdo|koga|komu|kom|kaj|česa|čemu|čim|kdaj|kje|kam|kod|od kod|zakaj|kako|koliko|kakšn\w*|kater\w*|čigav\w*|ali|a je)\b/iu;

/** A message in a Q&A channel counts as a question if it ends with `?` or starts with a question word. */
export function looksLikeQuestion(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.endsWith('?') || QUESTION_START.test(trimmed);
}

/**
 * The text addressed to the bot in `message` (its mention removed), or null when the bot should
 * stay silent. Only a user mention of the bot itself counts (`mentionsBot`: `<@id>`, `<@!id>` or
 * a pinging reply); `@everyone`, `@here` and role mentions never do. Bots, webhooks and the bot
 * itself are ignored, so two bots cannot loop. A mention with nothing to ask comes back as the
 * empty string (the reply says what to write); in a Q&A channel, a message without letters or
 * digits ("???") is not a question and gets nothing.
 */
export function channelQuestion(message: IncomingMessage, botId: string, qaChannelIds: readonly string[]): string | null {
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
export function channelReply(question: string, userId: string, live: LiveEngine, cooldown: Cooldown, locale: Locale): BotMessage | null {
  const verdict = cooldown.hit(userId);
  if (!verdict.allowed) return verdict.notify ? renderNotice(t(locale).cooldown(Math.ceil(verdict.retryAfterMs / 1000))) : null;
  const check = checkQuestion(question);
  if (!check.ok) return renderNotice(refusalText(check, locale));
  return renderAnswer(live.engine.ask(check.question, { limit: PRODUCT.passagesPerAnswer }), locale);
}

/** The `messageCreate` handler. Never throws: a failed reply is logged and the bot goes on. */
export async function handleMessage(message: Message, live: LiveEngine, cooldown: Cooldown, qaChannelIds: readonly string[]): Promise<void> {
  const botId = message.client.user.id;
  const incoming: IncomingMessage = {
    content: message.content,
    channelId: message.channelId,
    author: message.author,
    webhookId: message.webhookId,
    mentionsBot: message.mentions.users.has(botId),
  };
  const question = channelQuestion(incoming, botId, qaChannelIds);
  if (question === null) return;
  try {
    // Messages carry no client locale; Slovenian is the default UI language.
    const reply = channelReply(question, message.author.id, live, cooldown, 'sl');
    if (!reply) return;
    // Reply without pinging the author; if the message was deleted meanwhile, post it plainly.
    await message.reply({ ...toPayload(reply), failIfNotExists: false });
    log.info(`channel question by ${message.author.id} in ${message.channelId} answered`);
  } catch (error) {
    log.error(`channel question by ${message.author.id} in ${message.channelId} failed`, error);
  }
}
