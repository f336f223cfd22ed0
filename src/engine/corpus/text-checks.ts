/**
 * Checks that a corpus file is plain text before it is parsed: real UTF-8, and no control
 * characters (a file of NUL bytes, a binary saved as `.txt`, a terminal escape). Each finds the
 * line, so the moderator can go straight to it.
 */

/** Keeps a byte order mark in the text, so offsets match the file as the front matter parser sees it. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LINE_FEED = 0x0a;

/**
 * Decodes `bytes` as UTF-8, refusing invalid sequences (a real decoding check: a valid file may
 * well contain U+FFFD). On failure, names the first line that does not decode; a line feed byte
 * never occurs inside a multi-byte sequence, so lines can be checked one by one.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { badLine: number } {
  try {
    return { text: STRICT_UTF8.decode(bytes) };
  } catch {
    let start = 0;
    for (let line = 1; ; line++) {
      const end = bytes.indexOf(LINE_FEED, start);
      try {
        STRICT_UTF8.decode(bytes.subarray(start, end === -1 ? bytes.length : end));
      } catch {
        return { badLine: line };
      }
      if (end === -1) return { badLine: line };
      start = end + 1;
    }
  }
}

/**
 * C0 controls other than tab, line feed and carriage return (CRLF files are fine), DEL, and the
 * C1 controls. Form and line separators of Unicode (U+2028/9) are not controls and pass.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/** The first control character in `text`, with its 1-based line, or null when there is none. */
export function findControlCharacter(text: string): { line: number; codePoint: string } | null {
  const match = CONTROL.exec(text);
  if (!match) return null;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1)) line++;
  return { line, codePoint: `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` };
}

/** The problem text for a control character, shared by files and jsonl fields. */
export function describeControlCharacter(codePoint: string): string {
  return `contains the control character ${codePoint}; only tabs and line breaks are allowed in plain text`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1–12) of `year`, by the Gregorian leap-year rule. */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** Whether a `YYYY-MM` or `YYYY-MM-DD` date exists on the calendar (no month 13, no 31 February). */
export function isRealDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(year, month);
}
