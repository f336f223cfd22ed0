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
import { possessorOf } from '../lexicon/english-bridge.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import { cleanQuestion, isEmptyQuestion } from '../question/clean.ts';
import { NAME_IN_CHATTER_EMPHASIS, splitQuestion, type QuestionWord } from '../question/question-words.ts';
import { mendSpacing } from '../question/spacing.ts';
import { standardForms } from '../question/colloquial.ts';
import {
  englishAnswerType,
  englishAsksClock,
  englishAsksDay,
  isEnglishArticle,
  isEnglishFunctionWord,
  isTitleFunctionWord,
  isPartOfHow,
  isPoliteThank,
  looksEnglish,
} from '../question/english.ts';
import {
  askingPhraseWords,
  asksCalendarDay,
  asksClockTime,
  FIGURE_TYPES,
  isQuestionWord,
  slovenianAsked,
  type AnswerType,
  type Asked,
} from '../question/answer-type.ts';
import type { WordKnowledge } from '../question/word-knowledge.ts';
import { countedWords, type AskedUnit, type Counted } from '../question/counted.ts';
import { wordMemoFor, type WordMemo } from '../question/word-memo.ts';
import {
  alternativesKey,
  caseForms,
  dedupeAlternatives,
  MATCH_WEIGHTS,
  MAX_FAMILY_ALTERNATIVES,
  MAX_TYPO_LENGTH,
  prefixFamily,
  respelled,
  wordAlternatives,
  type Alternative,
  type Word,
} from './alternatives.ts';
import { knownKeysOf, mendTypos, MIN_TYPO_LENGTH } from './typos.ts';
import type { SynonymTable } from './synonyms.ts';
import type { Vocabulary } from './vocabulary.ts';

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
  /**
   * Written only in the clause that introduces the question ("pišem seminarsko o … v ZDA, me
   * zanima: …"): a name there hints at the topic, but a passage that lacks it may still answer.
   */
  preamble?: boolean;
}

/** A question as the engine reads it. */
export interface ParsedQuestion {
  concepts: Concept[];
  answerType: AnswerType;
  /** The answer is a name ("Kako se imenuje …?"), not just someone (see `Asked`). */
  asksName: boolean;
  english: boolean;
  /** Nothing searchable was left after cleaning (no letters or digits). */
  empty: boolean;
  /** Share of the concepts' weight that no passage of the corpus has in any form: talk of something else. */
  unknownShare: number;
  /** The concepts a how-many question counts ("koliko ljudi" → "ljudi"), by index. */
  counted: number[];
  /** The unit a how-long question asks its span in ("koliko dni"), if it asks one. */
  countedUnit?: AskedUnit;
  /** The question asks a span of time ("koliko dni", "pred koliko leti"). */
  asksSpan: boolean;
  /** The question asks which calendar day (see `asksCalendarDay`). */
  asksDay: boolean;
  /** The question asks at what time of day (see `asksClockTime`). */
  asksClock: boolean;
}

/**
 * Information below this counts as none: the commonest words of everyday speech ("je", "hvala",
 * "rekel") must not decide whether a passage answers.
 */
export const INFORMATION_FLOOR = 0.4;

/** A word used this often in Slovenian speech is Slovenian, even when English has it too ("put", "star"). */
const EVERYDAY_SLOVENIAN = 100;
/** The longest English WordNet phrase looked up ("security council", "united nations"). */
const MAX_ENGLISH_PHRASE = 3;
/** The longest inflectional ending plus a stem vowel the stemmer removes from a real word ("-ovala"). */
const MAX_ENDING_LENGTH = 5;
/**
 * A cut-off tail this long (so, with `MAX_ENDING_LENGTH`, exactly five letters) and this common in
 * speech is a word run on, not an ending ("ostal"); shorter tails are endings ("njem" aside).
 */
