import { beforeAll, describe, expect, it } from 'vitest';
import { Engine, pointsBack } from '../../src/engine/index.ts';
import { CORPUS } from '../helpers.ts';

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

describe('a reply that leans on the answer it replies to', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await Engine.fromDirectory(CORPUS);
  });

  it('points back and names little of its own', () => {
    for (const text of ['zakaj je to rekel?', 'kje se je to zgodilo?', 'kaj pa drugi?', 'in kje?'])
      expect(engine.leansOnPrevious(text), text).toBe(true);
  });

  it('is not a question that points back but asks in full, with a name or telling words', () => {
    for (const text of [
      'Kaj je Kim rekel o tem sporazumu?',
      'Kam gre Putin po tem obisku?',
      'Kaj pa turizem?',
      'Kdo je podpisal sporazum?',
      // A name is something new to ask about.
      'kaj pa Vietnam?',
      'Kdo je ta Kim Jong-il?',
    ])
      expect(engine.leansOnPrevious(text), text).toBe(false);
  });
});
