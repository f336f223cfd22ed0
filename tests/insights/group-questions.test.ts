import { describe, expect, it } from 'vitest';
import { groupSimilarQuestions, mostAsked, type AskedText } from '../../src/insights/group-questions.ts';

let clock = Date.UTC(2026, 0, 10);
/** Questions asked one minute apart, in the order given. */
const asked = (...questions: string[]): AskedText[] =>
  questions.map((question) => ({ question, askedAt: new Date((clock += 60_000)) }));

describe('groupSimilarQuestions', () => {
  it('groups the same question in other word forms, case and without č/š/ž, naming its latest wording', () => {
    const groups = groupSimilarQuestions(
      asked('Koliko stane hotel v Pjongjangu?', 'koliko stanejo hoteli v pjongjangu', 'Koliko stane HOTEL?'),
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ question: 'Koliko stane HOTEL?', count: 3 });
  });

  it('names a group by the wording asked most often, not by whatever was pasted last', () => {
    const groups = groupSimilarQuestions(
      asked('Kdaj bo naslednji vrh G7?', 'Kdaj bo naslednji vrh G7?', 'spoiler Kdaj bo naslednji vrh G7 x'),
    );
    expect(groups).toEqual([expect.objectContaining({ question: 'Kdaj bo naslednji vrh G7?', count: 3 })]);
  });

  it('keeps apart questions that share a word but ask different things', () => {
    const groups = groupSimilarQuestions(
      asked(
        'Kdo je zmagal na svetovnem prvenstvu?',
        'Kdo je zmagal na volitvah?',
        'Kdo je zmagal na prvenstvu v nogometu?',
      ),
    );
    expect(groups.map((g) => [g.question, g.count])).toEqual([
      ['Kdo je zmagal na prvenstvu v nogometu?', 2],
      ['Kdo je zmagal na volitvah?', 1],
    ]);
  });

  it('lists the most recently asked group first, whatever order the entries come in', () => {
    const entries = asked('vreme v Ljubljani', 'cena nafte', 'vreme Ljubljana jutri');
    const groups = groupSimilarQuestions([...entries].reverse());
    expect(groups.map((g) => g.question)).toEqual(['vreme Ljubljana jutri', 'cena nafte']);
    expect(groups[0]!.lastAskedAt).toEqual(entries[2]!.askedAt);
  });

  it('groups questions without key words by their letters alone', () => {
    const groups = groupSimilarQuestions(asked('kaj?', 'Kaj!', 'zakaj'));
    expect(groups.map((g) => [g.question, g.count])).toEqual([
      ['zakaj', 1],
      ['Kaj!', 2],
    ]);
  });

  it('compares with a group’s first wording, so small steps do not chain unrelated questions together', () => {
    const keys: Record<string, string[]> = { ab: ['a', 'b'], bc: ['b', 'c'], cd: ['c', 'd'] };
    const groups = groupSimilarQuestions(asked('cd', 'bc', 'ab'), { keysOf: (q) => keys[q]!, threshold: 0.3 });
    // "ab" starts a group (newest); "bc" shares 1 of 3 keys with it and joins; "cd" shares none with "ab".
    expect(groups.map((g) => [g.question, g.count])).toEqual([
      ['ab', 2],
      ['cd', 1],
    ]);
  });

  it('groups thousands of entries quickly enough for a command reply', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      question: `vprašanje o temi ${i % 500} in še ${i % 7}`,
      askedAt: new Date(i * 1000),
    }));
    const groups = groupSimilarQuestions(many);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(10_000);
  });
});

describe('mostAsked', () => {
  it('orders by count, then by the more recent', () => {
    const at = (d: number) => new Date(d);
    const groups = [
      { question: 'a', count: 1, lastAskedAt: at(3) },
      { question: 'b', count: 3, lastAskedAt: at(1) },
      { question: 'c', count: 3, lastAskedAt: at(2) },
    ];
    expect(mostAsked(groups, 2).map((g) => g.question)).toEqual(['c', 'b']);
  });
});
