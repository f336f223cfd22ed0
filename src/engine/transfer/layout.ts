/**
 * The packed index: one ArrayBuffer holding a JSON header and typed sections, the same bytes on
 * disk (the index cache) and between threads (a worker transfers the buffer, no copy). Reading it
 * costs a header parse and views into the buffer; strings are stored as UTF-8 pools that are
 * decoded a slice at a time (see `unpack.ts`).
 *
 * Layout: `ODLX` (4 bytes), the header's byte length (uint32 LE), the header (UTF-8 JSON), padding
 * to 8 bytes, then the sections at the offsets the header gives (each 8-byte aligned).
 */
import type { Utf8List } from '../folded.ts';
import { Slices } from './slices.ts';

const MAGIC = 'ODLX';
const ALIGN = 8;

const ARRAYS = {
  u8: Uint8Array,
  u16: Uint16Array,
  i32: Int32Array,
  u32: Uint32Array,
  f64: Float64Array,
} as const;
export type ArrayKind = keyof typeof ARRAYS;
export type TypedArray = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;

interface SectionEntry {
  kind: ArrayKind;
  /** Byte offset from the start of the buffer. */
  offset: number;
  /** Number of elements. */
  length: number;
}

/** A list of strings as one UTF-8 section, with where each one starts in bytes and in UTF-16 units. */
export interface PoolRef {
  bytes: string;
  byteOffsets: string;
  charOffsets: string;
  /** Strings that are not well-formed UTF-16 (a lone surrogate UTF-8 cannot hold), by position; kept in the header. */
  odd: [number, string][];
}

/** Collects sections while packing; `finish` lays them out in one buffer. */
export class PackedWriter {
  private readonly sections = new Map<string, TypedArray>();
  private next = 0;

  /** Adds a typed array under a fresh name and returns the name. */
  array(array: TypedArray): string {
    const name = `s${this.next++}`;
    this.sections.set(name, array);
    return name;
  }

  /** Adds a list of strings as a UTF-8 pool and returns its reference for the header. */
  pool(strings: readonly string[]): PoolRef {
    const byteOffsets = new Int32Array(strings.length + 1);
    const charOffsets = new Int32Array(strings.length + 1);
    const odd: [number, string][] = [];
    let bytes = 0;
    let chars = 0;
    const parts: string[] = new Array<string>(strings.length);
    strings.forEach((s, i) => {
      let text = s;
      if (!(s as string & { isWellFormed(): boolean }).isWellFormed()) {
        odd.push([i, s]);
        text = '';
      }
      parts[i] = text;
      bytes += Buffer.byteLength(text, 'utf8');
      chars += text.length;
      byteOffsets[i + 1] = bytes;
      charOffsets[i + 1] = chars;
    });
    const encoded = Buffer.from(parts.join(''), 'utf8');
    if (encoded.length !== bytes) throw new Error('packed index: a string pool did not encode as measured');
    return {
      bytes: this.array(encoded),
      byteOffsets: this.array(byteOffsets),
      charOffsets: this.array(charOffsets),
      odd,
    };
  }

  /** The buffer: magic, header (with `meta` and the section table), sections. */
  finish(meta: unknown): ArrayBuffer {
    const table: Record<string, SectionEntry> = {};
    let offset = 0;
    const placed: [TypedArray, number][] = [];
    for (const [name, array] of this.sections) {
      offset = align(offset);
      table[name] = { kind: kindOf(array), offset, length: array.length };
      placed.push([array, offset]);
      offset += array.byteLength;
    }
    const header = Buffer.from(JSON.stringify({ meta, sections: table }), 'utf8');
    const start = align(8 + header.length);
    const buffer = new ArrayBuffer(start + offset);
    const bytes = new Uint8Array(buffer);
    bytes.set(Buffer.from(MAGIC, 'latin1'), 0);
    new DataView(buffer).setUint32(4, header.length, true);
    bytes.set(header, 8);
    for (const [array, at] of placed)
      bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), start + at);
    return buffer;
  }
}

/** Reads a buffer `PackedWriter.finish` made. */
export class PackedReader {
  readonly meta: unknown;
  private readonly sections: Record<string, SectionEntry>;
  private readonly start: number;

