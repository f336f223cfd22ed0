import type { CorpusDocument, CorpusNote, Passage, Span } from '../types.ts';
import { sentenceSpans } from '../text/sentences.ts';
import { trimSpan } from '../spans.ts';

export interface ChunkOptions {
  /**
   * Longest passage in characters (default `DEFAULT_MAX_PASSAGE_CHARS`). Longer paragraphs are
   * split at sentence boundaries (at word boundaries only when one sentence alone is longer).
   */
  maxChars?: number;
}

/**
 * Longest passage by default: about twice the longest paragraph of the shipped article and
 * longer than 99 % of the paragraphs of the 140 news articles of the evaluation (2 of 2006 are
 * longer). So a paragraph stays whole as a reader counts it, and only an exceptional block (a
 * pasted list, a missing blank line) is split: a quote stays short enough to read at a glance,
 * and a passage stays a focused unit to rank.
 */
export const DEFAULT_MAX_PASSAGE_CHARS = 900;

/**
 * A paragraph at least this many times the passage limit gets a note for the moderators: no
 * paragraph of the 140 news articles of the evaluation is half as long (the longest has 997
 * characters), while an article pasted from a website with single line breaks, or as one line,
 * is a paragraph of several thousand.
 */
const LONG_PARAGRAPH_TIMES = 3;

/** What separates paragraphs: a blank line (spaces and tabs on it allowed), and the space after it. */
export const PARAGRAPH_BREAK = /\r?\n[ \t]*\r?\n\s*/;

/**
 * A subheading is one short line: at most this many characters and words. The subheadings of the
 * 140 news articles of the evaluation average about 70 characters, the longest has 96 and 14
 * words; unpunctuated one-line blocks longer than that are paragraphs (a caption, a list item).
 */
const MAX_HEADING_CHARS = 100;
const MAX_HEADING_WORDS = 14;

/** A blank-line separated block of the body, trimmed, with offsets into the document text. */
interface Block extends Span {
  text: string;
}

function blocks(doc: CorpusDocument): Block[] {
  const result: Block[] = [];
  const separator = new RegExp(PARAGRAPH_BREAK.source, 'g');
  let cursor = doc.bodyStart;
  const push = (from: number, to: number) => {
    const { start, end } = trimSpan(doc.text, { start: from, end: to });
    if (end > start) result.push({ start, end, text: doc.text.slice(start, end) });
  };
  separator.lastIndex = cursor;
  for (let m = separator.exec(doc.text); m; m = separator.exec(doc.text)) {
    push(cursor, m.index);
    cursor = m.index + m[0].length;
  }
  push(cursor, doc.text.length);
  return result;
}

const MARKDOWN_HEADING = /^#{1,6}[ \t]+(.+?)[ \t#]*$/;

/** The text of a Markdown `#` heading (one line), without its marks; null for any other text. */
export function markdownHeading(line: string): string | null {
  if (line.includes('\n')) return null;
  return MARKDOWN_HEADING.exec(line)?.[1] ?? null;
}

/**
 * A subheading as news sites print them: one short line, capitalised, without the punctuation a
 * sentence ends with. Markdown `#` headings always count.
 */
