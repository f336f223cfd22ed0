/**
 * The shape every command has: its definition (sent as-is by the deploy script), its line in
 * `/help`, and its handlers. Files in `commands/` export one object that `satisfies Command`:
 * a slash command, or a message command (the context menu on a message).
 */
import type {
  ApplicationCommandType,
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type {
  CheckComparison,
  CheckQuestions,
  CorpusDiff,
  CorpusNote,
  LiveEngine,
  SkippedFile,
} from '../engine/index.ts';
import type { Locale } from '../view/strings.ts';
import type { Config } from '../config.ts';
import type { Store } from '../storage/store.ts';
import type { Localized } from './strings.ts';
import type { ServerSettings } from './server-settings.ts';
import type { QuestionLog } from './question-log.ts';
import type { ShardReport } from './sharding/protocol.ts';

/**
 * What a reload changed (or, for a dry run, would change), which files in the corpus folder it
 * did not read, what in the new corpus a moderator should look at, and the corpus's check
 * questions scored on the old and the new index.
 */
export interface ReloadResult extends CorpusDiff {
  skipped: SkippedFile[];
  /** The new corpus's notes (see `CorpusNote`); absent in a report from a shard of an older version. */
  notes?: CorpusNote[];
  /** Absent when the corpus folder has no check questions. */
  checks?: CheckReport;
  /**
   * With several shards: each process's part, this one's first (see `sharding/reload.ts`).
   * Absent when one process runs the whole bot.
   */
  shards?: ShardReport[];
}

/** The check questions of a reload: the scores old → new, and the lines that could not be read. */
export interface CheckReport {
  comparison: CheckComparison;
  problems: CheckQuestions['problems'];
}

/** What every handler of the bot works with, made once when the bot starts. */
export interface BotContext {
  live: LiveEngine;
  config: Pick<Config, 'QA_CHANNEL_IDS' | 'ANSWER_TTL_DAYS' | 'REPLY_BUDGET_MS'>;
  /** Every command, in the order `/help` lists them. */
  commands: readonly Command[];
  /** Answer state for the buttons, votes, and each server's question log and settings. */
  store: Store;
  /** The moderators' question log, written in batches after the answers (`question-log.ts`). */
  questionLog: QuestionLog;
  /** Each server's settings in force: its own, else the environment's. */
  settings: ServerSettings;
  /** Registered slash command ids by name (for clickable `</name:id>` mentions); empty when unknown. */
  commandIds(): Promise<ReadonlyMap<string, string>>;
  /** The ids known now, without a fetch (empty until read): for answers, which do not wait for them. */
  knownCommandIds(): ReadonlyMap<string, string>;
  /**
   * Re-reads the corpus folder and swaps the live index when it loads cleanly; 'busy' while
   * another reload runs (two builds racing would swap twice). With several shards, then asks
   * every other shard to load the same version and reports each one.
   */
  reloadCorpus(): Promise<ReloadResult | 'busy'>;
  /** A dry run: builds the corpus folder beside the live index and reports as a reload does, without swapping. */
  previewCorpus(): Promise<ReloadResult | 'busy'>;
}

/** What one command run or channel question works with: the bot's context and the language to answer in. */
export interface CommandContext extends BotContext {
  locale: Locale;
}

export interface SlashCommand {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody & { name: string; description: string; type?: undefined };
  /** Its line in `/help` after `/name`: the options and what it does. */
  help: Localized;
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): Promise<void>;
  /**
   * Presses on buttons the command put in its own replies (a confirmation); returns false for a
   * button that is not the command's. Their `custom_id`s must not start with `o` and a digit
   * (the answers' buttons).
   */
  button?(interaction: ButtonInteraction, context: CommandContext): Promise<boolean>;
}

export interface MessageCommand {
  data: RESTPostAPIContextMenuApplicationCommandsJSONBody & { name: string; type: ApplicationCommandType.Message };
  /** Its line in `/help`: where to find it and what it does. */
  help: Localized;
  execute(interaction: MessageContextMenuCommandInteraction, context: CommandContext): Promise<void>;
}

export type Command = SlashCommand | MessageCommand;

/** Whether `command` is a message (context menu) command. */
export function isMessageCommand(command: Command): command is MessageCommand {
  return command.data.type === 3;
}