  constructor(readonly buffer: ArrayBuffer) {
    const bytes = new Uint8Array(buffer);
    if (buffer.byteLength < 8 || Buffer.from(bytes.subarray(0, 4)).toString('latin1') !== MAGIC)
      throw new Error('not a packed odlomek index');
    const headerLength = new DataView(buffer).getUint32(4, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as {
      meta: unknown;
      sections: Record<string, SectionEntry>;
    };
    this.meta = header.meta;
    this.sections = header.sections;
    this.start = align(8 + headerLength);
  }

  array<K extends ArrayKind>(name: string, kind: K): InstanceType<(typeof ARRAYS)[K]> {
    const entry = this.sections[name];
    if (!entry || entry.kind !== kind) throw new Error(`packed index: no ${kind} section ${name}`);
    const Type = ARRAYS[kind];
    const end = this.start + entry.offset + entry.length * Type.BYTES_PER_ELEMENT;
    if (end > this.buffer.byteLength) throw new Error(`packed index: section ${name} runs past the end`);
    return new Type(this.buffer, this.start + entry.offset, entry.length) as InstanceType<(typeof ARRAYS)[K]>;
  }

  /**
   * A string pool left as UTF-8 where it lies (nothing decoded until `decode()`), for searching
   * its bytes; undefined for a pool holding a string UTF-8 cannot (see `PoolRef.odd`).
   */
  utf8(ref: PoolRef): Utf8List | undefined {
    if (ref.odd.length > 0) return undefined;
    const bytes = this.array(ref.bytes, 'u8');
    const offsets = this.array(ref.byteOffsets, 'i32');
    const charOffsets = this.array(ref.charOffsets, 'i32');
    return {
      bytes,
      offsets,
      decode: () => {
        const all = new TextDecoder().decode(bytes);
        return Array.from({ length: offsets.length - 1 }, (_, i) => all.slice(charOffsets[i], charOffsets[i + 1]));
      },
    };
  }

  /** A string pool whose strings are decoded one at a time, when first asked for (and kept). */
  lazyPool(ref: PoolRef): LazyStrings {
    const bytes = this.array(ref.bytes, 'u8');
    const byteOffsets = this.array(ref.byteOffsets, 'i32');
    const decoded = new Array<string | undefined>(byteOffsets.length - 1);
    for (const [i, s] of ref.odd) decoded[i] = s;
    const decoder = new TextDecoder();
    return {
      length: decoded.length,
      at: (i) => (decoded[i] ??= decoder.decode(bytes.subarray(byteOffsets[i], byteOffsets[i + 1]))),
    };
  }

  /** Decodes a string pool, a few hundred kilobytes per slice. */
  async pool(ref: PoolRef, slices: Slices): Promise<string[]> {
    const bytes = this.array(ref.bytes, 'u8');
    const byteOffsets = this.array(ref.byteOffsets, 'i32');
    const charOffsets = this.array(ref.charOffsets, 'i32');
    const count = byteOffsets.length - 1;
    const strings = new Array<string>(count);
    const decoder = new TextDecoder();
    for (let first = 0; first < count;) {
      // A chunk of whole strings of about CHUNK_BYTES, decoded at once; each string a slice of it.
      let last = first + 1;
      while (last < count && byteOffsets[last]! - byteOffsets[first]! < CHUNK_BYTES) last++;
      const chunk = decoder.decode(bytes.subarray(byteOffsets[first], byteOffsets[last]));
      const base = charOffsets[first]!;
      for (let i = first; i < last; i++) strings[i] = chunk.slice(charOffsets[i]! - base, charOffsets[i + 1]! - base);
      first = last;
      if (slices.dueNow()) await slices.pause();
    }
    for (const [i, s] of ref.odd) strings[i] = s;
    return strings;
  }
}

/** A list of strings decoded when asked for (see `PackedReader.lazyPool`). */
export interface LazyStrings {
  readonly length: number;
  at(i: number): string;
}

/** Bytes of UTF-8 decoded in one piece: about a millisecond's work. */
const CHUNK_BYTES = 256 * 1024;

function align(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}

function kindOf(array: TypedArray): ArrayKind {
  for (const [kind, Type] of Object.entries(ARRAYS)) if (array instanceof Type) return kind as ArrayKind;
  throw new Error('packed index: unsupported array type');
}
