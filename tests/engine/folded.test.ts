/**
 * Autocomplete over folded ids and texts: searching the packed UTF-8 bytes must suggest exactly
 * what searching the strings does, whatever the strings, the query and the limit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FoldedBytes, FoldedList, type FoldedPassage, type Utf8List } from '../../src/engine/folded.ts';

function utf8List(strings: string[]): Utf8List {
  const encoded = strings.map((s) => Buffer.from(s, 'utf8'));
  const offsets = new Int32Array(strings.length + 1);
  encoded.forEach((b, i) => (offsets[i + 1] = offsets[i]! + b.length));
  return { bytes: new Uint8Array(Buffer.concat(encoded)), offsets, decode: () => [...strings] };
}

const bytesOf = (folded: FoldedPassage[]) =>
  new FoldedBytes(utf8List(folded.map((f) => f.id)), utf8List(folded.map((f) => f.text)));

// Few letters, so queries often match, across string boundaries too; č and ž take two bytes.
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'č', 'ž', '#', '1', '🙂'), maxLength: 8 });

describe('autocomplete over folded bytes', () => {
  it('suggests what the strings suggest', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: text, text }), { maxLength: 30 }),
        text.filter((q) => q !== ''),
        fc.integer({ min: 1, max: 6 }),
        (folded, q, limit) => {
          expect(bytesOf(folded).find(q, limit)).toEqual(new FoldedList(folded).find(q, limit));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('answers a query UTF-8 cannot hold from the strings', () => {
    const folded = [
      { id: 'a#1', text: 'x \uD83D y' },
      { id: 'a#2', text: 'nič' },
    ];
    expect(bytesOf(folded).find('\uD83D', 5)).toEqual([0]);
    expect(bytesOf(folded).list()).toEqual(folded);
  });
});
