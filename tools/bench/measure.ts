/** Measuring helpers: percentiles, wall-clock timing and heap use. */

/** Nearest-rank percentile (`p` in [0, 100]) of the samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Milliseconds `fn` takes, and what it returned. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;

/** Whether heap figures are exact (node started with --expose-gc) or include uncollected garbage. */
export const GC_AVAILABLE = typeof collectGarbage === 'function';

/** Bytes of live heap: collected first when possible, so garbage left by earlier steps does not count. */
export function heapUsed(): number {
  // Two passes: the first can leave objects with finalizers or weak references for the second.
  collectGarbage?.();
  collectGarbage?.();
  return process.memoryUsage().heapUsed;
}

/**
 * A full collection when node was started with --expose-gc, else nothing: untimed, so the next
 * timed block does not pay for garbage left by the one before.
 */
export function collectNow(): void {
  collectGarbage?.();
}

export const MB = 1024 * 1024;
