import type { CorpusProblem } from '../types.ts';

/** Formats one problem as `file:line: message` (line only for jsonl). */
export function formatProblem(problem: CorpusProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return `${where}: ${problem.message}`;
}

/** Thrown when a corpus folder cannot be loaded; carries every problem found, not just the first. */
export class CorpusError extends Error {
  constructor(readonly problems: CorpusProblem[]) {
    super(
      problems.length === 1
        ? `Corpus problem: ${formatProblem(problems[0]!)}`
        : `${problems.length} corpus problems:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
    this.name = 'CorpusError';
  }
}