export function headingText(block: string): string | null {
  if (block.includes('\n')) return null;
  const md = markdownHeading(block);
  if (md !== null) return md;
  const words = block.split(/\s+/);
  if (block.length > MAX_HEADING_CHARS || words.length > MAX_HEADING_WORDS) return null;
  if (/[.!?:;,…"'»«“”„)\]]$/u.test(block)) return null;
  if (!/^[\p{Lu}\p{N}]/u.test(block)) return null;
  return block;
}

/** Greedy packing of sentences into parts of at most `max` characters, as spans of `text`. */
function splitLong(text: string, max: number): Span[] {
  const pieces: Span[] = [];
  for (const sentence of sentenceSpans(text)) {
    if (sentence.end - sentence.start <= max) pieces.push(sentence);
    else pieces.push(...splitAtWords(text, sentence, max));
  }
  const parts: Span[] = [];
  for (const piece of pieces) {
    const last = parts[parts.length - 1];
    if (last && piece.end - last.start <= max) last.end = piece.end;
    else parts.push({ ...piece });
  }
  return parts;
}

function splitAtWords(text: string, span: Span, max: number): Span[] {
  const parts: Span[] = [];
  let start = span.start;
  while (span.end - start > max) {
    // The last space within reach, looked for back to the part's start only: a search back to the
    // text's start made a long text without spaces quadratic.
    let cut = start + max;
    while (cut > start && text[cut] !== ' ') cut--;
    if (cut === start) cut = start + max;
    parts.push({ start, end: cut });
    start = trimSpan(text, { start: cut, end: span.end }).start;
  }
  if (span.end > start) parts.push({ start, end: span.end });
  return parts;
}

/**
 * Whether `doc` has a paragraph to quote. Every block of its body but a Markdown heading is one,
 * or the subheading of one that follows, so only a body of `#` headings alone has none.
 */
export function hasParagraphs(doc: CorpusDocument): boolean {
  return blocks(doc).some((block) => markdownHeading(block.text) === null);
}

/**
 * Cuts a document into passages: one per paragraph, headings attached to the passages that follow
 * them, over-long paragraphs split at sentence boundaries. Every passage text is a verbatim slice
 * of `doc.text`, and ids depend only on the paragraph's position, so they are stable across reloads.
 */
export function chunkDocument(doc: CorpusDocument, options: ChunkOptions = {}): Passage[] {
  const max = options.maxChars ?? DEFAULT_MAX_PASSAGE_CHARS;
  const list = blocks(doc);
  const passages: Passage[] = [];
  let heading: string | null = null;
  let paragraph = 0;
  list.forEach((block, i) => {
    const next = list[i + 1];
    const asHeading = headingText(block.text);
    // A Markdown heading is never a paragraph. A short line is a subheading where a paragraph
    // follows it; before another heading or at the end it is a paragraph (a list item, a last line).
    const markdown = markdownHeading(block.text) !== null;
    if (markdown || (asHeading !== null && next !== undefined && headingText(next.text) === null)) {
      heading = asHeading;
      return;
    }
    paragraph++;
    const base = {
      doc: doc.slug,
      title: doc.title,
      date: doc.date,
      lang: doc.lang,
      ...(doc.url ? { url: doc.url } : {}),
      paragraph,
      heading,
    };
    if (block.text.length <= max) {
      passages.push({ id: `${doc.slug}#${paragraph}`, ...base, text: block.text, start: block.start, end: block.end });
      return;
    }
    splitLong(block.text, max).forEach((span, k) => {
      const start = block.start + span.start;
      const end = block.start + span.end;
      passages.push({
        id: `${doc.slug}#${paragraph}.${k + 1}`,
        ...base,
        part: k + 1,
        text: doc.text.slice(start, end),
        start,
        end,
      });
    });
  });
  return passages;
}

/**
 * A note for every paragraph of `doc` at least `LONG_PARAGRAPH_TIMES` the passage limit, from
 * `passages`, its passages as `chunkDocument` cut them: where it starts (the file's line; for a
 * `.jsonl` article, its line in the file) and how long it is.
 */
export function longParagraphNotes(
  doc: CorpusDocument,
  passages: readonly Passage[],
  options: ChunkOptions = {},
): CorpusNote[] {
  const max = options.maxChars ?? DEFAULT_MAX_PASSAGE_CHARS;
  const notes: CorpusNote[] = [];
  const jsonLine = /^(.*):(\d+)$/.exec(doc.source);
  // Lines counted once, from one long paragraph to the next.
  let line = 1;
  let counted = 0;
  for (let i = 0; i < passages.length;) {
    const first = passages[i]!;
    let last = first;
    for (i++; i < passages.length && passages[i]!.paragraph === first.paragraph; i++) last = passages[i]!;
    const chars = last.end - first.start;
    if (chars < LONG_PARAGRAPH_TIMES * max) continue;
    const message = `paragraph ${first.paragraph} is ${chars} characters: are paragraphs separated by blank lines?`;
    if (jsonLine) {
      notes.push({ file: jsonLine[1]!, line: Number(jsonLine[2]), message });
      continue;
    }
    for (; counted < first.start; counted++) if (doc.text.charCodeAt(counted) === 10) line++;
    notes.push({ file: doc.source, line, message });
  }
  return notes;
}
