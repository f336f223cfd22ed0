/**
 * The passages of a packed index, each made from its columns when first read: a start with a
 * saved index of 100 000 passages would otherwise decode every text and make every passage object
 * (half a second, and the garbage collections that go with it) before the bot is ready, while a
 * question reads a few dozen of them.
 *
 * The list is a real array behind a Proxy, so everything that takes `Passage[]` (indexing,
 * `for … of`, `map`, `slice`) works on it unchanged and sees exactly the passages an eager unpack
 * made; a passage once made is kept, so it stays the same object.
 */
import type { Passage } from '../types.ts';

/** A list of `count` passages made by `make(i)` when passage `i` is first read. */
export function lazyPassages(count: number, make: (i: number) => Passage): Passage[] {
  // Filled, not holey: `map`, `forEach` and `filter` skip holes, so an unmade passage must be there.
  const made = new Array<Passage | undefined>(count).fill(undefined);
  return new Proxy(made, {
    get(target, property, receiver) {
      if (typeof property === 'string') {
        const i = indexOf(property);
        if (i !== undefined && i < count) return (target[i] ??= make(i));
      }
      return Reflect.get(target, property, receiver);
    },
    // The list is read-only: the index owns its passages.
    set: () => false,
    deleteProperty: () => false,
  }) as Passage[];
}

/** The array index a property key names (`"12"`), else undefined. */
function indexOf(property: string): number | undefined {
  const first = property.charCodeAt(0);
  if (first < 48 || first > 57) return undefined;
  const i = Number(property);
  return Number.isInteger(i) && String(i) === property ? i : undefined;
}
