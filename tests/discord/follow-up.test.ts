import { describe, expect, it } from 'vitest';
import { inContextOf } from '../../src/discord/follow-up.ts';
import { MAX_QUESTION_LENGTH } from '../../src/engine/index.ts';
import { visitEngine } from '../helpers.ts';

describe('a follow-up to an answer', () => {
  const engine = visitEngine();
  const previous = 'Kdo je prispel v Pjongjang?';

  it('that names nothing itself is read with the question it follows, follow-up first', () => {
    expect(inContextOf(engine, 'kje pa?', previous)).toBe('kje pa? Kdo je prispel v Pjongjang?');
    // The bot then answers it from the article.
    expect(engine.ask(inContextOf(engine, 'in kdaj?', previous)).passages[0]?.passage.id).toBe('a#1');
  });

  it('that finds something on its own, or is small talk, is read on its own', () => {
    expect(inContextOf(engine, 'Kdo ga je pričakal?', previous)).toBe('Kdo ga je pričakal?');
    expect(inContextOf(engine, 'hvala!', previous)).toBe('hvala!');
    expect(inContextOf(engine, 'kje pa?', undefined)).toBe('kje pa?');
  });

  it('is read on its own when both together would be too long to ask', () => {
    const long = `${'zakaj '.repeat(Math.ceil(MAX_QUESTION_LENGTH / 6) - 2)}pa?`;
    expect(long.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
    expect(inContextOf(engine, long, previous)).toBe(long);
  });
});
