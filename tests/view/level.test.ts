import { describe, expect, it } from 'vitest';
import { DEFAULT_ABSTAIN_THRESHOLD } from '../../src/engine/index.ts';
import { answerLevel, CLEAR_CONFIDENCE } from '../../src/view/level.ts';
import { answer, ranked } from '../discord/render/passages.ts';

describe('answer levels', () => {
  const one = [ranked('Putin je prispel.', [], 'Putin je prispel.')];
  it('are clear from CLEAR_CONFIDENCE, closest between the abstain threshold and it, none when abstained', () => {
    expect(CLEAR_CONFIDENCE).toBeGreaterThan(DEFAULT_ABSTAIN_THRESHOLD);
    expect(answerLevel({ ...answer(one), confidence: CLEAR_CONFIDENCE })).toBe('clear');
    expect(answerLevel({ ...answer(one), confidence: CLEAR_CONFIDENCE - 0.01 })).toBe('closest');
    expect(answerLevel({ ...answer(one), confidence: DEFAULT_ABSTAIN_THRESHOLD })).toBe('closest');
    expect(answerLevel({ ...answer(one, false), confidence: 0.99 })).toBe('none');
    expect(answerLevel(answer([], true))).toBe('none');
  });
});
