import { describe, expect, it } from 'vitest';
import { SETTINGS_RETRY_AFTER_MS, ServerSettings } from '../../src/discord/server-settings.ts';
import { setLogSink } from '../../src/log.ts';
import type { StoredGuildSettings } from '../../src/storage/guild-store.ts';

const DEFAULTS = { QA_CHANNEL_IDS: ['1'], COOLDOWN_SECONDS: 10, PRIVATE_ANSWERS: false };

/** A store whose reads answer with `reads` in turn: a value, a promise that never settles, or a failure. */
function storeAnswering(reads: (StoredGuildSettings | 'never' | 'fail')[]) {
  const store = {
    reads: 0,
    guildSettings: () => {
      store.reads++;
      const next = reads.shift() ?? 'never';
      if (next === 'fail') return Promise.reject(new Error('connect ECONNREFUSED'));
      return next === 'never' ? new Promise<StoredGuildSettings>(() => {}) : Promise.resolve(next);
    },
    saveGuildSettings: async () => {},
  };
  return store;
}

/**
 * A store whose first read answers only when `answerRead` is called (with what was stored
 * before a change); later reads answer at once with what was saved.
 */
function storeHoldingFirstRead() {
  let answer = (_: StoredGuildSettings) => {};
  let reads = 0;
  let saved: StoredGuildSettings = {};
  const store = {
    guildSettings: () =>
      ++reads === 1 ? new Promise<StoredGuildSettings>((resolve) => (answer = resolve)) : Promise.resolve({ ...saved }),
    saveGuildSettings: async (_: string, next: StoredGuildSettings) => {
      saved = next;
    },
  };
  return { store, answerRead: (stored: StoredGuildSettings) => answer(stored) };
}

function logLines(): { lines: string[]; restore: () => void } {
  const lines: string[] = [];
  return { lines, restore: setLogSink((line) => lines.push(line)) };
}

describe("a server's settings", () => {
  it('come from the last read, or the defaults, when the database does not answer in time', async () => {
    const { lines, restore } = logLines();
    try {
      let now = 0;
      const settings = new ServerSettings(storeAnswering(['never']), DEFAULTS, () => now, 20);
      expect((await settings.get('g')).cooldownSeconds).toBe(10);
      expect(lines).toEqual([
        expect.stringMatching(
          /WARN .*could not read the settings of server g \(no answer within 20 ms\); using the defaults/,
        ),
      ]);

      const cached = new ServerSettings(storeAnswering([{ cooldownSeconds: 3 }, 'never']), DEFAULTS, () => now, 20);
      expect((await cached.get('g')).cooldownSeconds).toBe(3);
      now += 3_600_000;
      expect((await cached.get('g')).cooldownSeconds).toBe(3);
      expect(lines.at(-1)).toMatch(/using the last ones read/);
    } finally {
      restore();
    }
  });

  it('during an outage are not asked for on every message, and the outage is said once, and its end', async () => {
    const { lines, restore } = logLines();
    try {
      let now = 0;
      const store = storeAnswering([{ cooldownSeconds: 3 }, 'fail', 'fail', { cooldownSeconds: 4 }]);
      const settings = new ServerSettings(store, DEFAULTS, () => now, 20);
      await settings.get('g');
      now += 3_600_000;
      // The database is away: the first message tries it, the next ones in the meantime do not.
      for (let i = 0; i < 5; i++) expect((await settings.get('g')).cooldownSeconds).toBe(3);
      expect(store.reads).toBe(2);
      now += SETTINGS_RETRY_AFTER_MS;
      expect((await settings.get('g')).cooldownSeconds).toBe(3);
      expect(store.reads).toBe(3);
      now += SETTINGS_RETRY_AFTER_MS;
      expect((await settings.get('g')).cooldownSeconds).toBe(4);
      expect(lines.filter((l) => / WARN /.test(l))).toHaveLength(1);
      expect(lines.at(-1)).toMatch(/INFO .*server settings are read from the database again \(after 30 s\)/);
    } finally {
      restore();
    }
  });

  it('keeps both of two changes made at the same moment (two moderators)', async () => {
    let saved: StoredGuildSettings = {};
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    const store = {
      guildSettings: async () => (await pause(), { ...saved }),
      saveGuildSettings: async (_: string, next: StoredGuildSettings) => {
        await pause();
        saved = next;
      },
    };
    const settings = new ServerSettings(store, DEFAULTS);
    await Promise.all([
      settings.update('g', (s) => ({ ...s, cooldownSeconds: 30 })),
      settings.update('g', (s) => ({ ...s, privateAnswers: true })),
    ]);
    expect(saved).toEqual({ cooldownSeconds: 30, privateAnswers: true });
  });

  it('are not set back by a read that came late, after a change saved meanwhile', async () => {
    const { restore } = logLines();
    try {
      const { store, answerRead } = storeHoldingFirstRead();
      const settings = new ServerSettings(store, DEFAULTS, Date.now, 20);
      expect((await settings.get('g')).cooldownSeconds).toBe(10);
      await settings.update('g', (s) => ({ ...s, cooldownSeconds: 45 }));
      answerRead({ cooldownSeconds: 3 });
      await new Promise((resolve) => setImmediate(resolve));
      expect((await settings.get('g')).cooldownSeconds).toBe(45);
    } finally {
      restore();
    }
  });

  it('are not set back by a read in time either, when a change was saved while it waited', async () => {
    const { store, answerRead } = storeHoldingFirstRead();
    const settings = new ServerSettings(store, DEFAULTS);
    const reading = settings.get('g');
    await settings.update('g', (s) => ({ ...s, cooldownSeconds: 45 }));
    // The read comes back within its second, with what was stored before the change.
    answerRead({ cooldownSeconds: 3 });
    expect((await reading).cooldownSeconds).toBe(45);
    expect((await settings.get('g')).cooldownSeconds).toBe(45);
  });
});
