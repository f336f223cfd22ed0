/**
 * Discord Markdown for quoted text. The quote is the passage text verbatim: Markdown in it is
 * escaped so it shows as written, then our own marks are added around it (bold for words that
 * matched, underline for the best sentence). A quote that must fit a size is cut by choosing a
 * window of the raw text and rendering it again, so a cut never splits an escape or a mark.
 *
 * Web addresses are the exception to both: Discord turns a bare `https://…` into a link that runs
 * to the next space or `<`, taking any `\` or `**` inside along (the link then shows them and
 * points elsewhere). So an address is written exactly as it is, and marks close before it and
 * open again only after the next white space.
 */
import { escapeMarkdown } from 'discord.js';
import { fittingWindow, quoteWindow, type Mark, type Quote, type QuoteWindow } from '../../view/quote.ts';
import type { Span } from '../../engine/index.ts';
import { ELLIPSIS, wordPrefix } from '../../view/truncate.ts';

/** Characters escaped by us, each with a private-use stand-in (never in an article, no Markdown rule looks at it). */
const STAND_INS: readonly (readonly [string, string])[] = [
  ['<', '\uE000'],
  ['*', '\uE001'],
  ['_', '\uE002'],
];

/**
 * A bare web address as Discord's Markdown finds one (its `url` rule): `http(s)://`, then up to
 * white space or `<`, not ending in punctuation that usually follows a link in prose.
 */
const WEB_ADDRESS = /https?:\/\/[^\s<]+[^<.,:;"')\]\s]/g;

/**
 * Pieces of passage text escaped lately. Answers to different questions quote the same passages
 * with much the same marks, so the same pieces come back answer after answer, and escaping one
 * (a dozen regular-expression passes) was a third of rendering a new answer. Bounded: the oldest
 * is dropped first.
 */
const escapedPieces = new Map<string, string>();
const ESCAPED_PIECES_KEPT = 2048;

/** `escapeQuoted(text)`, remembered. */
function escapeQuotedPiece(text: string): string {
  let escaped = escapedPieces.get(text);
  if (escaped === undefined) {
    escaped = escapeQuoted(text);
    escapedPieces.set(text, escaped);
    if (escapedPieces.size > ESCAPED_PIECES_KEPT) escapedPieces.delete(escapedPieces.keys().next().value!);
  }
  return escaped;
}

/**
 * Escapes text so Discord shows it literally. `escapeMarkdown` covers emphasis, code, spoilers,
 * headings and lists; we add what it leaves alone: `<…>` (mentions, timestamps), every bracket (a link can be
 * split by one of our marks, which its link rule would miss), block quotes and `-#` subtext.
 * Not for text with web addresses in it: see `windowMarkdown`.
 */
export function escapeQuoted(text: string): string {
  // Characters we escape ourselves are hidden from `escapeMarkdown` behind stand-ins: it leaves
  // `_` alone after a `<:` (taking it for a custom emoji), and in runs of four or more `*` it
  // leaves one bare or escapes one twice (`****a` → `\\*\\*\\**a`), which Discord reads as emphasis.
  let hidden = text;
  for (const [char, standIn] of STAND_INS) hidden = hidden.replaceAll(char, standIn);
  // With `*` and `_` hidden its italic, bold and underline escapes have nothing to change, and
  // their patterns look behind from every position (quadratic in the length): they are skipped.
  let escaped = escapeMarkdown(hidden, {
    heading: true,
    bulletedList: true,
    numberedList: true,
    italic: false,
    bold: false,
    underline: false,
  })
    .replace(/[[\]]/g, (c) => `\\${c}`)
    .replace(/^(\s*)(>|-#)/gm, '$1\\$2');
  for (const [char, standIn] of STAND_INS) escaped = escaped.replaceAll(standIn, `\\${char}`);
  return escaped;
}

/** `text` escaped like `escapeQuoted`, its web addresses left as they are so they still link. */
export function escapeQuotedText(text: string): string {
  return splitAddresses(text)
    .map((part) => (part.address ? part.text : escapeQuoted(part.text)))
    .join('');
}

/** Matched words bold, the best sentence underlined. */
const MARKDOWN_MARK: Record<Mark, string> = { matched: '**', best: '__' };

/** A quote window as Markdown, with `…` where the window leaves text out. */
export function windowMarkdown(window: QuoteWindow): string {
  // Addresses are found in the window's whole text: a mark may start or end inside one.
  let text = '';
  const events: { at: number; open?: Mark; close?: Mark }[] = [];
  for (const piece of window.pieces) {
    if ('text' in piece) text += piece.text;
    else events.push({ at: text.length, ...piece });
  }
  const addresses = [...text.matchAll(WEB_ADDRESS)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const cuts = [
    ...new Set([0, text.length, ...events.map((e) => e.at), ...addresses.flatMap((a) => [a.start, a.end])]),
  ];
  cuts.sort((a, b) => a - b);
  const writer = new MarkWriter();
  let next = 0;
  const eventsAt = (at: number) => {
    for (; next < events.length && events[next]!.at === at; next++) {
      const event = events[next]!;
      if (event.open) writer.open(event.open);
      if (event.close) writer.close(event.close);
    }
  };
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!];
    eventsAt(from);
    const inAddress = addresses.some((a) => a.start <= from && to <= a.end);
    if (inAddress) writer.address(text.slice(from, to));
    else writer.text(text.slice(from, to));
  }
  eventsAt(text.length);
  const out = writer.done();
  return `${window.cutBefore ? `${ELLIPSIS} ` : ''}${window.cutAfter ? `${out.trimEnd()} ${ELLIPSIS}` : out}`;
}

/**
 * The marked-up quote in at most `max` characters (see `fittingWindow` for what is kept): `…` when
 * no part of it fits, nothing when not even that does.
 */
export function quoteMarkdown(quote: Quote, max: number): string {
  const window = fittingWindow(quote, windowMarkdown, max);
  if (window) return windowMarkdown(window);
  return max >= ELLIPSIS.length ? ELLIPSIS : '';
}

/**
 * The part `span` of a quote as Markdown, at most `maxChars` characters of its text: the whole
 * part when it is that short, else a piece of it cut at words, from its start or, when the
 * question's words come later, from shortly before them (see `cutStart`). `…` where the passage goes on.
 */
export function quoteSpanMarkdown(quote: Quote, span: Span, maxChars: number): string {
  if (span.end - span.start <= maxChars) return windowMarkdown(quoteWindow(quote, span.start, span.end));
  const from = cutStart(quote, span, maxChars);
  const to = from + wordPrefix(quote.text.slice(from, span.end), maxChars).trimEnd().length;
  return to > from ? windowMarkdown(quoteWindow(quote, from, to)) : ELLIPSIS;
}

/** Text kept before the first matched word when a long sentence is cut: about a line on a phone. */
const CONTEXT_BEFORE_MATCH = 60;

/**
 * Where a piece of a span too long to show whole starts: the span's start when the matched words
 * fit after it, else a word's start shortly before the first matched word. A sentence of 600
 * characters answering the question in its last third showed only its first third, without a
 * single matched word.
 */
function cutStart(quote: Quote, span: Span, maxChars: number): number {
  const inSpan = quote.marks.matched.filter((m) => m.start >= span.start && m.end <= span.end);
  const first = inSpan[0];
  const last = inSpan[inSpan.length - 1];
  if (!first || !last || last.end - span.start <= maxChars) return span.start;
  const near = Math.max(span.start, first.start - CONTEXT_BEFORE_MATCH);
  // Forward to the start of a word, never past the matched word itself.
  const space = quote.text.slice(near, first.start).search(/\s\S/);
  return space === -1 ? near : near + space + 1;
}

/** Parts of `text`: web addresses and the text between them. */
function splitAddresses(text: string): { text: string; address: boolean }[] {
  const parts: { text: string; address: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(WEB_ADDRESS)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index), address: false });
    parts.push({ text: m[0], address: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), address: false });
  return parts;
}

