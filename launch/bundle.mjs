/**
 * Our TypeScript as plain JavaScript for `npm start` and `npm run start:sharded`, without tsx at
 * run time: tsx added 0.4 s to every start and sent each of our two hundred modules through its
 * loader thread one message at a time. esbuild bundles the entry points (our code, and the
 * packages named in `packages`; the others stay imports of node_modules) into a cache folder, and
 * node imports the bundle.
 *
 * A bundle is reused while every file it was made from is byte for byte the same (checked by hash
 * at each start, a few milliseconds), so there is no build step to forget: a changed source is
 * bundled again at the next start. Files of packages are not hashed one by one: the lock file
 * stands for them (`npm ci` installs what it names), so a new version of a package bundles anew.
 * Two processes starting at once (the shards of one host) may both bundle; each writes to a folder
 * of its own and renames it into place, so neither reads a half-written bundle.
 *
 * Plain JavaScript on purpose: this file runs before anything could compile TypeScript.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  accessSync,
  constants,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository: this file's parent folder. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Files outside the bundle's inputs that change what esbuild makes of them (when they exist). */
const SETTINGS = ['tsconfig.json', 'package.json', 'package-lock.json'];

/** This file's own contents: a changed launcher bundles anew. */
const LAUNCHER = hashOf(readFileSync(fileURLToPath(import.meta.url)));

/** Bundles kept per name besides the newest: a running bot may still start a worker from its own. */
const KEPT_BUNDLES = 3;

/**
 * The bundle's own URL, for code that must find a file beside it (the index worker, see
 * `src/bundle-url.d.ts`). Each module's `import.meta.url` is its source file instead (see `sourceUrls`).
 */
const BANNER = 'const ODLOMEK_BUNDLE_URL = import.meta.url;';
/**
 * `require` for bundled CommonJS packages (esbuild's output calls it for Node's own modules and the
 * optional add-ons), resolving from the repository: a bundle kept in the temp folder must not look
 * for an add-on in a `node_modules` someone else put above it.
 */
const requireFrom = (root) =>
  `import { createRequire as odlomekCreateRequire } from 'node:module'; const require = odlomekCreateRequire(${JSON.stringify(pathToFileURL(path.join(root, 'package.json')).href)});`;

/**
 * @typedef {object} BundleOptions
 * @property {string} name  names the cache entry (one per set of entry points)
 * @property {Record<string, string>} entries  output name (without `.mjs`) → source path, relative to `root`
 * @property {string} [root]  the repository (default: this one)
 * @property {string} [cacheDir]  where bundles are kept (default `node_modules/.cache/odlomek` in `root`,
 *   or a private folder in the temp folder when this user cannot write that: see `privateCacheDir`)
 * @property {string[]} [packages]  packages bundled in, with all they import but Node's own modules
 *   and optional native add-ons (see `OPTIONAL_ADDONS`); other packages stay imports of node_modules
 */

/**
 * The folder holding `<entry>.mjs` for every entry, bundled now when the sources changed since
 * the last bundle (or there is none). `note`, when set, is one line for the person starting it:
 * the default cache cannot be written by this user, and where the bundle is kept instead.
 * @param {BundleOptions} options
 * @returns {Promise<{ dir: string, built: boolean, note?: string }>}
 */
export async function bundle({ name, entries, root = REPO_ROOT, cacheDir, packages = [] }) {
  const cache = cacheDir ?? path.join(root, 'node_modules', '.cache', 'odlomek');
  let home = path.join(cache, name);
  // A current bundle is used where it is, also when this user cannot write there (a checkout
  // owned by another user, run by a service user): reading it is all a start needs.
  const current = readCurrent(home, root, entries, packages);
  if (current) return { dir: current, built: false };
  let note;
  if (!cacheDir && !writable(home)) {
    const fallback = privateCacheDir(root);
    home = path.join(fallback, name);
    note = `odlomek: ${cache} cannot be written by this user, so the bundle is kept in ${fallback} (let the bot's user write node_modules/.cache to keep it with the checkout)`;
    const there = readCurrent(home, root, entries, packages);
    if (there) return { dir: there, built: false, note };
  }
  mkdirSync(home, { recursive: true });
  const { dir, manifest } = await build(home, root, entries, packages);
  // The manifest names the newest bundle; replaced whole, so a reader sees the old one or the new.
  const temp = path.join(home, `manifest.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(temp, JSON.stringify(manifest));
  renameSync(temp, path.join(home, 'manifest.json'));
  prune(home, path.basename(dir));
  return { dir, built: true, ...(note ? { note } : {}) };
}

/** Whether this process can make `dir` (if need be) and write in it. */
function writable(dir) {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The bundle cache when `node_modules/.cache` cannot be written: a folder in the temp folder that
 * only this user may write (one named for it that someone else made, or anyone may write, is
 * refused: its bundle is code the bot would run). The bundle imports packages by name, which Node
 * looks up in `node_modules` folders above the importing file: a link there to the repository's
 * `node_modules` finds them.
 */
function privateCacheDir(root) {
  const uid = process.getuid?.();
  const dir = path.join(tmpdir(), `odlomek-bundles-${uid ?? 'user'}-${hashOf(root).slice(0, 12)}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = lstatSync(dir);
  if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (stat.mode & 0o022) !== 0)
    throw new Error(
      `odlomek: ${path.join(root, 'node_modules', '.cache')} cannot be written by this user, and ${dir} is not a folder only this user may write: let the bot's user write node_modules/.cache`,
    );
  const link = path.join(dir, 'node_modules');
  const target = path.join(root, 'node_modules');
  let linked;
  try {
    linked = readlinkSync(link);
  } catch {
    linked = undefined;
  }
  if (linked !== target) {
    rmSync(link, { recursive: true, force: true });
    try {
      symlinkSync(target, link, 'junction');
    } catch (error) {
      // Another process starting at once made the same link first.
      if (error.code !== 'EEXIST' || readlinkSync(link) !== target) throw error;
    }
  }
  return dir;
}

