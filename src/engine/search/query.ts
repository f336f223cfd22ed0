/**
 * From a question as typed to the concepts to look for. Discord syntax and chatter are set aside
 * (`question/`), spacing slips and colloquial forms mended, English bridged to Slovenian; then
 * each content word becomes a concept: the ways it can appear in a passage (its own key, word
 * family, synonyms, typo corrections), and how much it tells about what is asked.
 */
import type { Span } from '../types.ts';
import { analyzeWords, keyOfWord } from '../analysis/analyze.ts';
import { oneEditAway } from '../analysis/edits.ts';
import { isStopword } from '../analysis/stopwords.ts';
import { stemKey } from '../analysis/stem.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import { cleanQuestion, isEmptyQuestion } from '../question/clean.ts';
import { NAME_IN_CHATTER_EMPHASIS, splitQuestion, type QuestionWord } from '../question/question-words.ts';
import { mendSpacing } from '../question/spacing.ts';
import { standardForms } from '../question/colloquial.ts';
import { englishAnswerType, isEnglishFunctionWord, looksEnglish } from '../question/english.ts';
import { isQuestionWord, slovenianAnswerType, type AnswerType } from '../question/answer-type.ts';
import type { WordKnowledge } from '../question/word-knowledge.ts';
import { wordMemoFor, type TypoReading, type WordMemo } from '../question/word-memo.ts';
import type { SynonymTable } from './synonyms.ts';
import type { Vocabulary } from './vocabulary.ts';

/** One way a concept of the question can appear in a passage: all `keys` present. */
export interface Alternative {
  keys: string[];
  /** How much a match through this alternative counts, in (0, 1]; the question's own words are 1. */
  weight: number;
}

/** Something the question asks about: one word, a hyphenated name, or a synonym phrase. */
export interface Concept {
  /** Where in the question it was written. */
  span: Span;
  alternatives: Alternative[];
  /**
   * How much the concept tells about what is asked, in [0, 1]: how rare the word is in everyday
   * Slovenian (so "hvala" or "rekel" tell little, "sankcije" or an unknown name a lot), times the
   * emphasis of the part of the question it stands in.
   */
  weight: number;
  /**
   * How few passages of this corpus hold the concept, in [0, 1] (1: one passage or none, near 0:
   * nearly all). Ranking leans on specific concepts: in an article about Putin, "Putin" does not
   * tell its passages apart, "zahvalil" does.
   */
  specificity: number;
  /**
   * Written with a capital inside the question ("Kdaj je bila ustanovljena Evropska unija?"): a
   * name. A passage that never mentions a name the question asks about does not answer it.
   */
  name: boolean;
}

/** A question as the engine reads it. */
export interface ParsedQuestion {
  concepts: Concept[];
  answerType: AnswerType;
  english: boolean;
  /** Nothing searchable was left after cleaning (no letters or digits). */
  empty: boolean;
  /** Share of the concepts' weight that no passage of the corpus has in any form: talk of something else. */
  unknownShare: number;
}

/** How much matches that are not the question's own word form count. */
export const MATCH_WEIGHTS = {
  synonym: 0.8,
  /** A synonym from the Slovene wordnet: noisier than the corpus's own groups. */
  wordnet: 0.5,
  /** A word WordNet relates to it: derived, similar, broader or narrower ("kaznovalni" → "kazen"). */
  related: 0.35,
  /** The same word family across parts of speech ("Rusija" → "ruski"). */
  family: 0.6,
  /** A known key of the same word family, when the word's own key is unknown ("kimov" → "kim"). */
  backoff: 0.7,
  /** A known key one edit away (two for long words): typos. */
  typo: 0.65,
  /** A longer known key starting with the word's whole key ("prvi" → "prvic"). */
  extension: 0.7,
  /** A longer key of the same family as a word the corpus knows ("prvi" → "prvic"). */
  knownExtension: 0.6,
  /** The parts of a hyphenated name ("jong un" for "Jong-un"). */
  parts: 0.9,
  /** A Slovenian word for an English one (WordNet + sloWNet). */
  english: 0.7,
  /** The name an abbreviation stands for, found by its initials ("SNL" → "Saturday Night Live"). */
  abbreviation: 0.8,
  /** A word whose spacing or colloquial form was mended. */
  mended: 0.9,
  /** The same word family with or without a learned prefix ("kolonializem" → "neokolonialen", "protiukrep" → "ukrep"). */
  prefixed: 0.5,
};

/**
 * Information below this counts as none: the commonest words of everyday speech ("je", "hvala",
 * "rekel") must not decide whether a passage answers.
 */
export const INFORMATION_FLOOR = 0.4;

