/**
 * Finding and reading the saved index of a corpus folder, without loading the engine: the index
 * worker starts with only this (and `transfer/check.ts`), so when the corpus has not changed it
 * hands over the saved index in the time it takes to hash the corpus and read the file; the
 * engine's modules (analysis, indexing, the corpus loader) load only when it has to index.
 */
import { createHash } from 'node:crypto';
import { open, readFile, utimes, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { listCorpusFolder } from './corpus/list-files.ts';
import { INDEX_FORMAT, PACKED_FORMAT } from './formats.ts';
import { checkPacked } from './transfer/check.ts';
import type { CacheProblem } from './index-cache.ts';

/**
 * Hex digits of the corpus fingerprint in a saved index's name: 96 bits, so a changed corpus never
 * meets the name of an older one by chance, in a file name still short enough to read.
 */
const FINGERPRINT_HEX_DIGITS = 24;
/** Hex digits of the folder's path hash that start the names of its indexes: a cache holds a few folders at most. */
const FOLDER_ID_HEX_DIGITS = 12;
/** Saved indexes are packed (see `transfer/layout.ts`): read with views, no parsing. */
export const EXTENSION = '.odx';

/**
 * Fingerprint of a corpus folder: the path and bytes of every file the loader reads, plus the
 * index formats. Cheap next to indexing (hashing runs at hundreds of MB/s), and it changes
 * whenever an answer could.
 */
async function fingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256').update(`${INDEX_FORMAT}\u0000${PACKED_FORMAT}`);
  const { files } = await listCorpusFolder(dir);
  for (const file of files)
    hash
      .update(`${file}\u0000`)
      .update(await readFile(path.join(dir, file)))
      .update('\u0001');
  return hash.digest('hex').slice(0, FINGERPRINT_HEX_DIGITS);
}

/** Names the saved indexes of one corpus folder share, so pruning never touches another folder's. */
export function folderPrefix(dir: string): string {
  return `index-${createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, FOLDER_ID_HEX_DIGITS)}-`;
}

/**
 * A file's bytes in an ArrayBuffer of their own, asked of the operating system in one request, so
 * this thread is free while they come (`whileReading` runs then); `readFile` would come back to
 * it for every half megabyte of a file of 80. Closes the file.
 */
export async function readWhole(handle: FileHandle, whileReading?: () => void): Promise<ArrayBuffer> {
  try {
    const { size } = await handle.stat();
    const bytes = new Uint8Array(new ArrayBuffer(size));
    const reading = (async () => {
      let at = 0;
      for (let read = -1; at < size && read !== 0; at += read)
        ({ bytesRead: read } = await handle.read(bytes, at, size - at, at));
      return at;
    })();
    try {
      whileReading?.();
    } catch {
      // Its own business: what it prepared is prepared again, and fails again, where it is needed.
    }
    if ((await reading) !== size) throw new Error('the saved index changed while it was read');
    return bytes.buffer;
  } finally {
    await handle.close();
  }
}

/** Where the index of `dir` as it is now is saved in `cacheDir`, and what it holds if it is there and readable. */
export interface SavedIndex {
  file: string;
  prefix: string;
  /** The packed index; undefined when not saved yet, stale or damaged (then reported). */
  buffer: ArrayBuffer | undefined;
}

/**
 * The saved index of `dir` when the folder has not changed since it was saved. A file that is
 * there but unusable (another format, damaged) is reported through `onCacheProblem`. Throws
 * `CorpusError` for a folder that cannot be listed.
 */
export async function readSavedIndex(
  dir: string,
  cacheDir: string,
  onCacheProblem: (problem: CacheProblem) => void,
  /** Run on this thread while the file is read (the read itself needs nothing from it). */
  whileReading?: () => void,
): Promise<SavedIndex> {
  const prefix = folderPrefix(dir);
  const file = path.join(cacheDir, `${prefix}${await fingerprint(dir)}${EXTENSION}`);
  let found = false;
  try {
    const handle = await open(file, 'r');
    found = true;
    const buffer = await readWhole(handle, whileReading);
    // Checked here, so a stale or damaged file is rebuilt rather than handed on.
    checkPacked(buffer);
    // Recency is use, not creation: an index just used is the last one pruning removes.
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return { file, prefix, buffer };
  } catch (error) {
    const notSavedYet = ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');
    if (found || !notSavedYet) onCacheProblem({ kind: 'unusable', file });
  }
  return { file, prefix, buffer: undefined };
}