const MIN_SWALLOWED_WORD = 5;
const SWALLOWED_WORD_COUNT = 1_000;
/**
 * An alternative at least this strong is another form of the word itself (family, extension,
 * typo), not a wordnet sense: its synonym group counts for the word too.
 */
const MIN_FORM_WEIGHT = 0.6;

function importance(info: number, emphasis: number): number {
  return (Math.max(0, info - INFORMATION_FLOOR) / (1 - INFORMATION_FLOOR)) * emphasis;
}

/**
 * A name tells at least this much, however common the word is in speech ("Kim", "Lent"): the
 * question is about that person or place.
 */
export const NAME_IMPORTANCE = 0.8;

/**
 * The word names someone or something: capitalised inside the question, or a name in the corpus
 * where the question does not tell names by their capitals.
 */
function isNamed(w: Word, vocab: Vocabulary): boolean {
  return w.question.capitalised || (!w.question.smallInCasedQuestion && vocab.isName(w.key));
}

/** One or two letters: too short to be a content word of its own unless someone uses it. */
const SHORTHAND = /^\p{L}{1,2}$/u;

/**
 * A word of one or two letters that neither everyday Slovenian nor the corpus uses ("mn", "sj"):
 * chat shorthand or a slip, not the rarest word of the question.
 */
function isShorthand(w: Word, vocab: Vocabulary, lex: Lexicon): boolean {
  return (
    SHORTHAND.test(w.form) &&
    !w.question.acronym &&
    lex.words.count(w.form) === 0 &&
    lex.words.keyCount(w.key) === 0 &&
    !vocab.has(w.key)
  );
}

/** Shorter unlisted forms are one edit from too many everyday words to be judged by them. */
const MIN_NEAREST_LENGTH = 5;

function wordImportance(w: Word, vocab: Vocabulary, lex: Lexicon): number {
  if (!isNamed(w, vocab)) {
    if (isShorthand(w, vocab, lex)) return 0;
    // A form neither everyday speech nor the corpus knows may be an everyday word mistyped
    // ("vsebno"), which must not weigh as a rare topic word the passages all lack. (Not a listed
    // word at the rarest count, which informs as fully: "nasad".)
    const unlisted =
      lex.words.count(w.form) === 0 &&
      lex.words.keyCount(w.key) === 0 &&
      !vocab.has(w.key) &&
      w.form.length >= MIN_NEAREST_LENGTH;
    const info = unlisted ? lex.words.informationOfUnlisted(w.form) : lex.words.information(w.form, w.key);
    return importance(info, w.question.emphasis);
  }
  const emphasis = Math.max(w.question.emphasis, NAME_IN_CHATTER_EMPHASIS);
  return Math.max(importance(lex.words.information(w.form, w.key), emphasis), NAME_IMPORTANCE * emphasis);
}

