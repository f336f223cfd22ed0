import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/discord/limits.ts';
import { passageChoices } from '../../../src/discord/render/choices.ts';
import { passage } from './passages.ts';

describe('passageChoices', () => {
  it('offers autocomplete choices within Discord limits', () => {
    const long = passage('beseda '.repeat(100), { id: 'clanek#12' });
    const tooLongId = passage('x', { id: 'a'.repeat(101) });
    const choices = passageChoices([
      long,
      tooLongId,
      ...Array.from({ length: 30 }, (_, i) => passage('t', { id: `c#${i}` })),
    ]);
    expect(choices).toHaveLength(25);
    expect(choices[0]!.value).toBe('clanek#12');
    expect(choices[0]!.name.startsWith('clanek#12 — beseda beseda')).toBe(true);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name.length).toBeLessThanOrEqual(LIMITS.choiceName);
      expect(c.value.length).toBeLessThanOrEqual(LIMITS.choiceValue);
    }
  });
});
