/**
 * Follow-ups: a member replies to one of the bot's answers with "zakaj pa?" or "in kje?". Alone,
 * such a question names nothing to look up; read with the question it follows ("Kdaj je Rusija
 * vložila veto: zakaj pa?") it asks for the reason of that veto. The question an answer was for
 * is found through the answer's buttons: their id holds the key of its stored state, which keeps
 * the question (so it works after a restart, and for /ask answers as well as channel replies).
 * A reply to one's own earlier message follows that message up.
 */
import { MessageReferenceType, type Message } from 'discord.js';
import { asksWhatItIsAbout, beforeSignature, MAX_QUESTION_LENGTH, type Engine } from '../engine/index.ts';
import type { AnswerStore } from '../storage/answer-store.ts';
import { decodeButtonId } from './custom-id.ts';
import { ANSWER_PASSAGES, STORE_BUDGET_MS } from './answer-post.ts';
import { LATE, withinBudget } from '../within-budget.ts';
import { withoutBotMention } from './bot-mention.ts';
import { log } from '../log.ts';

/**
 * The question of the message a channel question replies to, looked up only when it is needed;
 * undefined for a message that replies to nothing.
 */
export type PreviousQuestion = (() => Promise<string | undefined>) | undefined;

/**
 * The question that `message` follows up: the one the bot's answer it replies to was for, or the
 * member's own earlier message it replies to ("Kdo je podpisal sporazum?" and, under it, "zakaj
 * pa?"). Undefined when it replies to nothing, to someone else, to an answer without buttons
 * (nothing related, or its state was not saved) or of another server, or the database does not
 * say within `STORE_BUDGET_MS`. Never throws: without the question a follow-up is read on its own.
 */
export async function questionRepliedTo(
  message: Pick<Message, 'reference' | 'fetchReference' | 'guildId' | 'author'>,
  botId: string,
  store: Pick<AnswerStore, 'findAnswer'>,
): Promise<string | undefined> {
  // A reply, not a forward (which may come from anywhere); Discord may leave a reply's type out.
  if (!message.reference?.messageId || message.reference.type === MessageReferenceType.Forward) return undefined;
  try {
    // Discord sends the message replied to along (`referenced_message`), so this is read from the cache.
    const answer = await message.fetchReference();
    // One's own question, without the mention of the bot it may have had.
    if (answer.author.id === message.author.id) return withoutBotMention(answer.content, botId) || undefined;
    if (answer.author.id !== botId) return undefined;
    const key = buttonKey(answer);
    if (key === undefined) return undefined;
    const found = await withinBudget(
      store.findAnswer(key, '').catch((error: unknown) => {
        log.debug('the answer a channel question replies to could not be read; answering it on its own', error);
        return undefined;
      }),
      STORE_BUDGET_MS,
    );
    if (found === LATE || found === undefined || found.guildId !== message.guildId) return undefined;
    return found.question;
  } catch (error) {
    log.debug('the message a channel question replies to could not be read; answering it on its own', error);
    return undefined;
  }
}

/** How to find the question `message` follows up (`questionRepliedTo`); undefined when it replies to nothing. */
export function earlierQuestion(
  message: Pick<Message, 'reference' | 'fetchReference' | 'guildId' | 'author'>,
  botId: string,
  store: Pick<AnswerStore, 'findAnswer'>,
): PreviousQuestion {
  return message.reference ? () => questionRepliedTo(message, botId, store) : undefined;
}

/** The stored answer's key in the first of `message`'s buttons that is ours. */
function buttonKey(message: Pick<Message, 'components'>): string | undefined {
  for (const row of message.components)
    if ('components' in row)
      for (const part of row.components) {
        const id = 'customId' in part && typeof part.customId === 'string' ? decodeButtonId(part.customId) : null;
        if (id !== null && id !== 'stale') return id.key;
      }
  return undefined;
}

/**
 * What to look up for `question`, which may reply to an answer (`previous` finds that answer's
 * question): both together when it leans on that answer ("zakaj je to rekel?", see
 * `Engine.leansOnPrevious`) or finds nothing on its own ("zakaj?"), the earlier one introducing
 * the follow-up ("Kdo je podpisal sporazum: kje pa?"); else (or for small talk, "hvala!") the
 * question alone. The earlier question is looked up only when it is needed.
 */
export async function inContextOf(
  engine: Pick<Engine, 'ask' | 'leansOnPrevious'>,
  question: string,
  previous: PreviousQuestion,
): Promise<string> {
  // Most questions reply to nothing: nothing to read them with, so nothing to work out.
  if (previous === undefined || !followsUp(engine, question)) return question;
  const before = await previous();
  if (before === undefined) return question;
  // The earlier question first, as the clause a colon ends, which the engine reads as what
  // introduces a question (its words hint at the topic; the follow-up's decide): "Kaj je Putin
  // rekel o sankcijah: kaj pa turizem?" finds the tourism paragraph, where "kaj pa turizem? Kaj
  // je Putin rekel o sankcijah?" found the sanctions. The follow-up's signature is left out.
  const both = `${subjectOf(engine, baseOf(engine, lastQuestionOf(before))).replace(/[\s?!.]+$/u, '')}: ${beforeSignature(question)}`;
  return both.length <= MAX_QUESTION_LENGTH ? both : question;
}

/** `question` needs the question it follows: it finds nothing on its own, or leans on it (not small talk). */
function followsUp(engine: Pick<Engine, 'ask' | 'leansOnPrevious'>, question: string): boolean {
  const alone = engine.ask(question, { limit: ANSWER_PASSAGES });
  return !alone.smallTalk && (alone.passages.length === 0 || engine.leansOnPrevious(question));
}

/**
 * The question an earlier follow-up was merged with: "Kdaj je Rusija vložila veto" of "Kdaj je
 * Rusija vložila veto: zakaj pa?", so that a reply to that answer ("in kdaj?") is read with it,
 * not with every follow-up before it. A question with a colon of its own ("pa še nekaj: kdo je
 * podpisal sporazum?") stays whole: what follows its colon asks in full.
 */
function baseOf(engine: Pick<Engine, 'ask' | 'leansOnPrevious'>, earlier: string): string {
  const colon = earlier.lastIndexOf(': ');
  return colon > 0 && followsUp(engine, earlier.slice(colon + 2)) ? earlier.slice(0, colon) : earlier;
}

/**
 * What a follow-up of `earlier` asks about: the earlier question, or, after "o čem je članek?",
 * the opening sentence it was answered with (the question itself names nothing: "o čem je
 * članek: kje pa?" would find nothing, where the opening's words find Pjongjang).
 */
function subjectOf(engine: Pick<Engine, 'ask'>, earlier: string): string {
  if (!asksWhatItIsAbout(earlier)) return earlier;
  const opening = engine.ask(earlier, { limit: ANSWER_PASSAGES }).passages[0];
  return opening ? opening.passage.text.slice(opening.bestSentence.start, opening.bestSentence.end) : earlier;
}

/**
 * The last question of `text`, without a signature: of "Pišem seminarsko. Kdo je Kim? In kdaj
 * je prišel?" the one a reply follows up.
 */
function lastQuestionOf(text: string): string {
  const parts = beforeSignature(text)
    .split(/(?<=\?)\s+/)
    .filter((part) => /[\p{L}\p{N}]/u.test(part));
  return parts.at(-1) ?? text;
}
