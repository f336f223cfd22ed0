import { describe, expect, it } from 'vitest';
import { isSmallTalk } from '../../src/engine/index.ts';

describe('small talk', () => {
  it('is a message of nothing but greetings, thanks, acknowledgements or laughter, whatever Discord syntax is around it', () => {
    for (const text of [
      'živjo',
      'Hvala!!',
      'Hvala lepa!',
      'Hvala za odgovor',
      'Dober dan',
      'Lep pozdrav',
      'ok lol',
      'hahaha',
      'Pozdravljeni :)',
      'Thank you! <@123456789012345678>',
      'good morning',
    ])
      expect(isSmallTalk(text), text).toBe(true);
  });

  it('is not a question or a request, even one wrapped in thanks, nor a message without words', () => {
    for (const text of [
      'hvala, kdo je Kim?',
      'Kdo je Kim?',
      'Hej Kim?',
      'kako si?',
      'Pojasni članek',
      'Vprašanje?',
      'dan?',
      '😀',
      '???',
      '',
    ])
      expect(isSmallTalk(text), text).toBe(false);
  });
});
