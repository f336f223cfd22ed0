/**
 * Cutting text to a size limit without splitting a word (or a surrogate pair), with a visible
 * ellipsis so a reader knows something was left out.
 */
export const ELLIPSIS = '…';

/** How far back we look for a space before giving up and cutting inside one very long word. */
const MAX_WORD_BACKTRACK = 40;

/** `text` if it fits in `max` characters, else its longest word-boundary prefix plus `…`. */
export function truncateAtWord(text: string, max: number, ellipsis = ELLIPSIS): string {
  if (text.length <= max) return text;
  if (max <= ellipsis.length) return ellipsis.slice(0, Math.max(0, max));
  const room = max - ellipsis.length;
  return wordPrefix(text, room).trimEnd() + ellipsis;
}

/**
 * `text` cut to at most `max` characters in its middle, at words: the first third kept, then
 * `ellipsis`, then the end. For a question, whose asking part often comes last, after a preamble
 * ("Zanima me, ker pišem seminarsko nalogo … kdaj je Rusija vložila veto?").
 */
export function truncateMiddle(text: string, max: number, ellipsis = ` ${ELLIPSIS} `): string {
  if (text.length <= max) return text;
  const room = max - ellipsis.length;
  if (room < 3) return truncateAtWord(text, max);
  const head = wordPrefix(text, Math.floor(room / 3)).trimEnd();
  return head + ellipsis + wordSuffix(text, room - head.length).trimStart();
}

/** The longest suffix of `text` of at most `room` characters that starts at a word boundary. */
export function wordSuffix(text: string, room: number): string {
  if (text.length <= room) return text;
  const start = text.length - room;
  if (/\s/.test(text[start - 1] ?? '')) return text.slice(start);
  const tail = text.slice(start);
  const firstSpace = tail.search(/\s/);
  if (firstSpace >= 0 && firstSpace <= MAX_WORD_BACKTRACK) return tail.slice(firstSpace + 1);
  // Never half a surrogate pair at the start.
  const code = text.charCodeAt(start);
  return code >= 0xdc00 && code <= 0xdfff ? tail.slice(1) : tail;
}

/** The longest prefix of `text` of at most `room` characters that ends at a word boundary. */
export function wordPrefix(text: string, room: number): string {
  if (text.length <= room) return text;
  // A cut right before whitespace is already at a word boundary.
  if (/\s/.test(text[room] ?? '')) return text.slice(0, room);
  const head = text.slice(0, room);
  const lastSpace = head.search(/\s\S*$/);
  if (lastSpace > 0 && room - lastSpace <= MAX_WORD_BACKTRACK) return head.slice(0, lastSpace);
  return safeSlice(text, room);
}

/** `text.slice(0, end)` that never leaves half a surrogate pair at the end. */
export function safeSlice(text: string, end: number): string {
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? text.slice(0, end - 1) : text.slice(0, end);
}

/** Offsets in `text` where a cut falls on a word boundary (ends of words), ascending, plus `text.length`. */
export function wordEnds(text: string, from = 0): number[] {
  const ends: number[] = [];
  const re = /\S(?=\s|$)/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) ends.push(m.index + 1);
  if (ends[ends.length - 1] !== text.length) ends.push(text.length);
  return ends;
}

/**
 * The largest candidate (ascending list) whose rendering fits in `max`, found by binary search.
 * Rendering must grow with the candidate, which holds for "render the text up to here".
 * Returns undefined when not even the smallest fits.
 */
export function largestFitting<T>(candidates: readonly T[], render: (c: T) => string, max: number): T | undefined {
  let lo = 0;
  let hi = candidates.length - 1;
  let best: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const candidate = candidates[mid]!;
    if (render(candidate).length <= max) {
      best = candidate;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/**
 * Joins lines with `\n` keeping as many whole lines as fit in `max`; when some are left out the
 * last line says how many (`more(n)`). A single line longer than `max` is cut at a word.
 */
export function fitLines(
  lines: readonly string[],
  max: number,
  more: (n: number) => string = (n) => `${ELLIPSIS} (+${n})`,
): string {
  const all = lines.join('\n');
  if (all.length <= max) return all;
  const kept: string[] = [];
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const tail = more(lines.length - i);
    const extra = (kept.length > 0 ? 1 : 0) + line.length;
    // Keep room for the "+n more" line unless this is the last line.
    const reserve = i === lines.length - 1 ? 0 : tail.length + 1;
    if (length + extra + reserve > max) {
      if (kept.length === 0) return truncateAtWord(line, max);
      kept.push(tail);
      return kept.join('\n');
    }
    kept.push(line);
    length += extra;
  }
  return kept.join('\n');
}
