/**
 * What a reload costs the thread that answers: the live engine keeps answering questions (one
 * every millisecond or so, each a question not asked before) while `reload()` runs, and the
 * event-loop delay (`monitorEventLoopDelay`) and the answers' latency are measured before and
 * during it.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { LiveEngine } from '../../src/engine/index.ts';
import { percentile } from '../bench/measure.ts';

export interface Window {
  ms: number;
  answers: number;
  answerP50Ms: number;
  answerP99Ms: number;
  answerMaxMs: number;
  loopDelayMaxMs: number;
  loopDelayP99Ms: number;
}

/** Asks questions in a loop while `during` runs; measures the loop and the answers over that time. */
export async function measureWhile(
  live: LiveEngine,
  questions: readonly string[],
  during: () => Promise<unknown>,
): Promise<Window> {
  const latencies: number[] = [];
  let asked = 0;
  let running = true;
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const ask = () => {
    if (!running) return;
    const start = performance.now();
    live.engine.ask(questions[asked++ % questions.length]!);
    latencies.push(performance.now() - start);
    setTimeout(ask, 1);
  };
  histogram.enable();
  const started = performance.now();
  setTimeout(ask, 1);
  try {
    await during();
  } finally {
    running = false;
    histogram.disable();
  }
  return {
    ms: performance.now() - started,
    answers: latencies.length,
    answerP50Ms: percentile(latencies, 50),
    answerP99Ms: percentile(latencies, 99),
    answerMaxMs: Math.max(...latencies),
    loopDelayMaxMs: histogram.max / 1e6,
    loopDelayP99Ms: histogram.percentile(99) / 1e6,
  };
}
