/**
 * The packed id table (`transfer/id-table.ts`): finds every id where a `Map` of the ids would,
 * including ids that share a hash, ids given twice and ids in any script, and finds one table's
 * ids in another's by their bytes.
 */
import { describe, expect, it } from 'vitest';
import { buildIdTable, PackedIds } from '../../src/engine/transfer/id-table.ts';

/** A table over `ids` laid out as a packed index lays them out: one UTF-8 pool, each id once. */
function tableOf(ids: string[]): PackedIds {
  const distinct = [...new Set(ids)];
  const encoded = distinct.map((id) => new TextEncoder().encode(id));
  const offsets = new Int32Array(distinct.length + 1);
  encoded.forEach((bytes, i) => (offsets[i + 1] = offsets[i]! + bytes.length));
  const bytes = new Uint8Array(offsets[distinct.length]!);
  encoded.forEach((b, i) => bytes.set(b, offsets[i]!));
  const index = Int32Array.from(ids, (id) => distinct.indexOf(id));
  const { hashes, slots } = buildIdTable(ids);
  return new PackedIds(hashes, slots, { bytes, offsets, index });
}

describe('the packed id table', () => {
  it('finds each id where a Map filled in corpus order would, and nothing else', () => {
    const ids = [
      'putin-kim-2024-06#1',
      'putin-kim-2024-06#2',
      'članek-š#3',
      '日本#1',
      'a#1',
      'putin-kim-2024-06#2',
      '',
    ];
    const table = tableOf(ids);
    const map = new Map(ids.map((id, i) => [id, i]));
    for (const id of [...ids, 'putin-kim-2024-06#9', 'clanek-s#3', 'a#', 'A#1'])
      expect(table.find(id), id).toBe(map.get(id));
  });

  it('tells apart ids whose hashes collide in the table', () => {
    // Many ids in a small table: every slot chain is shared by several.
    const ids = Array.from({ length: 5000 }, (_, i) => `doc-${i % 97}#${i}`);
    const table = tableOf(ids);
    ids.forEach((id, i) => expect(table.find(id)).toBe(i));
  });

  it("finds another table's ids by their bytes", () => {
    const older = tableOf(['a#1', 'a#2', 'b#1', 'č#1']);
    const newer = tableOf(['b#1', 'č#1', 'c#1', 'a#1']);
    expect([0, 1, 2, 3].map((i) => older.findIdOf(newer, i))).toEqual([2, 3, undefined, 0]);
    expect([0, 1, 2, 3].map((i) => newer.findIdOf(older, i))).toEqual([3, undefined, 0, 1]);
  });
});
