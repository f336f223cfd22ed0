import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS = path.join(REPO, 'corpus');
export const SHARED = path.resolve(REPO, '../shared');
export const SEED = path.join(SHARED, 'seed/article-sl-2024-06.txt');
export const DISTRACTORS = path.join(SHARED, 'data/slnews/articles.jsonl');
export const DEV_SET = path.join(SHARED, 'eval/dev.jsonl');

/** A fresh corpus folder holding the given files (name → content). */
export async function corpusDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'odlomek-corpus-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}
