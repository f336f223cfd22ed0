/**
 * Spacing slips, mended when the result is made of known words: a missing space ("Zahodas"
 * → "Zahoda s", "prihodnjemletu"), a space too many ("zapu stil" → "zapustil"), or one in the
 * wrong place ("kotin strument" → "kot instrument"). A word counts as known when the corpus uses
 * it or it is a listed Slovenian word; an unknown name ("Songdowon") stays as written, since no
 * split of it gives two known words.
 */
import type { QuestionWord } from './question-words.ts';
import { participle } from './colloquial.ts';
import { isKnown, type WordKnowledge } from './word-knowledge.ts';
import type { LruCache } from '../util/lru-cache.ts';
import { stemKey } from '../analysis/stem.ts';
import { JOINERS } from '../analysis/analyze.ts';
import { COPULAS, isQuestionWord, PREPOSITIONS } from './answer-type.ts';

/** One-letter Slovenian words (prepositions and conjunctions) a split may produce. */
const ONE_LETTER_WORDS = new Set(['s', 'z', 'v', 'k', 'h', 'o', 'a', 'i', 'u']);
/**
 * Two everyday words (each used at least this often) may split an unknown word even when the
 * corpus knows neither ("zakajse" → "zakaj se"); rarer pairs must include a corpus word.
 */
const COMMON_WORD_COUNT = 5_000;
/** A part used less often than this in everyday speech is more likely half of a word split by a space ("zavez nici"). */
const RARE_PART_COUNT = 500;
/** Longer tokens are not split: no word is that long, and trying every split point costs quadratic time. */
const MAX_SPLIT_LENGTH = 40;
/** Shorter unknown words are more likely slang or abbreviations than two words run together. */
const MIN_SPLIT_LENGTH = 5;
/** A corpus word ranks as if used at least this often when choosing between splits. */
const CORPUS_WORD_COUNT = 1_000;

/** A corpus word of substance: the corpus uses it and it is no stop word. */
const corpusWord = (k: WordKnowledge, w: string) => w.length >= 2 && k.inCorpus(w) && !k.isStopword(w);

/**
 * A part a split may produce: a corpus word, an everyday word, a stop word in common use
 * ("ministrovihbesedah" → "… besedah"), a possessive made from a corpus word ("Zinkejevih"), or a
 * one-letter preposition.
 */
function usable(k: WordKnowledge, part: string): boolean {
  // A number is a word of its own ("sredini17" → "sredini 17").
  if (/^\d+$/.test(part)) return true;
  if (part.length === 1) return ONE_LETTER_WORDS.has(part);
  // A short corpus key is as often the stem of longer words ("raz…" of "razbremenilni", which
  // the stemmer cuts short): a short part must be a word people use.
  if (part.length <= SHORT_PART && k.count(part) === 0) return false;
  return (
    corpusWord(k, part) ||
    k.count(part) >= COMMON_WORD_COUNT ||
    (k.isStopword(part) && k.count(part) >= RARE_PART_COUNT) ||
    possessiveOfCorpusWord(k, part)
  );
}

/**
 * A form the frequency list lacks of a word whose other forms people use ("sedanjim", while
 * "sedanji" and "sedanjost" are listed): its key is an ending away and its family is common.
 */
const formOfEverydayWord = (k: WordKnowledge, part: string) =>
  part.length > MIN_FAMILY_FORM && k.isWord(part) && k.familyCount(part) >= RARE_PART_COUNT;
/** Shorter forms share keys with too many unrelated words to vouch for a word by family. */
const MIN_FAMILY_FORM = 5;

/** Parts this short split off only as everyday words. */
const SHORT_PART = 3;
/**
 * Two parts a split may produce: each usable on its own, or a corpus word beside a word in
 * common use ("prvem" + "obisku": "prvem" is an everyday word, if not a very common one) or
 * beside an unlisted form of one ("sedanjim" + "voditeljem"). Both long: the corpus key of "st"
 * or "de" is no word as written, and a short key's family is too many words to vouch for one.
 */
