/**
 * Answers as terminal text, drawn from the same view as the bot's messages (citation, heading,
 * marked quote), but with no size limits: every passage asked for, each quoted whole. In a
 * terminal, matched words are bold and the best sentence underlined; in plain text (pipes, files,
 * `NO_COLOR`) the quote reads verbatim and the best sentence follows on a line of its own.
 */
import type { Answer } from '../engine/index.ts';
import { answerView, type PassageCard } from '../view/answer-view.ts';
import { bestSentenceText, quoteWindow, type Mark, type QuoteWindow } from '../view/quote.ts';
import { viewStrings, type Locale } from '../view/strings.ts';

export interface AnswerTextOptions {
  /** ANSI bold and underline (for terminals). */
  color: boolean;
  locale: Locale;
}

/** ANSI SGR codes: bold for matched words, underline for the best sentence, each with its own reset. */
const ANSI: Record<Mark, { open: string; close: string }> = {
  matched: { open: '\u001b[1m', close: '\u001b[22m' },
  best: { open: '\u001b[4m', close: '\u001b[24m' },
};

/**
 * The notice (when the article does not answer), then each passage as a numbered block; blocks
 * are separated by blank lines. When nothing relates, the notice says what to try next, as the
 * bot's does (small talk is told what the bot is for, which is what to try).
 */
export function answerText(answer: Answer, options: AnswerTextOptions): string {
  const view = answerView(answer, options.locale);
  const blocks = view.cards.map((card, i) => cardText(card, i + 1, options));
  const next = view.cards.length === 0 && !answer.smallTalk ? ` ${viewStrings(options.locale).tryOtherWords}` : '';
  return (view.notice === null ? blocks : [view.notice + next, ...blocks]).join('\n\n');
}

/** `[n] citation`, `§ heading`, the quote in „…“ and, in plain text, the best sentence. */
function cardText(card: PassageCard, n: number, { color, locale }: AnswerTextOptions): string {
  const window = quoteWindow(card.quote);
  const lines = [`[${n}] ${card.citation}`];
  if (card.heading) lines.push(`    § ${card.heading}`);
  lines.push(`    „${windowText(window, color)}“`);
  const best = bestSentenceText(window);
  if (!color && best !== '') lines.push(`    ${viewStrings(locale).bestSentence}: „${best}“`);
  return lines.join('\n');
}

function windowText(window: QuoteWindow, color: boolean): string {
  return window.pieces
    .map((piece) => {
      if ('text' in piece) return piece.text;
      if (!color) return '';
      return 'open' in piece ? ANSI[piece.open].open : ANSI[piece.close].close;
    })
    .join('');
}
