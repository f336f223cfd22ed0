import { readFile, writeFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine, LiveEngine, REMEMBERED_ANSWERS, type LiveEngineOptions } from '../../src/engine/engine.ts';
import { CorpusError } from '../../src/engine/corpus/corpus-error.ts';
import { chunkDocument } from '../../src/engine/corpus/chunk.ts';
import { loadArticlesFile, loadCorpus } from '../../src/engine/corpus/load.ts';
import { PassageIndex } from '../../src/engine/search/passage-index.ts';
import { replicateCorpus } from '../../tools/bench/replicate.ts';
import type { CorpusDocument } from '../../src/engine/types.ts';
import { readDevSet } from '../../tools/eval/dev-set.ts';
import { CORPUS, DEV_SET, DISTRACTORS, corpusDir } from '../helpers.ts';

/** About as many passages as the 140 shared articles hold: the vendored ones, replicated with variation. */
const LARGE_CORPUS_PASSAGES = 2_500;

/** The shipped article followed by a large corpus made from the vendored distractor articles. */
async function largeCorpus(): Promise<CorpusDocument[]> {
  const { documents } = await loadCorpus(CORPUS);
  return replicateCorpus(documents, await loadArticlesFile(DISTRACTORS), {
    targetPassages: LARGE_CORPUS_PASSAGES,
    seed: 1,
  });
}

/** A copy of the shipped corpus and a live engine over it (reloading in a worker thread with `worker`). */
async function liveCopyOfCorpus(options: LiveEngineOptions = {}) {
  const file = 'putin-kim-2024-06.md';
  const dir = await corpusDir({
    [file]: await readFile(path.join(CORPUS, file), 'utf8'),
    'synonyms.txt': await readFile(path.join(CORPUS, 'synonyms.txt'), 'utf8'),
  });
  return { dir, article: path.join(dir, file), live: new LiveEngine(await Engine.fromDirectory(dir), dir, options) };
}

