import { mkdir, open, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Engine } from './engine.ts';
import { listCorpusFolder } from './corpus/list-files.ts';
import { packEngine } from './transfer/pack.ts';
import { unpackEngine } from './transfer/unpack.ts';
import { EXTENSION, folderPrefix, readSavedIndex, readWhole, type SavedIndex } from './saved-index.ts';
import { NO_PAUSES, Slices } from './transfer/slices.ts';
import { loadPackedInWorker, WORKER_STARTS_QUICKLY } from './transfer/in-worker.ts';
import { lexicon } from './lexicon/lexicon.ts';
import { buildLock, STALE_AFTER_MS } from './build-lock.ts';

/**
 * Saved indexes kept per corpus folder: the one in use and two older ones, so going back to a
 * recent version of the corpus starts fast too. Each is about six times the corpus size (the
 * passages, their folded forms for autocomplete and the postings), so keeping one per change would
 * fill the disk.
 */
export const KEPT_INDEXES_PER_FOLDER = 3;

/**
 * Something about the cache worth a line: a saved index that is unusable or cannot be written (the
 * engine is built and used anyway), or another process building the same index, waited for.
 */
export type CacheProblem =
  | { kind: 'unusable'; file: string }
  | { kind: 'unwritable'; dir: string; reason: string }
  | { kind: 'waiting'; lock: string };

/** A cache problem as one English line, for the log. */
export function describeCacheProblem(problem: CacheProblem): string {
  switch (problem.kind) {
    case 'unusable':
      return `saved index ${problem.file} is unusable, rebuilding it`;
    case 'unwritable':
      return `cannot save the index in ${problem.dir}: ${problem.reason}`;
    case 'waiting':
      return `waiting for another process that is indexing the same corpus (${problem.lock}); a lock left by a stopped start is taken over once its process is gone, or after ${STALE_AFTER_MS / 1000} s`;
  }
}

/**
 * Corpus size (bytes of its files) from which `worker: 'auto'` loads in a worker thread: about
 * 5 000 passages, a second of indexing. A smaller corpus loads faster on the calling thread
 * (indexing yields now and then) than a worker thread starts.
 */
export const WORKER_FROM_BYTES = 1_000_000;

/** How `loadEngine` works. */
export interface LoadOptions {
  /**
   * Read or build the index in a worker thread, so the calling thread (the bot's) only assembles
   * it, in slices; `'auto'` does so for corpora of `WORKER_FROM_BYTES` or more. Off: everything
   * happens on the calling thread (command-line tools).
   */
  worker?: boolean | 'auto';
  /**
   * The slices the calling thread assembles in: by default a few milliseconds each with a worker
   * (the caller answers questions meanwhile), one piece without.
   */
  slices?: Slices;
  /**
   * Called once the index is read or built, when only assembling it on this thread is left: a bot
   * logs in then, so the gateway handshake runs beside the assembly rather than after it. `origin`
   * says whether a saved index was read or the corpus indexed (an operator checking the cache wants to know).
   */
  onRead?: (origin: IndexOrigin) => void;
  /**
   * With a worker: first look for a saved index of the corpus as it is on this thread, and use it
   * without starting the worker; only a corpus to index goes to the worker. For a start, when
   * nothing waits on this thread yet: hashing the corpus and reading the file take less than a
   * worker thread takes to start under tsx (half a second to two); bundled (`launch/`), where a
   * worker starts at once, the worker reads it while this thread imports what comes next. Not for
   * a reload, where the hashing would block answers. The engine then comes back before its typo
   * tree, passages by id and language files are made (see `UnpackOptions.finishLater`).
   */
  savedHere?: boolean;
  /** With `savedHere`: what the engine makes after it is handed back waits for this (see `UnpackOptions.finishAfter`). */
  finishAfter?: Promise<unknown>;
}

/** Where a loaded index came from: a saved index of the corpus as it is, or indexing the corpus. */
export type IndexOrigin = 'saved' | 'built';

/** A packed index and where it came from. */
export interface PackedIndex {
  buffer: ArrayBuffer;
  origin: IndexOrigin;
}

/** Saved indexes of versions before the per-folder names: never read again, so removed. */
const UNOWNED_INDEX = /^index-[0-9a-f]{24}\.json$/;