/** A listed word (or word family) used at least this often is a word, not a typo, even when the corpus lacks it ("star"). */
const GENUINE_WORD_COUNT = 50;

/**
 * A real word of everyday Slovenian: the form, or other forms of its word family, are used often
 * enough. Short keys are shared by too many unrelated forms ("borl…") to vouch for a word.
 */
function isEverydayWord(form: string, key: string, lex: Lexicon): boolean {
  return (
    lex.words.count(form) >= GENUINE_WORD_COUNT ||
    (key.length >= MIN_FAMILY_KEY && lex.words.keyCount(key) >= GENUINE_WORD_COUNT)
  );
}
const MIN_FAMILY_KEY = 5;
/** A word used this often in Slovenian speech is Slovenian, even when English has it too ("put", "star"). */
const EVERYDAY_SLOVENIAN = 100;
/** Typo correction tries one-edit variants of words up to this length: beyond it, no real word is misspelt. */
const MAX_TYPO_LENGTH = 24;
/** Shorter words are not corrected: one edit turns them into too many other words. */
const MIN_TYPO_LENGTH = 4;
/** A misspelt stop word this long ("kolkio") is dropped rather than read as a rare topic word. */
const MIN_MISSPELT_QUESTION_WORD = 5;
/** Stems shorter than this have too many unrelated look-alikes to extend or shorten. */
const MIN_FAMILY_STEM = 4;
/** An unknown key is shortened by at most this many letters to find its family ("uveden" → "uved…"). */
const MAX_SHORTENING = 2;
/** Known keys taken from one prefix look-up, most frequent first. */
const MAX_EXTENSIONS = 3;
/** Typos corrected in a stem: one edit from 5 letters on, two from 8 (longer words bear more). */
const ONE_EDIT_FROM = 5;
const TWO_EDITS_FROM = 8;
/** The longest English WordNet phrase looked up ("security council", "united nations"). */
const MAX_ENGLISH_PHRASE = 3;
/** The longest inflectional ending plus a stem vowel the stemmer removes from a real word ("-ovala"). */
const MAX_ENDING_LENGTH = 5;
/** Alternatives kept from the wordnet and from the word family, most relevant first. */
const MAX_WORDNET_ALTERNATIVES = 8;
const MAX_FAMILY_ALTERNATIVES = 3;
/** A wordnet synonym's key must be this long to stand for the corpus keys that extend it. */
const MIN_EXTENDED_SYNONYM = 4;
/** A wordnet member the corpus lacks is shortened by at most this many letters to a known key. */
const MAX_MEMBER_SHORTENING = 3;
/**
 * An alternative at least this strong is another form of the word itself (family, extension,
 * typo), not a wordnet sense: its synonym group counts for the word too.
 */
const MIN_FORM_WEIGHT = 0.6;
/** Related words kept, closest relations first. */
const MAX_RELATED_ALTERNATIVES = 4;
/** Readings of a misspelt word kept, the likeliest first. */
const MAX_TYPO_READINGS = 3;

/** A word on its way to becoming a concept. */
interface Word {
  question: QuestionWord;
  key: string;
  parts: string[];
  /** Weight of the word's own key: below 1 when it is mended. */
  weight: number;
  /** The folded form whose everyday frequency says how telling the word is. */
  form: string;
  /** Other keys a misspelt word may stand for. */
  otherReadings?: string[];
}

function importance(info: number, emphasis: number): number {
  return (Math.max(0, info - INFORMATION_FLOOR) / (1 - INFORMATION_FLOOR)) * emphasis;
}

/**
 * A name tells at least this much, however common the word is in speech ("Kim", "Lent"): the
 * question is about that person or place.
 */
export const NAME_IMPORTANCE = 0.8;

/** The word names someone or something: capitalised inside the question, or a name in the corpus. */
function isNamed(w: Word, vocab: Vocabulary): boolean {
  return w.question.capitalised || vocab.isName(w.key);
}

function wordImportance(w: Word, vocab: Vocabulary, lex: Lexicon): number {
  if (!isNamed(w, vocab)) return importance(lex.words.information(w.form, w.key), w.question.emphasis);
  const emphasis = Math.max(w.question.emphasis, NAME_IN_CHATTER_EMPHASIS);
  return Math.max(importance(lex.words.information(w.form, w.key), emphasis), NAME_IMPORTANCE * emphasis);
}

/**
 * Reads a question: cleans it, mends it and turns its content words into concepts. Stop words,
 * filler and misspelt question words are dropped. What is worked out per word is remembered in
 * `memo` (by default the index's, see `wordMemoFor`); the result is the same either way.
 */