function usablePair(k: WordKnowledge, a: string, b: string): boolean {
  if (usable(k, a) && usable(k, b)) return true;
  const common = (w: string) => w.length > SHORT_PART && (k.count(w) >= RARE_PART_COUNT || formOfEverydayWord(k, w));
  const ofCorpus = (w: string) => w.length > SHORT_PART && corpusWord(k, w) && k.isWord(w);
  return (ofCorpus(a) && common(b)) || (common(a) && ofCorpus(b));
}

/** The shortest name a possessive is made from ("Kim" in "Kimovih"). */
const MIN_POSSESSOR = 3;

/** The case endings of a possessive adjective ("Putinov", "Putinova", "Putinovih"). */
const POSSESSIVE_CASE = '(?:a|e|i|o|ih|im|imi|ega|emu|em|ima)?';

/**
 * The endings of a possessive made from a name by -ov/-ev ("Zinkejevih", "Putinovi"); -in makes
 * possessives of common nouns too ("hčerini"), where a corpus word with a stop word after it is
 * as likely.
 */
const NAME_POSSESSIVE_TAIL = new RegExp(`^j?[oe]v${POSSESSIVE_CASE}$`);

/** A possessive adjective made from a corpus word, most often a name ("zinkejevih" from "Zinke"). */
function possessiveOfCorpusWord(k: WordKnowledge, part: string): boolean {
  for (let i = MIN_POSSESSOR; i < part.length - 1; i++)
    if (NAME_POSSESSIVE_TAIL.test(part.slice(i)) && corpusWord(k, part.slice(0, i))) return true;
  return false;
}

/** Two words a run-together form is read as. */
export type WordSplit = readonly [string, string];

/**
 * The ending of a possessive adjective made from a name ("Kanyejevi", "Putinovih", "Marijinim"):
 * a name and its ending, never a word of its own ("Kanye jevi").
 */
const POSSESSIVE_TAIL = new RegExp(`^(?:j?[oe]v|in)${POSSESSIVE_CASE}$`);

/** The ending of a demonym made from a place ("Belfastčani", "Ljubljančanka"): never a word of its own. */
const DEMONYM_TAIL = /^can(?:i|a|e|u|ov|om|ih|oma|ka|ke|ki|ko|kah|kam|kami)?$/;

/**
 * Whether moving the space between two typed words makes `a` and `b` as the words meant: only when
 * `b` is a word the corpus uses ("kotin strument" → "kot instrument"), and one of them is a word
 * people use as written: two parts known only by the keys the stemmer cuts them to are a
 * coincidence ("premierka očitala" is no "premierkaoč itala").
 */
function resplitMakesWords(k: WordKnowledge, a: string, b: string, typedA: string, typedB: string): boolean {
  // A word typed as one people use becomes another such word or a name: "najbi število" is no
  // "naj bištevilo", a string the stemmer alone takes for a corpus word.
  const staysListed = (typed: string, made: string) =>
    k.count(typed) === 0 || k.count(made) > 0 || k.isCorpusName(made);
  if (!staysListed(typedA, a) || !staysListed(typedB, b)) return false;
  return b.length > 1 && k.inCorpus(b) && !k.isStopword(b) && (k.count(a) > 0 || k.count(b) > 0);
}

/**
 * A space typed in the wrong place is a letter or two off ("kotin strument"): moving it further
 * makes other words, not the ones meant ("kontrolor pomgal" is no "kontrolorpomg al").
 */
const MAX_SPACE_SHIFT = 2;

/**
 * The most likely split of `form` into two known words, or null; with `boundary`, the split of
 * two typed words (`form` is them joined) other than at the space typed and at most
 * `MAX_SPACE_SHIFT` letters from it.
 */