/** A word folded as keys are made of: small letters without č/š/ž (see `fold`). */
const FOLDED_LETTERS = /^[a-z]+$/;

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
    return {
      concepts: [],
      answerType: 'other',
      asksName: false,
      english: false,
      empty: true,
      unknownShare: 0,
      counted: [],
      asksSpan: false,
      asksDay: false,
      asksClock: false,
    };
  const known = knownKeysOf(vocab, synonyms);
  const { knownKey, mayBeKnown } = known;
  const inCorpus = (form: string) => {
    // Most strings that mending spacing tries ("jezmagal", "najbistevilo") begin like no corpus
    // key: they need no stemming to be ruled out (see `KeyStubs`; the stubs are of folded words).
    if (FOLDED_LETTERS.test(form) && !mayBeKnown(form)) return false;
    const key = keyOfWord(form);
    return key !== null && knownKey(key);
  };
  const typed = splitQuestion(
    cleaned,
    (w) => isQuestionWord(w) || isQuestionWord(lex.chat.standardOf(w) ?? ''),
    inCorpus,
    (w) => lex.chat.isFiller(w),
  );
  const englishWord = (w: string) => lex.words.count(w) < EVERYDAY_SLOVENIAN && lex.english().lemmasOf(w).length > 0;
  const inTitles = titleFunctionWords(typed);
  // A name is in no language: "Kim Jong-un" and "Korea's" must not outweigh "who did … call". A
  // question with a Slovenian question word keeps them, as its English may be a tag ("kdaj je
  // Kanye West nastopil, is it true?").
  const asksInSlovenian = typed.some((w) => isQuestionWord(w.form));
  const isName = (w: QuestionWord) =>
    !asksInSlovenian && w.capitalised && !englishWord(w.form) && !isEnglishFunctionWord(w.form);
  if (
    looksEnglish(
      typed.filter((w, i) => !inTitles.has(i) && !isName(w)).map((w) => w.form),
      englishWord,
    )
  ) {
    const concepts = englishConcepts(typed, synonyms, vocab, lex, knownKey);
    const text = typed.map((w) => w.form).join(' ');
    const answerType = englishAnswerType(text);
    return {
      concepts,
      answerType,
      asksName: false,
      english: true,
      empty: false,
      unknownShare: unknownShare(concepts, vocab),
      counted: [],
      asksSpan: false,
      // "On which day …?", "What date …?" ask for a calendar day, as "Katerega dne …?" does.
      asksDay: answerType === 'time' && englishAsksDay(text),
      asksClock: answerType === 'time' && englishAsksClock(text),
    };
  }
  const isWord = (form: string) => {
    if (lex.words.count(form) > 0) return true;
    const key = keyOfWord(form) ?? '';
    // What the stemmer cut off must be an ending, not a word of its own ("putinostal" → "putin").
    const tail = form.slice(key.length);
    return (
      tail.length <= MAX_ENDING_LENGTH &&
      !(tail.length >= MIN_SWALLOWED_WORD && lex.words.count(tail) >= SWALLOWED_WORD_COUNT)
    );
  };
  const typoLength = (form: string) => form.length >= MIN_TYPO_LENGTH && form.length <= MAX_TYPO_LENGTH;
  /**
   * Some form one edit away is a corpus word of substance that `isWordLike` accepts; with
   * `listedOnly`, one everyday speech lists, which is looked at first: only listed strings are stemmed.
   * Whether it is a stop word is asked only of the few forms the corpus knows: of the hundreds of
   * strings one edit away, hardly any is one.
   */
  const oneEditFromCorpus = (form: string, isWordLike: (candidate: string) => boolean, listedOnly = false) =>
    [...oneEditAway(form)].some(
      (c) =>
        (!listedOnly || lex.words.count(c) > 0) &&
        mayBeKnown(c) &&
        knownKey(stemKey(c)) &&
        !isStopword(c) &&
        isWordLike(c),
    );
  const knowledge: WordKnowledge = {
    inCorpus,
    count: (form) => lex.words.count(form),
    familyCount: (form) => lex.words.keyCount(keyOfWord(form) ?? ''),
    total: lex.words.total,
    isStopword,
    isCorpusName: (form) => vocab.isName(keyOfWord(form) ?? ''),
    isWord,
    // The variant must be a word itself: the stemmer cuts two words run together down to the
    // first one's key ("prihodnjemletu" → "prihod…"), which would make any such pair a "typo".
    nearCorpusWord: (form) =>
      typoLength(form) && memo.nearCorpusWord.getOrMake(form, () => oneEditFromCorpus(form, isWord)),
    // Asked of a word that splits into two listed words.
    nearListedCorpusWord: (form) =>
      typoLength(form) && memo.nearListedCorpusWord.getOrMake(form, () => oneEditFromCorpus(form, () => true, true)),
    // Asked only of a one-letter preposition glued to a word: seldom.
    nearCorpusWordBesides: (form, besides) =>
      typoLength(form) && oneEditFromCorpus(form, (c) => c !== besides && isWord(c)),
  };
  // Colloquial forms first, so spacing sees "kok" as "koliko" rather than an unknown word to split;
  // then again for the words spacing made.
  const words = standardForms(
    mendSpacing(
      standardForms(
        typed.map((w, i) => (inTitles.has(i) ? { ...w, filler: true } : w)),
        lex.chat,
        knowledge,
        false,
      ),
      knowledge,
      memo.splits,
    ),
    lex.chat,
    knowledge,
    true,
  );
  const forms = words.map((w) => w.form);
  // The question word is in the sentence that asks, not in the greeting before it.
  const asking = words.filter((w) => !w.filler && w.emphasis === 1);
  const { type: askedType, name: asksName } = askedOf(asking);
  const questionPhrase = askingPhraseWords(askedType, forms);
  const topical = words.filter((_, i) => !questionPhrase.has(i));
  const topicWords = toWords(topical);
  const list = mendTypos(topicWords, known, lex, vocab, memo);
  const answerType = typedAfterMending(askedType, asking, list, new Set(topicWords), lex);
  const concepts = mergeRepeats(slovenianConcepts(list, synonyms, vocab, lex, memo));
  const counted: Counted = answerType === 'number' ? countedWords(forms) : { words: [], asksSpan: false };
  return {
    concepts,
    answerType,
    asksName,
    english: false,
    empty: false,
    unknownShare: unknownShare(concepts, vocab),
    counted: conceptsOf(
      concepts,
      counted.words.map((i) => words[i]!),
    ),
    countedUnit: counted.unit,
    asksSpan: counted.asksSpan,
    asksDay: answerType === 'time' && asksCalendarDay(forms),
    asksClock: answerType === 'time' && asksClockTime(forms),
  };
}

