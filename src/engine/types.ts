/**
 * The engine's public vocabulary. Nothing here knows about Discord: the faces (Discord, console,
 * CLI) render these plain objects however their medium needs.
 */

/** One article as loaded from the corpus folder. */
export interface CorpusDocument {
  /** Stable, URL-safe identifier; the part of a citation id before `#`. */
  slug: string;
  title: string;
  /** `YYYY-MM` or `YYYY-MM-DD`, as written in the source. */
  date: string;
  lang: string;
  url?: string;
  /**
   * The source text exactly as received (the whole file for `.md`/`.txt`, the `text` field for
   * jsonl); passage offsets point into this string.
   */
  text: string;
  /** Where the article body starts in `text` (after front matter or a raw `date YYYY-MM` prefix). */
  bodyStart: number;
  /** File the document came from, relative to the corpus folder (plus `:line` for jsonl). */
  source: string;
}

/** A quotable unit of a document: a paragraph, or a sentence-aligned part of a long one. */
export interface Passage {
  /** Citation id, stable across reloads of the same text: `slug#paragraph` or `slug#paragraph.part`. */
  id: string;
  doc: string;
  title: string;
  date: string;
  lang: string;
  url?: string;
  /** 1-based paragraph number as a reader counts them (section headings are not counted). */
  paragraph: number;
  /** 1-based part number when a long paragraph was split; absent otherwise. */
  part?: number;
  /** The section heading the passage sits under, or null before the first heading. */
  heading: string | null;
  /** Verbatim text: `document.text.slice(start, end) === text`. */
  text: string;
  start: number;
  end: number;
}

/** A half-open range `[start, end)` of UTF-16 offsets into some text. */
export interface Span {
  start: number;
  end: number;
}

export interface RankedPassage {
  passage: Passage;
  /** Final relevance score (higher is better); comparable only within one answer. */
  score: number;
  /** Where query words matched, as offsets into `passage.text`, sorted and non-overlapping. */
  highlights: Span[];
  /** The sentence of this passage that best matches the question, as offsets into `passage.text`. */
  bestSentence: Span;
}

export interface Answer {
  question: string;
  /** False when the corpus does not answer the question; `passages` are then only "maybe related". */
  answered: boolean;
  /** Best first. */
  passages: RankedPassage[];
  /** Evidence strength in [0, 1] that fed the abstain decision (see `abstain.ts`). */
  confidence: number;
  /**
   * The question is only small talk (see `small-talk.ts`): chat ("hvala!", "živjo, kako si?"),
   * which asks nothing, or a call for help ("pomoč", "kdo si?"), which asks about the bot. Nothing
   * is looked up and `passages` is empty; faces say what the bot is for.
   */
  smallTalk?: 'chat' | 'help';
}

/** One problem found while loading a corpus, precise enough for a moderator to fix it. */
export interface CorpusProblem {
  /** Path relative to the corpus folder. */
  file: string;
  /** 1-based line, for jsonl files. */
  line?: number;
  message: string;
}

/**
 * Something a moderator should look at in a corpus that loaded: where and what, said as a
 * problem is, but nothing was refused for it (a paragraph so long that its blank lines seem lost).
 */
export type CorpusNote = CorpusProblem;

/** Difference between two loaded corpora, by passage id. */
export interface CorpusDiff {
  /** New citations, by their id. */
  added: string[];
  /** Citations gone, by their old id. */
  removed: string[];
  /**
   * The same id, cited differently (text, heading, title, date, url or language); or, by its new
   * id, a paragraph renumbered and edited at once (also in `moved`).
   */
  changed: string[];
  /**
   * The same citation under another id: a paragraph inserted or removed above it renumbered it;
   * also a paragraph renumbered and edited at once (also in `changed`).
   */
  moved: { from: string; to: string }[];
  oldVersion: string;
  newVersion: string;
}

/** What `/about` and friends show. */
export interface CorpusInfo {
  documents: { slug: string; title: string; date: string; passages: number }[];
  passageCount: number;
  /** Short content hash of all passages and synonyms: changes exactly when answers could change. */
  version: string;
  loadedAt: Date;
  dir: string;
}
