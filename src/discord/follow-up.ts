/**
 * Follow-ups: a member replies to one of the bot's answers with "zakaj pa?" or "in kje?". Alone,
 * such a question names nothing to look up; read with the question it follows ("zakaj pa? Kdaj
 * je Rusija vložila veto?") it asks for the reason of that veto. The question an answer was for
 * is found through the answer's buttons: their id holds the key of its stored state, which keeps
 * the question (so it works after a restart, and for /ask answers as well as channel replies).
 */
import type { Message } from 'discord.js';
import { MAX_QUESTION_LENGTH, type Engine } from '../engine/index.ts';
import type { AnswerStore } from '../storage/answer-store.ts';
import { decodeButtonId } from './custom-id.ts';
import { ANSWER_PASSAGES } from './answer-post.ts';
import { log } from '../log.ts';

/**
 * The question the bot's answer that `message` replies to was for, or undefined when it replies
 * to nothing, to someone else, or to an answer without buttons (nothing related, or its state was
 * not saved). Never throws: without the question a follow-up is read on its own.
 */
export async function questionRepliedTo(
  message: Pick<Message, 'reference' | 'fetchReference'>,
  botId: string,
  store: Pick<AnswerStore, 'findAnswer'>,
): Promise<string | undefined> {
  if (!message.reference?.messageId) return undefined;
  try {
    // Discord sends the message replied to along (`referenced_message`), so this is read from the cache.
    const answer = await message.fetchReference();
    if (answer.author.id !== botId) return undefined;
    for (const row of answer.components)
      if ('components' in row)
        for (const part of row.components) {
          const id = 'customId' in part && typeof part.customId === 'string' ? decodeButtonId(part.customId) : null;
          if (id === null || id === 'stale') continue;
          return (await store.findAnswer(id.key, ''))?.question;
        }
  } catch (error) {
    log.debug('the message a channel question replies to could not be read; answering it on its own', error);
  }
  return undefined;
}

/**
 * What to look up for `question`, a reply to the answer to `previous`: the question alone when it
 * finds something (or is small talk, "hvala!"), else both together, the follow-up first so that
 * its question word decides what is asked for ("kje?" after "Kdo je podpisal sporazum?").
 */
export function inContextOf(engine: Pick<Engine, 'ask'>, question: string, previous: string | undefined): string {
  if (previous === undefined) return question;
  const alone = engine.ask(question, { limit: ANSWER_PASSAGES });
  if (alone.passages.length > 0 || alone.smallTalk) return question;
  const both = `${question} ${previous}`;
  return both.length <= MAX_QUESTION_LENGTH ? both : question;
}
