import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Engine, INDEX_FORMAT, type EngineJSON } from './engine.ts';

/**
 * Fingerprint of a corpus folder: every file's path and bytes, plus the index format. Cheap next
 * to indexing (hashing runs at hundreds of MB/s), and it changes whenever an answer could.
 */
async function fingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256').update(INDEX_FORMAT);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
  for (const file of files) hash.update(`${path.relative(dir, file)}\u0000`).update(await readFile(file)).update('\u0001');
  return hash.digest('hex').slice(0, 24);
}

/**
 * Loads a corpus folder, reusing a saved index when the folder has not changed since it was
 * saved, so a large corpus starts in a fraction of the indexing time. Without `cacheDir` this
 * is `Engine.fromDirectory`. A missing, stale or unreadable cache file is simply rebuilt.
 */
export async function loadEngine(dir: string, cacheDir?: string): Promise<Engine> {
  if (!cacheDir) return Engine.fromDirectory(dir);
  const file = path.join(cacheDir, `index-${await fingerprint(dir)}.json`);
  try {
    return Engine.fromJSON(JSON.parse(await readFile(file, 'utf8')) as EngineJSON, dir);
  } catch {
    const engine = await Engine.fromDirectory(dir);
    await mkdir(cacheDir, { recursive: true });
    // Write beside, then rename: a reader never sees half a file.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, JSON.stringify(engine));
    await rename(partial, file);
    return engine;
  }
}