export function parseQuestion(
  question: string,
  synonyms: SynonymTable,
  vocab: Vocabulary,
  lex: Lexicon,
  memo: WordMemo = wordMemoFor(vocab, synonyms, lex),
): ParsedQuestion {
  const cleaned = cleanQuestion(question);
  if (isEmptyQuestion(cleaned))
    return { concepts: [], answerType: 'other', english: false, empty: true, unknownShare: 0 };
  const typed = splitQuestion(cleaned, (w) => isQuestionWord(w) || isQuestionWord(lex.chat.standardOf(w) ?? ''));
  const knownKey = (key: string) => vocab.has(key) || synonyms.knows(key);
  const englishWord = (w: string) => lex.words.count(w) < EVERYDAY_SLOVENIAN && lex.english().lemmasOf(w).length > 0;
  if (
    looksEnglish(
      typed.map((w) => w.form),
      englishWord,
    )
  ) {
    const concepts = englishConcepts(typed, synonyms, vocab, lex, knownKey);
    return {
      concepts,
      answerType: englishAnswerType(typed.map((w) => w.form).join(' ')),
      english: true,
      empty: false,
      unknownShare: unknownShare(concepts, vocab),
    };
  }
  const isWord = (form: string) =>
    lex.words.count(form) > 0 || form.length - (keyOfWord(form) ?? '').length <= MAX_ENDING_LENGTH;
  const knowledge: WordKnowledge = {
    inCorpus: (form) => {
      const key = keyOfWord(form);
      return key !== null && knownKey(key);
    },
    count: (form) => lex.words.count(form),
    total: lex.words.total,
    isStopword,
    isWord,
    // The variant must be a word itself: the stemmer cuts two words run together down to the
    // first one's key ("prihodnjemletu" → "prihod…"), which would make any such pair a "typo".
    nearCorpusWord: (form) =>
      form.length >= MIN_TYPO_LENGTH &&
      form.length <= MAX_TYPO_LENGTH &&
      memo.nearCorpusWord.getOrMake(form, () =>
        [...oneEditAway(form)].some((c) => !isStopword(c) && knownKey(stemKey(c)) && isWord(c)),
      ),
  };
  // Colloquial forms first, so spacing sees "kok" as "koliko" rather than an unknown word to split;
  // then again for the words spacing made.
  const words = standardForms(
    mendSpacing(standardForms(typed, lex.chat, knowledge, false), knowledge, memo.splits),
    lex.chat,
    knowledge,
    true,
  );
  // The question word is in the sentence that asks, not in the greeting before it.
  const asking = words.filter((w) => !w.filler && w.emphasis === 1);
  const answerType = slovenianAnswerType(asking.map((w) => w.form));
  const list = mendTypos(toWords(words), knownKey, lex, vocab, memo);
  const concepts = mergeRepeats(slovenianConcepts(list, synonyms, vocab, lex, memo));
  return { concepts, answerType, english: false, empty: false, unknownShare: unknownShare(concepts, vocab) };
}

function unknownShare(concepts: Concept[], vocab: Vocabulary): number {
  let total = 0;
  let unknown = 0;
  for (const c of concepts) {
    total += c.weight;
    if (!c.alternatives.some((a) => a.keys.every((k) => vocab.has(k)))) unknown += c.weight;
  }
  return total > 0 ? unknown / total : 0;
}

/** The content words of the mended question with their keys (a form may hold several words: "na hitro"). */
function toWords(words: QuestionWord[]): Word[] {
  const out: Word[] = [];
  for (const question of words) {
    if (question.filler) continue;
    for (const w of analyzeWords(question.form)) {
      out.push({
        question,
        key: w.token.key,
        parts: w.parts,
        weight: question.mended ? MATCH_WEIGHTS.mended : 1,
        form: question.form.slice(w.token.start, w.token.end),
      });
    }
  }
  return out;
}

/**
 * Mends words that neither the corpus nor everyday Slovenian knows but that are one typo away from
 * a word the corpus knows ("uvajnaju" → "uvajanju"), and drops misspelt question words ("Kolkio")
 * instead of treating them as rare topic words. A real word the corpus lacks ("star") is left as
 * it is: "correcting" it would invent a match.
 */
