/** Waiting for work only so long: an answer goes out without what is late, a stop without what hangs. */

export const LATE = Symbol('late');

/** `work`'s value, or `LATE` when it takes longer than `ms` (it goes on; its failure is the caller's to catch). */
export async function withinBudget<T>(work: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => (timer = setTimeout(() => resolve(LATE), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
