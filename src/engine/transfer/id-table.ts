/**
 * Passages by id in a packed index, as an open-addressing hash table of typed arrays made where the
 * index is packed. The answering thread used to make a `Map` from every id to its position, each id
 * decoded to a string first: for 100 000 passages, a fifth of a second of a reload's assembly on
 * that thread and 100 000 strings that outlived the young generation (its collections stalled
 * answers). Here a look-up hashes the id it is given and compares UTF-8 bytes where the ids lie,
 * and a reload's diff looks each new id up among the old ones without decoding either.
 */

/** Slots per passage, at least: probes stay short (a few on average) at half load or less. */
const SLOTS_PER_ID = 2;

/** FNV-1a over the UTF-16 code units: the same for a string wherever it is hashed. */
export function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * The table of `ids` (passages in corpus order): each id's hash, and slots holding a passage's
 * position plus one (0: empty). An id given twice finds its last passage, as a `Map` filled in
 * corpus order would.
 */
export function buildIdTable(ids: readonly string[]): { hashes: Uint32Array; slots: Int32Array } {
  const hashes = Uint32Array.from(ids, hashId);
  let size = 1;
  while (size < ids.length * SLOTS_PER_ID) size *= 2;
  const slots = new Int32Array(size);
  const mask = size - 1;
  ids.forEach((id, i) => {
    let slot = hashes[i]! & mask;
    // An earlier passage with the same id gives its slot up to this one.
    while (slots[slot] !== 0 && ids[slots[slot]! - 1] !== id) slot = (slot + 1) & mask;
    slots[slot] = i + 1;
  });
  return { hashes, slots };
}

/** The id column of a packed index: passage `i`'s id is `bytes[offsets[index[i]]..offsets[index[i] + 1])`. */
export interface IdBytes {
  bytes: Uint8Array;
  offsets: Int32Array;
  index: Int32Array;
}

const encoder = new TextEncoder();

/** Passages by id, read from a packed index (see `buildIdTable`). */
export class PackedIds {
  private readonly mask: number;

  constructor(
    private readonly hashes: Uint32Array,
    private readonly slots: Int32Array,
    private readonly ids: IdBytes,
  ) {
    this.mask = slots.length - 1;
  }

  /** The position of the passage with this id. */
  find(id: string): number | undefined {
    const hash = hashId(id);
    let encoded: Uint8Array | undefined;
    for (let slot = hash & this.mask; this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      const p = this.slots[slot]! - 1;
      if (this.hashes[p] !== hash) continue;
      encoded ??= encoder.encode(id);
      if (sameBytes(this.ids.bytes, this.start(p), this.end(p), encoded, 0, encoded.length)) return p;
    }
    return undefined;
  }

  /** The position here of the passage with the id of `other`'s passage `i`; nothing is decoded. */
  findIdOf(other: PackedIds, i: number): number | undefined {
    const hash = other.hashes[i]!;
    const otherStart = other.start(i);
    const otherEnd = other.end(i);
    for (let slot = hash & this.mask; this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      const p = this.slots[slot]! - 1;
      if (this.hashes[p] !== hash) continue;
      if (sameBytes(this.ids.bytes, this.start(p), this.end(p), other.ids.bytes, otherStart, otherEnd)) return p;
    }
    return undefined;
  }

  /** Where passage `p`'s id starts and ends in the bytes. */
  private start(p: number): number {
    return this.ids.offsets[this.ids.index[p]!]!;
  }

  private end(p: number): number {
    return this.ids.offsets[this.ids.index[p]! + 1]!;
  }
}

function sameBytes(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let k = 0; k < aEnd - aStart; k++) if (a[aStart + k] !== b[bStart + k]) return false;
  return true;
}
