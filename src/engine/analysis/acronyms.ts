/**
 * Abbreviations and the names they stand for. A question says "SNL" or "W3C" where the article
 * writes "Saturday Night Live" or "World Wide Web Consortium", or "VN" for "Velika nagrada".
 * Texts get an extra token for each run of name words, keyed by its initials; a question word
 * written in capitals looks for that key too. Nothing is listed by hand: any name the corpus
 * writes out meets its abbreviation.
 */
import { WORD, type Token } from './analyze.ts';
import { fold } from './fold.ts';
import { isStopword } from './stopwords.ts';
import { startsSentence } from '../text/sentence-start.ts';

/** Marks an initials key, so it never equals the key of a written word ("snl" of "SNL" itself). */
const MARK = '#';
/** Abbreviations have 2 to this many letters; longer all-capital words are shouted words. */
const MAX_INITIALS = 6;
/** A run of name words gives initials for up to this many words from its first. */
const MAX_RUN_WORDS = 5;
/**
 * Lowercase words that sit inside foreign names ("Bank of England", "Real de Madrid") without an
 * initial of their own. Slovenian "in" and "za" join two names rather than make one.
 */
const CONNECTORS = new Set([
  'of',
  'the',
  'for',
  'and',
  'de',
  'del',
  'della',
  'da',
  'la',
  'le',
  'von',
  'van',
  'der',
  'du',
]);
/**
 * Slovenian capitalises only the first word of a multi-word name ("Združeni narodi", "Velika
 * nagrada"), which is then mostly an adjective: a capitalised word with an adjective's ending,
 * inside a sentence, followed by lowercase words of at least this length.
 */
const MIN_LOWER_NAME_WORD = 4;
const ADJECTIVE_ENDING = /(?:[aeiou]|[eio]m|ih)$/;
/** In that style, a name has at most this many words ("Organizacija združenih narodov"). */
const MAX_LOWER_RUN = 3;

const CAPITALISED = /^\p{Lu}/u;
const LOWER = /^\p{Ll}/u;

/** The key a run of words with these initials is indexed under. */
export function initialsKey(initials: string): string {
  return MARK + initials;
}

/**
 * The initials key a written abbreviation stands for ("SNL" → "#snl"), or null when the word is
 * not one. A digit repeats the letter before it, as "W3C" stands for three Ws and a C.
 */
export function abbreviationKey(written: string): string | null {
  if (written.length < 2 || written.length > MAX_INITIALS || written !== written.toUpperCase()) return null;
  if (!/^\p{Lu}/u.test(written) || (written.match(/\p{Lu}/gu)?.length ?? 0) < 2) return null;
  let initials = '';
  for (const ch of fold(written)) {
    const repeat = /\d/.test(ch) ? Number(ch) : 0;
    if (repeat === 0 && /\d/.test(ch)) return null;
    if (repeat > 0) initials += initials.slice(-1).repeat(repeat - 1);
    else initials += ch;
  }
  return initials.length >= 2 && initials.length <= MAX_INITIALS ? initialsKey(initials) : null;
}

/** A word of the text with what decides whether it belongs to a name. */
interface Written {
  start: number;
  end: number;
  initial: string;
  capitalised: boolean;
  /** Lowercase and long enough to continue a Slovenian name. */
  nameWord: boolean;
  connector: boolean;
  /** Capitalised inside a sentence, with an adjective's ending: may start a Slovenian name. */
  startsLowerName: boolean;
}

/**
 * Initials tokens of `text`: for each run of name words, one token per run prefix of at least two
 * words, spanning those words. A run is capitalised words next to each other (connectors of
 * foreign names inside), or, in the Slovenian way, a capitalised word followed by longer lowercase words.
 */
export function initialsTokens(text: string, matches: Iterable<RegExpExecArray> = text.matchAll(WORD)): Token[] {
  const words: Written[] = [];
  for (const match of matches) {
    const w = match[0];
    // Most words are in small letters: where a sentence starts and what the word folds to are
    // looked at only for a capital.
    let capitalised = false;
    let startsLowerName = false;
    if (CAPITALISED.test(w) && w !== w.toUpperCase()) {
      const opening = startsSentence(text, match.index);
      // "Na", "Ko", "Tudi" open sentences with a capital: function words, not names.
      const folded = fold(w);
      capitalised = !(opening && isStopword(folded));
      startsLowerName = capitalised && !opening && ADJECTIVE_ENDING.test(folded);
    }
    const nameWord = w.length >= MIN_LOWER_NAME_WORD && LOWER.test(w);
    words.push({
      start: match.index,
      end: match.index + w.length,
      // Only name words give their initial.
      initial: capitalised || nameWord ? fold(w[0]!) : '',
      capitalised,
      nameWord,
      connector: CONNECTORS.has(w),
      startsLowerName,
    });
  }
  const tokens: Token[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!words[i]!.capitalised) continue;
    // Only where a run starts: a word after a run word is inside it, not a new name.
    if (i > 0 && words[i - 1]!.capitalised && adjacent(text, words[i - 1]!, words[i]!)) continue;
    let initials = words[i]!.initial;
    let counted = 1;
    let lowerStyle = false;
    for (let j = i + 1; j < words.length && counted < MAX_RUN_WORDS; j++) {
      const word = words[j]!;
      if (!adjacent(text, words[j - 1]!, word)) break;
      if (word.capitalised && !lowerStyle) {
        initials += word.initial;
        counted++;
        tokens.push({ start: words[i]!.start, end: word.end, key: initialsKey(initials) });
      } else if (word.connector && !lowerStyle) {
        // A connector ("of", "za") counts only when a capitalised word follows it.
        const next = words[j + 1];
        if (!next?.capitalised || !adjacent(text, word, next)) break;
      } else if (word.nameWord && (lowerStyle || (counted === 1 && words[i]!.startsLowerName))) {
        if (counted >= MAX_LOWER_RUN) break;
        lowerStyle = true;
        initials += word.initial;
        counted++;
        tokens.push({ start: words[i]!.start, end: word.end, key: initialsKey(initials) });
      } else break;
    }
  }
  return tokens;
}

/** Only spaces between the two words: a comma, a full stop or a bracket ends a name. */
function adjacent(text: string, a: { end: number }, b: { start: number }): boolean {
  return /^ +$/.test(text.slice(a.end, b.start));
}
