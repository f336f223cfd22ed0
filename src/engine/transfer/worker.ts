/**
 * The worker thread that reads or builds an index for `loadEngine({ worker: true })`: everything
 * slow (reading and hashing the corpus, indexing, packing, writing the cache) happens here, and
 * the packed buffer is transferred to the thread that asked, without a copy. One load per worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CorpusError } from '../corpus/corpus-error.ts';
import { loadPacked, type CacheProblem } from '../index-cache.ts';
import type { WorkerReply, WorkerRequest } from './in-worker.ts';

const { dir, cacheDir } = workerData as WorkerRequest;
const problems: CacheProblem[] = [];
let reply: WorkerReply;
let transfer: ArrayBuffer[] = [];
try {
  const buffer = await loadPacked(dir, cacheDir, (problem) => problems.push(problem));
  reply = { ok: true, buffer, problems };
  transfer = [buffer];
} catch (error) {
  reply =
    error instanceof CorpusError
      ? { ok: false, corpusProblems: error.problems }
      : { ok: false, error: { message: (error as Error).message, stack: (error as Error).stack } };
}
parentPort!.postMessage(reply, transfer);
