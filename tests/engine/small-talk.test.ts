import { describe, expect, it } from 'vitest';
import { isSmallTalk } from '../../src/engine/index.ts';

describe('small talk', () => {
  it('is a message of nothing but greetings, thanks and chat filler, whatever Discord syntax is around it', () => {
    for (const text of ['živjo', 'Hvala!!', 'ok lol', 'Pozdravljeni :)', 'thanks <@123456789012345678>', 'ej bro'])
      expect(isSmallTalk(text), text).toBe(true);
  });

  it('is not a question, even one wrapped in thanks, nor a message without words', () => {
    for (const text of ['hvala, kdo je Kim?', 'Kdo je Kim?', 'kako si?', '😀', '???', '', 'zanima me Putin'])
      expect(isSmallTalk(text), text).toBe(false);
  });
});
