/**
 * The bots of `npm run bench:bot` as child processes, each started as its users start it, with
 * plain `node` and no tsx: ours through `npm start`'s launcher (`launch/main.mjs`, which finds its
 * bundle current and imports it), the pong bot as one JavaScript file (`pong-bot.ts` bundled
 * beforehand by the same bundler). Both get the network guard (nothing may leave 127.0.0.1) and
 * the event-loop probe preloaded, compiled to JavaScript the same way, the same environment,
 * pointed at a fake Discord through DISCORD_API_URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BOT_BUNDLE, bundle } from '../../launch/bundle.mjs';
import { NETWORK_GUARD_PRELOAD } from '../../tests/fake-discord/network-guard.ts';
import { REPO_ROOT } from '../paths.ts';
import type { LoopDelayStats } from './probe.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The two bots compared: the real one (`npm start`) and the bare pong bot. */
export type BotName = 'ours' | 'pong';

/** What the bots are started with: JavaScript files for plain `node`. */
interface Scripts {
  bots: Record<BotName, string>;
  preloads: string[];
}

let prepared: Promise<Scripts> | undefined;

/**
 * Bundles the pong bot and the preloads, and brings our bot's bundle up to date, once per run:
 * a start after a change to our sources bundles first, which is not what is measured.
 */
export function prepareBots(): Promise<Scripts> {
  return (prepared ??= (async () => {
    const relative = (file: string) => path.relative(REPO_ROOT, path.join(HERE, file));
    const { dir } = await bundle({
      name: 'bench-bot',
      entries: {
        pong: relative('pong-bot.ts'),
        guard: path.relative(REPO_ROOT, NETWORK_GUARD_PRELOAD),
        probe: relative('probe.ts'),
      },
    });
    await bundle(BOT_BUNDLE);
    return {
      bots: { ours: path.join(REPO_ROOT, 'launch/main.mjs'), pong: path.join(dir, 'pong.mjs') },
      preloads: [path.join(dir, 'guard.mjs'), path.join(dir, 'probe.mjs')],
    };
  })());
}

export interface BotProcess {
  name: BotName;
  child: ChildProcess;
  /** Milliseconds from spawn to the bot's "ready as" log line. */
  readyMs: number;
  /** The last lines of its stderr, for a report when something failed. */
  tail(): string;
  /** Event-loop delay since the previous call (the first call covers the start). */
  loopDelay(): Promise<LoopDelayStats>;
  stop(): Promise<void>;
}

/** Keeps the last `max` characters of a stream, so a chatty bot cannot fill memory. */
function tailOf(stream: NodeJS.ReadableStream, max = 20_000): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-max);
  });
  return () => text;
}

/**
 * Starts `name` with `env` (DISCORD_TOKEN, DISCORD_API_URL, ...) and resolves once it logged
 * "ready as". Rejects with its stderr if it exits or is not ready within `timeoutMs`.
 */
export async function startBotProcess(
  name: BotName,
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<BotProcess> {
  const scripts = await prepareBots();
  // A database of its own, new for each start and removed when the bot stops: thousands of
  // benchmark answers and logged questions must not land in the operator's DATA_DIR (their
  // /stats), nor a database grown by earlier runs slow this one.
  const dataDir = await mkdtemp(path.join(tmpdir(), 'odlomek-bench-data-'));
  const removeData = () => rm(dataDir, { recursive: true, force: true });
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_BOT_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      ...scripts.preloads.flatMap((preload) => ['--import', pathToFileURL(preload).href]),
      scripts.bots[name],
    ],
    {
      cwd: REPO_ROOT,
      // REPLY_BUDGET_MS passes through, so budgets can be compared (`REPLY_BUDGET_MS=1200 npm run bench:bot`).
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        REPLY_BUDGET_MS: process.env.REPLY_BUDGET_MS ?? '',
        DATA_DIR: dataDir,
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    },
  );
  const tail = tailOf(child.stderr!);
  let readyAt = 0;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(`not ready within ${timeoutMs} ms`), timeoutMs);
    const onData = () => {
      if (!/ready as /.test(tail())) return;
      readyAt = performance.now();
      done();
      resolve();
    };
    const onExit = (code: number | null) => fail(`exited with ${code} before it was ready`);
    const done = () => {
      clearTimeout(timer);
      child.stderr!.off('data', onData);
      child.off('exit', onExit);
    };
    const fail = (why: string) => {
      done();
      child.kill('SIGKILL');
      void removeData();
      reject(new Error(`${name} bot ${why}:\n${tail()}`));
    };
    child.stderr!.on('data', onData);
    child.on('exit', onExit);
  });
  return {
    name,
    child,
    readyMs: readyAt - started,
    tail,
    loopDelay: async () => {
      const reply = new Promise<LoopDelayStats>((resolve) => {
        const onMessage = (message: { probe?: string; stats?: LoopDelayStats }) => {
          if (message?.probe !== 'loop-delay' || !message.stats) return;
          child.off('message', onMessage);
          resolve(message.stats);
        };
        child.on('message', onMessage);
      });
      child.send({ probe: 'loop-delay' });
      return reply;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await removeData();
    },
  };
}
