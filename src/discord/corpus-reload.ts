/**
 * `/reload` behind the commands: re-read the corpus folder beside the live index, swap (or, for a
 * dry run, not), and score the corpus's check questions on the index before and after. One at a
 * time: a dry run and a reload racing would build twice for nothing.
 */
import {
  compareCheckQuestions,
  listCorpusFiles,
  loadCheckQuestions,
  type CorpusDiff,
  type Engine,
  type LiveEngine,
} from '../engine/index.ts';
import type { BotContext, ReloadResult } from './command.ts';

export function corpusReloads(live: LiveEngine): Pick<BotContext, 'reloadCorpus' | 'previewCorpus'> {
  let running = false;
  const run = async (dryRun: boolean): Promise<ReloadResult | 'busy'> => {
    if (running) return 'busy';
    running = true;
    try {
      const before = live.engine;
      let after: Engine;
      let diff: CorpusDiff;
      if (dryRun) ({ engine: after, diff } = await live.preview());
      else {
        diff = await live.reload();
        after = live.engine;
      }
      const [listing, checks] = await Promise.all([listCorpusFiles(live.dir), loadCheckQuestions(live.dir)]);
      const scored = checks.questions.length > 0 || checks.problems.length > 0;
      return {
        ...diff,
        skipped: listing.skipped,
        notes: [...after.notes],
        ...(scored
          ? {
              checks: {
                comparison: await compareCheckQuestions(before, after, checks.questions, undefined, diff.moved),
                problems: checks.problems,
              },
            }
          : {}),
      };
    } finally {
      running = false;
    }
  };
  return { reloadCorpus: () => run(false), previewCorpus: () => run(true) };
}
