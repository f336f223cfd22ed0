/**
 * A request for what the article is about: "o čem je članek?", "povzetek?", "kaj se je zgodilo?",
 * "what is the article about?". Its words are the article's subject in general, not any
 * passage's, so a lookup finds nothing ("o čem je članek?") or whatever passage holds "govori";
 * the answer is the article's opening paragraph, which news writes to say just that.
 */
import { fold } from '../analysis/fold.ts';
import { cleanQuestion } from './clean.ts';

/** Words (folded) that make such a request by themselves. */
const ASKS_WHAT_ABOUT = new Set(
  (
    'clanek clanku clanka clanki novica novici novice povzetek povzemi povzami zgodilo dogaja dogodilo ' +
    'bistvo vsebina article summary summarize summarise tldr happened gist'
  ).split(' '),
);
/** Words (folded) that go with them ("o čem govori članek", "na kratko povej", "what is it about"). */
const ALONGSIDE = new Set(
  (
    'o cem je so govori pise pisejo kaj se za v na kratko povej mi nam lahko prosim tem tega glavno ' +
    'tl dr what s is the about it going on give me a please in short'
  ).split(' '),
);

/** `question` asks only what the article is about, in words of that request alone. */
export function asksWhatItIsAbout(question: string): boolean {
  // "tl;dr" as the one word it stands for.
  const words = cleanQuestion(question)
    .match(/\p{L}+/gu)
    ?.map(fold)
    .join(' ')
    .replace(/(?<=^| )tl dr(?= |$)/g, 'tldr')
    .split(' ');
  if (!words) return false;
  return words.every((w) => ASKS_WHAT_ABOUT.has(w) || ALONGSIDE.has(w)) && words.some((w) => ASKS_WHAT_ABOUT.has(w));
}
