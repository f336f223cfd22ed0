import { describe, expect, it } from 'vitest';
import { GroupCommit, MAX_ROWS } from '../../src/storage/sqlite/group-commit.ts';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Adds one row per turn of the event loop, as answers taking turns in a burst do. */
async function addOnePerTurn(rows: GroupCommit<number>, count: number): Promise<void> {
  const saved: Promise<void>[] = [];
  for (let row = 1; row <= count; row++) {
    saved.push(rows.add(row));
    await nextTurn();
  }
  await Promise.all(saved);
}

describe('saving rows a burst at a time', () => {
  it('writes the rows asked for in one turn of the event loop in one write', async () => {
    const writes: number[][] = [];
    const rows = new GroupCommit<number>((batch) => writes.push(batch));
    await Promise.all([rows.add(1), rows.add(2), rows.add(3)]);
    await rows.add(4);
    expect(writes).toEqual([[1, 2, 3], [4]]);
  });

  it('writes rows that keep coming one per turn (a burst of answers) together, once a turn passes without one', async () => {
    const writes: number[][] = [];
    await addOnePerTurn(new GroupCommit<number>((batch) => writes.push(batch)), 5);
    expect(writes).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('writes a long burst in batches of at most MAX_ROWS, each as soon as it is full', async () => {
    const writes: number[][] = [];
    await addOnePerTurn(new GroupCommit<number>((batch) => writes.push(batch)), MAX_ROWS + 3);
    expect(writes.map((w) => w.length)).toEqual([MAX_ROWS, 3]);
  });

  it('tells every caller of a failed write that its row was not saved, and saves the next ones', async () => {
    let fail = true;
    const saved: number[] = [];
    const rows = new GroupCommit<number>((batch) => {
      if (fail) throw new Error('disk full');
      saved.push(...batch);
    });
    const outcomes = await Promise.allSettled([rows.add(1), rows.add(2)]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await rows.add(3);
    expect(saved).toEqual([3]);
  });

  it('writes what is waiting when flushed at once (before the database closes)', () => {
    const writes: number[][] = [];
    const rows = new GroupCommit<number>((batch) => writes.push(batch));
    void rows.add(7);
    rows.flush();
    expect(writes).toEqual([[7]]);
  });
});
