import { describe, expect, it } from 'vitest';
import { cleanQuestionText, questionKeys } from '../../src/engine/index.ts';

describe('questions as logs keep and compare them', () => {
  it('cleans Discord syntax away and collapses spaces', () => {
    expect(cleanQuestionText('<@123456789012345678>  **kdo** je\n podpisal <#123456789012345678> sporazum?')).toBe(
      'kdo je podpisal sporazum?',
    );
  });

  it('keys the words that matter, folded: case, č/š/ž and endings do not count, stop words drop out', () => {
    expect(questionKeys('Kdo je podpisal sporazum?')).toEqual(questionKeys('kdo podpisal SPORAZUMA'));
    expect(questionKeys('Zaščita interesov')).toEqual(questionKeys('zascita interesa'));
    expect(questionKeys('kaj je to?')).toEqual([]);
    expect(new Set(questionKeys('sporazum sporazuma sporazumom'))).toHaveProperty('size', 1);
  });
});
