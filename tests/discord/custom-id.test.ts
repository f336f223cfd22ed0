import { describe, expect, it } from 'vitest';
import { BUTTON_ACTIONS, decodeButtonId, encodeButtonId } from '../../src/discord/custom-id.ts';
import { LIMITS } from '../../src/discord/limits.ts';
import { newAnswerKey } from '../../src/storage/answer-key.ts';

describe('button ids', () => {
  it('round-trip every action, page and copy flag within 100 characters', () => {
    for (const action of BUTTON_ACTIONS)
      for (const page of [0, 4, 99])
        for (const privateCopy of [false, true]) {
          const button = { action, key: newAnswerKey(), page, privateCopy };
          const id = encodeButtonId(button);
          expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
          expect(decodeButtonId(id)).toEqual(button);
        }
    expect(encodeButtonId({ action: 'next', key: 'abc', page: 2, privateCopy: true })).toBe('o1.next.abc.2.p');
  });

  it('leave ids that are not ours alone and call our malformed or older ones stale', () => {
    expect(decodeButtonId('someone-else:button')).toBeNull();
    expect(decodeButtonId('o0.next.abc.1')).toBe('stale');
    expect(decodeButtonId('o1.jump.abc.1')).toBe('stale');
    expect(decodeButtonId('o1.next.a b.1')).toBe('stale');
    expect(decodeButtonId('o1.next.abc.100')).toBe('stale');
    expect(decodeButtonId('o1.next.abc.1.x')).toBe('stale');
  });

  it('refuse a key that is not one', () => {
    expect(() => encodeButtonId({ action: 'up', key: 'a.b', page: 0, privateCopy: false })).toThrow();
  });
});
