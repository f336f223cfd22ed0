/**
 * The launcher's bundler (launch/bundle.mjs), which `npm start` and `npm run start:sharded` run
 * through: a bundle is reused while its sources are unchanged, made anew when one changed, safe
 * when several processes start at once, and each module keeps its own `import.meta.url`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundle } from '../../launch/bundle.mjs';

/**
 * As root, the service-user test runs as nobody, who must be able to read the checkout's launcher:
 * a clone inside a folder only root may enter (mktemp -d) cannot be, and the test says so.
 */
const REPO_FOR_NOBODY = path.resolve('launch/bundle.mjs');
const nobodyCannotRead =
  process.getuid?.() === 0 &&
  spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(REPO_FOR_NOBODY)})`], {
    uid: 65534,
    gid: 65534,
  }).status !== 0;

/** A tiny project: an entry that prints what its import says and where each module is. */
async function project(): Promise<{ root: string; cacheDir: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'odlomek-launch-'));
  await writeFile(
    path.join(root, 'entry.ts'),
    [
      "import { word, whereAmI } from './lib/word.ts';",
      'const here: string = import.meta.url;',
      'console.log(JSON.stringify({ word, entry: here, lib: whereAmI }));',
      '',
    ].join('\n'),
  );
  await writeFile(path.join(root, 'tsconfig.json'), '{}');
  await mkdir(path.join(root, 'lib'));
  await writeWord(root, 'prva');
  return { root, cacheDir: path.join(root, 'cache') };
}

const writeWord = (root: string, word: string) =>
  writeFile(
    path.join(root, 'lib', 'word.ts'),
    `export const word: string = ${JSON.stringify(word)};\nexport const whereAmI = import.meta.url;\n`,
  );

/** Runs the bundled entry with plain node and returns what it printed. */
function runEntry(dir: string): { word: string; entry: string; lib: string } {
  return JSON.parse(execFileSync(process.execPath, [path.join(dir, 'entry.mjs')], { encoding: 'utf8' })) as {
    word: string;
    entry: string;
    lib: string;
  };
}

describe('the launcher bundle', () => {
  it('is made once, reused while the sources are unchanged, and made anew when one changes', async () => {
    const { root, cacheDir } = await project();
    const options = { name: 'test', entries: { entry: 'entry.ts' }, root, cacheDir };
    const first = await bundle(options);
    expect(first.built).toBe(true);
    const printed = runEntry(first.dir);
    expect(printed.word).toBe('prva');
    // Each module's import.meta.url is its own source file, as under tsx, not the bundle's.
    expect(printed.entry).toBe(pathToFileURL(path.join(root, 'entry.ts')).href);
    expect(printed.lib).toBe(pathToFileURL(path.join(root, 'lib', 'word.ts')).href);

    expect(await bundle(options)).toEqual({ dir: first.dir, built: false });

    await writeWord(root, 'druga');
    const second = await bundle(options);
    expect(second.built).toBe(true);
    expect(second.dir).not.toBe(first.dir);
    expect(runEntry(second.dir).word).toBe('druga');
    expect(await bundle(options)).toEqual({ dir: second.dir, built: false });

    // A changed setting (tsconfig.json) bundles anew too.
    await writeFile(path.join(root, 'tsconfig.json'), '{ "compilerOptions": {} }');
    expect((await bundle(options)).built).toBe(true);
  });

  it('gives processes that start at once the same complete bundle', async () => {
    const { root, cacheDir } = await project();
    const options = { name: 'test', entries: { entry: 'entry.ts' }, root, cacheDir };
    const results = await Promise.all([bundle(options), bundle(options), bundle(options)]);
    expect(new Set(results.map((r) => r.dir)).size).toBe(1);
    expect(runEntry(results[0]!.dir).word).toBe('prva');
    // No staging folder is left behind.
    expect((await readdir(path.join(cacheDir, 'test'))).filter((f) => f.startsWith('staging.'))).toEqual([]);
    expect((await bundle(options)).built).toBe(false);
  });

  it('bundles the packages it is told to, with what they require, so they load without node_modules', async () => {
    const { root, cacheDir } = await project();
    // A CommonJS package that requires another package, one of Node's modules, and an optional add-on.
    const pkg = (name: string, main: string) =>
      mkdir(path.join(root, 'node_modules', name), { recursive: true }).then(() =>
        Promise.all([
          writeFile(path.join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, main: 'index.js' })),
          writeFile(path.join(root, 'node_modules', name, 'index.js'), main),
        ]),
      );
    await pkg('inner', "exports.greeting = 'živjo';\n");
    await pkg(
      'outer',
      [
        "const { greeting } = require('inner');",
        "const { join } = require('node:path');",
        "let addon = 'none'; try { require('bufferutil'); addon = 'found'; } catch {}",
        "exports.said = `${greeting} ${join('a', 'b')} ${addon}`;",
        '',
      ].join('\n'),
    );
    await writeFile(path.join(root, 'uses.ts'), "import { said } from 'outer';\nconsole.log(said);\n");
    const options = { name: 'pkgs', entries: { uses: 'uses.ts' }, root, cacheDir };
    const plain = await bundle(options);
    const packed = await bundle({ ...options, packages: ['outer'] });
    expect(packed.dir).not.toBe(plain.dir);
    const run = (dir: string) =>
      execFileSync(process.execPath, [path.join(dir, 'uses.mjs')], { encoding: 'utf8', stdio: 'pipe' });
    expect(run(packed.dir)).toBe('živjo a/b none\n');
    // Without node_modules the bundled one still runs; the one that imports the package does not.
    await rm(path.join(root, 'node_modules'), { recursive: true });
    expect(run(packed.dir)).toBe('živjo a/b none\n');
    expect(() => run(plain.dir)).toThrow(/Cannot find package 'outer'/);
  });

  it('says where a source does not compile, and keeps no bundle of it', async () => {
    const { root, cacheDir } = await project();
    await writeFile(path.join(root, 'lib', 'word.ts'), 'export const word = ;\n');
    await expect(bundle({ name: 'test', entries: { entry: 'entry.ts' }, root, cacheDir })).rejects.toThrow(
      /lib\/word\.ts:1:\d+: /,
    );
  });

  it.skipIf(nobodyCannotRead)(
    nobodyCannotRead
      ? `skipped: as root this test runs the service as the user nobody, who cannot read this checkout (${REPO_FOR_NOBODY} sits in a folder only root may enter)`
      : 'keeps the bundle in a private temp folder when this user cannot write node_modules/.cache, and it still finds the packages',
    async () => {
      const { root } = await project();
      // A package the bundle imports from node_modules (not bundled in), as the bot imports better-sqlite3.
      await mkdir(path.join(root, 'node_modules', 'outer'), { recursive: true });
      await writeFile(path.join(root, 'node_modules', 'outer', 'package.json'), JSON.stringify({ name: 'outer' }));
      const writeUses = (word: string) =>
        writeFile(
          path.join(root, 'uses.ts'),
          `import { said } from 'outer';\nconsole.log(said, ${JSON.stringify(word)});\n`,
        );
      await writeFile(path.join(root, 'node_modules', 'outer', 'index.js'), "exports.said = 'živjo';\n");
      await writeUses('prva');
      const options = { name: 'svc', entries: { uses: 'uses.ts' }, root };
      // The owner of the checkout starts it first: the bundle is made in node_modules/.cache.
      const owners = await bundle(options);
      expect(owners).toMatchObject({ built: true });
      expect(owners.note).toBeUndefined();
      expect(owners.dir.startsWith(path.join(root, 'node_modules', '.cache', 'odlomek'))).toBe(true);

      // A service user who may read the checkout but not write it: as root, the user nobody; else a
      // read-only cache folder. Its temp folder is like /tmp: anyone may write there.
      const asRoot = process.getuid?.() === 0;
      const temp = await mkdtemp(path.join(tmpdir(), 'odlomek-service-tmp-'));
      await chmod(temp, 0o1777);
      for (const dir of [root, path.join(root, 'node_modules'), path.join(root, 'node_modules', 'outer')])
        await chmod(dir, 0o755);
      const cache = path.join(root, 'node_modules', '.cache');
      const readOnly = async (mode: number) => {
        if (asRoot) return;
        for (const dir of [cache, path.join(cache, 'odlomek'), path.join(cache, 'odlomek', 'svc')])
          await chmod(dir, mode);
      };
      const bundler = pathToFileURL(path.resolve('launch/bundle.mjs')).href;
      /** Bundles (or finds the bundle) as the service user, then runs it: what `npm start` does. */
      const asService = () => {
        const script = [
          `import { bundle } from ${JSON.stringify(bundler)};`,
          "import path from 'node:path';",
          "import { pathToFileURL } from 'node:url';",
          `const made = await bundle(${JSON.stringify(options)});`,
          'if (made.note) console.error(made.note);',
          "await import(pathToFileURL(path.join(made.dir, 'uses.mjs')).href);",
        ].join('\n');
        const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
          cwd: '/',
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '', TMPDIR: temp },
          ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
        });
        return { stdout: result.stdout, stderr: result.stderr, status: result.status };
      };
      await readOnly(0o555);
      try {
        // The owner's bundle is current: read from where it is, although the service cannot write there.
        expect(asService()).toEqual({ stdout: 'živjo prva\n', stderr: '', status: 0 });

        // A source changed: the service bundles anew, into its own temp folder, and the bundle finds `outer`.
        await writeUses('druga');
        const note = new RegExp(
          `^odlomek: ${cache.replace(/[.]/g, '\\.')}/odlomek cannot be written by this user, so the bundle is kept in ${temp}/odlomek-bundles-\\S+ \\(let the bot's user write node_modules/\\.cache to keep it with the checkout\\)\\n$`,
        );
        const again = asService();
        expect(again).toMatchObject({ stdout: 'živjo druga\n', status: 0 });
        expect(again.stderr).toMatch(note);
        // And reuses that bundle at the next start, saying where it is.
        const third = asService();
        expect(third).toMatchObject({ stdout: 'živjo druga\n', status: 0 });
        expect(third.stderr).toMatch(note);
      } finally {
        await readOnly(0o755);
      }
    },
  );
});
