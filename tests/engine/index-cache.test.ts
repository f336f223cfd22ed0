import { describe, expect, it, vi } from 'vitest';
import { readdir, readFile, unlink, utimes, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  describeCacheProblem,
  type CacheProblem,
  KEPT_INDEXES_PER_FOLDER,
  lastLoadedEngine,
  loadEngine,
  loadPackedIndex,
} from '../../src/engine/index-cache.ts';
import { Engine } from '../../src/engine/engine.ts';
import { readSavedIndex } from '../../src/engine/saved-index.ts';
import { STALE_AFTER_MS } from '../../src/engine/build-lock.ts';
import { loadPackedInWorker } from '../../src/engine/transfer/in-worker.ts';
import { CORPUS, corpusDir } from '../helpers.ts';

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

    // Back to the first text, whose saved index is kept but now broken: rebuilt, with a warning.
    await writeFile(path.join(dir, 'a.md'), article);
    await writeFile(path.join(cache, saved[0]!), '{ broken');
    const problems: string[] = [];
    expect((await loadEngine(dir, cache, (p) => problems.push(describeCacheProblem(p)))).version).toBe(first.version);
    expect(problems).toEqual([expect.stringMatching(/is unusable, rebuilding it$/)]);
  });

  it('builds once when several processes start on a cold cache together; the others read what it saved', async () => {
    const article = await readFile(path.join(CORPUS, 'putin-kim-2024-06.md'), 'utf8');
    const dir = await corpusDir({ 'a.md': article });
    const cache = await mkdtemp(path.join(tmpdir(), 'odlomek-cache-'));
    const builds = vi.spyOn(Engine, 'fromDirectory');
    try {
      // Four loads at once, as four shards starting together (here in one process, same lock file).
      const packed = await Promise.all([1, 2, 3, 4].map(async () => (await loadPackedIndex(dir, cache)).buffer));
      expect(builds).toHaveBeenCalledTimes(1);
      for (const p of packed) expect(Buffer.from(p).equals(Buffer.from(packed[0]!))).toBe(true);
      // Nothing is left behind but the index.
      expect((await readdir(cache)).filter((n) => n.endsWith('.lock'))).toEqual([]);
      // A lock a crashed builder left (untouched for longer than a holder lets it be) is taken over.
      await writeFile(path.join(dir, 'a.md'), article.replace('Tanjug', 'Beta'));
      const { file } = await readSavedIndex(dir, cache, () => {});
      await writeFile(`${file}.lock`, '123\n');
      const old = new Date(Date.now() - 2 * STALE_AFTER_MS);
      await utimes(`${file}.lock`, old, old);
      builds.mockClear();
      await loadPackedIndex(dir, cache);
      expect(builds).toHaveBeenCalledTimes(1);
      expect(await readdir(cache)).not.toContain(path.basename(`${file}.lock`));
      // Builds in worker threads (large corpora, reloads) go through the same lock.
      const workers = await mkdtemp(path.join(tmpdir(), 'odlomek-cache-'));
      const loaded = await Promise.all([1, 2].map(() => loadEngine(dir, workers, undefined, { worker: true })));
      expect(loaded[1]!.version).toBe(loaded[0]!.version);
      expect((await readdir(workers)).filter((n) => n.endsWith('.lock') || n.endsWith('.partial'))).toEqual([]);
    } finally {
      builds.mockRestore();
    }
  });

  it('takes over at once a lock whose process is gone, and says when it waits for a live one', async () => {
    const dir = await corpusDir({ 'a.md': await readFile(path.join(CORPUS, 'putin-kim-2024-06.md'), 'utf8') });
    const cache = await mkdtemp(path.join(tmpdir(), 'odlomek-cache-'));
    const { file } = await readSavedIndex(dir, cache, () => {});
    const lock = `${file}.lock`;
    const bootId = (await readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => '')).trim();
    // A start killed mid-build left its lock, touched a moment ago.
    const gone = spawn(process.execPath, ['-e', '']);
    await once(gone, 'exit');
    await writeFile(lock, `${gone.pid}\n${bootId}\n`);
    const problems: CacheProblem[] = [];
    await loadPackedIndex(dir, cache, (p) => problems.push(p));
    expect(problems).toEqual([]);
    expect(await readdir(cache)).not.toContain(path.basename(lock));
    // One stopped between making the lock and writing its id in it: empty, a few seconds old.
    await writeFile(path.join(dir, 'a.md'), 'Članek, ki ga je začel indeksirati ustavljen proces.');
    const unsigned = `${(await readSavedIndex(dir, cache, () => {})).file}.lock`;
    await writeFile(unsigned, '');
    const before = new Date(Date.now() - 5_000);
    await utimes(unsigned, before, before);
    await loadPackedIndex(dir, cache, (p) => problems.push(p));
    expect(problems).toEqual([]);

    // A live holder (this process, as another shard would be): waited for, and said once.
    await writeFile(path.join(dir, 'a.md'), 'Drug članek z enim odstavkom.');
    const next = (await readSavedIndex(dir, cache, () => {})).file;
    await writeFile(`${next}.lock`, `${process.pid}\n${bootId}\n`);
    const loading = loadPackedIndex(dir, cache, (p) => problems.push(p));
    await expect.poll(() => problems).toEqual([{ kind: 'waiting', lock: `${next}.lock` }]);
    expect(describeCacheProblem(problems[0]!)).toMatch(/^waiting for another process that is indexing the same corpus/);
    await unlink(`${next}.lock`);
    expect((await loading).origin).toBe('built');
    expect(problems).toHaveLength(1);

    // From a worker thread (a large corpus), as soon as it waits, not once it is done.
    await writeFile(path.join(dir, 'a.md'), 'Tretji članek z enim odstavkom.');
    const third = (await readSavedIndex(dir, cache, () => {})).file;
    await writeFile(`${third}.lock`, `${process.pid}\n${bootId}\n`);
    const fromWorker: CacheProblem[] = [];
    const inWorker = loadEngine(dir, cache, (p) => fromWorker.push(p), { worker: true });
    await expect.poll(() => fromWorker, { timeout: 10_000 }).toEqual([{ kind: 'waiting', lock: `${third}.lock` }]);
    await unlink(`${third}.lock`);
    await inWorker;
    expect(fromWorker).toHaveLength(1);
  }, 30_000);

  it("keeps only the most recently used indexes of a corpus folder, and never touches another folder's", async () => {
    const article = await readFile(path.join(CORPUS, 'putin-kim-2024-06.md'), 'utf8');
    const cache = await mkdtemp(path.join(tmpdir(), 'odlomek-cache-'));
    const other = await corpusDir({ 'b.md': 'Drug korpus z enim odstavkom.' });
    await loadEngine(other, cache);
    const othersIndex = await readdir(cache);
    // An index saved under the naming of earlier versions is never read again.
    const legacy = 'index-0123456789abcdef01234567.json';
    await writeFile(path.join(cache, legacy), '{}');

    const dir = await corpusDir({ 'a.md': article });
    const versions = [1, 2, 3, 4, 5].map((n) => `${article}\nDodatek številka ${n}.\n`);
    const indexOf: string[] = [];
    const load = async (version: number) => {
      const before = new Set(await readdir(cache));
      await writeFile(path.join(dir, 'a.md'), versions[version - 1]!);
      await loadEngine(dir, cache);
      const added = (await readdir(cache)).filter((f) => !before.has(f));
      if (added.length === 1) indexOf[version] = added[0]!;
      return added;
    };
    for (const version of [1, 2, 3, 4, 5]) await load(version);
    const cached = async () => (await readdir(cache)).sort();
    expect(KEPT_INDEXES_PER_FOLDER).toBe(3);
    expect(await cached()).toEqual([...othersIndex, indexOf[3], indexOf[4], indexOf[5]].sort());
    // Version 3 is still kept: going back to it reuses its index and makes it the most recently used.
    expect(await load(3)).toEqual([]);
    // Version 1 was pruned: going back builds and saves it again, dropping the least recently used (4).
    expect(await load(1)).toHaveLength(1);
    expect(await cached()).toEqual([...othersIndex, indexOf[1], indexOf[3], indexOf[5]].sort());
  });

  it('finds the index that loaded last for a broken folder, skipping a damaged one and other folders', async () => {
    const article = await readFile(path.join(CORPUS, 'putin-kim-2024-06.md'), 'utf8');
    const cache = await mkdtemp(path.join(tmpdir(), 'odlomek-cache-'));
    const dir = await corpusDir({ 'a.md': article });
    expect(await lastLoadedEngine(dir, cache)).toBeUndefined();
    const a = await loadEngine(dir, cache);
    const [fileA] = await readdir(cache);
    await writeFile(path.join(dir, 'a.md'), article.replace('Tanjug', 'Beta'));
    const b = await loadEngine(dir, cache);
    // Another folder loaded since is not this one's.
    await loadEngine(await corpusDir({ 'b.md': 'Drug korpus z enim odstavkom.' }), cache);

    await writeFile(path.join(dir, 'a.md'), '---\ntitle: nezaprt uvod\n');
    expect((await lastLoadedEngine(dir, cache))?.engine.version).toBe(b.version);
    // Going back to the first text makes its index the last used.
    await writeFile(path.join(dir, 'a.md'), article);
    await loadEngine(dir, cache);
    await writeFile(path.join(dir, 'a.md'), '---\ntitle: nezaprt uvod\n');
    const last = await lastLoadedEngine(dir, cache);
    expect(last?.engine.version).toBe(a.version);
    expect(last?.file).toBe(path.join(cache, fileA!));
    expect(last?.engine.ask('Tanjug')).toEqual(a.ask('Tanjug'));
    // A damaged file is passed over for the one used before it.
    await writeFile(path.join(cache, fileA!), '{ broken');
    expect((await lastLoadedEngine(dir, cache))?.engine.version).toBe(b.version);
  });

  it('still answers when the cache cannot be written, and names a missing corpus folder', async () => {
    const dir = await corpusDir({ 'a.md': 'Kratek članek o sporazumu.' });
    const problems: string[] = [];
    const engine = await loadEngine(dir, '/dev/null/cache', (p) => problems.push(describeCacheProblem(p)));
    expect(engine.info().passageCount).toBe(1);
    expect(problems).toEqual([expect.stringMatching(/^cannot save the index in \/dev\/null\/cache: /)]);
    await expect(loadEngine('/nonexistent/odlomek', '/tmp')).rejects.toThrow(
      /nonexistent\/odlomek: folder does not exist/,
    );
  });

  it('at start reads an unchanged corpus from its saved index on the calling thread; a damaged one is rebuilt in the worker, said once', async () => {
    const article = await readFile(path.join(CORPUS, 'putin-kim-2024-06.md'), 'utf8');
    const dir = await corpusDir({ 'a.md': article });
    const cache = await mkdtemp(path.join(tmpdir(), 'odlomek-cache-'));
    const start = (problems: string[] = []) =>
      loadEngine(dir, cache, (p) => problems.push(describeCacheProblem(p)), { worker: true, savedHere: true });
    // Nothing saved yet: indexed in the worker, and saved.
    const first = await start();
    const saved = await readdir(cache);
    expect(saved).toHaveLength(1);
    const warm = await start();
    expect(warm.version).toBe(first.version);
    expect(warm.ask('Kdo je poročal?')).toEqual(first.ask('Kdo je poročal?'));
    expect(warm.suggest('tanjug').map((p) => p.id)).toEqual(first.suggest('tanjug').map((p) => p.id));

    await writeFile(path.join(cache, saved[0]!), 'ODLX broken');
    const problems: string[] = [];
    expect((await start(problems)).version).toBe(first.version);
    expect(problems).toEqual([expect.stringMatching(/is unusable, rebuilding it$/)]);
    await expect(
      loadEngine('/nonexistent/odlomek', cache, () => {}, { worker: true, savedHere: true }),
    ).rejects.toThrow(/nonexistent\/odlomek: folder does not exist/);
  });
});

describe('the index worker', () => {
  it('waits after sending the index until it is released, so its heap is not freed while the index is unpacked', async () => {
    const article = await readFile(path.join(CORPUS, 'putin-kim-2024-06.md'), 'utf8');
    const dir = await corpusDir({ 'a.md': article });
    const packed = await loadPackedInWorker(dir, undefined);
    expect(packed.buffer.byteLength).toBeGreaterThan(0);
    let ended = false;
    void packed.ended.then(() => (ended = true));
    // A worker that ends on its own does so within milliseconds of sending.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ended).toBe(false);
    packed.release();
    await packed.ended;
    expect(ended).toBe(true);
  });
});
