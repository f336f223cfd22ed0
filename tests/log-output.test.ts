import { execFile } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LineBatch, MAX_WAITING_CHARS, stderrBatch } from '../src/log-output.ts';
import { log, redact } from '../src/log.ts';
import { REPO } from './helpers.ts';

const SECRET = 'batched-secret-value-1234567890';

/** A batch whose scheduled flushes run only when the test says so. */
function manualBatch() {
  const writes: string[] = [];
  const scheduled: (() => void)[] = [];
  const batch = new LineBatch(
    (text) => writes.push(text),
    (flush) => scheduled.push(flush),
  );
  return { batch, writes, runScheduled: () => scheduled.splice(0).forEach((f) => f()) };
}

/** Runs `code` (an ES module importing the logger) in its own Node process; its stderr. */
function runNode(code: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', code],
      { cwd: REPO },
      (_e, _o, stderr) => resolve(stderr),
    );
  });
}

describe('LineBatch', () => {
  it('writes the lines of a burst together, in order, once the flush comes', () => {
    const { batch, writes, runScheduled } = manualBatch();
    batch.add('one');
    batch.add('two');
    batch.add('three');
    expect(writes).toEqual([]);
    runScheduled();
    expect(writes).toEqual(['one\ntwo\nthree\n']);
    runScheduled();
    expect(writes).toHaveLength(1);
  });

  it('writes at once when the waiting text grows past its limit', () => {
    const { batch, writes } = manualBatch();
    const long = 'x'.repeat(MAX_WAITING_CHARS / 2);
    batch.add(long);
    batch.add(long);
    batch.add('after');
    expect(writes).toEqual([`${long}\n${long}\n`]);
    batch.flush();
    expect(writes[1]).toBe('after\n');
  });
});

describe('the log on stderr', () => {
  afterEach(() => {
    stderrBatch.flush();
    vi.restoreAllMocks();
  });

  it('keeps info, warn and error lines in order, redacted, and writes an error at once', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
      written.push(String(text));
      return true;
    });
    redact(SECRET);
    log.info(`first ${SECRET}`);
    log.warn('second');
    expect(written).toEqual([]);
    log.error('third');
    expect(written).toHaveLength(1);
    const lines = written[0]!.trimEnd().split('\n');
    expect(lines.map((l) => l.replace(/^\S+ \S+ +/, ''))).toEqual(['first [redacted]', 'second', 'third']);
  });

  it('writes the waiting lines when the process exits or crashes', async () => {
    const logger = JSON.stringify(`${REPO}/src/log.ts`);
    const exited = await runNode(`import { log } from ${logger}; log.info('before exit'); process.exit(3);`);
    expect(exited).toContain('before exit');
    const crashed = await runNode(
      `import { log } from ${logger}; log.info('before crash'); log.warn('still before'); setImmediate(() => { throw new Error('boom'); });`,
    );
    expect(crashed).toMatch(/before crash[^]*still before[^]*Error: boom/);
  });
});
