/**
 * The worker thread that reads or builds an index for `loadEngine({ worker: true })`: everything
 * slow (reading and hashing the corpus, indexing, packing, writing the cache) happens here, and
 * the packed buffer is transferred to the thread that asked, without a copy. One load per worker.
 *
 * A saved index of the corpus as it is is read with the few modules that takes; the engine's
 * (the corpus loader, analysis, indexing) are imported only when the corpus has to be indexed,
 * so a start with a warm index cache does not wait for them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CorpusError } from '../corpus/corpus-error.ts';
import type { CacheProblem } from '../index-cache.ts';
import { readSavedIndex } from '../saved-index.ts';
import type { WorkerReply, WorkerRequest } from './in-worker.ts';

const { dir, cacheDir } = workerData as WorkerRequest;
const problems: CacheProblem[] = [];
const onCacheProblem = (problem: CacheProblem) => problems.push(problem);
let reply: WorkerReply;
let transfer: ArrayBuffer[] = [];
try {
  const saved = cacheDir === undefined ? undefined : await readSavedIndex(dir, cacheDir, onCacheProblem);
  let buffer = saved?.buffer;
  if (buffer === undefined) {
    const { buildAndSave, loadPacked } = await import('../index-cache.ts');
    buffer = saved ? await buildAndSave(dir, cacheDir!, saved, onCacheProblem) : await loadPacked(dir, undefined);
  }
  reply = { ok: true, buffer, problems };
  transfer = [buffer];
} catch (error) {
  reply =
    error instanceof CorpusError
      ? { ok: false, corpusProblems: error.problems }
      : { ok: false, error: { message: (error as Error).message, stack: (error as Error).stack } };
}
parentPort!.postMessage(reply, transfer);
