/**
 * Autocomplete's search over the passages' folded ids and texts (case and diacritics folded).
 * Two forms answer the same: a list of strings (an engine indexed on this thread), and the UTF-8
 * bytes of a packed index searched where they lie (`FoldedBytes`). The second is what an engine
 * assembled from a worker or a saved index uses: decoding 100 000 folded texts into strings made
 * some 45 MB of small objects on the answering thread, whose garbage collections stalled it
 * during a reload and took a fifth of the assembly at start; searching the bytes makes none.
 */
import { fold } from './analysis/fold.ts';

/** A passage's id and text with case and diacritics folded, as autocomplete compares them. */
export interface FoldedPassage {
  id: string;
  text: string;
}

/**
 * Passage numbers for a folded, non-empty query, best first, at most `limit`: passages whose id
 * starts with it, then those whose id contains it, then those whose text contains it, each in
 * corpus order.
 */
export interface FoldedSearch {
  find(q: string, limit: number): number[];
  /** Every folded id and text, in corpus order (to pack the engine again). */
  list(): FoldedPassage[];
}

/** The folded forms of passages, made on first use. */
export function foldPassages(passages: readonly { id: string; text: string }[]): FoldedPassage[] {
  return passages.map((p) => ({ id: fold(p.id), text: fold(p.text) }));
}

/** `FoldedSearch` over strings. */
export class FoldedList implements FoldedSearch {
  constructor(private readonly folded: readonly FoldedPassage[]) {}

  find(q: string, limit: number): number[] {
    const starts: number[] = [];
    const contains: number[] = [];
    const inText: number[] = [];
    for (let i = 0; i < this.folded.length && starts.length < limit; i++) {
      const { id, text } = this.folded[i]!;
      if (id.startsWith(q)) starts.push(i);
      else if (contains.length < limit && id.includes(q)) contains.push(i);
      else if (inText.length < limit && text.includes(q)) inText.push(i);
    }
    return [...starts, ...contains, ...inText].slice(0, limit);
  }

  list(): FoldedPassage[] {
    return [...this.folded];
  }
}

/** A list of strings as UTF-8 bytes and where each starts (one more offset than strings). */
export interface Utf8List {
  bytes: Uint8Array;
  offsets: Int32Array;
  /** Decodes every string (only `list()` and the fallback need them). */
  decode(): string[];
}

/**
 * `FoldedSearch` over UTF-8 bytes, with the result `FoldedList` gives: UTF-8 keeps every
 * character's bytes together and no character's bytes start inside another's, so a well-formed
 * query's bytes occur in a string's bytes exactly where the query occurs in the string. A query
 * that is not well-formed (a lone surrogate: UTF-8 cannot hold it) is answered from decoded strings.
 */
export class FoldedBytes implements FoldedSearch {
  private decoded?: FoldedList;

  constructor(
    private readonly ids: Utf8List,
    private readonly texts: Utf8List,
  ) {}

  find(q: string, limit: number): number[] {
    if (!(q as string & { isWellFormed(): boolean }).isWellFormed()) return this.strings().find(q, limit);
    const needle = Buffer.from(q, 'utf8');
    // In corpus order the three tiers only meet in the result when the first does not fill it:
    // once `limit` ids start with the query, the list above stops there.
    const starts: number[] = [];
    const contains: number[] = [];
    forEachMatch(this.ids, needle, (i, atStart) => {
      if (atStart) starts.push(i);
      else if (contains.length < limit) contains.push(i);
      return starts.length < limit;
    });
    if (starts.length >= limit) return starts.slice(0, limit);
    const result = [...starts, ...contains].slice(0, limit);
    if (result.length >= limit) return result;
    // Passages whose id holds the query are in `result` already (neither list filled).
    const byId = new Set(result);
    const inText: number[] = [];
    forEachMatch(this.texts, needle, (i) => {
      if (!byId.has(i)) inText.push(i);
      return result.length + inText.length < limit;
    });
    return [...result, ...inText];
  }

  list(): FoldedPassage[] {
    return this.strings().list();
  }

  private strings(): FoldedList {
    if (!this.decoded) {
      const ids = this.ids.decode();
      const texts = this.texts.decode();
      this.decoded = new FoldedList(ids.map((id, i) => ({ id, text: texts[i]! })));
    }
    return this.decoded;
  }
}

/**
 * Calls `visit` once for each string holding `needle`, in order, with whether it starts with it;
 * stops when `visit` returns false.
 */
function forEachMatch(list: Utf8List, needle: Buffer, visit: (i: number, atStart: boolean) => boolean): void {
  const { bytes, offsets } = list;
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = offsets.length - 1;
  let i = 0;
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return;
    // The string the match starts in: offsets only grow, so search forward from the last one.
    i = stringAt(offsets, at, i, count);
    const end = offsets[i + 1]!;
    if (at + needle.length <= end) {
      if (!visit(i, at === offsets[i])) return;
    }
    // One visit per string; a match running into the next string is no match, and neither is a
    // later one starting in the same string.
    from = end;
    i++;
    if (i >= count) return;
  }
}

/** The string whose bytes hold position `at`, at or after string `from` (empty strings skipped). */
function stringAt(offsets: Int32Array, at: number, from: number, count: number): number {
  let lo = from;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