/**
 * The question's type with its misspelt words read as mended: a how-many question about a "dalež"
 * asks for the share a "delež" is. Only a refinement of a how-many or untyped question (see
 * `askedOf`): the question word itself was read before, and reading it again could only add a guess.
 * A question word too misspelt to be read ("kaetrega") was dropped by typo mending; a question
 * with no question word left is read again with it in its place ("iz katerega mesta").
 */
function typedAfterMending(
  type: AnswerType,
  asking: QuestionWord[],
  list: Word[],
  typed: Set<Word>,
  lex: Lexicon,
): AnswerType {
  if (type !== 'number' && type !== 'other') return type;
  // `mendTypos` keeps a word it leaves alone as it was, so a word not among those typed is mended.
  const mended = new Map(list.filter((w) => !typed.has(w)).map((w) => [w.question, w.form]));
  let questionWordMended = false;
  // Only where the asking sentence has no question word of its own: "Kaj je Kim zafaj rekel?"
  // asks what, whether "zafaj" was "zakaj" or "zadaj".
  if (type === 'other' && !asking.some((w) => isQuestionWord(w.form))) {
    const kept = new Set(list.map((w) => w.question));
    const asked = new Set(asking);
    for (const w of typed) {
      // Only a word of the sentence that asks: a misspelt word in a greeting asks nothing.
      const questionWord = kept.has(w.question) || !asked.has(w.question) ? undefined : questionWordNear(w.form, lex);
      if (questionWord === undefined) continue;
      mended.set(w.question, questionWord);
      questionWordMended = true;
    }
  }
  if (!asking.some((w) => mended.has(w))) return type;
  const again = askedOf(asking.map((w) => ({ ...w, form: mended.get(w) ?? w.form }))).type;
  return FIGURE_TYPES.has(again) || questionWordMended ? again : type;
}

/**
 * The question word a dropped word was misspelt from ("kaetrega" → "katerega"): the commonest
 * function word one typo away (keeping the first letter), if that is a question word. A misspelt
 * "kakor" ("kajor") is dropped as one too ("kamor" is one typo away), but "kakor" is commoner and
 * asks nothing.
 */
