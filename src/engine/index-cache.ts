import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Engine, INDEX_FORMAT, type EngineJSON } from './engine.ts';
import { CorpusError } from './corpus/corpus-error.ts';

/**
 * Fingerprint of a corpus folder: every file's path and bytes, plus the index format. Cheap next
 * to indexing (hashing runs at hundreds of MB/s), and it changes whenever an answer could.
 */
async function fingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256').update(INDEX_FORMAT);
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new CorpusError([{ file: dir, message: missing ? 'folder does not exist' : String(error) }]);
  }
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
  for (const file of files) hash.update(`${path.relative(dir, file)}\u0000`).update(await readFile(file)).update('\u0001');
  return hash.digest('hex').slice(0, 24);
}

/**
 * Loads a corpus folder, reusing a saved index when the folder has not changed since it was
 * saved, so a large corpus starts in a fraction of the indexing time. Without `cacheDir` this
 * is `Engine.fromDirectory`. A missing, stale or unreadable cache file is simply rebuilt; a cache
 * that cannot be written is reported through `onCacheProblem` and the fresh index is used anyway.
 */
export async function loadEngine(dir: string, cacheDir?: string, onCacheProblem: (message: string) => void = () => {}): Promise<Engine> {
  if (!cacheDir) return Engine.fromDirectory(dir);
  const file = path.join(cacheDir, `index-${await fingerprint(dir)}.json`);
  let saved: EngineJSON | undefined;
  try {
    saved = JSON.parse(await readFile(file, 'utf8')) as EngineJSON;
    return Engine.fromJSON(saved, dir);
  } catch (error) {
    const notSavedYet = ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');
    if (saved !== undefined || !notSavedYet) onCacheProblem(`saved index ${file} is unusable, rebuilding it`);
  }
  const engine = await Engine.fromDirectory(dir);
  try {
    await mkdir(cacheDir, { recursive: true });
    // Write beside, then rename: a reader never sees half a file.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, JSON.stringify(engine));
    await rename(partial, file);
  } catch (error) {
    onCacheProblem(`cannot save the index in ${cacheDir}: ${(error as Error).message}`);
  }
  return engine;
}
