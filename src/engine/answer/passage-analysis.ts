import type { Span } from '../types.ts';
import type { Token } from '../analysis/analyze.ts';
import type { AnswerType } from '../question/answer-type.ts';
import { analyzeText } from '../analysis/text-tokens.ts';
import { sentenceSpans } from '../text/sentences.ts';
import { BoundedCache } from '../util/bounded-cache.ts';

/** Texts analyses are kept for at least (enough for 4 000 passages with their titles) … */
const MIN_ANALYSES = 8192;
/** … and at most: some 1.5 kB each, so about 50 MB when full. */
const MAX_ANALYSES = 32_768;

/** A text as the evidence weighing reads it: its tokens, their key set, and sentence sizes with their keys. */
export interface TextAnalysis {
  tokens: Token[];
  keys: Set<string>;
  readonly sentences: AnalysedSentence[];
}

export interface AnalysedSentence {
  span: Span;
  keys: Set<string>;
  /** The sentence folded, made when first needed. */
  folded?: string;
  /** Its answer cues by kind of question (see `cueWords`), made when first needed. */
  cues?: Partial<Record<Exclude<AnswerType, 'other'>, string[]>>;
}

/**
 * The same passages come up as candidates question after question (and every passage of an
 * article shares its title), so each text is analysed once and kept while it is in recent use.
 * Bounded, so a large corpus does not end up holding every passage's tokens.
 */
const recent = new BoundedCache<string, TextAnalysis>(MIN_ANALYSES);

/**
 * Makes room for the texts of a corpus of `texts` passages and titles (twice as many: the cache
 * keeps two generations), between `MIN_ANALYSES` and `MAX_ANALYSES`. With room for 8 192, a new
 * question on 20 000 passages analysed most of its candidates afresh and took about 2.3 ms; with
 * room for them all, about 1.5 ms, for some 35 MB more memory at that size. Never shrinks: an
 * engine being replaced answers from the same cache until the new one takes over.
 */
export function reserveAnalyses(texts: number): void {
  recent.reserve(Math.min(MAX_ANALYSES, Math.max(MIN_ANALYSES, 2 * texts)));
}

export function analysisOf(text: string): TextAnalysis {
  return recent.getOrMake(text, analyse);
}

function analyse(text: string): TextAnalysis {
  const tokens = analyzeText(text);
  // A neighbour's, a heading's or a title's text is read only for its keys: its sentences are
  // split (the dearest step) when first asked for.
  let sentences: AnalysedSentence[] | undefined;
  return {
    tokens,
    keys: new Set(tokens.map((t) => t.key)),
    get sentences() {
      return (sentences ??= sentencesOf(text, tokens));
    },
  };
}

/** The sentences of `text` with the keys of the tokens inside each. */
function sentencesOf(text: string, tokens: Token[]): AnalysedSentence[] {
  return sentenceSpans(text).map((span) => ({
    span,
    keys: new Set(tokens.filter((t) => t.start >= span.start && t.end <= span.end).map((t) => t.key)),
  }));
}
