/**
 * The bots of `npm run bench:bot` as child processes, started the same way: `node --import tsx`
 * with the network guard (nothing may leave 127.0.0.1) and the event-loop probe preloaded, the
 * same environment, pointed at a fake Discord through DISCORD_API_URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NETWORK_GUARD_PRELOAD } from '../../tests/fake-discord/network-guard.ts';
import { REPO_ROOT } from '../paths.ts';
import type { LoopDelayStats } from './probe.ts';

const PROBE = fileURLToPath(new URL('./probe.ts', import.meta.url));

/** The two bots compared: the real one (`src/main.ts`) and the bare pong bot. */
export const BOT_SCRIPTS = {
  ours: path.join(REPO_ROOT, 'src/main.ts'),
  pong: fileURLToPath(new URL('./pong-bot.ts', import.meta.url)),
} as const;

export type BotName = keyof typeof BOT_SCRIPTS;

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
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_BOT_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      '--import',
      NETWORK_GUARD_PRELOAD,
      '--import',
      PROBE,
      BOT_SCRIPTS[name],
    ],
    {
      cwd: REPO_ROOT,
      // REPLY_BUDGET_MS passes through, so budgets can be compared (`REPLY_BUDGET_MS=1200 npm run bench:bot`).
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        REPLY_BUDGET_MS: process.env.REPLY_BUDGET_MS ?? '',
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
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
