/**
 * Discord Markdown for quoted text. The quote is the passage text verbatim: Markdown in it is
 * escaped so it shows as written, then our own marks are added around it (bold for words that
 * matched, underline for the best sentence). A quote that must fit a size is cut by choosing a
 * window of the raw text and rendering it again, so a cut never splits an escape or a mark.
 */
import { escapeMarkdown } from 'discord.js';
import { fittingWindow, type Mark, type Quote, type QuoteWindow } from '../../view/quote.ts';
import { ELLIPSIS } from '../../view/truncate.ts';

/** A private-use character: never in an article, and no Markdown rule looks at it. */
const LESS_THAN_STAND_IN = '\uE000';

/**
 * Escapes text so Discord shows it literally. `escapeMarkdown` covers emphasis, code, spoilers,
 * headings and lists; we add what it leaves alone: `<…>` (mentions, timestamps), every bracket (a link can be
 * split by one of our marks, which its link rule would miss), block quotes and `-#` subtext.
 */
export function escapeQuoted(text: string): string {
  // `escapeMarkdown` leaves `_` alone after a `<:` (it takes it for a custom emoji); we escape
  // every `<`, so hide them from it first.
  const hidden = text.replaceAll('<', LESS_THAN_STAND_IN);
  // The italic, bold and underline escapes only change `*` and `_`, and their patterns look
  // behind from every position of the text (quadratic in its length): most of the time a reply
  // takes. Text without those characters comes out the same without them.
  const emphasis = /[*_]/.test(hidden) ? {} : { italic: false, bold: false, underline: false };
  return escapeMarkdown(hidden, { heading: true, bulletedList: true, numberedList: true, ...emphasis })
    .replace(/[[\]]/g, (c) => `\\${c}`)
    .replaceAll(LESS_THAN_STAND_IN, '\\<')
    .replace(/^(\s*)(>|-#)/gm, '$1\\$2');
}

/** Matched words bold, the best sentence underlined. */
const MARKDOWN_MARK: Record<Mark, string> = { matched: '**', best: '__' };

/** A quote window as Markdown, with `…` where the window leaves text out. */
export function windowMarkdown(window: QuoteWindow): string {
  let out = window.cutBefore ? `${ELLIPSIS} ` : '';
  for (const piece of window.pieces) {
    if ('text' in piece) out += escapeQuoted(piece.text);
    else out += MARKDOWN_MARK['open' in piece ? piece.open : piece.close];
  }
  return window.cutAfter ? `${out.trimEnd()} ${ELLIPSIS}` : out;
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
