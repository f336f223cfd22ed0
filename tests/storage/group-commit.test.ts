import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/storage/sqlite/group-commit.ts';

describe('saving rows a burst at a time', () => {
  it('writes the rows asked for in one turn of the event loop in one write', async () => {
    const writes: number[][] = [];
    const rows = new GroupCommit<number>((batch) => writes.push(batch));
    await Promise.all([rows.add(1), rows.add(2), rows.add(3)]);
    await rows.add(4);
    expect(writes).toEqual([[1, 2, 3], [4]]);
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
