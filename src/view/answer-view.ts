/**
 * An answer as every face shows it, before any output format: its level (clear, closest, not
 * said), the line that frames it, and for each passage its citation, section heading and marked
 * quote. The Discord and terminal formatters only draw this; what an answer shows is decided here
 * once.
 */
import { type Answer, type Passage } from '../engine/index.ts';
import { citation } from './citation.ts';
import { answerLevel, type AnswerLevel } from './level.ts';
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
  level: AnswerLevel;
  /** The line before the passages: none for a clear answer, else what frames them. */
  notice: string | null;
  /** Every passage of the answer, best first (a face with less room shows the first ones). */
  cards: PassageCard[];
}

/** The view of an answer: every passage the engine returned, with the marks its level allows. */
export function answerView(answer: Answer, locale: Locale): AnswerView {
  const level = answerLevel(answer);
  const cards = answer.passages.map((ranked) =>
    card(ranked.passage, levelQuote(quoteOf(ranked.passage.text, ranked), level), locale),
  );
  return { answered: answer.answered, level, notice: levelNotice(answer, level, locale), cards };
}

/**
 * The line that frames an answer of `level` (none for a clear one). A greeting or a thank-you
 * (the engine's `smallTalk`) is told what the bot is for, not that the article lacks it.
 */
export function levelNotice(answer: Answer, level: AnswerLevel, locale: Locale): string | null {
  const strings = viewStrings(locale);
  if (level === 'clear') return null;
  if (level === 'closest') return strings.closest;
  if (answer.passages.length > 0) return `${strings.notAnswered} ${strings.maybeRelated}`;
  return answer.smallTalk ? strings.smallTalk : strings.nothing;
}

/**
 * The marks a level keeps: a clear answer all of them; the closest passage only the matched
 * words (underlining a "best sentence" would claim it answers); "not said" none, so related
 * passages never look like answers.
 */
export function levelQuote(quote: Quote, level: AnswerLevel): Quote {
  if (level === 'clear') return quote;
  if (level === 'closest') return { text: quote.text, marks: { ...quote.marks, best: null } };
  return { text: quote.text, marks: { matched: [], best: null } };
}

/** The view of one passage shown on its own (no question, so no marks). */
export function passageView(passage: Passage, locale: Locale): PassageCard {
  return card(passage, quoteOf(passage.text, null), locale);
}

function card(passage: Passage, quote: Quote, locale: Locale): PassageCard {
  return { passage, citation: citation(passage, locale), heading: passage.heading, quote };
}
