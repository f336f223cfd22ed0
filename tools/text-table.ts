/** Plain-text tables for the dev tools' reports: columns padded to their widest cell. */

/**
 * The header, a rule and the rows, each cell padded to its column's widest: text columns (those
 * `isText` picks, by default the first) left-aligned, numbers right-aligned. Trailing spaces are
 * dropped.
 */
export function tableLines(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  isText: (column: number) => boolean = (column) => column === 0,
): { header: string; rule: string; rows: string[] } {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (isText(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const head = line(header);
  return { header: head, rule: '-'.repeat(head.length), rows: rows.map(line) };
}

/** `tableLines` as one text: header, rule, rows. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  isText?: (column: number) => boolean,
): string {
  const lines = tableLines(header, rows, isText);
  return [lines.header, lines.rule, ...lines.rows].join('\n');
}