/**
 * Deletes all but `current` and the next most recently used indexes of the folder, up to
 * `KEPT_INDEXES_PER_FOLDER`, and the folder's indexes in earlier formats. Best effort: a file
 * another process removed first is fine.
 */
async function prune(cacheDir: string, prefix: string, current: string): Promise<void> {
  const names = await readdir(cacheDir);
  const others = (await indexesByUse(cacheDir, prefix, names)).filter((u) => u.name !== current);
  const stale = [
    ...others.slice(KEPT_INDEXES_PER_FOLDER - 1).map((u) => u.name),
    ...names.filter((n) => UNOWNED_INDEX.test(n) || (n.startsWith(prefix) && n.endsWith('.json'))),
  ];
  await Promise.all(stale.map((name) => unlink(path.join(cacheDir, name)).catch(() => undefined)));
}

/**
 * The saved indexes among `names` (the listing of `cacheDir`) whose names start with `prefix`
 * (one corpus folder's), most recently used first; one gone meanwhile counts as never used.
 */
async function indexesByUse(
  cacheDir: string,
  prefix: string,
  names: string[],
): Promise<{ name: string; usedAt: number }[]> {
  const used = await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && name.endsWith(EXTENSION))
      .map(async (name) => ({ name, usedAt: (await stat(path.join(cacheDir, name)).catch(() => null))?.mtimeMs ?? 0 })),
  );
  return used.sort((a, b) => b.usedAt - a.usedAt);
}

/** Bytes of the files the loader would read in `dir` (0 for a folder it cannot list: loading then says why). */
async function corpusBytes(dir: string): Promise<number> {
  try {
    const { files } = await listCorpusFolder(dir);
    const sizes = await Promise.all(files.map(async (file) => (await stat(path.join(dir, file))).size));
    return sizes.reduce((a, b) => a + b, 0);
  } catch {
    return 0;
  }
}

/**
 * The packed index of a corpus folder: read from the cache when the folder has not changed since
 * it was saved, else built (and saved when `cacheDir` is set), and which of the two. Throws
 * `CorpusError` for a broken corpus. The heavy half of `loadEngine`; a worker thread runs it
 * (`transfer/worker.ts`).
 */
export async function loadPackedIndex(
  dir: string,
  cacheDir: string | undefined,
  onCacheProblem: (problem: CacheProblem) => void = () => {},
): Promise<PackedIndex> {
  if (!cacheDir) return { buffer: packEngine(await Engine.fromDirectory(dir)), origin: 'built' };
  const saved = await readSavedIndex(dir, cacheDir, onCacheProblem);
  return saved.buffer ? { buffer: saved.buffer, origin: 'saved' } : buildLocked(dir, cacheDir, saved, onCacheProblem);
}

/**
 * `buildAndSave` for one process at a time (see `build-lock.ts`): shards starting together share
 * the cache, so one builds and the others, once it is done, read what it saved. Every build of a
 * cached index goes through here, on this thread or in a worker.
 */
export async function buildLocked(
  dir: string,
  cacheDir: string,
  saved: SavedIndex,
  onCacheProblem: (problem: CacheProblem) => void,
): Promise<PackedIndex> {
  await mkdir(cacheDir, { recursive: true }).catch(() => undefined);
  const lockFile = `${saved.file}.lock`;
  const lock = await buildLock(lockFile, () => onCacheProblem({ kind: 'waiting', lock: lockFile }));
  try {
    // Another process may have built it while this one waited (a damaged file was reported once);
    // without a wait, `saved` is still what the folder holds, and hashing the corpus again is waste.
    const now = lock.waited ? await readSavedIndex(dir, cacheDir, () => {}) : saved;
    if (now.buffer) return { buffer: now.buffer, origin: 'saved' };
    return { buffer: await buildAndSave(dir, cacheDir, now, onCacheProblem), origin: 'built' };
  } finally {
    await lock.release();
  }
}

