import type { Span } from '../types.ts';
import { analyzeWords, type Token, type Word as WrittenWord } from '../analysis/analyze.ts';
import { oneEditAway } from '../analysis/edits.ts';
import { fold } from '../analysis/fold.ts';
import { stemKey } from '../analysis/stem.ts';
import { isStopword } from '../analysis/stopwords.ts';
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
  /** How telling the concept is (rare in the corpus: high). Unknown words get the maximum. */
  idf: number;
  /**
   * Written with a capital inside the question ("Kdaj je bila ustanovljena Evropska unija?"): a
   * name. A passage that never mentions a name the question asks about does not answer it.
   */
  name: boolean;
}

/** How much matches that are not the question's own word form count. */
export const MATCH_WEIGHTS = {
  synonym: 0.8,
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
};

interface Word extends WrittenWord {
  /** Weight of the word's own key: below 1 when it is a typo correction. */
  weight: number;
}


/**
 * Mends words the corpus and the synonym groups do not know but that are one typo away from a
 * word they do know ("Songdovon" stays for the look-alikes, "uvajnaju" becomes "uvajanju"), and
 * drops misspelt question words ("Kolkio") instead of treating them as rare topic words.
 */
function mendTypos(question: string, words: Word[], known: (key: string) => boolean, frequency: (key: string) => number): Word[] {
  const mended: Word[] = [];
  for (const word of words) {
    if (word.parts.length > 0 || known(word.token.key)) {
      mended.push(word);
      continue;
    }
    const surface = fold(question.slice(word.token.start, word.token.end));
    if (surface.length < 4) {
      mended.push(word);
      continue;
    }
    const candidates = [...oneEditAway(surface)];
    // Long question words are the ones users misspell ("Kolkio"); short ones collide with content words.
    if (surface.length >= 5 && candidates.some((c) => c.length >= 5 && isStopword(c))) continue;
    const fixes = candidates.map(stemKey).filter(known);
    // Like a spelling corrector: among equally close words, the one the corpus uses most.
    const fix = fixes.sort((a, b) => frequency(b) - frequency(a))[0];
    mended.push(fix ? { ...word, token: { ...word.token, key: fix }, weight: MATCH_WEIGHTS.typo } : word);
  }
  return mended;
}

/**
 * Known keys of the same word family as an unknown key: sharing all but its last one or two
 * letters ("uveden" → "uvedl", "prvi" → "prvic", "kimov" → "kim").
 */
function family(key: string, vocab: Vocabulary): Alternative[] {
  // Stems under four letters have too many unrelated look-alikes to guess from.
  if (key.length < 4) return [];
  for (let len = key.length; len >= Math.max(3, key.length - 2); len--) {
    const prefix = key.slice(0, len);
    const members = [...(vocab.has(prefix) && len < key.length ? [prefix] : []), ...vocab.extending(prefix, 3)];
    if (members.length === 0) continue;
    const weight = len === key.length ? MATCH_WEIGHTS.extension : MATCH_WEIGHTS.backoff;
    return members.slice(0, 3).map((k) => ({ keys: [k], weight }));
  }
  return [];
}

/** Known keys one or two edits from an unknown key (two for long words): typos in the stem. */
function typoNeighbours(key: string, vocab: Vocabulary): Alternative[] {
  const maxEdits = key.length >= 8 ? 2 : key.length >= 5 ? 1 : 0;
  if (maxEdits === 0) return [];
  return vocab.near(key, maxEdits).slice(0, 3).map(({ key: near, distance }) => ({ keys: [near], weight: MATCH_WEIGHTS.typo / distance }));
}

/**
 * Other forms of a known word that the stemmer kept apart ("prvi" → "prvič"): known keys that
 * extend it, at a lower weight, so the passage with the question's exact form still wins.
 */
function extensions(key: string, vocab: Vocabulary): Alternative[] {
  if (key.length < 4) return [];
  return vocab.extending(key, 3).map((k) => ({ keys: [k], weight: MATCH_WEIGHTS.knownExtension }));
}

/**
 * Turns a question into the concepts to look for. Stop words are dropped; synonym groups are
 * applied (longest phrase first); words the corpus does not know are matched to lookalikes
 * (typos, other word forms) at a lower weight, and keep the weight of a rare word for the
 * abstain decision, because a question about something the text never mentions should not be
 * answered from the rest of its words.
 */
