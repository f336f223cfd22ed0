import type { CorpusProblem } from '../types.ts';
import { notValidJson } from './json-reason.ts';

/** Where a line of a corpus file is: its file and 1-based line. */
export interface LineAt {
  file: string;
  line: number;
}

/**
 * Calls `each` with the JSON value of every non-blank line of `content` (a `.jsonl` file at
 * `file`), in order; a line that is not JSON is recorded in `problems` instead, in its place.
 */
export function forEachJsonLine(
  content: string,
  file: string,
  problems: CorpusProblem[],
  each: (value: unknown, where: LineAt) => void,
): void {
  // A byte order mark (Notepad's "UTF-8 with BOM") is no part of the first line's JSON.
  content
    .replace(/^\uFEFF/, '')
    .split('\n')
    .forEach((text, index) => {
      if (text.trim() === '') return;
      const where = { file, line: index + 1 };
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        problems.push({ ...where, message: notValidJson(error, text) });
        return;
      }
      each(value, where);
    });
}
