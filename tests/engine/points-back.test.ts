import { describe, expect, it } from 'vitest';
import { pointsBack } from '../../src/engine/index.ts';

describe('a follow-up that points back', () => {
  it('has a word, a start or a "pa" that refers to what was said before', () => {
    for (const text of [
      'zakaj je to rekel?',
      'kdaj je bil tam?',
      'Kaj je on odgovoril?',
      'in kje?',
      'kaj pa Kim?',
      'why did he say that?',
    ])
      expect(pointsBack(text), text).toBe(true);
    for (const text of ['Kdo je podpisal sporazum?', 'a je Putin obiskal Vietnam?', 'Kdaj je Rusija vložila veto?'])
      expect(pointsBack(text), text).toBe(false);
  });
});
