import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.ts';

describe('Cooldown', () => {
  it('lets the first message through, refuses until the window ends, notifies once', () => {
    let now = 1_000;
    const cooldown = new Cooldown(10_000, () => now);
    expect(cooldown.hit('ana')).toEqual({ allowed: true });
    now += 3_000;
    expect(cooldown.hit('ana')).toEqual({ allowed: false, retryAfterMs: 7_000, notify: true });
    now += 1_000;
    expect(cooldown.hit('ana')).toEqual({ allowed: false, retryAfterMs: 6_000, notify: false });
    now += 6_000;
    expect(cooldown.hit('ana')).toEqual({ allowed: true });
  });

  it('keeps users apart', () => {
    const cooldown = new Cooldown(10_000, () => 0);
    expect(cooldown.hit('ana').allowed).toBe(true);
    expect(cooldown.hit('bor').allowed).toBe(true);
    expect(cooldown.hit('ana').allowed).toBe(false);
  });

  it('is off at zero seconds', () => {
    const cooldown = new Cooldown(0, () => 0);
    for (let i = 0; i < 5; i++) expect(cooldown.hit('ana').allowed).toBe(true);
  });

  it('forgets expired users instead of growing without bound', () => {
    let now = 0;
    const cooldown = new Cooldown(1_000, () => now);
    for (let i = 0; i < 1_000; i++) cooldown.hit(`u${i}`);
    now = 5_000;
    cooldown.hit('late');
    expect(cooldown.size).toBe(1);
  });
});