export function buildConcepts(question: string, synonyms: SynonymTable, vocab: Vocabulary): Concept[] {
  const known = (key: string) => vocab.has(key) || synonyms.knows(key);
  const list = mendTypos(question, analyzeWords(question).map((word) => ({ ...word, weight: 1 })), known, (key) => vocab.frequency(key));
  const keys = list.map((w) => w.token.key);
  const maxIdf = vocab.idf('\u0000');
  const idfOf = (key: string) => (vocab.has(key) ? vocab.idf(key) : maxIdf);
  const concepts: Concept[] = [];
  for (let i = 0; i < list.length; ) {
    const word = list[i]!;
    const synonym = synonyms.match(keys, i);
    const length = synonym?.length ?? 1;
    const own = keys.slice(i, i + length);
    const ownWeight = Math.min(...list.slice(i, i + length).map((w) => w.weight));
    const alternatives: Alternative[] = [{ keys: own, weight: ownWeight }];
    if (length === 1 && word.parts.length > 1) alternatives.push({ keys: word.parts, weight: MATCH_WEIGHTS.parts });
    if (length === 1) alternatives.push(...(vocab.has(own[0]!) ? extensions(own[0]!, vocab) : [...family(own[0]!, vocab), ...typoNeighbours(own[0]!, vocab)]));
    for (const other of synonym?.others ?? []) {
      alternatives.push({ keys: other, weight: MATCH_WEIGHTS.synonym * ownWeight });
      // Synonyms are written in dictionary form ("krepiti"); the corpus may only hold other forms
      // of the word ("krepita"), so an unknown one-word synonym brings its known word family.
      if (other.length === 1 && !vocab.has(other[0]!)) {
        for (const alt of family(other[0]!, vocab)) alternatives.push({ keys: alt.keys, weight: alt.weight * MATCH_WEIGHTS.synonym });
      }
    }
    const last = list[i + length - 1]!;
    concepts.push({
      span: { start: word.token.start, end: last.token.end },
      alternatives: dedupeAlternatives(alternatives),
      // A phrase is about as telling as its rarest word, not the sum of its words.
      idf: Math.max(...own.map(idfOf)),
      name: list.slice(i, i + length).some((w) => isCapitalisedInside(question, w.token)),
    });
    i += length;
  }
  return mergeRepeats(concepts);
}

/** A word that starts with a capital letter and does not start the question. */
function isCapitalisedInside(question: string, token: Token): boolean {
  const first = question.match(/\p{L}/u)?.index ?? 0;
  return token.start > first && /^\p{Lu}/u.test(question.slice(token.start, token.end));
}

function dedupeAlternatives(alternatives: Alternative[]): Alternative[] {
  const best = new Map<string, Alternative>();
  for (const alt of alternatives) {
    const id = alt.keys.join(' ');
    const seen = best.get(id);
    if (!seen || seen.weight < alt.weight) best.set(id, alt);
  }
  return [...best.values()];
}

/** A word asked twice ("Putin ... Putina") counts once. */
function mergeRepeats(concepts: Concept[]): Concept[] {
  const seen = new Set<string>();
  return concepts.filter((c) => {
    const id = c.alternatives[0]!.keys.join(' ');
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Each key to retrieve candidates with, weighted by its strongest alternative. A phrase
 * alternative is looked up by its rarest word (re-ranking checks the rest). Keys found in a large
 * share of all passages select nothing yet cost the most to score on a big corpus, so they are
 * left to re-ranking, unless nothing rarer is asked.
 */
export function searchWeights(concepts: Concept[], vocab: Vocabulary): Map<string, number> {
  const commonAbove = Math.max(COMMON_KEY_MIN_PASSAGES, vocab.passageCount * COMMON_KEY_SHARE);
  const all = new Map<string, number>();
  for (const concept of concepts) {
    for (const alt of concept.alternatives) {
      const rarest = alt.keys.reduce((a, b) => (vocab.frequency(b) < vocab.frequency(a) ? b : a));
      all.set(rarest, Math.max(all.get(rarest) ?? 0, alt.weight));
    }
  }
  const selective = new Map([...all].filter(([key]) => vocab.frequency(key) <= commonAbove));
  return selective.size > 0 ? selective : all;
}

/** A key in more passages than this share (and this count) is too common to retrieve with. */
const COMMON_KEY_SHARE = 0.03;
const COMMON_KEY_MIN_PASSAGES = 500;
