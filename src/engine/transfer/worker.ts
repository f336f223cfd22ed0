/**
 * The worker thread that reads or builds an index for `loadEngine({ worker: true })`: everything
 * slow (reading and hashing the corpus, indexing, packing, writing the cache) happens here, and
 * the packed buffer is transferred to the thread that asked, without a copy. One load per worker.
 *
 * A saved index of the corpus as it is is read with the few modules that takes; the engine's
 * (the corpus loader, analysis, indexing) are imported only when the corpus has to be indexed,
 * so a start with a warm index cache does not wait for them.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { CorpusError } from '../corpus/corpus-error.ts';
import type { CacheProblem, PackedIndex } from '../index-cache.ts';
import { readSavedIndex } from '../saved-index.ts';
import type { WorkerReply, WorkerRequest } from './in-worker.ts';

/**
 * Niceness of a worker that indexes: the thread that answers, and the garbage collector's helpers
 * it waits on, then get a core first whenever they want one. On a busy two-core machine an
 * indexing worker at the same priority took the answering thread's core for tens of milliseconds
 * at a time, hundreds of times per 100 000-passage reload. Indexing is background work: it takes
 * longer only while the bot is busy answering.
 */
const INDEXING_NICENESS = 10;

/**
 * Lowers this thread's priority, not the process's: on Linux a thread is scheduled on its own and
 * `setPriority` with no process id sets the calling thread's niceness. Elsewhere it would lower
 * the whole bot, so nothing is done. By the time a worker indexes, the process has read files, so
 * libuv's thread pool is already started and does not inherit it.
 */
function yieldToAnswers(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(INDEXING_NICENESS);
  } catch {
    // A system that refuses is no reason not to index.
  }
}

const { dir, cacheDir } = workerData as WorkerRequest;
const problems: CacheProblem[] = [];
// A wait for another process is said at once (it may take a while); the rest comes with the index.
const onCacheProblem = (problem: CacheProblem) =>
  problem.kind === 'waiting'
    ? parentPort!.postMessage({ notice: problem } satisfies WorkerReply)
    : problems.push(problem);
let reply: WorkerReply;
let transfer: ArrayBuffer[] = [];
try {
  const saved = cacheDir === undefined ? undefined : await readSavedIndex(dir, cacheDir, onCacheProblem);
  let packed: PackedIndex | undefined = saved?.buffer && { buffer: saved.buffer, origin: 'saved' };
  if (packed === undefined) {
    yieldToAnswers();
    const { buildLocked, loadPackedIndex } = await import('../index-cache.ts');
    packed = saved ? await buildLocked(dir, cacheDir!, saved, onCacheProblem) : await loadPackedIndex(dir, undefined);
  }
  reply = { ok: true, ...packed, problems };
  transfer = [packed.buffer];
} catch (error) {
  reply =
    error instanceof CorpusError
      ? { ok: false, corpusProblems: error.problems }
      : { ok: false, error: { message: (error as Error).message, stack: (error as Error).stack } };
}
parentPort!.postMessage(reply, transfer);
// Ends when the thread that asked lets it (see `PackedFromWorker.release`): not while that thread
// unpacks the buffer, as freeing this thread's heap then stalls it.
parentPort!.once('message', () => parentPort!.close());