/** The newest bundle's folder when it was made from exactly these entries and these file contents. */
function readCurrent(home, root, entries, packages) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(home, 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
  if (
    manifest.launcher !== LAUNCHER ||
    JSON.stringify(manifest.entries) !== JSON.stringify(entries) ||
    JSON.stringify(manifest.packages ?? []) !== JSON.stringify(packages)
  )
    return undefined;
  for (const [file, hash] of Object.entries(manifest.inputs)) if (fileHash(root, file) !== hash) return undefined;
  const dir = path.join(home, manifest.bundle);
  for (const entry of Object.keys(entries)) {
    try {
      statSync(path.join(dir, `${entry}.mjs`));
    } catch {
      return undefined;
    }
  }
  return dir;
}

function hashOf(contents) {
  return createHash('sha256').update(contents).digest('hex');
}

/** The hash of a file under `root`, or `absent`. */
function fileHash(root, file) {
  try {
    return hashOf(readFileSync(path.join(root, file)));
  } catch {
    return 'absent';
  }
}

/** Bundles into a fresh folder, then renames it to the hash of its inputs. */
async function build(home, root, entries, packages) {
  // Imported only when a bundle is made: a start with a current bundle does not load esbuild.
  const esbuild = await import('esbuild');
  const staging = path.join(home, `staging.${process.pid}.${randomBytes(4).toString('hex')}`);
  // The hash of each source as esbuild read it: a file saved again meanwhile then makes the next start bundle anew.
  const read = new Map();
  let result;
  try {
    result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: Object.entries(entries).map(([out, source]) => ({ in: source, out })),
      outdir: staging,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Packages are imported from node_modules as they are, except those named in `packages`.
      packages: 'external',
      // Dynamic imports stay dynamic (shared code goes to chunks): what the code loads only when
      // needed (discord.js while the corpus is read, the PostgreSQL client) is not loaded up front.
      splitting: true,
      // A bundled CommonJS package requires Node's own modules: the bundle's `require` loads them.
      banner: { js: packages.length > 0 ? `${BANNER}\n${requireFrom(root)}` : BANNER },
      sourcemap: 'linked',
      metafile: true,
      logLevel: 'silent',
      plugins: [bundledPackages(packages), bundledZod(root, read), sourceUrls(root, read)],
    });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`could not bundle ${Object.values(entries).join(', ')}:\n${describeBuildError(error)}`, {
      cause: error,
    });
  }
  // The lock file (among SETTINGS) stands for the packages' files: hashing hundreds of them at
  // every start would cost much of what bundling them saves.
  const ours = Object.keys(result.metafile.inputs).filter((file) => !file.split('/').includes('node_modules'));
  const files = [...new Set([...ours, ...SETTINGS])].sort();
  const inputs = {};
  for (const file of files) inputs[file] = read.get(file) ?? fileHash(root, file);
  const identity = { entries, packages, inputs, launcher: LAUNCHER, esbuild: esbuild.version };
  const id = hashOf(JSON.stringify(identity)).slice(0, 16);
  const dir = path.join(home, id);
  try {
    renameSync(staging, dir);
  } catch (error) {
    // Another process made the same bundle first: its folder holds the same files.
    rmSync(staging, { recursive: true, force: true });
    if (!['ENOTEMPTY', 'EEXIST', 'EPERM'].includes(error.code)) throw error;
  }
  return { dir, manifest: { entries, packages, inputs, launcher: LAUNCHER, bundle: id } };
}

