import { describe, expect, it } from 'vitest';
import { ServerSettings } from '../../src/discord/server-settings.ts';
import { setLogSink } from '../../src/log.ts';
import type { StoredGuildSettings } from '../../src/storage/guild-store.ts';

const DEFAULTS = { QA_CHANNEL_IDS: ['1'], COOLDOWN_SECONDS: 10, PRIVATE_ANSWERS: false };

/** A store whose reads answer with `reads` in turn: a value, or a promise that never settles. */
function storeAnswering(reads: (StoredGuildSettings | 'never')[]) {
  return {
    guildSettings: () => {
      const next = reads.shift() ?? 'never';
      return next === 'never' ? new Promise<StoredGuildSettings>(() => {}) : Promise.resolve(next);
    },
    saveGuildSettings: async () => {},
  };
}

describe("a server's settings", () => {
  it('come from the last read, or the defaults, when the database does not answer in time', async () => {
    const lines: string[] = [];
    const restore = setLogSink((line) => lines.push(line));
    try {
      let now = 0;
      const settings = new ServerSettings(storeAnswering(['never']), DEFAULTS, () => now, 20);
      expect((await settings.get('g')).cooldownSeconds).toBe(10);
      expect(lines).toEqual([
        expect.stringMatching(/could not read the settings of server g \(no answer within 20 ms\); using the defaults/),
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
});
