/**
 * Answering a question wherever it was asked (`/ask`, a mention, a Q&A channel, the context menu
 * on a message): ask the engine, keep the answer's state for its buttons, log the question for
 * the server's moderators, render it. A store that fails (a full disk, a locked file) or is slow
 * (PostgreSQL restarting: its writes are retried meanwhile) costs the buttons and perhaps the log
 * entry, never the answer: the engine answers from memory, and the answer's state gets
 * `STORE_BUDGET_MS` before the answer goes out without buttons.
 */
import { cleanQuestionText, questionAsTyped, textDigest, type Answer } from '../engine/index.ts';
import { answerLevel } from '../view/level.ts';
import type { Locale } from '../view/strings.ts';
import { log } from '../log.ts';
import { LATE, withinBudget } from '../within-budget.ts';
import { describeStorageError, isKnownStorageError } from '../storage/storage-error.ts';
import type { BotContext } from './command.ts';
import type { AskedQuestion } from '../storage/guild-store.ts';
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

/**
 * How long an answer waits for the state behind its buttons to be saved before it goes out
 * without them. Far more than a healthy write takes (a millisecond
 * on SQLite, a few on PostgreSQL), well inside Discord's patience.
 */
export const STORE_BUDGET_MS = 1000;

/** A storage failure as one log line: named in words when it is a known one (no stack), else with its stack. */
function logStorageFailure(what: string, error: unknown): void {
  if (isKnownStorageError(error)) log.error(`${what}: ${describeStorageError(error)}`);
  else log.error(what, error);
}

/** While the database does not keep up, a reminder at most this often (it is counted meanwhile). */
const OUTAGE_REMINDER_MS = 60_000;

/**
 * Answers sent without buttons because the database did not save their state: the first says
 * why, the rest are counted (with a reminder a minute at most) until a save goes through again,
 * which says how many there were. One line per answer flooded the log in an outage.
 */
const withoutButtons = {
  count: 0,
  lastLine: 0,
  note(line: (soFar: string) => void): void {
    this.count++;
    const now = Date.now();
    if (this.count > 1 && now - this.lastLine < OUTAGE_REMINDER_MS) return;
    this.lastLine = now;
    line(this.count > 1 ? ` (${this.count} answers so far)` : '');
  },
  saved(): void {
    if (this.count === 0) return;
    log.info(`the database saves answer state again; ${this.count} answer(s) went out without buttons meanwhile`);
    this.count = 0;
  },
};

/** The answer message for `asked`, its buttons tied to the stored state. */
export async function answerMessage(
  { live, store, questionLog, knownCommandIds }: Pick<BotContext, 'live' | 'store' | 'questionLog' | 'knownCommandIds'>,
  asked: Asked,
): Promise<BotMessage> {
  const engine = live.engine;
  const answer: Answer = engine.ask(asked.question, { limit: ANSWER_PASSAGES });
  // The moderators' log is written after the answers (batched): nobody waits for it (and a slow
  // database, retrying its writes, writes it when it can).
  // Small talk ("hvala!") asks nothing: it is neither counted nor listed as unanswered.
  if (asked.guildId !== null && !answer.smallTalk) questionLog.record(logEntry(asked.guildId, asked.channelId, answer));
  if (answer.passages.length === 0)
    return renderAnswer(answer, asked.locale, { helpCommandId: knownCommandIds().get('help') });
  let key: string | undefined;
  try {
    const saved = await withinBudget(
      store.saveAnswer({
        // As its title shows it: a mention in the question is a user id the database has no business keeping.
        question: questionAsTyped(asked.question),
        passageIds: answer.passages.map((r) => r.passage.id),
        passageDigests: answer.passages.map((r) => textDigest(r.passage)),
        corpusVersion: engine.info().version,
        locale: asked.locale,
        guildId: asked.guildId,
        askerId: asked.askerId,
      }),
      STORE_BUDGET_MS,
    );
    if (saved === LATE)
      withoutButtons.note((soFar) =>
        log.warn(
          `the database did not save the answer state within ${STORE_BUDGET_MS} ms; answering without buttons${soFar}`,
        ),
      );
    else {
      key = saved;
      withoutButtons.saved();
    }
  } catch (error) {
    withoutButtons.note((soFar) =>
      logStorageFailure(`could not save the answer state; answering without buttons${soFar}`, error),
    );
  }
  return renderAnswer(answer, asked.locale, key ? { buttons: { key, privateCopy: asked.hidden === true } } : {});
}

/** The question's entry in the server's log: counted for `/stats`, its text kept when the answer was not clear. No user id. */
function logEntry(guildId: string, channelId: string, answer: Answer): AskedQuestion {
  return {
    guildId,
    channelId,
    question: cleanQuestionText(answer.question),
    level: answerLevel(answer),
    confidence: answer.confidence,
    passageId: answer.passages[0]?.passage.id ?? null,
  };
}
