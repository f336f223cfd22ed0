import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeHeldDataDir, holdDataDir } from '../../src/storage/data-dir-hold.ts';

describe('one bot per DATA_DIR', () => {
  it('refuses a second hold while the first lasts, naming its holder, and allows one after it ends', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'odlomek-data-')), 'not-yet');
    const first = holdDataDir(dir, 'npm start');
    expect(first.held).toBe(true);
    const second = holdDataDir(dir, 'start:sharded');
    expect(second).toEqual({
      held: false,
      holder: { pid: process.pid, command: 'npm start', since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    });
    expect(describeHeldDataDir(dir, second.held ? undefined : second.holder)).toMatch(
      new RegExp(
        `^DATA_DIR ${dir} is in use by another odlomek \\(pid ${process.pid}, npm start since .*\\): two bots`,
      ),
    );
    if (first.held) first.release();
    const third = holdDataDir(dir, 'start:sharded');
    expect(third.held).toBe(true);
    if (third.held) third.release();
  });

  it('does not refuse a start where the folder cannot be made: the database then says why', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'odlomek-data-')), 'a-file');
    await writeFile(file, '');
    expect(holdDataDir(path.join(file, 'data'), 'npm start').held).toBe(true);
  });
});