function questionWordNear(form: string, lex: Lexicon): string | undefined {
  let best: string | undefined;
  for (const candidate of oneEditAway(form))
    if (
      candidate[0] === form[0] &&
      (isQuestionWord(candidate) || isStopword(candidate)) &&
      lex.words.count(candidate) > lex.words.count(best ?? '')
    )
      best = candidate;
  return best !== undefined && isQuestionWord(best) ? best : undefined;
}

/**
 * The concepts the counted words stand in, without names: "koliko novih londonskih nepremičnin"
 * counts properties in London, and "koliko je Putin …" (a name first) counts nothing.
 */
function conceptsOf(concepts: Concept[], words: QuestionWord[]): number[] {
  const out: number[] = [];
  for (const word of words) {
    const at = concepts.findIndex((c) => c.span.start <= word.start && word.start < c.span.end);
    if (at < 0 || out.includes(at)) continue;
    if (concepts[at]!.name) {
      if (out.length === 0) return [];
      continue;
    }
    out.push(at);
  }
  return out;
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

/**
 * The English function words inside a capitalised title that a Slovenian question quotes
 * ("Koliko stane vstopnica za razstavo Memories of the Land and Water?"), by index: they do not
 * make the question English, and they name nothing to search for. Only in a question with a
 * Slovenian question word: "Did Kim go to Russia?" is English.
 */
function titleFunctionWords(words: QuestionWord[]): Set<number> {
  const inTitles = new Set<number>();
  if (!words.some((w) => isQuestionWord(w.form))) return inTitles;
  const capitalisedAround = (i: number, step: 1 | -1): boolean => {
    for (let j = i + step; j >= 0 && j < words.length; j += step)
      if (!isEnglishFunctionWord(words[j]!.form)) return words[j]!.capitalised;
    return false;
  };
  words.forEach((w, i) => {
    // Between two capitalised words, or an article opening a title ("The Lord of the Rings").
    const opensTitle = w.capitalised && isEnglishArticle(w.form);
    if (isTitleFunctionWord(w.form) && (opensTitle || capitalisedAround(i, -1)) && capitalisedAround(i, 1))
      inTitles.add(i);
  });
  return inTitles;
}

/**
 * What the asking words ask for: read from their start as a whole; when that asks nothing typed,
 * a later sentence that does ("a majo ljudje težave zaradi plime? kje točno?" asks where).
 */
function askedOf(asking: QuestionWord[]): Asked {
  const whole = slovenianAsked(asking.map((w) => w.form));
  if (whole.type !== 'other') return whole;
  const clauses = new Set(asking.map((w) => w.clause ?? 0));
  // One asking sentence is the whole, already read.
  if (clauses.size < 2) return whole;
  for (const clause of clauses) {
    const asked = slovenianAsked(asking.filter((w) => (w.clause ?? 0) === clause).map((w) => w.form));
    if (asked.type !== 'other') return asked;
  }
  return whole;
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
      preamble: members.every((w) => w.question.preamble),
    });
    i += length;
  }
  return concepts;
}

/**
 * English compounds WordNet does not list as one lemma ("military-technical", "Asia-Pacific") read
 * as their words, each translated; a compound with a word WordNet lacks ("Jong-un") or a listed
 * one stays whole.
 */
function splitEnglishCompounds(words: QuestionWord[], knows: (lemma: string) => boolean): QuestionWord[] {
  return words.flatMap((w) => {
    if (!w.form.includes('-') || knows(w.form)) return [w];
    const parts: QuestionWord[] = [];
    let at = 0;
    for (const part of w.form.split('-')) {
      // Within the written word even where folding changed its length (a decomposed accent).
      const start = Math.min(w.start + at, w.end);
      if (part) parts.push({ ...w, form: part, start, end: Math.min(start + part.length, w.end) });
      at += part.length + 1;
    }
    return parts.every((p) => knows(p.form)) ? parts : [w];
  });
}

