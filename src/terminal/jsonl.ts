/** The `--jsonl` contract of `npm run ask`: one JSON object per question, nothing else. */
import type { Answer } from '../engine/index.ts';

/** An answer: whether the article answers, the abstain rule's confidence, and the passages best first. */
export function answerJsonLine(answer: Answer): string {
  return JSON.stringify({
    question: answer.question,
    answered: answer.answered,
    confidence: answer.confidence,
    // Only when set: a greeting or a thank-you, which asks nothing (the faces say what the bot is for).
    ...(answer.smallTalk ? { smallTalk: true } : {}),
    passages: answer.passages.map(({ passage, score, highlights }) => ({
      id: passage.id,
      doc: passage.doc,
      title: passage.title,
      date: passage.date,
      paragraph: passage.paragraph,
      heading: passage.heading,
      text: passage.text,
      score,
      highlights: highlights.map((h) => [h.start, h.end]),
    })),
  });
}

/** A line that cannot be asked (empty, too long): the line and why, so there is still one output line per question. */
export function refusalJsonLine(line: string, error: string): string {
  return JSON.stringify({ question: line.trim(), error });
}
