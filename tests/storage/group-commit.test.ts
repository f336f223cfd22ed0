import { describe, expect, it } from 'vitest';
import { GroupCommit, MAX_ROWS, MAX_WAIT_MS } from '../../src/storage/sqlite/group-commit.ts';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A clock that stands still: tests of turns must not depend on how fast a loaded machine takes them (MAX_WAIT_MS). */
const stillClock = () => 0;

/**
 * Adds `count` rows, one per turn of the event loop, as answers taking turns in a burst do: the
 * next turn is queued before the row is added, as `Turns` queues the next answer before this one
 * runs. `extra` rows join in the turn of row `at`.
 */
async function addOnePerTurn(
  rows: GroupCommit<number>,
  count: number,
  { extraAt = -1, extra = 0, tick = () => {} } = {},
): Promise<void> {
  const saved: Promise<void>[] = [];
  for (let row = 1; row <= count; row++) {
    const turn = nextTurn();
    tick();
    saved.push(rows.add(row));
    if (row === extraAt) for (let i = 0; i < extra; i++) saved.push(rows.add(1000 + i));
    await turn;
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
    await addOnePerTurn(new GroupCommit<number>((batch) => writes.push(batch), stillClock), 5);
    expect(writes).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('writes a long burst in batches of at most MAX_ROWS, each as soon as it is full', async () => {
    const writes: number[][] = [];
    await addOnePerTurn(new GroupCommit<number>((batch) => writes.push(batch), stillClock), MAX_ROWS + 3);
    expect(writes.map((w) => w.length)).toEqual([MAX_ROWS, 3]);
  });

  it('writes a lone row at the next turn of the loop', async () => {
    const writes: number[][] = [];
    const rows = new GroupCommit<number>((batch) => writes.push(batch));
    void rows.add(1);
    await nextTurn();
    expect(writes).toEqual([[1]]);
  });

  it('keeps batching full after a batch was written mid-turn by a row from elsewhere', async () => {
    // Row 15's turn also brings two rows from elsewhere (a channel question): the batch fills and
    // is written at once, and the next batch must not be cut short by the look already scheduled.
    const writes: number[][] = [];
    await addOnePerTurn(new GroupCommit<number>((batch) => writes.push(batch), stillClock), 60, {
      extraAt: 15,
      extra: 2,
    });
    expect(writes.map((w) => w.length)).toEqual([MAX_ROWS, MAX_ROWS, MAX_ROWS, 62 - 3 * MAX_ROWS]);
  });

  it('writes a batch once MAX_WAIT_MS have passed since its first row, while rows keep coming', async () => {
    let clock = 0;
    const writes: number[][] = [];
    const rows = new GroupCommit<number>(
      (batch) => writes.push(batch),
      () => clock,
    );
    // Each turn takes a third of the wait: the batch is written at the first look past it.
    await addOnePerTurn(rows, 6, { tick: () => (clock += MAX_WAIT_MS / 3) });
    expect(writes.map((w) => w.length)).toEqual([4, 2]);
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
