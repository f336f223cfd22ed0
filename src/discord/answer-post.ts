/**
 * Answering a question wherever it was asked (`/ask`, a mention, a Q&A channel, the context menu
 * on a message): ask the engine, keep the answer's state for its buttons, log the question for
 * the server's moderators, render it. A store that fails (a full disk) costs the buttons and the
 * log entry, not the answer.
 */
import { cleanQuestionText, type Answer } from '../engine/index.ts';
import { answerLevel } from '../view/level.ts';
import type { Locale } from '../view/strings.ts';
import { log } from '../log.ts';
import type { BotContext } from './command.ts';
import { renderAnswer } from './render/answer.ts';
import type { BotMessage } from './render/payload.ts';

/**
 * Passages an answer ranks: the lead and the ones "next passage" pages through. More than the
 * engine's default three: paging costs nothing until pressed.
 */
export const ANSWER_PASSAGES = 5;

export interface Asked {
  /** A question that passed `checkQuestion`. */
  question: string;
  askerId: string;
  guildId: string | null;
  /** Where it was asked (logged with questions the bot could not answer clearly). */
  channelId: string;
  locale: Locale;
  /** Only the asker sees the answer (`/ask hide:True`): its buttons then change it in place. */
  hidden?: boolean;
}

/** The answer message for `asked`, its buttons tied to the stored state. */
export async function answerMessage(
  { live, store }: Pick<BotContext, 'live' | 'store'>,
  asked: Asked,
): Promise<BotMessage> {
  const engine = live.engine;
  const answer: Answer = engine.ask(asked.question, { limit: ANSWER_PASSAGES });
  // The moderators' log waits until the answer is on its way: nobody waits for it.
  const guildId = asked.guildId;
  if (guildId !== null) setImmediate(() => void logQuestion(store, guildId, asked.channelId, answer));
  if (answer.passages.length === 0) return renderAnswer(answer, asked.locale);
  let key: string | undefined;
  try {
    key = await store.saveAnswer({
      question: asked.question,
      passageIds: answer.passages.map((r) => r.passage.id),
      corpusVersion: engine.info().version,
      locale: asked.locale,
      guildId: asked.guildId,
      askerId: asked.askerId,
    });
  } catch (error) {
    log.error('could not save the answer state; answering without buttons', error);
  }
  return renderAnswer(answer, asked.locale, key ? { buttons: { key, privateCopy: asked.hidden === true } } : {});
}

/** Counts the question for the server's `/stats`, and logs its text when the answer was not clear. No user id. */
async function logQuestion(
  store: BotContext['store'],
  guildId: string,
  channelId: string,
  answer: Answer,
): Promise<void> {
  try {
    await store.recordQuestion({
      guildId,
      channelId,
      question: cleanQuestionText(answer.question),
      level: answerLevel(answer),
      confidence: answer.confidence,
      passageId: answer.passages[0]?.passage.id ?? null,
    });
  } catch (error) {
    log.error('could not log the question for the statistics', error);
  }
}