function mendTypos(
  words: Word[],
  knownKey: (key: string) => boolean,
  lex: Lexicon,
  vocab: Vocabulary,
  memo: WordMemo,
): Word[] {
  const mended: Word[] = [];
  for (const word of words) {
    const { form } = word;
    if (
      word.parts.length > 0 ||
      knownKey(word.key) ||
      form.length < MIN_TYPO_LENGTH ||
      form.length > MAX_TYPO_LENGTH ||
      isEverydayWord(form, word.key, lex)
    ) {
      mended.push(word);
      continue;
    }
    const reading = memo.typoReadings.getOrMake(form, () => typoReading(form, knownKey, lex, vocab));
    if (reading === 'drop') continue;
    if (!reading) mended.push(word);
    // The likeliest reading leads; close runners-up stay as alternatives ("povdaril": "poudaril" or "podaril").
    else
      mended.push({
        ...word,
        key: reading.key,
        form: reading.form,
        weight: MATCH_WEIGHTS.typo,
        otherReadings: reading.otherReadings,
      });
  }
  return mended;
}

/**
 * What a word unknown to the corpus and to everyday speech stands for: the likeliest known word
 * one typo away, null when there is none, 'drop' for a misspelt question word. Depends on the
 * form alone (and the corpus), so it is remembered by form.
 */
function typoReading(
  form: string,
  knownKey: (key: string) => boolean,
  lex: Lexicon,
  vocab: Vocabulary,
): TypoReading | null | 'drop' {
  // People seldom mistype a word's first letter; a name the corpus lacks ("Piranu") is not
  // another one without it ("Iranu").
  const candidates = [...oneEditAway(form)].filter((c) => c[0] === form[0]);
  // Long question words are the ones users misspell ("Kolkio"); short ones collide with content words.
  if (
    form.length >= MIN_MISSPELT_QUESTION_WORD &&
    candidates.some((c) => c.length >= MIN_MISSPELT_QUESTION_WORD && isStopword(c))
  )
    return 'drop';
  const fixes = new Map<string, { form: string; key: string; score: number }>();
  for (const candidate of candidates) {
    const key = stemKey(candidate);
    if (!knownKey(key)) continue;
    // Like a spelling corrector: among equally close words, the ones most used, in speech and in the corpus.
    const score = lex.words.count(candidate) + vocab.frequency(key);
    if ((fixes.get(key)?.score ?? -1) < score) fixes.set(key, { form: candidate, key, score });
  }
  const [best, ...others] = [...fixes.values()].sort((a, b) => b.score - a.score);
  if (!best) return null;
  return { key: best.key, form: best.form, otherReadings: others.slice(0, MAX_TYPO_READINGS - 1).map((o) => o.key) };
}

function slovenianConcepts(
  list: Word[],
  synonyms: SynonymTable,
  vocab: Vocabulary,
  lex: Lexicon,
  memo: WordMemo,
): Concept[] {
  const keys = list.map((w) => w.key);
  const concepts: Concept[] = [];
  for (let i = 0; i < list.length;) {
    const word = list[i]!;
    const synonym = synonyms.match(keys, i);
    const length = synonym?.length ?? 1;
    const members = list.slice(i, i + length);
    const own = keys.slice(i, i + length);
    const ownWeight = Math.min(...members.map((w) => w.weight));
    const alternatives: Alternative[] = [{ keys: own, weight: ownWeight }];
    if (length === 1) {
      // Frozen: later questions share them, so a change would leak into their answers.
      const near = memo.alternatives.getOrMake(alternativesKey(word), () =>
        Object.freeze(wordAlternatives(word, vocab, lex).map((a) => Object.freeze(a))),
      );
      alternatives.push(...near);
      // Another form of the word that belongs to a synonym group brings the group, more weakly:
      // "Rusi" reads as "Rusija", which meets "Moskva" and "Kremelj" too.
      if (!synonym)
        for (const alt of near.filter((a) => a.keys.length === 1 && a.weight >= MIN_FORM_WEIGHT)) {
          const group = synonyms.match(alt.keys, 0);
          if (group?.length === 1)
            for (const other of group.others)
              alternatives.push({ keys: other, weight: alt.weight * MATCH_WEIGHTS.synonym * ownWeight });
        }
    }
    for (const other of synonym?.others ?? []) {
      alternatives.push({ keys: other, weight: MATCH_WEIGHTS.synonym * ownWeight });
      // Synonyms are written in dictionary form ("krepiti"); the corpus may only hold other forms
      // of the word ("krepita"), so an unknown one-word synonym brings its known word family.
      if (other.length === 1 && !vocab.has(other[0]!)) {
        for (const alt of prefixFamily(other[0]!, vocab))
          alternatives.push({ keys: alt.keys, weight: alt.weight * MATCH_WEIGHTS.synonym });
      }
    }
    const last = members[members.length - 1]!;
    concepts.push({
      span: { start: word.question.start, end: last.question.end },
      alternatives: dedupeAlternatives(alternatives),
      // A phrase is about as telling as its most telling word, not the sum of its words.
      weight: Math.max(...members.map((w) => wordImportance(w, vocab, lex))),
      specificity: specificity(own, vocab),
      name: members.some((w) => isNamed(w, vocab)),
    });
    i += length;
  }
  return concepts;
}

