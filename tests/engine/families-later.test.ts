/**
 * Word families made at their first use (src/engine/transfer/families-later.ts): nothing is made
 * before, and every way of reading the map sees it whole.
 */
import { describe, expect, it } from 'vitest';
import { FamiliesLater } from '../../src/engine/transfer/families-later.ts';

const FAMILIES: [string, string[]][] = [
  ['rus', ['rusija', 'ruski']],
  ['voj', ['vojak', 'vojaški']],
];

function later(): { families: FamiliesLater; calls: () => number } {
  let calls = 0;
  const families = new FamiliesLater((into) => {
    calls++;
    for (const [name, members] of FAMILIES) into.set(name, members);
  });
  return { families, calls: () => calls };
}

describe('families made later', () => {
  it('are made once, at the first read', () => {
    const { families, calls } = later();
    expect(calls()).toBe(0);
    expect(families.get('rus')).toEqual(['rusija', 'ruski']);
    expect(families.get('nic')).toBeUndefined();
    expect(families.complete().size).toBe(2);
    expect(calls()).toBe(1);
  });

  it.each([
    ['get', (f: Map<string, string[]>) => f.get('voj')],
    ['has', (f: Map<string, string[]>) => f.has('voj')],
    ['size', (f: Map<string, string[]>) => f.size],
    ['keys', (f: Map<string, string[]>) => [...f.keys()]],
    ['values', (f: Map<string, string[]>) => [...f.values()]],
    ['entries', (f: Map<string, string[]>) => [...f.entries()]],
    ['spread', (f: Map<string, string[]>) => [...f]],
    [
      'forEach',
      (f: Map<string, string[]>) => {
        const seen: string[] = [];
        f.forEach((_, name) => seen.push(name));
        return seen;
      },
    ],
  ])('read through %s, are the whole map', (_, read) => {
    expect(read(later().families)).toEqual(read(new Map(FAMILIES)));
  });
});