function bestSplit(k: WordKnowledge, form: string, boundary?: number): WordSplit | null {
  if (form.length > MAX_SPLIT_LENGTH || form.length < MIN_SPLIT_LENGTH) return null;
  // A possessive of a corpus name is one word ("kanyejevi", not "kanyejev i").
  if (possessiveOfCorpusWord(k, form)) return null;
  let best: WordSplit | null = null;
  let bestScore = -Infinity;
  const from = boundary === undefined ? 1 : Math.max(1, boundary - MAX_SPACE_SHIFT);
  const to = boundary === undefined ? form.length - 1 : Math.min(form.length - 1, boundary + MAX_SPACE_SHIFT);
  for (let i = from; i <= to; i++) {
    const a = form.slice(0, i);
    const b = form.slice(i);
    if (
      i === boundary ||
      (boundary !== undefined && !resplitMakesWords(k, a, b, form.slice(0, boundary), form.slice(boundary))) ||
      POSSESSIVE_TAIL.test(b) ||
      DEMONYM_TAIL.test(b) ||
      !usablePair(k, a, b)
    )
      continue;
    // A corpus word ranks high only as a word as written, not as a longer string the stemmer cuts
    // to a corpus key ("prihodnjemle" + "tu" must lose to "prihodnjem" + "letu").
    const weight = (w: string) => Math.max(k.count(w), k.inCorpus(w) && k.isWord(w) ? CORPUS_WORD_COUNT : 1);
    const score = Math.log(weight(a)) + Math.log(weight(b));
    if (score > bestScore) {
      bestScore = score;
      best = [a, b];
    }
  }
  return best;
}

/**
 * How much likelier the joined word is in everyday speech than its two parts one after the other,
 * taken as independent words (a word the list lacks counts as used once): "zavez nici" →
 * "zaveznici" by far, "da je" → "daje" not at all.
 */
function joinOdds(k: WordKnowledge, a: string, b: string): number {
  const uses = (w: string) => Math.max(1, k.count(w));
  return (uses(a + b) * k.total) / (uses(a) * uses(b));
}
/**
 * A function word that may be a case ending split off: a short one ("Vietna mu") or a pronoun
 * shaped like an ending ("trgovi nami", "storit vami", "doseda njih"); "hoče" is a word of its own
 * ("Corbyn hoče" is no name), and so is "imel" read from chat "mel" ("sainsburys mel").
 */
const endingLike = (word: string) => word.length <= 3 || /^(?:nj?|v)(?:ami|ih|im|imi)$/.test(word);

/**
 * Odds at which two words the corpus knows are still read as one: with many articles loaded, the
 * halves of a split word are often words of some article ("zavez", "Nici").
 */
const CLEAR_JOIN_ODDS = 1000;
/** Odds at which two function words are read as one word: an order of magnitude short of clear. */
const FUNCTION_WORDS_JOIN_ODDS = 100;

/** A genitive plural ending, which no preposition glued as "v" takes. */
const GENITIVE_PLURAL = /(?:ov|ev)$/;
/**
 * An infinitive or a masculine past participle, as written after a prefix split off ("na praviti",
 * "pod pisal"). Not every -ti: a noun may end so ("po smrti", "na sveti gori").
 */
const INFINITIVE = /^\p{L}{2,}[aiu]ti$/u;
const PARTICIPLE = /^\p{L}{2,}[aei]l$/u;
/** A past participle in another gender or number ("kritizirala", "vrnili"). */
const OTHER_PARTICIPLE = /^\p{L}{2,}[aei]l[aoie]$/u;
/** An infinitive or a past participle in any gender or number. */
const isVerbForm = (word: string) => INFINITIVE.test(word) || PARTICIPLE.test(word) || OTHER_PARTICIPLE.test(word);
/** Prepositions of the genitive, after which "vozil" or "pravil" is a noun's plural. */
const GENITIVE_PREPOSITIONS = new Set(['od', 'do', 'iz']);

/**
 * Two adjacent words that are better read as one corpus word: one of them is unknown, rare in
 * everyday speech, or a stray stop word beside a word the corpus lacks ("ta boru" → "taboru"),
 * and the one word is likelier than the two; or the one word is far likelier; or a preposition
 * stands before a verb form ("na praviti" → "napraviti").
 */
