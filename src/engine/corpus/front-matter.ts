import { parse as parseYaml } from 'yaml';

export interface SplitSource {
  /** Parsed YAML front matter, or null when the file has none. */
  meta: Record<string, unknown> | null;
  /** Offset where the article body begins in the file. */
  bodyStart: number;
  /** Date from the raw "date YYYY-MM" first word form, when present. */
  rawDate?: string;
  /** Problem with the front matter itself, when it is not valid YAML mapping. */
  error?: string;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
/** The seed's raw form: the file's first word is `date`, followed by `YYYY-MM` (or a full date). */
const RAW_DATE = /^\uFEFF?\s*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*/;

/** Separates optional metadata (YAML front matter, or the raw `date YYYY-MM` prefix) from the body. */
export function splitSource(content: string): SplitSource {
  const fm = FRONT_MATTER.exec(content);
  if (fm) {
    try {
      const meta: unknown = parseYaml(fm[1]!);
      if (meta === null || meta === undefined) return { meta: {}, bodyStart: fm[0].length };
      if (typeof meta !== 'object' || Array.isArray(meta)) {
        return { meta: null, bodyStart: fm[0].length, error: 'front matter must be a YAML mapping (key: value lines)' };
      }
      return { meta: meta as Record<string, unknown>, bodyStart: fm[0].length };
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return { meta: null, bodyStart: fm[0].length, error: `front matter is not valid YAML: ${reason}` };
    }
  }
  const raw = RAW_DATE.exec(content);
  if (raw) return { meta: null, bodyStart: raw[0].length, rawDate: raw[1]! };
  return { meta: null, bodyStart: 0 };
}
