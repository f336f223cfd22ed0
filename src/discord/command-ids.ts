/**
 * The ids Discord gave the registered slash commands, for clickable `</ask:id>` mentions in
 * `/help`. Read from Discord when the bot is ready (the registration is `npm run
 * deploy-commands`, possibly on another machine, so there is nothing local to read) and again,
 * at most once a minute, while none are known; without them `/help` names commands as plain
 * `/ask`.
 */
import { ApplicationCommandType, type Client } from 'discord.js';
import { log } from '../log.ts';

/** How long `/help` waits for a fetch before answering with plain names. */
const FETCH_WAIT_MS = 1500;
/** Fewest milliseconds between two fetches while no ids are known. */
const REFETCH_AFTER_MS = 60_000;

export class CommandIds {
  private ids = new Map<string, string>();
  private lastFetch = -Infinity;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly client: Client,
    /** DISCORD_GUILD_ID: commands deployed to one server are registered there, not globally. */
    private readonly guildId: string | undefined,
  ) {}

  /** The known ids by command name, fetching them first (briefly) when none are known yet. */
  async get(): Promise<ReadonlyMap<string, string>> {
    if (this.ids.size === 0 && Date.now() - this.lastFetch > REFETCH_AFTER_MS) {
      await Promise.race([this.refresh(), new Promise((resolve) => setTimeout(resolve, FETCH_WAIT_MS).unref())]);
    }
    return this.ids;
  }

  /**
   * The ids known now, without waiting for Discord: for an answer, which must not wait 1.5 s to
   * make "/help" clickable (they are read when the bot is ready, so they usually are known).
   */
  known(): ReadonlyMap<string, string> {
    return this.ids;
  }

  /** Reads the registered slash commands (global, then the server's, which win); never throws. */
  refresh(): Promise<void> {
    this.pending ??= this.fetch().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async fetch(): Promise<void> {
    this.lastFetch = Date.now();
    const application = this.client.application;
    if (!application) return;
    try {
      const found = new Map<string, string>();
      const lists = [await application.commands.fetch()];
      if (this.guildId) lists.push(await application.commands.fetch({ guildId: this.guildId }));
      for (const list of lists)
        for (const command of list.values())
          if (command.type === ApplicationCommandType.ChatInput) found.set(command.name, command.id);
      this.ids = found;
      // Read, not registered: registering is `npm run deploy-commands`.
      log.debug(`commands registered with Discord (read for /help's links): ${[...found.keys()].join(', ') || 'none'}`);
    } catch (error) {
      log.warn('could not read the registered commands; /help names them without links', error);
    }
  }
}
