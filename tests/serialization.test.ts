import { describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Engine } from '../src/engine/engine.ts';
import { loadEngine } from '../src/engine/index-cache.ts';
import { loadArticlesFile, loadCorpus } from '../src/engine/corpus/load.ts';
import { readDevSet } from '../src/eval/dev-set.ts';
import { CORPUS, DEV_SET, DISTRACTORS, corpusDir } from './helpers.ts';

describe('index serialization', () => {
  it('round-trips through JSON with identical answers, passages and version', async () => {
    const { documents, synonyms } = await loadCorpus(CORPUS);
    const original = Engine.fromDocuments([...documents, ...(await loadArticlesFile(DISTRACTORS))], { synonyms, dir: CORPUS });
    const restored = Engine.fromJSON(JSON.parse(JSON.stringify(original)));
    expect({ ...restored.info(), loadedAt: null }).toEqual({ ...original.info(), loadedAt: null });
    expect(restored.passages).toEqual(original.passages);
    const questions = (await readDevSet(DEV_SET)).map((q) => q.question);
    for (const question of [...questions, 'zascita interesov', 'Tanujg']) {
      expect(restored.ask(question)).toEqual(original.ask(question));
    }
  });

  it('refuses a file that is not an odlomek index', () => {
    expect(() => Engine.fromJSON({ format: 'something-else' } as never)).toThrow(/unsupported index format/);
  });
});

describe('index cache', () => {
  it('saves the index once, reuses it while the corpus is unchanged, rebuilds when it changes', async () => {
    const article = await readFile(path.join(CORPUS, 'putin-kim-2024-06.md'), 'utf8');
    const dir = await corpusDir({ 'a.md': article });
    const cache = await mkdtemp(path.join(tmpdir(), 'odlomek-cache-'));
    const first = await loadEngine(dir, cache);
    const saved = await readdir(cache);
    expect(saved).toHaveLength(1);
    const second = await loadEngine(dir, cache);
    expect(await readdir(cache)).toEqual(saved);
    expect(second.version).toBe(first.version);
    expect(second.ask('Tanjug')).toEqual(first.ask('Tanjug'));

    await writeFile(path.join(dir, 'a.md'), article.replace('Tanjug', 'Beta'));
    const third = await loadEngine(dir, cache);
    expect(third.version).not.toBe(first.version);
    expect(await readdir(cache)).toHaveLength(2);

    await writeFile(path.join(cache, saved[0]!), '{ broken');
    const problems: string[] = [];
    expect((await loadEngine(await corpusDir({ 'a.md': article }), cache, (p) => problems.push(p))).version).toBe(first.version);
    expect(problems).toEqual([expect.stringMatching(/is unusable, rebuilding it$/)]);
  });

  it('still answers when the cache cannot be written, and names a missing corpus folder', async () => {
    const dir = await corpusDir({ 'a.md': 'Kratek članek o sporazumu.' });
    const problems: string[] = [];
    const engine = await loadEngine(dir, '/dev/null/cache', (p) => problems.push(p));
    expect(engine.info().passageCount).toBe(1);
    expect(problems).toEqual([expect.stringMatching(/^cannot save the index in \/dev\/null\/cache: /)]);
    await expect(loadEngine('/nonexistent/odlomek', '/tmp')).rejects.toThrow(/nonexistent\/odlomek: folder does not exist/);
  });
});
