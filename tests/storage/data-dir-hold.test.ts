import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeHeldDataDir, holdDataDir } from '../../src/storage/data-dir-hold.ts';
import { REPO } from '../helpers.ts';

const TOKEN = 'MTIz.fake.token';

describe('one bot per DATA_DIR and token', () => {
  it('refuses a second hold while the first lasts, naming its holder, and allows one after it ends', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'odlomek-data-')), 'not-yet');
    const first = holdDataDir(dir, TOKEN, 'npm start');
    expect(first.held).toBe(true);
    const second = holdDataDir(dir, TOKEN, 'start:sharded');
    expect(second).toEqual({
      held: false,
      holder: { pid: process.pid, command: 'npm start', since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    });
    expect(describeHeldDataDir(dir, second.held ? undefined : second.holder)).toMatch(
      new RegExp(
        `^DATA_DIR ${dir} is in use by another odlomek with the same token \\(pid ${process.pid}, npm start since .*\\): two bots`,
      ),
    );
    // Another bot (staging beside production) may share the folder.
    const other = holdDataDir(dir, 'T3RoZXI.other.token', 'npm start');
    expect(other.held).toBe(true);
    for (const hold of [first, other]) if (hold.held) hold.release();
    const third = holdDataDir(dir, TOKEN, 'start:sharded');
    expect(third.held).toBe(true);
    if (third.held) third.release();
  });

  it('lasts as long as the process, whatever its caller keeps: a garbage collection does not end it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'odlomek-data-'));
    // A process that takes the hold, drops every reference to it, collects garbage twice, then waits.
    const script = `
      const { holdDataDir } = await import(${JSON.stringify(pathToFileURL(path.join(REPO, 'src/storage/data-dir-hold.ts')).href)});
      (() => { holdDataDir(${JSON.stringify(dir)}, ${JSON.stringify(TOKEN)}, 'npm start'); })();
      for (let i = 0; i < 2; i++) { globalThis.gc(); await new Promise((r) => setTimeout(r, 50)); }
      console.log('collected');
      setTimeout(() => {}, 5000);`;
    const script_file = path.join(dir, 'holder.mts');
    await writeFile(script_file, script);
    const child = execFile(process.execPath, ['--expose-gc', '--import', 'tsx', script_file], { cwd: REPO });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (d: Buffer) => d.toString().includes('collected') && resolve());
        child.on('exit', (code) => reject(new Error(`the holder exited (${code})`)));
      });
      expect(holdDataDir(dir, TOKEN, 'start:sharded').held).toBe(false);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('does not refuse a start where the folder cannot be made: the database then says why', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'odlomek-data-')), 'a-file');
    await writeFile(file, '');
    expect(holdDataDir(path.join(file, 'data'), TOKEN, 'npm start').held).toBe(true);
  });
});