describe('reloading the corpus', () => {
  it('swaps in the new text and reports added, removed and changed passages', async () => {
    const { dir, article, live } = await liveCopyOfCorpus();
    const before = live.engine;
    const text = await readFile(article, 'utf8');
    await writeFile(
      article,
      `${text.replace('dvodnevni obisk v Vietnamu', 'tridnevni obisk v Laosu')}\n\nNov zadnji odstavek o Laosu.\n`,
    );
    await writeFile(path.join(dir, 'extra.md'), '---\ntitle: Dodatek\ndate: 2024-07\n---\nKratek dodatni članek.\n');
    const diff = await live.reload();
    expect(diff).toEqual({
      added: ['extra#1', 'putin-kim-2024-06#12'],
      removed: [],
      changed: ['putin-kim-2024-06#11'],
      moved: [],
      oldVersion: before.version,
      newVersion: live.engine.version,
    });
    expect(diff.newVersion).not.toBe(diff.oldVersion);
    expect(live.engine.ask('Kam bo Putin odpotoval po obisku v Pjongjangu?').passages[0]!.passage.text).toContain(
      'tridnevni obisk v Laosu',
    );
  });

  it.each([false, true])(
    'reports paragraphs renumbered by one inserted or removed above them as moved, not changed (worker: %s)',
    async (worker) => {
      // In a worker the new index comes packed, with digests, while the first one was built here without.
      const { article, live } = await liveCopyOfCorpus({ worker });
      const text = await readFile(article, 'utf8');
      const id = (n: number) => `putin-kim-2024-06#${n}`;
      const shifted = (by: number) =>
        Array.from({ length: 11 }, (_, k) =>
          by > 0 ? { from: id(k + 1), to: id(k + 2) } : { from: id(k + 2), to: id(k + 1) },
        );
      await writeFile(article, text.replace('---\nRuski', '---\nUvodni odstavek, dodan na vrh.\n\nRuski'));
      expect(await live.reload()).toMatchObject({ added: [id(1)], removed: [], changed: [], moved: shifted(1) });
      await writeFile(article, text);
      expect(await live.reload()).toMatchObject({ added: [], removed: [id(1)], changed: [], moved: shifted(-1) });
      // A paragraph taken out of the middle: the ones below it move up, and it alone is removed.
      const third = text.split('\n\n')[2]!;
      await writeFile(article, text.replace(`${third}\n\n`, ''));
      expect(await live.reload()).toMatchObject({
        added: [],
        removed: [id(3)],
        changed: [],
        moved: Array.from({ length: 8 }, (_, k) => ({ from: id(k + 4), to: id(k + 3) })),
      });
    },
  );

  it.each([false, true])(
    'reports a paragraph renumbered and edited at once as moved and changed, nothing removed (worker: %s)',
    async (worker) => {
      const { article, live } = await liveCopyOfCorpus({ worker });
      const text = await readFile(article, 'utf8');
      const id = (n: number) => `putin-kim-2024-06#${n}`;
      await writeFile(article, text.replace('---\nRuski', '---\nUvodni odstavek.\n\nRuski').replace('marca', 'aprila'));
      expect(await live.reload()).toMatchObject({
        added: [id(1)],
        removed: [],
        changed: [id(9)],
        moved: Array.from({ length: 11 }, (_, k) => ({ from: id(k + 1), to: id(k + 2) })),
      });
    },
  );

  it('reports removed passages', async () => {
    const { dir, live } = await liveCopyOfCorpus();
    await writeFile(path.join(dir, 'extra.md'), 'Kratek dodatni članek.\n');
    await live.reload();
    await unlink(path.join(dir, 'extra.md'));
    expect((await live.reload()).removed).toEqual(['extra#1']);
  });

  it('keeps serving the old index when the new corpus is broken', async () => {
    const { dir, live } = await liveCopyOfCorpus();
    const before = live.engine;
    await writeFile(path.join(dir, 'broken.jsonl'), '{"id": "x"}\n');
    await expect(live.reload()).rejects.toBeInstanceOf(CorpusError);
    expect(live.engine).toBe(before);
  });

  it('reports every problem of a broken corpus found in the worker thread, as the same CorpusError', async () => {
    const { dir, live } = await liveCopyOfCorpus({ worker: true });
    const before = live.engine;
    await writeFile(path.join(dir, 'broken.jsonl'), '{"id": "x"}\n');
    await writeFile(path.join(dir, 'odprt.md'), '---\ntitle: Naslov\n\nBesedilo.\n');
    const error = await live.reload().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as CorpusError).problems.map((p) => `${p.file}:${p.line}`)).toEqual(['broken.jsonl:1', 'odprt.md:1']);
    expect(String(error)).toMatch(/broken\.jsonl:1: missing "title"/);
    expect(live.engine).toBe(before);
    expect(live.engine.ask('Kdaj je Rusija vložila veto?').answered).toBe(true);
  });

  it('makes a new version of an article whose link or language alone changed, as hosts sharing a reload compare versions', async () => {
    const { article, live } = await liveCopyOfCorpus();
    const original = await readFile(article, 'utf8');
    const versions = [live.engine.version];
    for (const text of [
      original.replace('lang: sl\n', 'lang: sl\nurl: https://example.org/clanek\n'),
      original.replace('lang: sl\n', 'lang: sl\nurl: https://example.org/popravljen\n'),
      original.replace('lang: sl\n', 'lang: hr\n'),
    ]) {
      await writeFile(article, text);
      const diff = await live.reload();
      expect(diff.changed).toHaveLength(11);
      versions.push(diff.newVersion);
    }
    expect(new Set(versions).size).toBe(4);
  });

  it('counts a changed date as changed citations', async () => {
    const { article, live } = await liveCopyOfCorpus();
    await writeFile(article, (await readFile(article, 'utf8')).replace('date: 2024-06', 'date: 2024-06-19'));
    const diff = await live.reload();
    expect(diff.changed).toHaveLength(11);
    expect(live.engine.passage('putin-kim-2024-06#1')?.date).toBe('2024-06-19');
  });

  it('keeps answering while a large corpus is re-indexed in a worker thread', async () => {
    const { dir, live } = await liveCopyOfCorpus({ worker: true });
    const articles = (await largeCorpus())
      .slice(1)
      .map((d) => JSON.stringify({ id: d.slug, title: d.title, date: d.date, text: d.text }));
    await writeFile(path.join(dir, 'distractors.jsonl'), `${articles.join('\n')}\n`);
    const answers: boolean[] = [];
    let reloading = true;
    const reload = live.reload().finally(() => (reloading = false));
    // Questions asked meanwhile, every millisecond or so, are answered by the old index: the new one
    // is built in a worker thread and assembled here in slices.
    const ask = () => {
      if (!reloading) return;
      answers.push(live.engine.ask(`Kdaj je Rusija vložila veto? ${answers.length}`).answered);
      setTimeout(ask, 1);
    };
    ask();
    const diff = await reload;
    expect(diff.added.length).toBeGreaterThan(1000);
    expect(answers.length).toBeGreaterThan(10);
    expect(answers.every(Boolean)).toBe(true);
  });

  it('indexes in turns, handing the event loop back between them', async () => {
    const passages = (await largeCorpus()).flatMap((d) => chunkDocument(d));
    let done = false;
    let turns = 0;
    const spin = () => {
      if (done) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    const index = await PassageIndex.buildYielding(passages);
    done = true;
    // Built in one go, the index would be finished before any other callback ran.
    expect(turns).toBeGreaterThanOrEqual(Math.floor(passages.length / 500));
    expect(index.passages).toHaveLength(passages.length);
  });

  it('keeps the version when nothing changed', async () => {
    const { live } = await liveCopyOfCorpus();
    const diff = await live.reload();
    expect(diff).toMatchObject({ added: [], removed: [], changed: [] });
    expect(diff.newVersion).toBe(diff.oldVersion);
  });
});

describe('index serialization', () => {
  it('round-trips through JSON with identical answers, passages and version', async () => {
    const { documents, synonyms } = await loadCorpus(CORPUS);
    const original = Engine.fromDocuments([...documents, ...(await loadArticlesFile(DISTRACTORS))], {
      synonyms,
      dir: CORPUS,
    });
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

describe('remembered answers', () => {
  it('answers a question asked again word for word from memory, and forgets the oldest when full', async () => {
    const engine = Engine.fromDirectory(CORPUS);
    const e = await engine;
    const first = e.ask('Kdo je podpisal sporazum?');
    expect(e.ask('Kdo je podpisal sporazum?')).toBe(first);
    // Another wording, limit or tuning is worked out anew.
    expect(e.ask('kdo je podpisal sporazum?')).not.toBe(first);
    expect(e.ask('Kdo je podpisal sporazum?', { limit: 1 }).passages).toHaveLength(1);
    expect(e.ask('Kdo je podpisal sporazum?', { tuning: {} })).not.toBe(first);
    expect(e.ask('Kdo je podpisal sporazum?', { tuning: {} })).toEqual(first);
    const fresh = e.ask('Kdo je podpisal sporazum?', { remember: false });
    expect(fresh).not.toBe(first);
    expect(fresh).toEqual(first);
    for (let i = 0; i < REMEMBERED_ANSWERS; i++) e.ask(`Kdo je podpisal sporazum ${i}?`);
    const again = e.ask('Kdo je podpisal sporazum?');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
