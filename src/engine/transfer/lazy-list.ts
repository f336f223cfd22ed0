/**
 * Lists from a packed index whose items are made when first read: a start with a saved index of
 * 100 000 passages would otherwise decode every text and make every passage object (half a
 * second, and the garbage collections that go with it) before the bot is ready, while a question
 * reads a few dozen of them. The documents' summaries, read by `/about`, are made so too.
 *
 * The list is a real array behind a Proxy, so everything that takes an array (indexing,
 * `for … of`, `map`, `slice`) works on it unchanged and sees exactly the items an eager unpack
 * made; an item once made is kept, so it stays the same object.
 */

/** A list of `count` items made by `make(i)` when item `i` is first read. */
export function lazyList<T>(count: number, make: (i: number) => T): T[] {
  // Filled, not holey: `map`, `forEach` and `filter` skip holes, so an unmade item must be there.
  const made = new Array<T | undefined>(count).fill(undefined);
  return new Proxy(made, {
    get(target, property, receiver) {
      if (typeof property === 'string') {
        const i = indexOf(property);
        if (i !== undefined && i < count) return (target[i] ??= make(i));
      }
      return Reflect.get(target, property, receiver);
    },
    // The list is read-only: the engine owns what it holds.
    set: () => false,
    deleteProperty: () => false,
  }) as T[];
}

/** The array index a property key names (`"12"`), else undefined. */
function indexOf(property: string): number | undefined {
  const first = property.charCodeAt(0);
  if (first < 48 || first > 57) return undefined;
  const i = Number(property);
  return Number.isInteger(i) && String(i) === property ? i : undefined;
}