/**
 * Gives every module its own `import.meta.url` (its source file), as under tsx: the code finds
 * the lexicon, the repository and packages relative to its own file, and a bundle would make
 * them all the bundle's folder.
 */
function sourceUrls(root, read) {
  return {
    name: 'odlomek-source-urls',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (!args.path.startsWith(root) || args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = readFileSync(args.path, 'utf8');
        read.set(path.relative(root, args.path).split(path.sep).join('/'), hashOf(source));
        const url = JSON.stringify(pathToFileURL(args.path).href);
        return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
      });
    },
  };
}

/**
 * zod goes into the bundle, as its ES module build: the one package the bot needs before anything
 * else (its configuration is checked first), and loading its CommonJS build file by file took
 * about 80 ms of a start, bundled about 40. Under tsx (tests, the CLI) `src/engine/util/zod.ts`
 * still requires the CommonJS build (see there); in the bundle it re-exports the bundled one.
 * The lock file is among the bundle's inputs, so a new zod makes a new bundle.
 */
function bundledZod(root, read) {
  const shim = path.join(root, 'src', 'engine', 'util', 'zod.ts');
  const entry = fileURLToPath(import.meta.resolve('zod'));
  return {
    name: 'odlomek-bundled-zod',
    setup(build) {
      build.onResolve({ filter: /^zod$/ }, (args) => (args.importer === shim ? { path: entry } : undefined));
      build.onLoad({ filter: /[\\/]src[\\/]engine[\\/]util[\\/]zod\.ts$/ }, (args) => {
        if (args.path !== shim) return undefined;
        read.set(path.relative(root, shim).split(path.sep).join('/'), hashOf(readFileSync(shim, 'utf8')));
        return { contents: "export { z as zod } from 'zod';", loader: 'ts', resolveDir: path.dirname(shim) };
      });
    },
  };
}

/** Add-ons a bundled package loads only if they are installed (in a try), which are native code: left to `require` at run time. */
const OPTIONAL_ADDONS = new Set(['zlib-sync', 'bufferutil', 'utf-8-validate', 'erlpack', '@discordjs/voice']);

/**
 * Bundles `packages` with everything they import, rather than leaving them to node_modules:
 * discord.js and its dependencies are some 600 CommonJS files, and loading them one by one took
 * about 0.4 s of each start (bundled, about half that). Node's own modules and the optional
 * add-ons stay imports.
 */
function bundledPackages(packages) {
  const wanted = new Set(packages);
  return {
    name: 'odlomek-bundled-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        // Our code's import of a named package, or any import made inside a package being bundled
        // (only named packages and zod get into the bundle, so that is one of theirs).
        const insidePackage = args.importer.split(path.sep).includes('node_modules');
        if (!wanted.has(args.path) && !(wanted.size > 0 && insidePackage)) return undefined;
        if (isBuiltin(args.path) || OPTIONAL_ADDONS.has(args.path)) return { path: args.path, external: true };
        // Resolved as Node would require it from the importing file (a package's CommonJS build).
        return { path: createRequire(args.importer).resolve(args.path) };
      });
    },
  };
}

function describeBuildError(error) {
  const errors = error?.errors ?? [];
  if (errors.length === 0) return String(error?.message ?? error);
  return errors
    .map((e) => (e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ${e.text}` : e.text))
    .join('\n');
}

/** Deletes all but the newest bundles (and staging folders a killed process left, once they are an hour old). */
function prune(home, keep) {
  const now = Date.now();
  const bundles = [];
  for (const entry of readdirSync(home, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === keep) continue;
    const full = path.join(home, entry.name);
    const mtime = statSync(full, { throwIfNoEntry: false })?.mtimeMs ?? now;
    if (entry.name.startsWith('staging.')) {
      if (now - mtime > 3_600_000) rmSync(full, { recursive: true, force: true });
    } else bundles.push({ full, mtime });
  }
  bundles.sort((a, b) => b.mtime - a.mtime);
  for (const { full } of bundles.slice(KEPT_BUNDLES)) rmSync(full, { recursive: true, force: true });
}

/** The bot's entry points, bundled together: the bot, the shard manager and the index worker. */
export const BOT_ENTRIES = {
  main: 'src/main.ts',
  sharded: 'src/sharded.ts',
  worker: 'src/engine/transfer/worker.ts',
};

/** The bot's bundle: its entries, with discord.js bundled in (see `bundledPackages`). */
export const BOT_BUNDLE = { name: 'bot', entries: BOT_ENTRIES, packages: ['discord.js'] };

/** Runs one of `BOT_ENTRIES` from the current bundle. */
export async function runBundled(entry) {
  let dir;
  try {
    let note;
    ({ dir, note } = await bundle(BOT_BUNDLE));
    if (note) console.error(note);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  await import(pathToFileURL(path.join(dir, `${entry}.mjs`)).href);
}
