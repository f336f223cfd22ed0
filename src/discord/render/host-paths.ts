/**
 * Corpus problems as moderators see them in Discord: the engine names the folder and files as the
 * host knows them (an operator at the terminal needs the full path), but a reload reply is read
 * by a server's moderators, who have no use for the host's paths and should not learn them. Each
 * absolute path becomes its last part ("corpus"), in the problem's file and in its message (Node's
 * "EACCES: permission denied, open '/srv/…/a.md'").
 */
import type { CorpusProblem } from '../../engine/index.ts';
import { problemText } from '../../view/corpus-problems.ts';
import type { Locale } from '../../view/strings.ts';
import { escapeQuoted } from './markdown.ts';

/** A POSIX or Windows absolute path, as a word of its own or quoted. */
const ABSOLUTE_PATH = /(?:(?<=^|[\s'"(])\/|\b[A-Za-z]:\\)[^\s'"()]*/g;

function lastPart(absolute: string): string {
  const trimmed = absolute.replace(/[\\/]+$/, '');
  const name = trimmed.split(/[\\/]/).pop() ?? '';
  return name === '' ? absolute : name;
}

/** The problem with every absolute path in it, its file's and its message's, cut to its last part. */
export function withoutHostPaths(problem: CorpusProblem): CorpusProblem {
  const cut = (text: string) => text.replace(ABSOLUTE_PATH, lastPart);
  return { ...problem, file: cut(problem.file), message: cut(problem.message) };
}

/** One problem as a reply shows it: in the reader's language, without host paths, shown as written. */
export function problemLine(problem: CorpusProblem, locale: Locale): string {
  return escapeQuoted(problemText(withoutHostPaths(problem), locale));
}
