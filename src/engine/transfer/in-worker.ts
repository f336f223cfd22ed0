/**
 * Running `loadPackedIndex` in a worker thread: the calling thread waits on a message instead of
 * indexing, so a bot goes on answering while a large corpus is read or re-indexed beside it.
 * Errors come back as they were: a broken corpus as the same `CorpusError` with every problem.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CorpusError } from '../corpus/corpus-error.ts';
import type { CorpusProblem } from '../types.ts';
import type { CacheProblem, IndexOrigin } from '../index-cache.ts';

export interface WorkerRequest {
  dir: string;
  cacheDir: string | undefined;
}

export type WorkerReply =
  /** Said while the worker goes on (a wait for another process); the answer comes after. */
  | { notice: CacheProblem }
  | { ok: true; buffer: ArrayBuffer; origin: IndexOrigin; problems: CacheProblem[] }
  | { ok: false; corpusProblems: CorpusProblem[] }
  | { ok: false; error: { message: string; stack: string | undefined } };

const WORKER = new URL('./worker.ts', import.meta.url);

/**
 * The launcher's bundle (`launch/bundle.mjs`) declares this in each of its files as the file's own
 * URL; under tsx it is not declared. Its worker is bundled beside it as `worker.mjs`.
 */
declare const ODLOMEK_BUNDLE_URL: string | undefined;
const BUNDLED_WORKER = typeof ODLOMEK_BUNDLE_URL === 'string' ? new URL('./worker.mjs', ODLOMEK_BUNDLE_URL) : undefined;

/**
 * Whether a worker thread starts in a few tens of milliseconds: bundled it is plain JavaScript,
 * under tsx it first registers the loader and compiles its modules (half a second to two).
 */
export const WORKER_STARTS_QUICKLY = BUNDLED_WORKER !== undefined;

/**
 * The worker's first lines: Node 20 does not carry a loader registered with `--import` (tsx)
 * into worker threads, so the worker registers tsx's loader itself before it imports the
 * TypeScript worker. Resolved here, from this file, so it works whatever folder the bot runs in.
 */
const BOOTSTRAP = `
const { register } = await import(${JSON.stringify(tsxLoaderApi())});
register();
await import(${JSON.stringify(WORKER.href)});
`;

/** The URL of tsx's ESM loader API (`tsx/esm/api`), as this file resolves it. */
function tsxLoaderApi(): string {
  // The package's exports map sends `import` of `tsx/esm/api` here; require() would get its CommonJS twin.
  const packageJson = createRequire(import.meta.url).resolve('tsx/package.json');
  return pathToFileURL(path.join(path.dirname(packageJson), 'dist/esm/api/index.mjs')).href;
}

/** The packed index of `dir` (see `loadPackedIndex`), read or built in a worker thread. */
export interface PackedFromWorker {
  buffer: ArrayBuffer;
  origin: IndexOrigin;
  problems: CacheProblem[];
  /**
   * Lets the worker end. It waits for this after sending the buffer: a worker that ends frees its
   * heap (hundreds of megabytes after indexing a large corpus), and freeing that much memory while
   * this thread unpacks the buffer into new objects stalled this thread's event loop for up to
   * 70 ms (measured with a 100 000-passage reload; longest block 24–39 ms when the worker ended
   * after the unpacking). Call it once the buffer is unpacked, also when unpacking failed. (At a bot's
   * start, with `finishLater`, that is once what first answers need is unpacked; the rest follows.)
   */
  release: () => void;
  /** Settles when the worker has ended. */
  ended: Promise<void>;
}

/**
 * The worker does not hold the process open while it waits to be released: a bot that stops
 * between receiving a buffer and releasing the worker still exits.
 */
export function loadPackedInWorker(
  dir: string,
  cacheDir: string | undefined,
  onNotice: (notice: CacheProblem) => void = () => {},
): Promise<PackedFromWorker> {
  return new Promise((resolve, reject) => {
    const workerData = { dir, cacheDir } satisfies WorkerRequest;
    // Not the process's own flags: its preloads may be TypeScript, and the worker registers tsx itself.
    const worker = BUNDLED_WORKER
      ? new Worker(BUNDLED_WORKER, { workerData, execArgv: [] })
      : new Worker(BOOTSTRAP, { eval: true, workerData, execArgv: [] });
    let settled = false;
    const release = () => {
      worker.postMessage(RELEASE);
    };
    const ended = new Promise<void>((done) => worker.once('exit', () => done()));
    const onMessage = (reply: WorkerReply) => {
      if ('notice' in reply) return onNotice(reply.notice);
      worker.off('message', onMessage);
      settled = true;
      worker.unref();
      if (reply.ok) resolve({ buffer: reply.buffer, origin: reply.origin, problems: reply.problems, release, ended });
      else {
        release();
        if ('corpusProblems' in reply) reject(new CorpusError(reply.corpusProblems));
        else reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
      }
    };
    worker.on('message', onMessage);
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the index worker exited with code ${code} before answering`));
    });
  });
}

/** What the thread that asked sends a worker when it may end (see `PackedFromWorker.release`). */
export const RELEASE = 'release';
