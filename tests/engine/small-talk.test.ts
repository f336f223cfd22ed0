import { describe, expect, it } from 'vitest';
import { Engine, isSmallTalk, smallTalkKind } from '../../src/engine/index.ts';
import { articleOf } from '../helpers.ts';

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
      'kako si?',
      'Živjo, kako ste kaj?',
      'hej, kaj dogaja',
      'Kako se imaš? Lp',
      "what's up?",
      'pomoč?',
      'Rabim pomoč, prosim',
      'help',
    ])
      expect(isSmallTalk(text), text).toBe(true);
  });

  it('is not a question or a request, even one wrapped in thanks, nor a message without words', () => {
    for (const text of [
      'hvala, kdo je Kim?',
      'Kdo je Kim?',
      'Hej Kim?',
      'Kaj se dogaja?',
      'kako si to razlagaš?',
      'Kako je Kim?',
      'vzajemna pomoč?',
      'Pomoč ob napadu?',
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

describe('small talk asked of the engine', () => {
  const engine = Engine.fromDocuments([
    articleOf('obisk', 'Obisk', ['Kako gre delo, je vprašal Putin. Odgovor je bil kratek: dobro.']),
  ]);

  it('looks nothing up, even where the article has its words, and says so', () => {
    for (const text of ['Hvala za odgovor!', 'kako gre?', 'Dobro, hvala']) {
      const answer = engine.ask(text);
      expect(answer, text).toMatchObject({ answered: false, passages: [], smallTalk: 'chat' });
    }
  });

  it('answers a question among the thanks as a question', () => {
    const answer = engine.ask('Hvala! Kaj je vprašal Putin?');
    expect(answer.smallTalk).toBeUndefined();
    expect(answer.passages[0]?.passage.id).toBe('obisk#1');
  });
});

describe('the kind of small talk', () => {
  it('tells a call for help, which asks the bot something, from chat', () => {
    expect(['pomoč?', 'Rabim pomoč, prosim', 'help'].map(smallTalkKind)).toEqual(['help', 'help', 'help']);
    // Questions about the bot itself are calls for help: the article cannot answer them.
    expect(['Kdo si?', 'kaj znaš?', 'Kako te uporabljam?', 'what can you do?'].map(smallTalkKind)).toEqual([
      'help',
      'help',
      'help',
      'help',
    ]);
    expect(smallTalkKind('Kako te uporabljam za sankcije?')).toBeUndefined();
    expect(['kaj lahko vprašam?', 'si bot?'].map(smallTalkKind)).toEqual(['help', 'help']);
    // Thanks for help given is chat; a call for help with thanks is still one.
    expect(smallTalkKind('hvala za pomoč')).toBe('chat');
    expect(['pomoč prosim, hvala', 'hvala, kaj lahko vprašam?'].map(smallTalkKind)).toEqual(['help', 'help']);
    expect(['živjo vsem', 'kako ste kaj?', 'hvala!'].map(smallTalkKind)).toEqual(['chat', 'chat', 'chat']);
    expect(smallTalkKind('Kdo je Kim?')).toBeUndefined();
  });
});