/** Fields a memo key can be made of: values written out as they are, not objects. */
type Keyable<T> = {
  [F in keyof T]-?: T[F] extends string | number | boolean | readonly string[] | undefined ? F : never;
}[keyof T];

/**
 * What `wordAlternatives` reads of a word, and of the question word it was written as. Its memo
 * key is made of exactly these fields, so a field it comes to need must be added here (the type
 * refuses the read otherwise) and is keyed too.
 */
const ALTERNATIVES_INPUT = ['key', 'parts', 'form', 'weight', 'otherReadings'] as const satisfies Keyable<Word>[];
const ALTERNATIVES_QUESTION_INPUT = ['abbreviation', 'capitalised'] as const satisfies Keyable<QuestionWord>[];
type AlternativesInput = Pick<Word, (typeof ALTERNATIVES_INPUT)[number]> & {
  question: Pick<QuestionWord, (typeof ALTERNATIVES_QUESTION_INPUT)[number]>;
};

function alternativesKey(word: AlternativesInput): string {
  let id = '';
  const write = (value: string | number | boolean | readonly string[] | undefined) => {
    id += `${Array.isArray(value) ? value.join(' ') : (value ?? '')}\u0000`;
  };
  for (const field of ALTERNATIVES_INPUT) write(word[field]);
  for (const field of ALTERNATIVES_QUESTION_INPUT) write(word.question[field]);
  return id;
}

/** The ways one word can appear besides its own key. */
function wordAlternatives(word: AlternativesInput, vocab: Vocabulary, lex: Lexicon): Alternative[] {
  const { key } = word;
  const out: Alternative[] = [];
  if (word.parts.length > 1) {
    out.push({ keys: word.parts, weight: MATCH_WEIGHTS.parts });
    // A declined foreign name: "Berners-Leeja" for "Berners-Lee". The declined part may be known
    // from another article ("Leeja" of another Lee), so the bare stem is tried either way.
    const bare = word.parts.map((p) =>
      vocab.has(p) ? (bareStem(p, vocab) ?? p) : (shortStems(p, vocab)[0]?.keys[0] ?? p),
    );
    if (bare.some((p, i) => p !== word.parts[i]))
      out.push({ keys: bare, weight: MATCH_WEIGHTS.parts * MATCH_WEIGHTS.backoff });
  }
  for (const reading of word.otherReadings ?? []) out.push({ keys: [reading], weight: MATCH_WEIGHTS.typo });
  const abbreviation = word.question.abbreviation;
  if (abbreviation && vocab.has(abbreviation)) out.push({ keys: [abbreviation], weight: MATCH_WEIGHTS.abbreviation });
  out.push(...extensions(key, vocab), ...shortStems(key, vocab));
  if (!vocab.has(key) && !isEverydayWord(word.form, key, lex)) {
    // Unknown to the corpus and to everyday speech: another form of a corpus word, or a typo in its stem.
    out.push(...prefixFamily(key, vocab), ...typoNeighbours(key, vocab));
  }
  for (const member of vocab.family(key).slice(0, MAX_FAMILY_ALTERNATIVES))
    out.push({ keys: [member], weight: MATCH_WEIGHTS.family * word.weight });
  for (const member of prefixedFamily(key, vocab).slice(0, MAX_FAMILY_ALTERNATIVES))
    out.push({ keys: [member], weight: MATCH_WEIGHTS.prefixed * word.weight });
  out.push(...wordnetAlternatives(key, vocab, lex).map((a) => ({ keys: a.keys, weight: a.weight * word.weight })));
  // A name stands for one person, place or body: the words WordNet relates to it are other things
  // ("Kitajska" → "otok", "Tajvan", "mandarinščina"), and matching them answers a question about a
  // country the article never mentions.
  if (word.question.capitalised || vocab.isName(key)) return out;
  const related = lex.synonyms.related(key).filter((k) => vocab.has(k));
  for (const k of related.slice(0, MAX_RELATED_ALTERNATIVES))
    out.push({ keys: [k], weight: MATCH_WEIGHTS.related * word.weight });
  return out;
}

/**
 * Learned prefixes that make a word of the same topic ("neokolonialen", "protiukrep",
 * "postsovjetski"): general Slovenian word formation. Native prefixes are left out, as they make
 * other words ("pogodba" is not "godba", "nadzor" not "zor").
 */
