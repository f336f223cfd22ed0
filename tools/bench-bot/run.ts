/**
 * `npm run bench:bot`: the real bot against a bare discord.js pong bot, side by side in one run,
 * each in its own process against its own fake Discord (in this process), under bursts of
 * simultaneous `/ask`. Rounds alternate between the bots so drift on a shared machine hits both.
 */
import { FakeDiscord } from '../../tests/fake-discord/server.ts';
import { percentile } from '../bench/measure.ts';
import { questionsFor, type QuestionMix } from './questions.ts';
import { runBurst, type BurstResult } from './burst.ts';
import { startBotProcess, type BotName, type BotProcess } from './processes.ts';
import type { LoopDelayStats } from './probe.ts';
import { processCpuMs } from './process-cpu.ts';

export interface BenchBotOptions {
  /** Burst sizes and question mixes, each run `rounds` times per bot. */
  bursts: { size: number; mix: QuestionMix; rounds: number }[];
  /** Interactions sent to each bot before measuring (compiles the hot paths). */
  warmup: number;
  log?: (line: string) => void;
}

export const FULL_RUN: BenchBotOptions = {
  bursts: [
    { size: 200, mix: 'repeated', rounds: 5 },
    { size: 200, mix: 'distinct', rounds: 5 },
    { size: 1000, mix: 'repeated', rounds: 2 },
    { size: 1000, mix: 'distinct', rounds: 2 },
  ],
  warmup: 300,
};
export const QUICK_RUN: BenchBotOptions = {
  bursts: [
    { size: 200, mix: 'repeated', rounds: 2 },
    { size: 200, mix: 'distinct', rounds: 2 },
  ],
  warmup: 100,
};

export interface BotBurst {
  bot: BotName;
  mix: QuestionMix;
  burst: BurstResult;
  loopDelay: LoopDelayStats;
  /** CPU the bot process used from the burst's dispatch until it settled, per interaction (ms; NaN without /proc). */
  cpuPerInteractionMs: number;
}

export interface BurstSummary {
  size: number;
  mix: QuestionMix;
  /** Median over the rounds of each bot's figures. */
  ours: BurstResult & { loopDelayMaxMs: number; loopDelayP99Ms: number; cpuPerInteractionMs: number };
  pong: BurstResult & { loopDelayMaxMs: number; loopDelayP99Ms: number; cpuPerInteractionMs: number };
  /** ours / pong of the answer p50. */
  p50Ratio: number;
}

export interface BenchBotReport {
  rounds: BotBurst[][];
  summaries: BurstSummary[];
  /** Milliseconds from spawn to ready, of each bot as started for this run. */
  readyMs: Record<BotName, number>;
  targets: { description: string; value: number; limit: number; pass: boolean }[];
}

/** The median of each numeric figure over the rounds. */
function medianOf(results: BotBurst[]): BurstSummary['ours'] {
  const pick = (f: (r: BotBurst) => number) => percentile(results.map(f), 50);
  return {
    size: results[0]!.burst.size,
    answerP50Ms: pick((r) => r.burst.answerP50Ms),
    answerP99Ms: pick((r) => r.burst.answerP99Ms),
    ackP50Ms: pick((r) => r.burst.ackP50Ms),
    ackP99Ms: pick((r) => r.burst.ackP99Ms),
    ackedInTime: Math.min(...results.map((r) => r.burst.ackedInTime)),
    direct: pick((r) => r.burst.direct),
    unanswered: Math.max(...results.map((r) => r.burst.unanswered)),
    spanMs: pick((r) => r.burst.spanMs),
    loopDelayMaxMs: Math.max(...results.map((r) => r.loopDelay.maxMs)),
    loopDelayP99Ms: pick((r) => r.loopDelay.p99Ms),
    cpuPerInteractionMs: pick((r) => r.cpuPerInteractionMs),
  };
}

