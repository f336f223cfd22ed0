/**
 * The real bot on a fake Discord, with the commands of `commands/` and a database in the
 * config's DATA_DIR, that a test stops and starts again as a restart would (same DATA_DIR, new
 * process state).
 */
import { commands } from '../../commands/index.ts';
import type { Config } from '../../src/config.ts';
import { startBot, type RunningBot } from '../../src/discord/bot.ts';
import { Engine, LiveEngine } from '../../src/engine/index.ts';
import { SqliteAnswerStore, type SqliteStoreOptions } from '../../src/storage/sqlite/sqlite-store.ts';
import type { FakeDiscord } from '../fake-discord/server.ts';

export class BotOnFake {
  private running?: { bot: RunningBot; store: SqliteAnswerStore };

  constructor(
    private readonly fake: FakeDiscord,
    private readonly config: Config,
    private readonly storeOptions: SqliteStoreOptions,
  ) {}

  get bot(): RunningBot {
    if (!this.running) throw new Error('the bot is not running');
    return this.running.bot;
  }

  get store(): SqliteAnswerStore {
    if (!this.running) throw new Error('the bot is not running');
    return this.running.store;
  }

  async start(): Promise<void> {
    const dir = this.config.CORPUS_DIR;
    const store = SqliteAnswerStore.open(this.config.DATA_DIR, this.storeOptions);
    const bot = await startBot(this.config, new LiveEngine(await Engine.fromDirectory(dir), dir), commands, store);
    this.running = { bot, store };
    await this.fake.waitForIdentify();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    const { bot, store } = this.running;
    this.running = undefined;
    await bot.stop();
    await store.close();
    // The next start comes sooner than Discord's 5 s identify window; not what these tests are about.
    this.fake.gateway.forgetIdentifies();
  }
}
