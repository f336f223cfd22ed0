import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { CorpusError } from './corpus-error.ts';

/** Extensions of the files a corpus folder is read from (articles, `synonyms.txt`, `questions.jsonl`). */
export const CORPUS_EXTENSIONS = ['.md', '.txt', '.jsonl'] as const;

/** A file in the corpus folder that is not read, and why, so a moderator can tell. */
export interface SkippedFile {
  /** Path relative to the corpus folder. */
  file: string;
  /**
   * `symlink`: links are not followed, so a link cannot bring text from outside the folder into
   * what the bot quotes. `extension`: not `.md`, `.txt` or `.jsonl`.
   */
  reason: 'symlink' | 'extension';
}

/** A skipped file as one English line, for the log. */
export function describeSkippedFile(skipped: SkippedFile): string {
  return `${skipped.file} (${skipped.reason === 'symlink' ? 'a symbolic link; links are not followed' : 'not .md, .txt or .jsonl'})`;
}

export interface CorpusListing {
  /** Files to read (articles, synonyms, check questions), relative to the folder, sorted. */
  files: string[];
  skipped: SkippedFile[];
}

/**
 * A README in any case, as Markdown or plain text (`README.md`, `readme.txt`): notes for the
 * people who keep the folder, never an article to quote.
 */
const README = /^readme\.(?:md|txt)$/i;

/** Drafts (`_draft.md`), hidden files and folders (`.git/`) and READMEs are left out by convention, not reported. */
function leftOutByConvention(rel: string): boolean {
  const parts = rel.split(path.sep);
  return parts.some((part) => part.startsWith('.') || part.startsWith('_')) || README.test(parts[parts.length - 1]!);
}

/**
 * Lists a corpus folder, subfolders included: the files to read, and the ones skipped that a
 * moderator may have meant to be read (links, other extensions). Throws what `readdir` throws.
 */
export async function listCorpusFiles(dir: string): Promise<CorpusListing> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  for (const entry of entries) {
    const rel = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (leftOutByConvention(rel)) continue;
    if (entry.isSymbolicLink()) skipped.push({ file: rel, reason: 'symlink' });
    else if (!entry.isFile()) continue;
    else if ((CORPUS_EXTENSIONS as readonly string[]).includes(path.extname(rel).toLowerCase())) files.push(rel);
    else skipped.push({ file: rel, reason: 'extension' });
  }
  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { files: files.sort(byPath), skipped: skipped.sort((a, b) => byPath(a.file, b.file)) };
}

/**
 * `listCorpusFiles` for loading: a folder that is missing or cannot be read is a corpus problem
 * (a `CorpusError` naming the folder), like any other reason the corpus cannot be loaded.
 */
export async function listCorpusFolder(dir: string): Promise<CorpusListing> {
  try {
    return await listCorpusFiles(dir);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new CorpusError([
      { file: dir, message: missing ? 'folder does not exist' : `cannot read the folder: ${(error as Error).message}` },
    ]);
  }
}
