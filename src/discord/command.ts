/**
 * The shape every slash command has: its definition (sent as-is by the deploy script) and its
 * handlers. Files in `commands/` export one object that `satisfies Command`.
 */
import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { LiveEngine } from '../engine/engine.ts';
import type { CorpusDiff } from '../engine/types.ts';
import type { SkippedFile } from '../engine/corpus/list-files.ts';
import type { Config } from '../config.ts';

/** What a reload changed, and which files in the corpus folder it did not read. */
export interface ReloadResult extends CorpusDiff {
  skipped: SkippedFile[];
}

export interface CommandContext {
  live: LiveEngine;
  config: Pick<Config, 'QA_CHANNEL_IDS'>;
  /** Rebuilds the index; 'busy' while another reload runs (two builds racing would swap twice). */
  reload(): Promise<ReloadResult | 'busy'>;
}

export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody & { name: string; description: string };
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
