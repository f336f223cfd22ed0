// A fresh clone has no shared folder beside it: the tests must read only what the repository holds.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO } from './helpers.ts';

const THIS_FILE = 'tests/fixtures.test.ts';

/** Every file below `dir`, relative to the repository, forward slashes. */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(REPO, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

describe('test fixtures', () => {
  it('no test reads the shared folder beside the repository', async () => {
    const sources = (await filesBelow(path.join(REPO, 'tests'))).filter((f) => f.endsWith('.ts') && f !== THIS_FILE);
    const offenders: string[] = [];
    for (const file of sources) {
      const text = await readFile(path.join(REPO, file), 'utf8');
      // The shared folder by path, or through the dev tools' paths module (which eval and bench use).
      if (/\.\.\/shared\b|\bSHARED_DIR\b|\b(DEV_SET|DISTRACTORS)\b[^;]*from '(\.\.\/)+tools\/paths\.ts'/.test(text))
        offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });

  it('names the source and licence of every vendored file', async () => {
    const readme = await readFile(path.join(FIXTURES, 'README.md'), 'utf8');
    const vendored = (await filesBelow(FIXTURES))
      .map((f) => f.slice('tests/fixtures/'.length))
      .filter((f) => f !== 'README.md');
    const licences = vendored.filter((f) => /LICENSE|SOURCE/.test(f));
    const data = vendored.filter((f) => !licences.includes(f));
    expect(data.filter((f) => !readme.includes(`\`${f}\``))).toEqual([]);
    expect(licences.filter((f) => !readme.includes(f))).toEqual([]);
  });
});