const LEARNED_PREFIXES = [
  'anti',
  'proti',
  'neo',
  'post',
  'psevdo',
  'kvazi',
  'super',
  'hiper',
  'ultra',
  'mega',
  'mikro',
  'makro',
  'multi',
  'inter',
  'trans',
  'eks',
];
/** The rest of a word after a learned prefix must be this long to be a word of its own. */
const MIN_PREFIXED_ROOT = 5;

/**
 * Known keys of the word with a learned prefix added, or, for a prefixed word, without it. The
 * stemmer cuts derived words at different places ("kolonializ…" of "kolonializem", "neokolon…" of
 * "neokolonialnim"), so the root may be a shorter or a longer key sharing its start.
 */
function prefixedFamily(key: string, vocab: Vocabulary): string[] {
  const out: string[] = [];
  const related = (root: string, prefix: string) => {
    out.push(...vocab.extending(prefix + root, MAX_EXTENSIONS));
    for (let len = root.length; len >= MIN_PREFIXED_ROOT; len--)
      if (vocab.has(prefix + root.slice(0, len))) {
        out.push(prefix + root.slice(0, len));
        break;
      }
  };
  for (const prefix of LEARNED_PREFIXES) {
    if (key.startsWith(prefix) && key.length - prefix.length >= MIN_PREFIXED_ROOT)
      related(key.slice(prefix.length), '');
    else if (key.length >= MIN_PREFIXED_ROOT) related(key, prefix);
  }
  return [...new Set(out)].filter((k) => k !== key);
}

/**
 * Synonyms from the Slovene wordnet that the corpus uses. Wordnet members are dictionary forms
 * ("krepiti"); where the corpus holds only other forms of one ("krepita"), its known extensions stand in.
 */
function wordnetAlternatives(key: string, vocab: Vocabulary, lex: Lexicon): Alternative[] {
  const out: Alternative[] = [];
  for (const member of lex.synonyms.of(key)) {
    if (out.length >= MAX_WORDNET_ALTERNATIVES) break;
    if (member.every((k) => vocab.has(k))) out.push({ keys: member, weight: MATCH_WEIGHTS.wordnet });
    else if (member.length === 1 && member[0]!.length >= MIN_EXTENDED_SYNONYM) {
      // Or the known key it shortens to: the corpus's "sankcij…" for "sankcionirati".
      const known = vocab.extending(member[0]!, 1);
      for (const k of known.length > 0 ? known : knownStem(member[0]!, vocab))
        out.push({
          keys: [k],
          weight: MATCH_WEIGHTS.wordnet * MATCH_WEIGHTS.knownExtension,
        });
    }
  }
  return out;
}

/**
 * The known key a wordnet member's key shortens to by at most `MAX_MEMBER_SHORTENING` letters,
 * not below `MIN_SHARED_PREFIX` ("sankcion" of "sankcionirati" → "sankc" of "sankcije"): the
 * stemmer cuts verbs and nouns of one root at different places.
 */
function knownStem(key: string, vocab: Vocabulary): string[] {
  for (let len = key.length - 1; len >= Math.max(MIN_SHARED_PREFIX, key.length - MAX_MEMBER_SHORTENING); len--)
    if (vocab.has(key.slice(0, len))) return [key.slice(0, len)];
  return [];
}

/** English words to concepts: each content word (or WordNet phrase) with its Slovenian translations. */
function englishConcepts(
  words: QuestionWord[],
  synonyms: SynonymTable,
  vocab: Vocabulary,
  lex: Lexicon,
  knownKey: (key: string) => boolean,
): Concept[] {
  const bridge = lex.english();
  const concepts: Concept[] = [];
  for (let i = 0; i < words.length;) {
    const first = words[i]!;
    const match = longestLemma(words, i, (phrase) => bridge.lemmasOf(phrase));
    if (!match && isEnglishFunctionWord(first.form) && !first.acronym) {
      i++;
      continue;
    }
    const length = match?.length ?? 1;
    const alternatives: Alternative[] = [];
    // A single word may be a name the article shares ("Putin", "Songdowon"): its own key counts fully.
    if (length === 1) {
      for (const w of analyzeWords(first.form)) {
        alternatives.push({ keys: [w.token.key], weight: 1 });
        if (w.parts.length > 1) alternatives.push({ keys: w.parts, weight: MATCH_WEIGHTS.parts });
      }
    }
    const translations = match ? match.lemmas.flatMap((lemma) => bridge.translate(lemma)) : [];
    for (const keys of translations) {
      if (keys.every(knownKey)) alternatives.push({ keys, weight: MATCH_WEIGHTS.english });
      // A translation is a Slovenian word like any other: its synonyms and word family count too.
      for (const other of synonyms.match(keys, 0)?.others ?? [])
        alternatives.push({ keys: other, weight: MATCH_WEIGHTS.english * MATCH_WEIGHTS.synonym });
      if (keys.length === 1)
        for (const member of vocab.family(keys[0]!).slice(0, MAX_FAMILY_ALTERNATIVES))
          alternatives.push({ keys: [member], weight: MATCH_WEIGHTS.english * MATCH_WEIGHTS.family });
    }
    // How telling an English word is: as telling as its most telling common translation.
    const info =
      translations.length > 0
        ? Math.max(
            ...translations
              .slice(0, 3)
              .flat()
              .map((k) => lex.words.informationOfKey(k)),
          )
        : 1;
    if (alternatives.length > 0) {
      concepts.push({
        span: { start: first.start, end: words[i + length - 1]!.end },
        alternatives: dedupeAlternatives(alternatives),
        weight: importance(info, first.emphasis),
        specificity: Math.max(...alternatives.map((a) => specificity(a.keys, vocab))),
        name: first.capitalised,
      });
    }
    i += length;
  }
  return mergeRepeats(concepts);
}

