import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Engine, INDEX_FORMAT, type EngineJSON } from './engine.ts';
import { listCorpusFolder } from './corpus/list-files.ts';

/**
 * Saved indexes kept per corpus folder: the one in use and two older ones, so going back to a
 * recent version of the corpus starts fast too. Each is about twice the corpus size (38 MB for a
 * 20 MB article), so keeping one per change would fill the disk.
 */
export const KEPT_INDEXES_PER_FOLDER = 3;

/**
 * Hex digits of the corpus fingerprint in a saved index's name: 96 bits, so a changed corpus never
 * meets the name of an older one by chance, in a file name still short enough to read.
 */
const FINGERPRINT_HEX_DIGITS = 24;
/** Hex digits of the folder's path hash that start the names of its indexes: a cache holds a few folders at most. */
const FOLDER_ID_HEX_DIGITS = 12;

/** Something wrong with the cache; the engine is built and used anyway. */
export type CacheProblem = { kind: 'unusable'; file: string } | { kind: 'unwritable'; dir: string; reason: string };

/** A cache problem as one English line, for the log. */
export function describeCacheProblem(problem: CacheProblem): string {
  return problem.kind === 'unusable'
    ? `saved index ${problem.file} is unusable, rebuilding it`
    : `cannot save the index in ${problem.dir}: ${problem.reason}`;
}

/**
 * Fingerprint of a corpus folder: the path and bytes of every file the loader reads, plus the
 * index format. Cheap next to indexing (hashing runs at hundreds of MB/s), and it changes
 * whenever an answer could.
 */
async function fingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256').update(INDEX_FORMAT);
  const { files } = await listCorpusFolder(dir);
  for (const file of files)
    hash
      .update(`${file}\u0000`)
      .update(await readFile(path.join(dir, file)))
      .update('\u0001');
  return hash.digest('hex').slice(0, FINGERPRINT_HEX_DIGITS);
}

/** Names the saved indexes of one corpus folder share, so pruning never touches another folder's. */
function folderPrefix(dir: string): string {
  return `index-${createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, FOLDER_ID_HEX_DIGITS)}-`;
}

/** Saved indexes of versions before the per-folder names: never read again, so removed. */
const UNOWNED_INDEX = /^index-[0-9a-f]{24}\.json$/;

/**
 * Deletes all but `current` and the next most recently used indexes of the folder, up to
 * `KEPT_INDEXES_PER_FOLDER` (and indexes in the old naming). Best effort: a file another process
 * removed first is fine.
 */
async function prune(cacheDir: string, prefix: string, current: string): Promise<void> {
  const names = await readdir(cacheDir);
  const others = names.filter((n) => n.startsWith(prefix) && n.endsWith('.json') && n !== current);
  const used = await Promise.all(
    others.map(async (name) => ({ name, at: (await stat(path.join(cacheDir, name)).catch(() => null))?.mtimeMs ?? 0 })),
  );
  used.sort((a, b) => b.at - a.at);
  const stale = [
    ...used.slice(KEPT_INDEXES_PER_FOLDER - 1).map((u) => u.name),
    ...names.filter((n) => UNOWNED_INDEX.test(n)),
  ];
  await Promise.all(stale.map((name) => unlink(path.join(cacheDir, name)).catch(() => undefined)));
}

/**
 * Loads a corpus folder, reusing a saved index when the folder has not changed since it was
 * saved, so a large corpus starts in a fraction of the indexing time. Without `cacheDir` this
 * is `Engine.fromDirectory`. A missing, stale or unreadable cache file is simply rebuilt; a cache
 * that cannot be written is reported through `onCacheProblem` and the fresh index is used anyway.
 * Only the few most recently used indexes per corpus folder are kept.
 */
export async function loadEngine(
  dir: string,
  cacheDir?: string,
  onCacheProblem: (problem: CacheProblem) => void = () => {},
): Promise<Engine> {
  if (!cacheDir) return Engine.fromDirectory(dir);
  const prefix = folderPrefix(dir);
  const file = path.join(cacheDir, `${prefix}${await fingerprint(dir)}.json`);
  let saved: EngineJSON | undefined;
  try {
    saved = JSON.parse(await readFile(file, 'utf8')) as EngineJSON;
    const engine = Engine.fromJSON(saved, dir);
    // Recency is use, not creation: an index just used is the last one pruning removes.
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return engine;
  } catch (error) {
    const notSavedYet = ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');
    if (saved !== undefined || !notSavedYet) onCacheProblem({ kind: 'unusable', file });
  }
  const engine = await Engine.fromDirectory(dir);
  try {
    await mkdir(cacheDir, { recursive: true });
    // Write beside, then rename: a reader never sees half a file.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, JSON.stringify(engine));
    await rename(partial, file);
    await prune(cacheDir, prefix, path.basename(file));
  } catch (error) {
    onCacheProblem({ kind: 'unwritable', dir: cacheDir, reason: (error as Error).message });
  }
  return engine;
}
