/**
 * `npm run bench:reload`: a reload of about 100 000 passages while the live engine answers, and a
 * bot's start with that corpus and a warm index cache against a bare discord.js bot's start.
 */
import { writeFile } from 'node:fs/promises';
import { describeCacheProblem, LiveEngine, loadEngine } from '../../src/engine/index.ts';
import { FakeDiscord } from '../../tests/fake-discord/server.ts';
import { percentile } from '../bench/measure.ts';
import { questionsFor } from '../bench-bot/questions.ts';
import { startBotProcess, type BotName } from '../bench-bot/processes.ts';
import { changedText, currentChange, largeCorpus, type LargeCorpus } from './corpus.ts';
import { measureWhile, type Window } from './stall.ts';

export interface BenchReloadOptions {
  passages: number;
  /** Starts of each bot, alternating; a start's time swings with the machine's load, so the median of several. */
  startRounds: number;
  log?: (line: string) => void;
}

export const FULL_RUN: BenchReloadOptions = { passages: 100_000, startRounds: 7 };
export const QUICK_RUN: BenchReloadOptions = { passages: 20_000, startRounds: 2 };

export interface BenchReloadReport {
  passages: number;
  /** Answering with nothing else going on, for comparison. */
  idle: Window;
  /** A reload of a changed corpus: indexed anew in a worker thread, assembled here in slices. */
  rebuild: Window;
  /** A reload of an unchanged corpus: read from the index cache in a worker, assembled here. */
  cached: Window;
  /** Spawn to "ready as", median over the rounds (ours with the warm index cache). */
  start: { oursMs: number; pongMs: number; ratio: number; rounds: { ours: number[]; pong: number[] } };
  targets: { description: string; value: number; limit: number; pass: boolean }[];
}

export async function runBenchReload(options: BenchReloadOptions): Promise<BenchReloadReport> {
  const log = options.log ?? (() => {});
  const corpus = await largeCorpus(options.passages, log);
  log('loading the corpus (the first run indexes it and saves the index: a minute or more)');
  const onCacheProblem = (p: Parameters<typeof describeCacheProblem>[0]) => log(describeCacheProblem(p));
  const engine = await loadEngine(corpus.dir, corpus.cacheDir, onCacheProblem, { worker: true });
  const live = new LiveEngine(engine, corpus.dir, { cacheDir: corpus.cacheDir, onCacheProblem });
  log(`${engine.info().passageCount} passages loaded`);
  const questions = await questionsFor('distinct');
  for (const question of questions.slice(0, 300)) live.engine.ask(question);

  log('answering for 3 s with nothing else going on');
  const idle = await measureWhile(live, questions, () => new Promise((resolve) => setTimeout(resolve, 3000)));
  log('reloading a changed corpus (indexed anew in a worker thread)');
  await writeFile(corpus.changing, changedText((await currentChange(corpus.changing)) + 1));
  const rebuild = await measureWhile(live, questions, () => live.reload());
  log('reloading the unchanged corpus (read from the index cache in a worker thread)');
  const cached = await measureWhile(live, questions, () => live.reload());
  const start = await measureStart(corpus, options.startRounds, log);

  const targets = [
    ...[
      ['rebuild', rebuild],
      ['cached', cached],
    ].map(([name, w]) => ({
      description: `reload (${name as string}): longest event-loop block, ms`,
      value: (w as Window).loopDelayMaxMs,
      limit: 50,
      pass: (w as Window).loopDelayMaxMs <= 50,
    })),
    {
      description: 'start to ready with a warm index: ours / bare pong bot',
      value: start.ratio,
      limit: 1.5,
      pass: start.ratio <= 1.5,
    },
  ];
  return { passages: engine.info().passageCount, idle, rebuild, cached, start, targets };
}

/** Spawn-to-ready of the bot (warm cache) and of the pong bot, alternating, each against a fresh fake. */
async function measureStart(
  corpus: LargeCorpus,
  rounds: number,
  log: (line: string) => void,
): Promise<BenchReloadReport['start']> {
  const times: Record<BotName, number[]> = { ours: [], pong: [] };
  for (let round = 0; round < rounds; round++) {
    const order: BotName[] = round % 2 === 0 ? ['pong', 'ours'] : ['ours', 'pong'];
    for (const name of order) {
      const fake = await FakeDiscord.start();
      try {
        const bot = await startBotProcess(name, {
          DISCORD_TOKEN: fake.token,
          DISCORD_API_URL: fake.apiBaseUrl,
          CORPUS_DIR: corpus.dir,
          INDEX_CACHE_DIR: corpus.cacheDir,
          LOG_LEVEL: 'info',
        });
        times[name].push(bot.readyMs);
        log(`start ${round + 1}/${rounds}, ${name}: ready ${Math.round(bot.readyMs)} ms after spawn`);
        await bot.stop();
      } finally {
        await fake.close();
      }
    }
  }
  const oursMs = percentile(times.ours, 50);
  const pongMs = percentile(times.pong, 50);
  return { oursMs, pongMs, ratio: oursMs / pongMs, rounds: times };
}