function shouldJoin(k: WordKnowledge, a: string, b: string): boolean {
  const joined = a + b;
  // A one-letter word is a preposition of its own ("Danilov o ruščini").
  if (a.length < 2 || b.length < 2) return false;
  // The cheap checks first: most neighbours are two plain words.
  if (!k.inCorpus(joined) || k.isStopword(joined) || !k.isWord(joined)) return false;
  // The stemmer cuts a long run of letters short ("bernardvann" → "bernar"): when its key stops
  // within the first word and the second is a corpus word of its own, the second is swallowed,
  // not joined ("Bernard Vann" is two names; "ministr stvo" is one word).
  if (b.length >= SWALLOWED_WORD && k.inCorpus(b) && stemKey(joined).length <= a.length) return false;
  // Nor when the key stops within the first word, the second is a word people use and the two
  // together are not: "Birkenhead ime" is no "birkenheadime". A short second word or a function
  // word may still be an ending ("Vietna mu", "Mosk ve"), and so may a listed ending of a listed
  // word ("rezult ati", "voliv cev").
  if (
    b.length >= MIN_SWALLOWED_USED_WORD &&
    k.count(joined) === 0 &&
    stemKey(joined).length <= a.length &&
    !(k.isStopword(b) && endingLike(b)) &&
    (k.count(b) >= RARE_PART_COUNT || corpusWord(k, b))
  )
    return false;
  // No preposition takes an infinitive or a past participle: the verb's prefix was split off.
  // After "od", "do" and "iz" an -l form is as often a genitive plural ("iz vozil", "od pravil").
  if (PREPOSITIONS.has(a) && (INFINITIVE.test(b) || (PARTICIPLE.test(b) && !GENITIVE_PREPOSITIONS.has(a)))) return true;
  // A chat participle keeps the preposition after it: "lagu na pričanju" is "lagal na", no
  // "laguna". Only where the verb is the commoner word: "minu ti" is "minuti", not "minil ti".
  if (k.isStopword(b) && a.endsWith('u') && !isKnown(k, a)) {
    const verb = participle(a, k);
    if (verb !== undefined && k.count(verb) > k.count(a + b)) return false;
  }
  const odds = joinOdds(k, a, b);
  if (odds >= CLEAR_JOIN_ODDS) return true;
  // Two function words side by side are two words unless the one word is much likelier ("na
  // prej" is "naprej", but "že na" is no "žena", nor "za to" "zato").
  if (k.isStopword(a) && k.isStopword(b)) return odds >= FUNCTION_WORDS_JOIN_ODDS;
  const unknownPart = !isKnown(k, a) || !isKnown(k, b);
  const rare = (w: string) => k.count(w) < RARE_PART_COUNT && !corpusWord(k, w);
  const rarePart = rare(a) || rare(b);
  const strayPart = (k.isStopword(a) && !k.inCorpus(b)) || (k.isStopword(b) && !k.inCorpus(a));
  return (unknownPart || rarePart || strayPart) && odds >= 1;
}

/** The last letters of a name and a case ending ("Vanderbil|tom", "Putin|ova"): no word of its own. */
const NAME_TAIL = /^\p{L}{0,2}(?:om|em|ih|ah|ov|ev|mi|a|e|i|o|u)$/u;

/** A second word this long is a word of its own, not the ending of the first split off ("podpis ala"). */
const SWALLOWED_WORD = 4;
/** A second word people use this long is a word of its own, however the stemmer cuts the two joined. */
const MIN_SWALLOWED_USED_WORD = 3;

const hyphenated = (w: QuestionWord) => JOINERS.test(w.form);

/**
 * "Je" run onto the word before it in the past tense ("kdaj seje zgodil", "album, kije izšel",
 * "toje rekel"): "seje" (sessions, sows), "kije" (clubs) and "toje" are listed words of their own,
 * so only the tense tells the slip (see `joinedJeAt`). Not "daje" or "tuje", words people use far
 * more often than the slip.
 */
const JOINED_JE = /^(ki|se|to|kdo|kaj|kje|kdaj|kako|kar|zakaj)je$/;
/** How many words may stand between such a pair and its participle ("seje Putin osebno zahvalil"). */
const PARTICIPLE_REACH = 3;
/** Participles whose infinitive is not the participle's stem and "ti" ("rekel", "izšel", "vzel", "mogel"). */
const PARTICIPLE_OF_CONSONANT_STEM = /(?:k|s|c|g|z)el$/;

/**
 * A singular past participle of a verb people use: its infinitive is a listed word ("zgodil" of
 * "zgoditi", "odzvalo" of "odzvati"), or it is one of the participles made otherwise ("rekel",
 * "izšel"). A noun that ends alike has no such infinitive ("festivala", "kanal", "material").
 */
