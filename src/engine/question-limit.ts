/**
 * The one limit on question length, shared by every face (CLI, console, `/ask`, channel
 * questions), and the check the faces run before asking the engine.
 */

/**
 * Longest question in characters. Long enough to paste a whole passage (at most 900 characters,
 * see `DEFAULT_MAX_PASSAGE_CHARS`) and ask about it; a longer text is not a question any more,
 * does not answer better, and every word it adds costs the engine time in expansion and typo
 * mending. Discord allows up to 6000 for a string option, so `/ask` can use it as its max_length.
 */
export const MAX_QUESTION_LENGTH = 1000;

import { cleanQuestion, isEmptyQuestion } from './question/clean.ts';

/** Outcome of `checkQuestion`: a question to ask, or why not. */
export type QuestionCheck =
  | { ok: true; question: string }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'too-long'; length: number; max: number };

/** Characters as a person counts them (code points), so an emoji or a rare letter counts once. */
export function questionLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Trims `text` and checks it can be asked: it holds at least one letter or digit besides mentions,
 * links, emoji and Markdown ("???", "@" or a lone "<@123>" asks nothing, see `cleanQuestion`), and
 * it is at most `MAX_QUESTION_LENGTH` characters long.
 */
export function checkQuestion(text: string): QuestionCheck {
  const question = text.trim();
  if (isEmptyQuestion(cleanQuestion(question))) return { ok: false, reason: 'empty' };
  const length = questionLength(question);
  if (length > MAX_QUESTION_LENGTH) return { ok: false, reason: 'too-long', length, max: MAX_QUESTION_LENGTH };
  return { ok: true, question };
}
