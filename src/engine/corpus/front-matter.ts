import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

/**
 * The YAML parser, required (its CommonJS build) with the first front matter read: a start from
 * a saved index reads none, and importing it as an ES module under tsx cost 0.1 to 0.25 s.
 */
let yamlModule: typeof Yaml | undefined;
const yaml = () => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

export interface SplitSource {
  /** Parsed YAML front matter, or null when the file has none. */
  meta: Record<string, unknown> | null;
  /** Offset where the article body begins in the file. */
  bodyStart: number;
  /** Date from the raw "date YYYY-MM" first word form, when present. */
  rawDate?: string;
  /** Problem with the front matter itself, when it is not a valid YAML mapping. */
  error?: { message: string; line: number };
  /** Each front matter key as written on its line, for pointing at a bad value. */
  keyLines?: Map<string, KeyLine>;
}

/** Where a top-level front matter key is written, and the text after its colon as written. */
export interface KeyLine {
  /** The file line (`date` → 4). */
  line: number;
  /** What follows the colon, comments and quotes included: `  Kim #1 v Pjongjangu`. */
  rawValue: string;
}

/**
 * Blank lines, a line's leading spaces and a byte order mark before the opening `---`: an editor
 * or a paste can add them unseen, and read as text the metadata would become the first paragraph,
 * `---` its title, and every paragraph number would shift.
 */
const BEFORE_OPENING = String.raw`^\uFEFF?((?:[ \t]*\r?\n)*)[ \t]*`;
/** `---`, the YAML lines (possibly none), `---`. */
const FRONT_MATTER = new RegExp(String.raw`${BEFORE_OPENING}---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)`);
/** A first line of `---` alone: front matter was meant, closed or not. */
const FRONT_MATTER_OPENING = new RegExp(String.raw`${BEFORE_OPENING}---[ \t]*\r?\n`);
/** The seed's raw form: the file's first word is `date`, followed by `YYYY-MM` (or a full date). */
const RAW_DATE = /^\uFEFF?\s*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*/;
const TOP_LEVEL_KEY = /^([^\s#:][^:]*?)[ \t]*:(.*)$/;

/** The file line of the opening `---`: 1, unless blank lines come before it. */
function openingLine(blankLinesBefore: string): number {
  return 1 + (blankLinesBefore.match(/\n/g)?.length ?? 0);
}

/** Every top-level key in the YAML text, which starts at `firstLine` of the file, as written. */
function keyLinesOf(yaml: string, firstLine: number): Map<string, KeyLine> {
  const lines = new Map<string, KeyLine>();
  yaml.split(/\r?\n/).forEach((line, i) => {
    const match = TOP_LEVEL_KEY.exec(line);
    if (match && !lines.has(match[1]!)) lines.set(match[1]!, { line: firstLine + i, rawValue: match[2]! });
  });
  return lines;
}

/**
 * What to do about a YAML error the parser words for YAML's grammar, not for a moderator:
 * `title: Putin: obisk` is "Nested mappings are not allowed in compact mappings", as ": " in an
 * unquoted value starts another key.
 */
function yamlErrorAdvice(error: Yaml.YAMLParseError): string {
  return error.code === 'BLOCK_AS_IMPLICIT_KEY'
    ? ': put the value in quotes, since YAML reads ": " in it as a key'
    : '';
}

/** A YAML parser error as one clean line, placed at its line in the file (not in the front matter). */
function yamlError(error: unknown, firstLine: number): { message: string; line: number } {
  if (!(error instanceof yaml().YAMLParseError))
    return { message: `front matter is not valid YAML: ${String(error)}`, line: firstLine };
  const where = error.linePos?.[0];
  // The parser appends " at line L, column C:" and a code excerpt; the line goes into the position.
  const reason = error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '').trim();
  return {
    message: `front matter is not valid YAML: ${reason}${where ? ` (column ${where.col})` : ''}${yamlErrorAdvice(error)}`,
    line: where ? firstLine + where.line - 1 : firstLine,
  };
}

/** Separates optional metadata (YAML front matter, or the raw `date YYYY-MM` prefix) from the body. */
export function splitSource(content: string): SplitSource {
  const fm = FRONT_MATTER.exec(content);
  if (fm) {
    const source = fm[2] ?? '';
    const bodyStart = fm[0].length;
    // The YAML starts on the line after the opening `---`.
    const firstLine = openingLine(fm[1]!) + 1;
    let meta: unknown;
    try {
      // Problems are reported through CorpusError; yaml's own warnings would go to stderr unasked.
      meta = yaml().parse(source, { logLevel: 'error' });
    } catch (error) {
      return { meta: null, bodyStart, error: yamlError(error, firstLine) };
    }
    if (meta === null || meta === undefined) return { meta: {}, bodyStart, keyLines: new Map() };
    if (typeof meta !== 'object' || Array.isArray(meta)) {
      return {
        meta: null,
        bodyStart,
        error: { message: 'front matter must be a YAML mapping (key: value lines)', line: firstLine },
      };
    }
    return { meta: meta as Record<string, unknown>, bodyStart, keyLines: keyLinesOf(source, firstLine) };
  }
  const opening = FRONT_MATTER_OPENING.exec(content);
  if (opening) {
    // Read as text, the metadata would be quoted as the first paragraph and shift every number.
    return {
      meta: null,
      bodyStart: 0,
      error: {
        message: 'front matter opened with "---" is never closed: end it with a line "---"',
        line: openingLine(opening[1]!),
      },
    };
  }
  const raw = RAW_DATE.exec(content);
  if (raw) return { meta: null, bodyStart: raw[0].length, rawDate: raw[1]! };
  return { meta: null, bodyStart: 0 };
}
