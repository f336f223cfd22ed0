/**
 * The large corpus `npm run bench:reload` works on: the shipped article and the distractor
 * articles replicated with variation (as `npm run bench` makes them) to about 100 000 passages,
 * written once to a folder under the system's temp folder and reused, with its index cache,
 * by later runs.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadArticlesFile, loadCorpus } from '../../src/engine/index.ts';
import { replicateCorpus } from '../bench/replicate.ts';
import { DEFAULT_CORPUS_DIR, DISTRACTORS } from '../paths.ts';
import { DISTRACTORS as VENDORED_DISTRACTORS } from '../../tests/helpers.ts';

export interface LargeCorpus {
  dir: string;
  cacheDir: string;
  /** A small file the benchmark rewrites to make the corpus change. */
  changing: string;
}

const SEED = 20_240_619;

/** The corpus folder for `passages`, made on first use. Uses the shared articles when present, else the vendored ones. */
export async function largeCorpus(passages: number, log: (line: string) => void): Promise<LargeCorpus> {
  const root = path.join(tmpdir(), 'odlomek-bench-reload', `corpus-${passages}`);
  const dir = path.join(root, 'corpus');
  const cacheDir = path.join(root, 'index-cache');
  const changing = path.join(dir, 'bench-change.md');
  const done = path.join(root, 'complete');
  if (!existsSync(done)) {
    const source = existsSync(DISTRACTORS) ? DISTRACTORS : VENDORED_DISTRACTORS;
    log(`writing a corpus of about ${passages} passages to ${dir} (from ${source})`);
    await mkdir(dir, { recursive: true });
    const shipped = await loadCorpus(DEFAULT_CORPUS_DIR);
    const documents = replicateCorpus(shipped.documents, await loadArticlesFile(source), {
      targetPassages: passages,
      seed: SEED,
    });
    for (const file of ['putin-kim-2024-06.md', 'synonyms.txt'])
      await copyFile(path.join(DEFAULT_CORPUS_DIR, file), path.join(dir, file));
    const articles = documents
      .slice(shipped.documents.length)
      .map((d) => JSON.stringify({ id: d.slug, title: d.title, date: d.date, text: d.text.slice(d.bodyStart) }));
    await writeFile(path.join(dir, 'articles.jsonl'), `${articles.join('\n')}\n`);
    await writeFile(changing, changedText(0));
    await writeFile(done, new Date().toISOString());
  }
  return { dir, cacheDir, changing };
}

/** The changing file's text for run `n`: a new sentence each time, so the corpus version changes. */
export function changedText(n: number): string {
  return `---\ntitle: Sprememba za merjenje\ndate: 2024-06\n---\nTo je sprememba številka ${n} za merjenje ponovnega nalaganja.\n`;
}

/** The number of the current change. */
export async function currentChange(file: string): Promise<number> {
  const match = /številka (\d+)/.exec(await readFile(file, 'utf8'));
  return match ? Number(match[1]) : 0;
}
