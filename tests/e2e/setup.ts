/**
 * Shared set-up for the end-to-end tests: a copy of the shipped corpus the tests may change, and
 * the entry points run as child processes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NETWORK_GUARD_PRELOAD } from '../fake-discord/network-guard.ts';
import { bundle } from '../../launch/bundle.mjs';
import { CORPUS, REPO, corpusDir } from '../helpers.ts';

export const ARTICLE = 'putin-kim-2024-06.md';

/** A temp corpus folder with the shipped article and synonyms; returns its paths and the original text. */
export async function corpusCopy(): Promise<{ dir: string; article: string; text: string }> {
  const text = await readFile(path.join(CORPUS, ARTICLE), 'utf8');
  const dir = await corpusDir({
    [ARTICLE]: text,
    'synonyms.txt': await readFile(path.join(CORPUS, 'synonyms.txt'), 'utf8'),
  });
  return { dir, article: path.join(dir, ARTICLE), text };
}

/** What Discord shows for our Markdown: marks and escapes removed, ellipses of a cut dropped. */
export function shownText(markdown: string): string {
  return markdown
    .replace(/\*\*|__/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/^… | …$/g, '');
}

/** The quote of an answer embed: its first block, after the italic line that frames a middle or "not said" answer. */
export function quoteBlock(embed: Record<string, unknown>): string {
  const blocks = String(embed.description ?? '').split('\n\n');
  const quote = /^\*[^*]/.test(blocks[0] ?? '') ? blocks[1]! : blocks[0]!;
  // The line naming the other passages follows the quote directly.
  return quote.replace(/\n(Tudi|Also): [^\n]*$/, '');
}

/** The custom ids of the buttons in a message body, in order (link buttons have none). */
export function buttonIds(body: Record<string, unknown>): string[] {
  const rows = (body.components ?? []) as { components: { custom_id?: string }[] }[];
  return rows.flatMap((row) => row.components.flatMap((c) => (c.custom_id ? [c.custom_id] : [])));
}

const TSX = path.join(REPO, 'node_modules/.bin/tsx');

export interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** The lines a run logged at `level` (`WARN`, `ERROR` …), in order. */
export function logLinesAt(app: Run, level: 'INFO' | 'WARN' | 'ERROR'): string[] {
  return app
    .stderr()
    .split('\n')
    .filter((l) => l.includes(` ${level} `));
}

/**
 * `waiting`, but it fails as soon as the bot exits, and its error carries the bot's log: a start
 * that went wrong in a child process (as in CI) otherwise leaves only "no identify within …".
 */
export async function withLogOf<T>(app: Run, waiting: Promise<T>): Promise<T> {
  const exited = app.exit.then((code) => {
    throw new Error(`the bot exited (code ${code})`);
  });
  try {
    return await Promise.race([waiting, exited]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n--- the bot's log ---\n${app.stderr()}`, { cause: error });
  } finally {
    exited.catch(() => undefined);
  }
}

/**
 * The network guard preload as one JavaScript file (bundled as the launcher bundles the bot), for
 * the launcher (`launch/main.mjs`, `launch/sharded.mjs`) run with plain `node`, as `npm start` and
 * `npm run start:sharded` run it.
 */
export async function plainGuard(): Promise<string> {
  const { dir } = await bundle({ name: 'test-guard', entries: { guard: path.relative(REPO, NETWORK_GUARD_PRELOAD) } });
  return path.join(dir, 'guard.mjs');
}

/**
 * Every variable the app reads is set (empty means unset), so a developer's `.env` cannot leak
 * into the test: dotenv never overrides a variable that exists. Runs a TypeScript entry point
 * through the tsx command; `node: true` runs `node --import tsx` instead, so a signal reaches the
 * script itself (tsx's command kills a child that does not report a relayed signal within 30 ms,
 * which a busy machine can miss). `guard` (from `plainGuard`) runs plain `node` with that preload:
 * for the launcher, as `npm start` and `npm run start:sharded` run it. `cwd` (default the
 * repository) is where it runs; outside the repository give `script` as an absolute path, with `guard`.
 * `preloads` adds more (JavaScript) preloads after the guard; `group: true` makes the process
 * lead a process group of its own, so a test can signal it with its children as a terminal does.
 */
export function run(
  script: string,
  vars: Record<string, string>,
  stdin?: string | 'dev-null',
  {
    node = false,
    args = [],
    guard,
    cwd = REPO,
    preloads = [],
    group = false,
  }: { node?: boolean; args?: string[]; guard?: string; cwd?: string; preloads?: string[]; group?: boolean } = {},
): Run {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DISCORD_TOKEN: '',
    DISCORD_API_URL: 'http://127.0.0.1:9/api', // discard port: never the real Discord
    DISCORD_APPLICATION_ID: '',
    DISCORD_GUILD_ID: '',
    CORPUS_DIR: 'corpus',
    QA_CHANNEL_IDS: '',
    LOG_LEVEL: 'info',
    COOLDOWN_SECONDS: '',
    INDEX_CACHE_DIR: '',
    DISCORD_CONNECT_TIMEOUT_SECONDS: '',
    DISCORD_REST_TIMEOUT_SECONDS: '',
    REPLY_BUDGET_MS: '',
    SHARD_COUNT: '',
    SHARD_IDS: '',
    // A database of its own per run, never the repository's data/.
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'odlomek-data-')),
    ANSWER_TTL_DAYS: '',
    DATABASE_URL: '',
    HOST_NAME: '',
    ...vars,
  };
  // The preload refuses (and reports on stderr) any connection that is not to 127.0.0.1.
  const command = guard ? [process.execPath] : node ? [process.execPath, '--import', 'tsx'] : [TSX];
  const preload = guard ? pathToFileURL(guard).href : NETWORK_GUARD_PRELOAD;
  const imports = [preload, ...preloads.map((p) => pathToFileURL(p).href)].flatMap((p) => ['--import', p]);
  const child = spawn(command[0]!, [...command.slice(1), ...imports, script, ...args], {
    cwd,
    env,
    detached: group,
    // 'dev-null': standard input is /dev/null, as a service manager runs a process.
    stdio: [stdin === 'dev-null' ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  if (stdin !== undefined && stdin !== 'dev-null') child.stdin!.end(stdin);
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}
