import { describe, expect, it } from 'vitest';
import { shareBudget } from '../../../src/discord/render/budget.ts';

describe('shareBudget', () => {
  it('gives short wishes what they want and splits the rest', () => {
    expect(shareBudget([100, 5000, 5000], 6000, 4096)).toEqual([100, 2950, 2950]);
    expect(shareBudget([10, 20], 6000, 4096)).toEqual([10, 20]);
    expect(shareBudget([9000], 6000, 4096)).toEqual([4096]);
  });
});
