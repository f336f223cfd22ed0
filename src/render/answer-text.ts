import type { Answer, Passage, RankedPassage, Span } from '../engine/types.ts';

export interface TextRenderOptions {
  /** ANSI bold for matched words and underline for the best sentence (terminals only). */
  color?: boolean;
  locale?: 'sl' | 'en';
}

const TEXT = {
  sl: {
    notAnswered: 'Članek na to vprašanje ne odgovarja.',
    maybeRelated: 'Morda povezano:',
    nothing: 'V članku ni ničesar, kar bi bilo povezano s tem vprašanjem.',
    bestSentence: 'Najboljši stavek',
    paragraph: 'odstavek',
  },
  en: {
    notAnswered: 'The article does not answer this question.',
    maybeRelated: 'Maybe related:',
    nothing: 'Nothing in the article relates to this question.',
    bestSentence: 'Best sentence',
    paragraph: 'paragraph',
  },
};

const BOLD = ['\u001b[1m', '\u001b[22m'] as const;
const UNDERLINE = ['\u001b[4m', '\u001b[24m'] as const;

/** The citation line: paragraph number, title, date, passage id. */
export function citation(passage: Passage, locale: 'sl' | 'en' = 'sl'): string {
  const parts = [`${TEXT[locale].paragraph} ${passage.paragraph}`, passage.title];
  if (passage.date) parts.push(passage.date);
  parts.push(passage.id);
  return parts.join(' · ');
}

/** Inserts ANSI marks around spans (highlights inside, the best sentence outside). */
function colorize(text: string, highlights: Span[], best: Span): string {
  const marks: { at: number; code: string; order: number }[] = [];
  marks.push({ at: best.start, code: UNDERLINE[0], order: 0 }, { at: best.end, code: UNDERLINE[1], order: 3 });
  for (const h of highlights) marks.push({ at: h.start, code: BOLD[0], order: 1 }, { at: h.end, code: BOLD[1], order: 2 });
  marks.sort((a, b) => a.at - b.at || b.order - a.order);
  let out = '';
  let cursor = 0;
  for (const mark of marks) {
    out += text.slice(cursor, mark.at) + mark.code;
    cursor = mark.at;
  }
  return out + text.slice(cursor);
}

function renderPassage(ranked: RankedPassage, n: number, options: TextRenderOptions): string {
  const { passage, highlights, bestSentence } = ranked;
  const locale = options.locale ?? 'sl';
  const body = options.color ? colorize(passage.text, highlights, bestSentence) : passage.text;
  const lines = [`[${n}] ${citation(passage, locale)}`];
  if (passage.heading) lines.push(`    ${passage.heading}`);
  lines.push(`    „${body}“`);
  if (!options.color && bestSentence.end - bestSentence.start < passage.text.length) {
    lines.push(`    ${TEXT[locale].bestSentence}: „${passage.text.slice(bestSentence.start, bestSentence.end)}“`);
  }
  return lines.join('\n');
}

/**
 * A cited answer as plain text, for the terminal and the console face. Quotes are the passage
 * text verbatim; marks are only added outside it (or as terminal colours).
 */
export function renderAnswerText(answer: Answer, options: TextRenderOptions = {}): string {
  const t = TEXT[options.locale ?? 'sl'];
  if (answer.passages.length === 0) return t.nothing;
  const head = answer.answered ? [] : [t.notAnswered, t.maybeRelated];
  return [...head, ...answer.passages.map((p, i) => renderPassage(p, i + 1, options))].join('\n\n');
}