/** The longest run of up to three words from `at` that is a WordNet lemma ("north korea"), with the lemmas it may be. */
function longestLemma(
  words: QuestionWord[],
  at: number,
  lemmasOf: (phrase: string) => string[],
): { lemmas: string[]; length: number } | undefined {
  for (let n = Math.min(MAX_ENGLISH_PHRASE, words.length - at); n >= 1; n--) {
    const phrase = words
      .slice(at, at + n)
      .map((w) => w.form)
      .join(' ');
    // "US" is a country, "us" a pronoun.
    if (n === 1 && isEnglishFunctionWord(phrase) && !words[at]!.acronym) return undefined;
    const lemmas = lemmasOf(phrase);
    if (lemmas.length > 0) return { lemmas, length: n };
  }
  return undefined;
}

/**
 * Known keys of the same word family as an unknown key: sharing all but its last one or two
 * letters ("uveden" → "uvedl", "kimov" → "kim").
 */
function prefixFamily(key: string, vocab: Vocabulary): Alternative[] {
  if (key.length < MIN_FAMILY_STEM) return [];
  for (
    let len = key.length;
    len === key.length || len >= Math.max(MIN_SHARED_PREFIX, key.length - MAX_SHORTENING);
    len--
  ) {
    const prefix = key.slice(0, len);
    const members = [
      ...(vocab.has(prefix) && len < key.length ? [prefix] : []),
      ...vocab.extending(prefix, MAX_EXTENSIONS),
    ];
    if (members.length === 0) continue;
    const weight = len === key.length ? MATCH_WEIGHTS.extension : MATCH_WEIGHTS.backoff;
    return members.slice(0, MAX_EXTENSIONS).map((k) => ({ keys: [k], weight }));
  }
  return [];
}

/**
 * Shortening an unknown key to find its family stops at this length: shorter stems have too many
 * unrelated look-alikes ("sporo…" of "sporočil" is not "spor…" of "sporazum").
 */
const MIN_SHARED_PREFIX = 5;

/** Known keys one or two edits from an unknown key (two for long words): typos in the stem. */
function typoNeighbours(key: string, vocab: Vocabulary): Alternative[] {
  if (key.length > MAX_TYPO_LENGTH) return [];
  const maxEdits = key.length >= TWO_EDITS_FROM ? 2 : key.length >= ONE_EDIT_FROM ? 1 : 0;
  if (maxEdits === 0) return [];
  return vocab
    .near(key, maxEdits)
    .filter(({ key: near }) => near[0] === key[0])
    .slice(0, MAX_EXTENSIONS)
    .map(({ key: near, distance }) => ({ keys: [near], weight: MATCH_WEIGHTS.typo / distance }));
}

/**
 * Case endings the stemmer leaves on short words ("toku", "miru") and on foreign names, which take
 * a j after a vowel ("Leeja", "Kanyeju"): tried when the corpus lacks the key.
 */
const SHORT_WORD_ENDINGS = /j?(?:om|em|ih|ah|ov|ev|mi|a|e|i|o|u)$|j$/;
/** The shortest stem a short word may be cut to. */
const MIN_SHORT_STEM = 3;

/** The known bare stem of a short word or name part with a case ending ("leej" → "lee"), if any. */
function bareStem(key: string, vocab: Vocabulary): string | undefined {
  const stem = key.replace(SHORT_WORD_ENDINGS, '');
  return stem.length >= MIN_SHORT_STEM && stem !== key && vocab.has(stem) ? stem : undefined;
}

