/**
 * A request for what the article is about: "o čem je članek?", "povzetek?", "kaj se je zgodilo?",
 * "what is the article about?". Its words are the article's subject in general, not any
 * passage's, so a lookup finds nothing ("o čem je članek?") or whatever passage holds "govori";
 * the answer is the article's opening paragraph, which news writes to say just that.
 */
import { fold } from '../analysis/fold.ts';
import { cleanQuestion } from './clean.ts';
import { THANKS } from './small-talk.ts';

/** Words (folded) that make such a request by themselves. */
const ASKS_WHAT_ABOUT = new Set(
  (
    'clanek clanku clanka clanki novica novici novice povzetek povzemi povzami povzames povzamete ' +
    'zgodilo dogaja dogodilo bistvo vsebina tema govora glavno kratko ' +
    'article summary summarize summarise tldr happened gist'
  ).split(' '),
);
/** Words (folded) that go with them ("o čem govori članek", "na kratko povej", "what is it about"). */
const ALONGSIDE = new Set(
  (
    'o cem je so govori pise pisejo kaj se za v na povej poves mi nam lahko prosim ta tem tega pa gre ' +
    'sploh sicer kratek kratka zivjo hej ej pls ' +
    'tl dr what s is the about it going on give me a please in short'
  ).split(' '),
);

/**
 * `question` asks only what the article is about, in words of that request alone. Not with "še"
 * ("kaj se je še zgodilo?" asks what else) or a number ("kaj se je zgodilo leta 2000?"), which
 * ask for something of their own.
 */
export function asksWhatItIsAbout(question: string): boolean {
  // Cleaned first: the digits of a mention or a custom emoji are no number asked about.
  const cleaned = cleanQuestion(question);
  if (
    /\p{N}/u.test(cleaned) ||
    cleaned
      .toLowerCase()
      .match(/\p{L}+/gu)
      ?.includes('še')
  )
    return false;
  // "tl;dr" as the one word it stands for.
  const words = cleaned
    .match(/\p{L}+/gu)
    ?.map(fold)
    .join(' ')
    .replace(/(?<=^| )tl dr(?= |$)/g, 'tldr')
    .split(' ');
  if (!words) return false;
  if (
    !words.every((w) => ASKS_WHAT_ABOUT.has(w) || ALONGSIDE.has(w) || THANKS.has(w)) ||
    !words.some((w) => ASKS_WHAT_ABOUT.has(w))
  )
    return false;
  // With thanks, it must ask outright: "hvala, o čem je članek?" does, "hvala za povzetek" thanks.
  if (words.some((w) => THANKS.has(w))) return words.some((w) => QUESTIONING.has(w));
  // Said as a statement ("Ta novica je kratka."), it must still ask: "Povzemi članek.", "Povzetek, prosim."
  return !/[.!]\s*$/.test(cleaned) || words.some((w) => QUESTIONING.has(w) || REQUESTING.has(w));
}

/** Words (folded) that ask outright. */
const QUESTIONING = new Set(
  'kaj cem what povzemi povzami povzames povzamete povej poves summarize summarise'.split(' '),
);
/** Words (folded) that request, though as nouns: "Povzetek, prosim." */
const REQUESTING = new Set(['povzetek', 'tldr', 'summary']);