function isSingularParticiple(k: WordKnowledge, w: QuestionWord): boolean {
  // The singular, the only number "je" takes: masculine "zgodil", feminine "okrepila", neuter "odzvalo".
  const singular = PARTICIPLE.test(w.form) || (OTHER_PARTICIPLE.test(w.form) && /[ao]$/.test(w.form));
  if (!singular || w.capitalised) return false;
  const stem = w.form.replace(/l[ao]?$/, '');
  return k.count(`${stem}ti`) > 0 || (PARTICIPLE_OF_CONSONANT_STEM.test(w.form) && k.count(w.form) > 0);
}

/**
 * The word "je" was run onto at `i` ("se" of "seje"), or undefined. Only where the corpus lacks
 * the pair, the pair opens a clause (the question, after a comma, or after a question word: "kdaj
 * seje", "s kom seje") and a singular past participle follows in the same clause, before any form
 * of "biti": "Katere seje je vodil?" and "ob koncu seje izjavil" keep the noun, and "Kdo seje
 * sovraštvo, je dejal?" the verb.
 */
function joinedJeAt(words: QuestionWord[], i: number, k: WordKnowledge): string | undefined {
  const w = words[i]!;
  // The pattern first: asking whether the corpus has a word stems it.
  const host = JOINED_JE.exec(w.form)?.[1];
  if (host === undefined || k.inCorpus(w.form)) return undefined;
  const before = words[i - 1];
  if (before !== undefined && w.start - before.end <= 1 && !isQuestionWord(before.form)) return undefined;
  for (let j = i + 1; j < words.length && j <= i + PARTICIPLE_REACH; j++) {
    const word = words[j]!;
    // A comma or other mark between ends the clause.
    if (word.start - words[j - 1]!.end > 1 || COPULAS.has(word.form)) return undefined;
    if (isSingularParticiple(k, word)) return host;
  }
  return undefined;
}

/** Known as a word of its own, not merely cut down by the stemmer to a corpus key ("prihodnjemletu" → "prihod"). */
const isRealWord = (k: WordKnowledge, form: string) => k.count(form) > 0 || (k.inCorpus(form) && k.isWord(form));

function splitWord(w: QuestionWord, a: string, b: string): QuestionWord[] {
  return [
    { ...w, form: a, end: w.start + a.length, mended: true },
    { ...w, form: b, start: w.start + a.length, capitalised: false, mended: true },
  ];
}

/**
 * The words with spacing slips mended. Words touched keep `mended` so they weigh a little less.
 * A word's own best split depends on the word alone (and what `k` knows), and trying every split
 * point of a word the corpus lacks is the dearest step here: `splits` remembers them across
 * questions (see `WordMemo`).
 */
