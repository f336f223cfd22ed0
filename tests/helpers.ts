import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CORPUS_DIR, REPO_ROOT } from '../src/cli/paths.ts';

export const REPO = REPO_ROOT;
export const CORPUS = DEFAULT_CORPUS_DIR;
/**
 * Everything the tests read besides the repository's own code and corpus lives here (see its
 * README for sources and licences), so `npm test` passes in a clone with nothing beside it.
 * Tests never read the shared folder that `npm run eval` and `npm run bench` use.
 */
export const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures');
/** The article as it arrived (its first word is `date`), byte for byte. */
export const SEED = path.join(FIXTURES, 'seed/article-sl-2024-06.txt');
/** The development questions with their evidence strings (a copy of the shared eval set). */
export const DEV_SET = path.join(FIXTURES, 'eval/dev.jsonl');
/** The distractor articles closest to the seed's topic (North Korea, Russia, sanctions), as jsonl. */
export const DISTRACTORS = path.join(FIXTURES, 'slnews/hard-distractors.jsonl');

/** A fresh corpus folder holding the given files (name → content). */
export async function corpusDir(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'odlomek-corpus-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}
