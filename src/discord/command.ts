/**
 * The shape every slash command has: its definition (sent as-is by the deploy script), its line
 * in `/help`, and its handlers. Files in `commands/` export one object that `satisfies Command`.
 */
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CorpusDiff, LiveEngine, SkippedFile } from '../engine/index.ts';
import type { Locale } from '../view/strings.ts';
import type { Config } from '../config.ts';
import type { Localized } from './strings.ts';
import type { ShardReport } from './sharding/protocol.ts';

/** What a reload changed, and which files in the corpus folder it did not read. */
export interface ReloadResult extends CorpusDiff {
  skipped: SkippedFile[];
  /**
   * With several shards: each process's part, this one's first (see `sharding/reload.ts`).
   * Absent when one process runs the whole bot.
   */
  shards?: ShardReport[];
}

/** What every handler of the bot works with, made once when the bot starts. */
export interface BotContext {
  live: LiveEngine;
  config: Pick<Config, 'QA_CHANNEL_IDS' | 'REPLY_BUDGET_MS'>;
  /** Every command, in the order `/help` lists them. */
  commands: readonly Command[];
  /**
   * Re-reads the corpus folder and swaps the live index when it loads cleanly; 'busy' while
   * another reload runs (two builds racing would swap twice). With several shards, then asks
   * every other shard to load the same version and reports each one.
   */
  reloadCorpus(): Promise<ReloadResult | 'busy'>;
}

/** What one command run or channel question works with: the bot's context and the language to answer in. */
export interface CommandContext extends BotContext {
  locale: Locale;
}

export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody & { name: string; description: string };
  /** Its line in `/help` after `/name`: the options and what it does. */
  help: Localized;
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): Promise<void>;
}

/** Lets one reload run at a time; callers arriving meanwhile are told it is busy. */
export function singleFlight<T>(run: () => Promise<T>): () => Promise<T | 'busy'> {
  let running = false;
  return async () => {
    if (running) return 'busy';
    running = true;
    try {
      return await run();
    } finally {
      running = false;
    }
  };
}
