/**
 * Small talk: a message of nothing but greetings, thanks and chat filler ("živjo", "hvala!",
 * "ok lol"). It asks nothing, so "nothing in the article relates" is the wrong reply to it; the
 * faces say what the bot is for instead.
 */
import { fold } from '../analysis/fold.ts';
import { lexicon } from '../lexicon/lexicon.ts';
import { cleanQuestion } from './clean.ts';

/** Every word of `question` is chat filler (`lexicon/sl-chat.tsv`), and it has at least one word. */
export function isSmallTalk(question: string): boolean {
  const words = cleanQuestion(question).match(/\p{L}+/gu);
  if (!words) return false;
  const chat = lexicon().chat;
  return words.every((word) => chat.isFiller(fold(word)));
}