export async function runBenchBot(options: BenchBotOptions): Promise<BenchBotReport> {
  const log = options.log ?? (() => {});
  const questions: Record<QuestionMix, string[]> = {
    repeated: await questionsFor('repeated'),
    distinct: await questionsFor('distinct'),
  };
  const fakes: Record<BotName, FakeDiscord> = { ours: await FakeDiscord.start(), pong: await FakeDiscord.start() };
  const bots: Partial<Record<BotName, BotProcess>> = {};
  try {
    for (const name of ['pong', 'ours'] as const) {
      log(`starting the ${name} bot`);
      bots[name] = await startBotProcess(name, {
        DISCORD_TOKEN: fakes[name].token,
        DISCORD_API_URL: fakes[name].apiBaseUrl,
        LOG_LEVEL: 'info',
      });
      await fakes[name].waitForIdentify();
    }
    for (const name of ['pong', 'ours'] as const) {
      log(`warming up the ${name} bot with ${options.warmup} questions`);
      // The repeated mix's questions are remembered from here on, as they would be in a running bot.
      for (let sent = 0; sent < options.warmup; sent += 50) await runBurst(fakes[name], 50, questions.repeated);
      await bots[name]!.loopDelay();
    }
    const rounds: BotBurst[][] = [];
    // The distinct mix never repeats a question, not even across rounds.
    let distinctAt = 0;
    for (const { size, mix, rounds: count } of options.bursts) {
      for (let round = 0; round < count; round++) {
        // Alternate which bot goes first, so a trend in the machine's load hits both alike.
        const order: BotName[] = round % 2 === 0 ? ['pong', 'ours'] : ['ours', 'pong'];
        const results: BotBurst[] = [];
        for (const name of order) {
          await new Promise((resolve) => setTimeout(resolve, 500));
          await bots[name]!.loopDelay(); // reset: the window is the burst
          const asked = mix === 'repeated' ? questions.repeated : rotate(questions.distinct, distinctAt);
          const cpuBefore = processCpuMs(bots[name]!.child.pid);
          const burst = await runBurst(fakes[name], size, asked);
          const cpuAfter = processCpuMs(bots[name]!.child.pid);
          const cpuPerInteractionMs =
            cpuBefore === undefined || cpuAfter === undefined ? Number.NaN : (cpuAfter - cpuBefore) / size;
          const loopDelay = await bots[name]!.loopDelay();
          log(
            `burst of ${size} (${mix}), round ${round + 1}/${count}, ${name}: answer p50 ${burst.answerP50Ms} ms, p99 ${burst.answerP99Ms} ms, ` +
              `acknowledged in 3 s ${(burst.ackedInTime * 100).toFixed(1)} %, direct ${(burst.direct * 100).toFixed(0)} %, loop delay max ${loopDelay.maxMs.toFixed(0)} ms, ` +
              `CPU ${cpuPerInteractionMs.toFixed(2)} ms per interaction`,
          );
          results.push({ bot: name, mix, burst, loopDelay, cpuPerInteractionMs });
        }
        if (mix === 'distinct') distinctAt += size;
        rounds.push(results);
      }
    }
    const summaries: BurstSummary[] = options.bursts.map(({ size, mix }) => {
      const of = (bot: BotName) =>
        medianOf(rounds.flat().filter((r) => r.bot === bot && r.mix === mix && r.burst.size === size));
      const ours = of('ours');
      const pong = of('pong');
      return { size, mix, ours, pong, p50Ratio: ours.answerP50Ms / pong.answerP50Ms };
    });
    for (const name of ['ours', 'pong'] as const) {
      const problems = fakes[name].validationErrors;
      if (problems.length) log(`${name}: the fake found invalid requests, e.g. ${problems[0]}`);
    }
    return {
      rounds,
      summaries,
      readyMs: { ours: bots.ours!.readyMs, pong: bots.pong!.readyMs },
      targets: targetsOf(summaries),
    };
  } finally {
    await Promise.all(Object.values(bots).map((b) => b.stop()));
    await Promise.all(Object.values(fakes).map((f) => f.close()));
  }
}

/** `questions` starting at `at` (cyclically), so consecutive bursts take questions not asked yet. */
function rotate(questions: string[], at: number): string[] {
  const start = at % questions.length;
  return [...questions.slice(start), ...questions.slice(0, start)];
}

/** The targets, for each mix: p50 within 1.3× pong at 200; every interaction acknowledged within 3 s at 1 000. */
function targetsOf(summaries: BurstSummary[]): BenchBotReport['targets'] {
  const targets: BenchBotReport['targets'] = [];
  for (const s of summaries) {
    if (s.size === 200)
      targets.push({
        description: `burst of 200 (${s.mix}): answer p50 ours / pong`,
        value: s.p50Ratio,
        limit: 1.3,
        pass: s.p50Ratio <= 1.3,
      });
    if (s.size === 1000)
      targets.push({
        description: `burst of 1000 (${s.mix}): share acknowledged within 3 s`,
        value: s.ours.ackedInTime,
        limit: 1,
        pass: s.ours.ackedInTime >= 1,
      });
  }
  return targets;
}