/** Vowel endings a short word's key may keep in another case ("pita", "pito", "pite"). */
const VOWEL_ENDINGS = ['a', 'e', 'i', 'o', 'u'];

/**
 * The stemmer keeps case endings on short words, since cutting them from short words more often
 * joins unrelated ones; where the corpus lacks the key, the word is its bare stem or the stem
 * with another case ending, if the corpus has those ("toku" → "tok", "pita" → "pito").
 */
function shortStems(key: string, vocab: Vocabulary): Alternative[] {
  if (vocab.has(key)) return [];
  const stem = key.replace(SHORT_WORD_ENDINGS, '');
  if (stem.length < MIN_SHORT_STEM || stem === key) return [];
  const forms = [stem, ...VOWEL_ENDINGS.map((v) => stem + v)].filter((k) => k !== key && vocab.has(k));
  return forms.map((k) => ({ keys: [k], weight: MATCH_WEIGHTS.backoff }));
}

/**
 * Other forms of a known word that the stemmer kept apart ("prvi" → "prvič"): known keys that
 * extend it, at a lower weight, so the passage with the question's exact form still wins.
 */
function extensions(key: string, vocab: Vocabulary): Alternative[] {
  if (key.length < MIN_FAMILY_STEM) return [];
  return vocab.extending(key, MAX_EXTENSIONS).map((k) => ({ keys: [k], weight: MATCH_WEIGHTS.knownExtension }));
}

/** Specificity of a key sequence: its rarest key's inverse passage frequency against the largest possible. */
function specificity(keys: string[], vocab: Vocabulary): number {
  const most = vocab.idf('\u0000');
  return most > 0 ? Math.min(1, Math.max(...keys.map((k) => vocab.idf(k))) / most) : 1;
}

/** Each distinct alternative once, at its best weight, strongest first (evidence weighing relies on the order). */
function dedupeAlternatives(alternatives: Alternative[]): Alternative[] {
  const best = new Map<string, Alternative>();
  for (const alt of alternatives) {
    const id = alt.keys.join(' ');
    const seen = best.get(id);
    if (!seen || seen.weight < alt.weight) best.set(id, alt);
  }
  return [...best.values()].sort((a, b) => b.weight - a.weight);
}

/** A word asked twice ("Putin ... Putina") counts once, with the larger weight. */
function mergeRepeats(concepts: Concept[]): Concept[] {
  const seen = new Map<string, Concept>();
  for (const c of concepts) {
    const id = c.alternatives[0]!.keys.join(' ');
    const earlier = seen.get(id);
    if (!earlier) seen.set(id, c);
    else earlier.weight = Math.max(earlier.weight, c.weight);
  }
  return [...seen.values()];
}

/**
 * Each key to retrieve candidates with, weighted by its strongest alternative and its concept's
 * weight. A phrase alternative is looked up by its rarest word (re-ranking checks the rest). Keys
 * found in a large share of all passages select nothing yet cost the most to score on a big
 * corpus, so they are left to re-ranking, unless nothing rarer is asked.
 */
export function searchWeights(concepts: Concept[], vocab: Vocabulary): Map<string, number> {
  const commonAbove = Math.max(COMMON_KEY_MIN_PASSAGES, vocab.passageCount * COMMON_KEY_SHARE);
  const all = new Map<string, number>();
  for (const concept of concepts) {
    // A concept that tells nothing still retrieves a little, so a question of common words finds something.
    const conceptWeight = Math.max(concept.weight, MIN_RETRIEVAL_WEIGHT);
    // The strongest alternatives retrieve; the weak ones only count in re-ranking, where a
    // passage found by the others can still gain from them.
    for (const alt of concept.alternatives.slice(0, RETRIEVING_ALTERNATIVES)) {
      const rarest = alt.keys.reduce((a, b) => (vocab.frequency(b) < vocab.frequency(a) ? b : a));
      all.set(rarest, Math.max(all.get(rarest) ?? 0, alt.weight * conceptWeight));
    }
  }
  const selective = new Map([...all].filter(([key]) => vocab.frequency(key) <= commonAbove));
  return selective.size > 0 ? selective : all;
}

/** A key in more passages than this share (and this count) is too common to retrieve with. */
const COMMON_KEY_SHARE = 0.03;
const COMMON_KEY_MIN_PASSAGES = 500;
const MIN_RETRIEVAL_WEIGHT = 0.05;
/** Alternatives per concept that retrieve candidates (alternatives come strongest first). */
const RETRIEVING_ALTERNATIVES = 6;
