/**
 * An answer as every face shows it, before any output format: the line that says whether the
 * article answers, and for each passage its citation, section heading and marked quote. The
 * Discord and terminal formatters only draw this; what an answer shows is decided here once.
 */
import type { Answer, Passage } from '../engine/index.ts';
import { citation } from './citation.ts';
import { quoteOf, type Quote } from './quote.ts';
import { viewStrings, type Locale } from './strings.ts';

/** One passage as shown: where it is from and what it says. */
export interface PassageCard {
  passage: Passage;
  citation: string;
  /** The section heading the passage sits under, if any. */
  heading: string | null;
  quote: Quote;
}

export interface AnswerView {
  /** False when the article does not answer: the cards are then only "maybe related". */
  answered: boolean;
  /** The line before the passages: none for an answer, else "not answered, maybe related" or "nothing related". */
  notice: string | null;
  /** Every passage of the answer, best first (a face with less room shows the first ones). */
  cards: PassageCard[];
}

/** The view of an answer: every passage the engine returned, with its marks. */
export function answerView(answer: Answer, locale: Locale): AnswerView {
  const strings = viewStrings(locale);
  const cards = answer.passages.map((ranked) => card(ranked.passage, quoteOf(ranked.passage.text, ranked), locale));
  const notice =
    cards.length === 0 ? strings.nothing : answer.answered ? null : `${strings.notAnswered} ${strings.maybeRelated}`;
  return { answered: answer.answered, notice, cards };
}

/** The view of one passage shown on its own (no question, so no marks). */
export function passageView(passage: Passage, locale: Locale): PassageCard {
  return card(passage, quoteOf(passage.text, null), locale);
}

function card(passage: Passage, quote: Quote, locale: Locale): PassageCard {
  return { passage, citation: citation(passage, locale), heading: passage.heading, quote };
}
