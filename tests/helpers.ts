import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CORPUS_DIR, DEV_SET, DISTRACTORS, REPO_ROOT, SHARED_DIR } from '../src/cli/paths.ts';

export { DEV_SET, DISTRACTORS };
export const REPO = REPO_ROOT;
export const CORPUS = DEFAULT_CORPUS_DIR;
export const SHARED = SHARED_DIR;
export const SEED = path.join(SHARED, 'seed/article-sl-2024-06.txt');

/** A fresh corpus folder holding the given files (name → content). */
export async function corpusDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'odlomek-corpus-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}
