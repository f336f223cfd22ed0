/**
 * Each server's settings as the bot uses them: what its moderators stored with `/settings`, and
 * the environment's values for everything they did not change. Read on every channel message,
 * so they are kept in memory for a minute (another host sharing the database sees a change
 * within that minute; this one at once). While the database cannot be read, the last settings
 * read (or the defaults) are used, so questions are still answered.
 */
import type { Config } from '../config.ts';
import type { StoredGuildSettings } from '../storage/guild-store.ts';
import type { Store } from '../storage/store.ts';
import type { Locale } from '../view/strings.ts';
import { describeStorageError } from '../storage/storage-error.ts';
import { log } from '../log.ts';
import { LATE, withinBudget } from '../within-budget.ts';

/** The settings in force in one server. */
export interface EffectiveSettings {
  qaChannelIds: readonly string[];
  cooldownSeconds: number;
  privateAnswers: boolean;
  /**
   * The language of what the bot posts for the whole channel (channel replies, public /ask
   * answers): the one the moderators chose, else Slovenian. Not the server's preferred locale:
   * Discord gives every server en-US until a Community server changes it, so it says nothing
   * about who reads there.
   */
  replyLocale: Locale;
  /** What the server changed itself (the rest are defaults). */
  stored: StoredGuildSettings;
}

export type SettingsDefaults = Pick<Config, 'QA_CHANNEL_IDS' | 'COOLDOWN_SECONDS' | 'PRIVATE_ANSWERS'>;

/** How long a server's settings are used from memory before they are read again. */
export const SETTINGS_CACHE_MS = 60_000;

/**
 * How long a question waits for its server's settings to be read before it goes on with the last
 * ones read (or the defaults): a database that answers nothing (a network split) must not keep a
 * member waiting past Discord's 3 s. A healthy read takes a millisecond.
 */
export const SETTINGS_READ_BUDGET_MS = 1000;

/**
 * After a read failed or came late, the settings used instead are kept this long before the
 * database is tried again: during an outage every message would otherwise wait for it anew.
 */
export const SETTINGS_RETRY_AFTER_MS = 15_000;

/** Servers whose settings are kept in memory at most; the least recently read go first. */
const CACHED_SERVERS = 10_000;

/** The language of a message the whole channel reads: the server's; in a DM (no server), the reader's own. */
export function publicLocale(settings: EffectiveSettings, guildId: string | null, readerLocale: Locale): Locale {
  return guildId === null ? readerLocale : settings.replyLocale;
}

export function effectiveSettings(defaults: SettingsDefaults, stored: StoredGuildSettings): EffectiveSettings {
  return {
    qaChannelIds: stored.qaChannelIds ?? defaults.QA_CHANNEL_IDS,
    cooldownSeconds: stored.cooldownSeconds ?? defaults.COOLDOWN_SECONDS,
    privateAnswers: stored.privateAnswers ?? defaults.PRIVATE_ANSWERS,
    replyLocale: stored.replyLocale ?? 'sl',
    stored,
  };
}

export class ServerSettings {
  private readonly cache = new Map<string, { settings: EffectiveSettings; until: number }>();
  /**
   * How many times each server's settings changed in this process (one entry per server changed,
   * a few bytes each): a read compares it before and after.
   */
  private readonly changes = new Map<string, number>();
  /** Each server's change being saved, so the next one reads what it wrote. */
  private readonly updating = new Map<string, Promise<unknown>>();
  /** Since when reads fail or come late (one warning for the outage, one line when it is over). */
  private unreadableSince: number | undefined;

  constructor(
    private readonly store: Pick<Store, 'guildSettings' | 'saveGuildSettings'>,
    readonly defaults: SettingsDefaults,
    private readonly now: () => number = Date.now,
    private readonly readBudgetMs = SETTINGS_READ_BUDGET_MS,
  ) {}

