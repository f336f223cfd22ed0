/**
 * Preload of the bots `npm run bench:bot` starts (`node --import <this, bundled> bot.mjs`):
 * measures the process's event-loop delay with `monitorEventLoopDelay` and reports it over the
 * IPC channel when the benchmark asks, so both bots are measured the same way from inside
 * without either knowing about the benchmark.
 *
 * Protocol: the parent sends `{ probe: 'loop-delay' }`; the child answers
 * `{ probe: 'loop-delay', stats }` with the histogram since the previous question (then reset).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Event-loop delay in milliseconds over a measuring window. */
export interface LoopDelayStats {
  maxMs: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

const NS_PER_MS = 1e6;

if (process.send) {
  // 10 ms resolution is the default; finer sampling would itself cost the loop time.
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  process.on('message', (message: { probe?: string }) => {
    if (message?.probe !== 'loop-delay') return;
    const stats: LoopDelayStats = {
      maxMs: histogram.max / NS_PER_MS,
      p50Ms: histogram.percentile(50) / NS_PER_MS,
      p99Ms: histogram.percentile(99) / NS_PER_MS,
      meanMs: histogram.mean / NS_PER_MS,
    };
    histogram.reset();
    process.send!({ probe: 'loop-delay', stats });
  });
  // The IPC channel must not keep a bot alive that would otherwise exit.
  process.channel?.unref();
}
