import { readFile } from 'node:fs/promises';
import type { CorpusProblem } from '../types.ts';
import { decodeUtf8, describeControlCharacter, findControlCharacter } from './text-checks.ts';

/**
 * Reads a corpus file as text: real UTF-8 without control characters, else a problem naming the
 * line. Every file of the folder goes through it (articles, synonyms, check questions), so a file
 * saved as Windows-1250 is refused with its line rather than read as mangled text. `rel` names the
 * file in problems. Returns null when the file is unusable (the problem is then recorded).
 */
export async function readCorpusText(file: string, rel: string, problems: CorpusProblem[]): Promise<string | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    problems.push({ file: rel, message: `cannot read: ${(error as Error).message}` });
    return null;
  }
  const decoded = decodeUtf8(bytes);
  if ('badLine' in decoded) {
    problems.push({ file: rel, line: decoded.badLine, message: 'is not valid UTF-8 text (save the file as UTF-8)' });
    return null;
  }
  const control = findControlCharacter(decoded.text);
  if (control) {
    problems.push({ file: rel, line: control.line, message: describeControlCharacter(control.codePoint) });
    return null;
  }
  return decoded.text;
}