  /** The settings in force in `guildId`; the defaults in direct messages (null). */
  async get(guildId: string | null): Promise<EffectiveSettings> {
    if (guildId === null) return effectiveSettings(this.defaults, {});
    const hit = this.cache.get(guildId);
    if (hit && hit.until > this.now()) return hit.settings;
    // A /settings change saved (or the server's data deleted) while this read waited is newer
    // than anything the read brings: then what the change left in memory is used.
    const changes = this.changes.get(guildId) ?? 0;
    const changedMeanwhile = () => (this.changes.get(guildId) ?? 0) !== changes;
    const sinceChange = () => this.cache.get(guildId)?.settings ?? effectiveSettings(this.defaults, {});
    // The database is unreachable or does not answer: questions are still answered, with what was
    // read last (the defaults if nothing was), and the database is tried again a little later.
    const fallBack = (why: string) => {
      if (changedMeanwhile()) return sinceChange();
      // Once per outage, not once per message: a Q&A channel would fill the log.
      const line = `could not read the settings of server ${guildId} (${why}); using ${hit ? 'the last ones read' : 'the defaults'} while it does not answer`;
      if (this.unreadableSince === undefined) log.warn(line);
      else log.debug(line);
      this.unreadableSince ??= this.now();
      const settings = hit?.settings ?? effectiveSettings(this.defaults, {});
      this.keep(guildId, settings, SETTINGS_RETRY_AFTER_MS);
      return settings;
    };
    const reading = this.store.guildSettings(guildId);
    try {
      const stored = await withinBudget(reading, this.readBudgetMs);
      if (stored !== LATE) return changedMeanwhile() ? sinceChange() : this.remember(guildId, stored);
      const settings = fallBack(`no answer within ${this.readBudgetMs} ms`);
      // Read late, it is still worth keeping for the next message (a failure then was logged as
      // late), unless a change came meanwhile.
      reading.then((late) => changedMeanwhile() || this.remember(guildId, late)).catch(() => undefined);
      return settings;
    } catch (error) {
      return fallBack(describeStorageError(error));
    }
  }

  /**
   * Applies `change` to what the server stored (a key set to undefined goes back to its default)
   * and saves it. One server's changes run one after another: two moderators changing two
   * settings at once each read, then wrote, and the second write lost the first change.
   */
  update(guildId: string, change: (stored: StoredGuildSettings) => StoredGuildSettings): Promise<EffectiveSettings> {
    const previous = this.updating.get(guildId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.applyChange(guildId, change));
    const settled = next.catch(() => undefined);
    this.updating.set(guildId, settled);
    void settled.then(() => {
      if (this.updating.get(guildId) === settled) this.updating.delete(guildId);
    });
    return next;
  }

  private async applyChange(
    guildId: string,
    change: (stored: StoredGuildSettings) => StoredGuildSettings,
  ): Promise<EffectiveSettings> {
    const next = change(await this.store.guildSettings(guildId));
    const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as StoredGuildSettings;
    await this.store.saveGuildSettings(guildId, clean);
    this.changed(guildId);
    return this.remember(guildId, clean);
  }

  /** Forgets what is in memory about `guildId` (after its data was deleted). */
  drop(guildId: string): void {
    this.changed(guildId);
    this.cache.delete(guildId);
  }

  /** Counts a change of `guildId`'s settings, which reads begun before it must not undo. */
  private changed(guildId: string): void {
    this.changes.set(guildId, (this.changes.get(guildId) ?? 0) + 1);
  }

  private remember(guildId: string, stored: StoredGuildSettings): EffectiveSettings {
    if (this.unreadableSince !== undefined) {
      const seconds = Math.round((this.now() - this.unreadableSince) / 1000);
      log.info(`server settings are read from the database again (after ${seconds} s)`);
      this.unreadableSince = undefined;
    }
    const settings = effectiveSettings(this.defaults, stored);
    this.keep(guildId, settings, SETTINGS_CACHE_MS);
    return settings;
  }

  private keep(guildId: string, settings: EffectiveSettings, forMs: number): void {
    this.cache.delete(guildId);
    if (this.cache.size >= CACHED_SERVERS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(guildId, { settings, until: this.now() + forMs });
  }
}
