/**
 * Lists made when first read (src/engine/transfer/lazy-list.ts), as a packed index's passages
 * are: a start with a saved index makes none up front, and every way the engine reads a passage
 * list sees the same passages an eager list holds.
 */
import { describe, expect, it } from 'vitest';
import { lazyList } from '../../src/engine/transfer/lazy-list.ts';
import type { Passage } from '../../src/engine/types.ts';

const passage = (i: number): Passage => ({
  id: `doc#${i + 1}`,
  doc: 'doc',
  title: 'Naslov',
  date: '2024-06',
  lang: 'sl',
  paragraph: i + 1,
  heading: null,
  text: `Odstavek ${i + 1}.`,
  start: i * 20,
  end: i * 20 + 12,
});

function counted(count: number): { list: Passage[]; made: number[] } {
  const made: number[] = [];
  const list = lazyList(count, (i) => {
    made.push(i);
    return passage(i);
  });
  return { list, made };
}

describe('a lazy list of passages', () => {
  it('makes a passage only when it is read, once', () => {
    const { list, made } = counted(5);
    expect(list.length).toBe(5);
    expect(made).toEqual([]);
    const third = list[2];
    expect(third).toEqual(passage(2));
    expect(list[2]).toBe(third);
    expect(list[7]).toBeUndefined();
    expect(made).toEqual([2]);
  });

  it('reads as the eager list through every array method the engine uses', () => {
    const eager = Array.from({ length: 6 }, (_, i) => passage(i));
    const { list } = counted(6);
    expect(Array.isArray(list)).toBe(true);
    expect([...list]).toEqual(eager);
    expect(list.map((p) => p.id)).toEqual(eager.map((p) => p.id));
    expect(list.filter((p) => p.paragraph % 2 === 0)).toEqual(eager.filter((p) => p.paragraph % 2 === 0));
    const seen: string[] = [];
    list.forEach((p) => seen.push(p.id));
    for (const p of list) seen.push(p.id);
    expect(seen).toEqual([...eager, ...eager].map((p) => p.id));
    expect(list.slice(1, 3)).toEqual(eager.slice(1, 3));
    expect(JSON.stringify(list)).toBe(JSON.stringify(eager));
    expect(list).toEqual(eager);
  });

  it('cannot be written to', () => {
    const { list } = counted(2);
    expect(() => {
      'use strict';
      list[0] = passage(1);
    }).toThrow(TypeError);
    expect(list[0]).toEqual(passage(0));
  });
});