export function mendSpacing(
  words: QuestionWord[],
  k: WordKnowledge,
  splits?: LruCache<string, WordSplit | null>,
): QuestionWord[] {
  const splitOf = (form: string) => (splits ? splits.getOrMake(form, () => bestSplit(k, form)) : bestSplit(k, form));
  // Two words split differently ("kotin strument") depend on the two alone, too. A form has no
  // NUL, so the pair's memo key cannot be a word's.
  const resplitOf = (a: string, b: string) =>
    splits ? splits.getOrMake(`${a}\u0000${b}`, () => bestSplit(k, a + b, a.length)) : bestSplit(k, a + b, a.length);
  // Each word is looked at as the first of a pair and as the second: its checks are made once.
  // An abbreviation in capitals is a word of its own: "pobuda AI" is no "pobudai".
  const joinable = words.map((w) => !hyphenated(w) && !w.acronym);
  const known: (boolean | undefined)[] = [];
  const knownAt = (i: number) => (known[i] ??= isKnown(k, words[i]!.form));
  // How the word at `i` splits up on its own, if it does. A word one typo away from a corpus word
  // is a typo, not two words ("pudaril" → "poudaril"), unless it splits into two words people use
  // and no word one edit away is one: "odštirih" is "od štirih", not a slip of "odstrih", a
  // string only the stemmer takes for a corpus word. A name written with a capital does not start
  // with a function word: "Nekst" is no "nek st".
  const splitAlone = (i: number): WordSplit | null => {
    const w = words[i]!;
    const host = joinable[i] ? joinedJeAt(words, i, k) : undefined;
    if (host !== undefined) return [host, 'je'];
    const found = joinable[i] && !isRealWord(k, w.form) ? splitOf(w.form) : null;
    const split = found && w.capitalised && k.isStopword(found[0]) ? null : found;
    // A name in another case is one word: "Vanderbiltom" is Vanderbilt, not "Vanderbil" and the
    // name "Tom". Told by a second part that is the name's last letters and a case ending, and a
    // first part with the whole word's key. A function word may still come off ("Zahodas" →
    // "Zahoda s"), and so may a verb the stemmer would have cut off with the ending ("Trumpvrnil").
    if (
      split &&
      (w.capitalised || k.isCorpusName(w.form)) &&
      NAME_TAIL.test(split[1]) &&
      !k.isStopword(split[1]) &&
      stemKey(split[0]) === stemKey(w.form)
    )
      return null;
    // "v" glued to a word ("vekipi", "vnedeljo") is one edit from that word too: the split keeps
    // the word and the preposition, which is no typo. Only "v": "s", "z", "o" and "u" begin as
    // many words as prefixes ("sirski" is no "s irski", "opozicija" no "o pozicija"), and "a" and
    // "i" are conjunctions. Not before a genitive plural, which "v" never takes ("vizumov"; but a
    // name in -ov or -ev, or a form everyday speech does not list, is a place it goes to: "vkijev"
    // is "v Kijev"), nor a
    // verb form, where it is the verb's prefix ("vrnila"), nor when another corpus word is one
    // edit away as well ("vmestnih" is "vmesnih" mistyped).
    const prepositionGlued =
      split !== null &&
      split[0] === 'v' &&
      isRealWord(k, split[1]) &&
      (!GENITIVE_PLURAL.test(split[1]) || k.isCorpusName(split[1]) || k.count(split[1]) === 0) &&
      !isVerbForm(split[1]) &&
      !k.nearCorpusWordBesides(w.form, split[1]);
    // Two listed parts ask only for a listed word one edit away, which is a corpus word too.
    const partsListed = split !== null && k.count(split[0]) > 0 && k.count(split[1]) > 0;
    if (split && !prepositionGlued && (partsListed ? k.nearListedCorpusWord(w.form) : k.nearCorpusWord(w.form)))
      return null;
    return split;
  };
  // A fragment no word on its own ("letal ske") belongs to the word before it: that join comes
  // first, though the word could also join the one before ("za letal" is a participle's prefix).
  const fragmentAfter = (i: number): boolean => {
    const w = words[i]!;
    const next = words[i + 1];
    return (
      next !== undefined &&
      joinable[i + 1] === true &&
      next.start - w.end <= 1 &&
      !next.capitalised &&
      !knownAt(i + 1) &&
      shouldJoin(k, w.form, next.form)
    );
  };
  const out: QuestionWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (next && joinable[i] && joinable[i + 1] && next.start - w.end <= 1) {
      // A word with a capital inside the question starts a name: nothing is joined onto it
      // ("predsednik Čila" is no "predsednikcila").
      const joins = !next.capitalised && shouldJoin(k, w.form, next.form);
      // The next word is kept whole for the fragment after it: no other mending takes it either.
      const keptForFragment = joins && fragmentAfter(i + 1);
      if (joins && !keptForFragment) {
        out.push({ ...w, form: w.form + next.form, end: next.end, mended: true });
        i++;
        continue;
      }
      // A function word typed stays a function word: "toče na" is no "to cena", "srečou k" no
      // "srečo uk", while "j ezmagal" is "je zmagal".
      // A known word keeps its letters where the next word splits up on its own: "nastopil
      // naolimpijskih" is "nastopil na olimpijskih", not "nastopilna olimpijskih".
      if (!keptForFragment && (!knownAt(i) || !knownAt(i + 1)) && !(knownAt(i) && splitAlone(i + 1))) {
        const resplit = resplitOf(w.form, next.form);
        if (
          resplit &&
          (!k.isStopword(w.form) || k.isStopword(resplit[0])) &&
          (!k.isStopword(next.form) || k.isStopword(resplit[1]))
        ) {
          out.push({ ...w, form: resplit[0], end: w.start + resplit[0].length, mended: true });
          out.push({ ...next, form: resplit[1], mended: true });
          i++;
          continue;
        }
      }
    }
    const split = splitAlone(i);
    out.push(...(split ? splitWord(w, ...split) : [w]));
  }
  return out;
}
