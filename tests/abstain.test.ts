import { describe, expect, it } from 'vitest';
import { DEFAULT_ABSTAIN_THRESHOLD, decideAbstain } from '../src/engine/answer/abstain.ts';
import { answerTypeOf } from '../src/engine/answer/question-type.ts';

const strong = { coverage: 0.9, missesName: false, answerCue: 1, answerType: 'other' as const };

describe('the abstain rule', () => {
  it('answers when the best passage covers the question well and abstains when it does not', () => {
    expect(decideAbstain(strong)).toEqual({ confidence: 0.9, abstain: false });
    expect(decideAbstain({ ...strong, coverage: 0.2 }).abstain).toBe(true);
    expect(decideAbstain({ ...strong, coverage: DEFAULT_ABSTAIN_THRESHOLD }).abstain).toBe(false);
  });

  it('halves the confidence when a name the question asks about is missing', () => {
    expect(decideAbstain({ ...strong, missesName: true })).toEqual({ confidence: 0.45, abstain: false });
    expect(decideAbstain({ ...strong, coverage: 0.8, missesName: true }).abstain).toBe(true);
  });

  it('lowers it for when/how-many questions whose best sentence has no time or number', () => {
    expect(decideAbstain({ ...strong, answerType: 'time', answerCue: 0 }).confidence).toBeCloseTo(0.54);
    expect(decideAbstain({ ...strong, answerType: 'number', answerCue: 0.5 }).confidence).toBe(0.9);
    expect(decideAbstain({ ...strong, answerType: 'person', answerCue: 0 }).confidence).toBe(0.9);
  });

  it('takes its threshold as a parameter', () => {
    expect(decideAbstain({ ...strong, coverage: 0.6 }, 0.7).abstain).toBe(true);
    expect(decideAbstain({ ...strong, coverage: 0.6 }, 0.5).abstain).toBe(false);
  });
});

describe('question types', () => {
  it.each([
    ['Kdo je podpisal sporazum?', 'person'],
    ['S kom se je srečal?', 'person'],
    ['Kdaj je Rusija vložila veto?', 'time'],
    ['Kolikokrat je obiskal Korejo?', 'number'],
    ['koliko let je star', 'number'],
    ['Kam bo odpotoval?', 'place'],
    ['Zakaj so uvedene sankcije?', 'reason'],
    ['Kaj je namen sporazuma?', 'other'],
    ['sankcije ZN', 'other'],
  ])('%s → %s', (question, type) => {
    expect(answerTypeOf(question)).toBe(type);
  });
});
