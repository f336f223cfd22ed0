/**
 * An answer read at a glance: one lead passage, quoted as a short window of whole sentences
 * around its best sentence, the other passages only named, and the level that frames it. What a
 * phone-sized face (Discord) shows; the terminal, with room to spare, shows `answerView` instead.
 * Paging ("next passage") makes another ranked passage the lead.
 */
import { sentenceSpans, type Answer, type Passage, type RankedPassage, type Span } from '../engine/index.ts';
import { levelNotice, levelQuote } from './answer-view.ts';
import { articleLine, shortCitation } from './citation.ts';
import { answerLevel, type AnswerLevel } from './level.ts';
import { quoteOf, type Quote } from './quote.ts';
import type { Locale } from './strings.ts';

/**
 * Most characters of passage text a lead quote shows: about five lines on a phone. Whole
 * sentences around the best one are added while they fit; a best sentence longer than this is
 * cut at words by the face.
 */
export const LEAD_QUOTE_CHARS = 360;

/** Related passages shown under "the article does not say", and how much of each. */
export const RELATED_SHOWN = 2;
export const RELATED_QUOTE_CHARS = 160;

/** A passage quoted in a window of its text. */
export interface WindowedQuote {
  passage: Passage;
  /** `¶ 8 · putin-kim-2024-06#8`. */
  citation: string;
  /** The passage text with the marks the level allows. */
  quote: Quote;
  /** The part of `quote.text` to show: whole sentences around the best one. */
  window: Span;
}

export interface LeadAnswerView {
  level: AnswerLevel;
  question: string;
  /** The line that frames the answer (none for a clear one). */
  notice: string | null;
  /** `Title · 2024-06` of the lead's article (shown once, not per passage). */
  article: string | null;
  /** The article's address when it has one (http or https only). */
  url: string | null;
  /** Which ranked passage leads (0 = the best), and how many there are to page through. */
  page: number;
  pages: number;
  /**
   * The page "next passage" shows: the following one, wrapping around; after the related
   * passages of a "not said" answer, the first one not shown yet (null when all were shown).
   */
  nextPage: number | null;
  /** The passage quoted; null when the article has nothing related at all. */
  lead: WindowedQuote | null;
  /**
   * The other ranked passages, best first, to be named in one line ("Also: ¶ 2 · ¶ 8"); not other
   * parts of the lead's own paragraph, which are no other place to look ("Also: ¶ 9" under ¶ 9).
   */
  others: Passage[];
  /** "Not said" only: the closest passages, plainly. The lead is then null. */
  related: WindowedQuote[];
}

/** The lead view of an answer with the ranked passage `page` (wrapping around) as its lead. */
export function leadAnswerView(answer: Answer, locale: Locale, page = 0): LeadAnswerView {
  const level = answerLevel(answer);
  const pages = answer.passages.length;
  const at = pages === 0 ? 0 : ((page % pages) + pages) % pages;
  const windowed = (ranked: RankedPassage, max: number) => windowedQuote(ranked, level, max, locale);
  const base = {
    level,
    question: answer.question,
    notice: levelNotice(answer, level, locale),
    page: at,
    pages,
    nextPage: pages > 1 ? (at + 1) % pages : null,
  };
  const first = answer.passages[at];
  if (!first) return { ...base, article: null, url: null, lead: null, others: [], related: [] };
  const meta = { article: articleLine(first.passage), url: webAddress(first.passage.url) };
  if (level === 'none' && page === 0) {
    const related = answer.passages.slice(0, RELATED_SHOWN).map((r) => windowed(r, RELATED_QUOTE_CHARS));
    const nextPage = pages > related.length ? related.length : null;
    // The article line names the article all of them come from; from several, none (each
    // passage's citation names its own): one title over two articles' passages misleads.
    const oneArticle = related.every((r) => r.passage.doc === first.passage.doc);
    const articleMeta = oneArticle ? meta : { article: null, url: null };
    return { ...base, ...articleMeta, nextPage, lead: null, others: [], related };
  }
  const lead = first.passage;
  const others = answer.passages
    .filter((r, i) => i !== at && (r.passage.doc !== lead.doc || r.passage.paragraph !== lead.paragraph))
    .map((r) => r.passage);
  return { ...base, ...meta, lead: windowed(first, LEAD_QUOTE_CHARS), others, related: [] };
}

/**
 * Each passage's sentences, split once: answers to different questions quote the same passages,
 * and splitting a passage again for every answer was a fifth of rendering a new one. Kept as long
 * as the passage (the index holding it) lives.
 */
const sentencesOfPassage = new WeakMap<Passage, Span[]>();

function passageSentences(passage: Passage): Span[] {
  let sentences = sentencesOfPassage.get(passage);
  if (!sentences) sentencesOfPassage.set(passage, (sentences = sentenceSpans(passage.text)));
  return sentences;
}

function windowedQuote(ranked: RankedPassage, level: AnswerLevel, max: number, locale: Locale): WindowedQuote {
  const quote = levelQuote(quoteOf(ranked.passage.text, ranked), level);
  return {
    passage: ranked.passage,
    citation: shortCitation(ranked.passage, locale),
    quote,
    window: sentenceWindow(ranked.passage.text, ranked.bestSentence, max, passageSentences(ranked.passage)),
  };
}

/**
 * Whole sentences of `text` around `best`, at most `max` characters from the first one's start to
 * the last one's end: the sentences holding `best`, then the next and the previous in turn while
 * they fit (what follows a sentence usually explains it, so it goes first). Just the best
 * sentence's span when that alone is longer; the face cuts it at words. `sentences` are the
 * text's sentences, when already split.
 */
export function sentenceWindow(text: string, best: Span, max: number, sentences = sentenceSpans(text)): Span {
  if (sentences.length === 0) return { start: 0, end: text.length };
  const holds = (s: Span) => s.end > best.start && s.start < Math.max(best.end, best.start + 1);
  let first = sentences.findIndex(holds);
  if (first === -1) first = 0;
  let last = first;
  while (last + 1 < sentences.length && holds(sentences[last + 1]!)) last++;
  const width = (a: number, b: number) => sentences[b]!.end - sentences[a]!.start;
  if (width(first, last) > max) return { start: sentences[first]!.start, end: sentences[last]!.end };
  for (let grew = true; grew;) {
    grew = false;
    if (last + 1 < sentences.length && width(first, last + 1) <= max) {
      last++;
      grew = true;
    }
    if (first > 0 && width(first - 1, last) <= max) {
      first--;
      grew = true;
    }
  }
  return { start: sentences[first]!.start, end: sentences[last]!.end };
}

/** `url` when it is an http(s) address Discord can link to, else null. */
export function webAddress(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
