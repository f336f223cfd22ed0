import { describe, expect, it } from 'vitest';
import { counted } from '../../src/view/plural.ts';

describe('counted nouns', () => {
  it('use the four Slovenian forms, by the last two digits', () => {
    const forms = [0, 1, 2, 3, 4, 5, 11, 101, 102, 103, 105, 1000].map((n) => counted('sl', n, 'passage'));
    expect(forms).toEqual([
      '0 odlomkov',
      '1 odlomek',
      '2 odlomka',
      '3 odlomki',
      '4 odlomki',
      '5 odlomkov',
      '11 odlomkov',
      '101 odlomek',
      '102 odlomka',
      '103 odlomki',
      '105 odlomkov',
      '1000 odlomkov',
    ]);
    expect(counted('sl', 2, 'file')).toBe('2 datoteki');
  });

  it('use one and other in English', () => {
    expect([0, 1, 2, 21].map((n) => counted('en', n, 'character'))).toEqual([
      '0 characters',
      '1 character',
      '2 characters',
      '21 characters',
    ]);
  });
});
