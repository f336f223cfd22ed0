/**
 * The passages a reload found under new ids, as lines for a field: a run of paragraphs of one
 * article that all moved by the same step (a paragraph inserted above them) is one line,
 * `clanek#1–11 → #2–12`, rather than eleven that a moderator would have to read through to see
 * that nothing but the numbering changed.
 */
import type { CorpusDiff } from '../../engine/index.ts';
import { escapeQuoted } from './markdown.ts';

/** An id `article#7` as its article and paragraph number; a part (`#7.2`) or another shape is undefined. */
function numbered(id: string): { article: string; paragraph: number } | undefined {
  const match = /^(.*)#(\d+)$/s.exec(id);
  return match ? { article: match[1]!, paragraph: Number(match[2]) } : undefined;
}

interface Run {
  from: { article: string; first: number };
  to: { article: string; first: number };
  length: number;
}

/** Whether `move` continues `run`: the next paragraph of the same article, moved to the next of the same one. */
function continues(run: Run, from: { article: string; paragraph: number }, to: { article: string; paragraph: number }) {
  return (
    from.article === run.from.article &&
    to.article === run.to.article &&
    from.paragraph === run.from.first + run.length &&
    to.paragraph === run.to.first + run.length
  );
}

function runLine({ from, to, length }: Run): string {
  const span = (first: number) => (length === 1 ? `${first}` : `${first}–${first + length - 1}`);
  // The article is named again only when it is another one (an article whose id was renamed).
  const target = to.article === from.article ? '' : escapeQuoted(to.article);
  return `${escapeQuoted(from.article)}#${span(from.first)} → ${target}#${span(to.first)}`;
}

/** One line per run of moved paragraphs (see above), in the order of their new ids. */
export function movedLines(moved: CorpusDiff['moved']): string[] {
  const lines: string[] = [];
  let run: Run | undefined;
  const close = () => {
    if (run) lines.push(runLine(run));
    run = undefined;
  };
  for (const move of moved) {
    const [from, to] = [numbered(move.from), numbered(move.to)];
    if (!from || !to) {
      close();
      lines.push(`${escapeQuoted(move.from)} → ${escapeQuoted(move.to)}`);
    } else if (run && continues(run, from, to)) run.length++;
    else {
      close();
      run = {
        from: { article: from.article, first: from.paragraph },
        to: { article: to.article, first: to.paragraph },
        length: 1,
      };
    }
  }
  close();
  return lines;
}

/**
 * Passage ids as lines for a field, a run of consecutive paragraphs of one article as one line
 * (`clanek#1–15`): a reload that adds or removes whole articles lists each once, not a line per
 * paragraph. Ids that are not `article#N` (parts such as `#7.2`) stand alone.
 */
export function idRunLines(ids: readonly string[]): string[] {
  const lines: string[] = [];
  let run: { article: string; first: number; length: number } | undefined;
  const close = () => {
    if (run)
      lines.push(
        `${escapeQuoted(run.article)}#${run.length === 1 ? run.first : `${run.first}–${run.first + run.length - 1}`}`,
      );
    run = undefined;
  };
  for (const id of ids) {
    const at = numbered(id);
    if (!at) {
      close();
      lines.push(escapeQuoted(id));
    } else if (run && at.article === run.article && at.paragraph === run.first + run.length) run.length++;
    else {
      close();
      run = { article: at.article, first: at.paragraph, length: 1 };
    }
  }
  close();
  return lines;
}