/** Indexes `dir` and saves the packed index as `saved.file`, pruning the folder's older ones. */
export async function buildAndSave(
  dir: string,
  cacheDir: string,
  { file, prefix }: SavedIndex,
  onCacheProblem: (problem: CacheProblem) => void,
): Promise<ArrayBuffer> {
  const packed = packEngine(await Engine.fromDirectory(dir));
  try {
    await mkdir(cacheDir, { recursive: true });
    // Write beside, then rename: a reader never sees half a file.
    const partial = `${file}.${process.pid}.${Date.now()}.partial`;
    await writeFile(partial, new Uint8Array(packed));
    await rename(partial, file);
    await prune(cacheDir, prefix, path.basename(file));
  } catch (error) {
    onCacheProblem({ kind: 'unwritable', dir: cacheDir, reason: (error as Error).message });
  }
  return packed;
}

/**
 * Loads a corpus folder, reusing a saved index when the folder has not changed since it was
 * saved, so a large corpus starts in a fraction of the indexing time. Without `cacheDir` and
 * without a worker this is `Engine.fromDirectory`. A missing, stale or unreadable cache file is
 * simply rebuilt; a cache that cannot be written is reported through `onCacheProblem` and the
 * fresh index is used anyway. Only the few most recently used indexes per corpus folder are kept.
 * With `worker`, reading or indexing happens in a worker thread and this thread only assembles
 * the result, in `slices`.
 */
export async function loadEngine(
  dir: string,
  cacheDir?: string,
  onCacheProblem: (problem: CacheProblem) => void = () => {},
  {
    worker = false,
    slices = worker ? new Slices() : NO_PAUSES,
    onRead = () => {},
    savedHere = false,
    finishAfter,
  }: LoadOptions = {},
): Promise<Engine> {
  // Bundled, a worker starts faster than this thread hashes the corpus and reads the file, and
  // this thread meanwhile imports what the bot needs next.
  if (worker !== false && savedHere && cacheDir && !WORKER_STARTS_QUICKLY) {
    // Problems (a damaged file, a folder that cannot be listed) are left to the worker's reading,
    // which meets them too and reports them once.
    // The language files load (a fifth of a second, the engine needs them) while the file is read.
    const saved = await readSavedIndex(dir, cacheDir, () => {}, lexicon).catch(() => undefined);
    if (saved?.buffer) {
      onRead('saved');
      // Nothing answered yet either: the parts first questions can do without come right after.
      return unpackEngine(saved.buffer, slices, dir, { finishLater: true, finishAfter });
    }
  }
  if (worker === 'auto') worker = (await corpusBytes(dir)) >= WORKER_FROM_BYTES;
  if (worker) {
    const { buffer, origin, problems, release } = await loadPackedInWorker(dir, cacheDir, onCacheProblem);
    try {
      problems.forEach(onCacheProblem);
      onRead(origin);
      return await unpackEngine(buffer, slices, dir, { finishLater: savedHere, finishAfter });
    } finally {
      release();
    }
  }
  if (!cacheDir) {
    const engine = await Engine.fromDirectory(dir);
    onRead('built');
    return engine;
  }
  const { buffer, origin } = await loadPackedIndex(dir, cacheDir, onCacheProblem);
  onRead(origin);
  return unpackEngine(buffer, slices, dir);
}

/** An index `lastLoadedEngine` found: the engine, its file, and when it was last used. */
export interface LastLoaded {
  engine: Engine;
  file: string;
  usedAt: Date;
}

/**
 * The most recently used saved index of `dir` in `cacheDir` that still reads, whatever the folder
 * holds now: what a start falls back on when the corpus is broken, so a restart after a bad edit
 * keeps answering from the last corpus that loaded (a reload marks the index it swaps in as used;
 * only corpora that loaded cleanly are ever saved). Undefined when the cache has none.
 */
export async function lastLoadedEngine(dir: string, cacheDir: string): Promise<LastLoaded | undefined> {
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  for (const { name, usedAt } of await indexesByUse(cacheDir, folderPrefix(dir), names)) {
    const file = path.join(cacheDir, name);
    try {
      const buffer = await readWhole(await open(file, 'r'));
      return { engine: await unpackEngine(buffer, NO_PAUSES, dir), file, usedAt: new Date(usedAt) };
    } catch {
      // An index of an older format, or damaged: the next older one may still read.
    }
  }
  return undefined;
}