/**
 * Writes escaped text with marks, opening a mark only right before a word (a mark around white
 * space shows nothing) and keeping every mark out of web addresses and the word they end in.
 */
class MarkWriter {
  private out = '';
  /** Marks the quote has open here, outermost first. */
  private readonly wanted: Mark[] = [];
  /** Marks open in the output so far, outermost first (always a prefix of `wanted` or closing). */
  private written: Mark[] = [];
  /** After a web address, until white space: no mark may open (it would join the address). */
  private afterAddress = false;

  open(mark: Mark): void {
    this.wanted.push(mark);
  }

  close(mark: Mark): void {
    this.wanted.splice(this.wanted.lastIndexOf(mark), 1);
    const at = this.written.lastIndexOf(mark);
    if (at !== -1) this.closeWritten(at);
  }

  /** Part of a web address: written as it is, with every mark closed before it. */
  address(text: string): void {
    this.closeWritten(0);
    this.out += text;
    this.afterAddress = true;
  }

  text(text: string): void {
    this.plain(text);
  }

  done(): string {
    this.closeWritten(0);
    return this.out;
  }

  private plain(text: string): void {
    let rest = text;
    if (this.afterAddress) {
      const space = rest.search(/\s/);
      const head = space === -1 ? rest : rest.slice(0, space);
      this.out += escapeQuotedPiece(head);
      rest = rest.slice(head.length);
      if (space === -1) return;
      this.afterAddress = false;
    }
    const lead = /^\s*/.exec(rest)![0];
    this.out += lead;
    const body = rest.slice(lead.length);
    if (body === '') return;
    for (const mark of this.wanted.slice(this.written.length)) this.out += MARKDOWN_MARK[mark];
    this.written = [...this.wanted];
    this.out += escapeQuotedPiece(body);
  }

  /** Closes the written marks from `from` (an index into `written`) inward-out, before any trailing white space. */
  private closeWritten(from: number): void {
    if (this.written.length <= from) return;
    const trailing = /\s*$/.exec(this.out)![0];
    this.out = this.out.slice(0, this.out.length - trailing.length);
    for (const mark of this.written.slice(from).reverse()) this.out += MARKDOWN_MARK[mark];
    this.out += trailing;
    this.written = this.written.slice(0, from);
  }
}