/** English words to concepts: each content word (or WordNet phrase) with its Slovenian translations. */
function englishConcepts(
  typed: QuestionWord[],
  synonyms: SynonymTable,
  vocab: Vocabulary,
  lex: Lexicon,
  knownKey: (key: string) => boolean,
): Concept[] {
  const bridge = lex.english();
  const words = splitEnglishCompounds(typed, (lemma) => bridge.lemmasOf(lemma).length > 0);
  const concepts: Concept[] = [];
  const forms = words.map((w) => w.form);
  for (let i = 0; i < words.length;) {
    const first = words[i]!;
    // Chat says nothing about what is asked in English either ("lol", "thx", "BTW", "guys"), unless
    // it is written in capitals as an abbreviation the corpus uses.
    const chat = lex.chat.isFiller(first.form) && !(first.acronym && knownKey(keyOfWord(first.form) ?? ''));
    if (isPoliteThank(forms, i) || isPartOfHow(forms, i) || chat) {
      i++;
      continue;
    }
    const match = longestLemma(words, i, (phrase) => bridge.lemmasOf(phrase));
    if (!match && isEnglishFunctionWord(first.form) && !first.acronym) {
      i++;
      continue;
    }
    const length = match?.length ?? 1;
    const alternatives: Alternative[] = [];
    // A single word may be a name the article shares ("Putin", "Songdowon"): its own key counts fully.
    if (length === 1) {
      // An English possessive names its possessor ("Putin's visit" asks about Putin).
      const possessor = possessorOf(first.form);
      for (const w of possessor ? analyzeWords(possessor) : [])
        if (knownKey(w.token.key)) alternatives.push({ keys: [w.token.key], weight: 1 });
      for (const w of analyzeWords(first.form)) {
        alternatives.push({ keys: [w.token.key], weight: 1 });
        if (w.parts.length > 1) alternatives.push({ keys: w.parts, weight: MATCH_WEIGHTS.parts });
        // An English word with a lemma is a word, not a name to respell ("west" is not "vest").
        if (!match || first.capitalised)
          alternatives.push(...respelled({ key: w.token.key, form: first.form, question: first }, vocab));
      }
    }
    const translations = match ? match.lemmas.flatMap((lemma) => bridge.translate(lemma)) : [];
    for (const keys of translations) {
      if (keys.every(knownKey)) alternatives.push({ keys, weight: MATCH_WEIGHTS.english });
      // A translation is a Slovenian word like any other: its synonyms and word family count too.
      for (const other of synonyms.match(keys, 0)?.others ?? [])
        alternatives.push({ keys: other, weight: MATCH_WEIGHTS.english * MATCH_WEIGHTS.synonym });
      if (keys.length === 1) {
        for (const member of vocab.family(keys[0]!).slice(0, MAX_FAMILY_ALTERNATIVES))
          alternatives.push({ keys: [member], weight: MATCH_WEIGHTS.english * MATCH_WEIGHTS.family });
        for (const form of caseForms(keys[0]!, vocab))
          alternatives.push({ keys: form.keys, weight: MATCH_WEIGHTS.english * form.weight });
      }
    }
    // A name or noun phrase none of whose translations the corpus has ("South Korea") is still
    // asked about: kept as a concept no passage matches, not dropped as if the question had not
    // named it. Not a phrasal verb, whose particle may belong to the next words ("go after X").
    const phrase = words.slice(i, i + length);
    if (
      alternatives.length === 0 &&
      translations[0] &&
      (first.capitalised || !phrase.some((w) => isEnglishFunctionWord(w.form)))
    )
      alternatives.push({ keys: translations[0], weight: MATCH_WEIGHTS.english });
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

/** Specificity of a key sequence: its rarest key's inverse passage frequency against the largest possible. */
function specificity(keys: string[], vocab: Vocabulary): number {
  const most = vocab.idf('\u0000');
  return most > 0 ? Math.min(1, Math.max(...keys.map((k) => vocab.idf(k))) / most) : 1;
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
