/**
 * Numbers drawn as strokes, in the manner of a seven-segment display: the chart's axis labels need
 * only digits and dots, and drawing them ourselves makes the picture the same on every host,
 * with or without fonts installed (a server often has none).
 */

/** A glyph: polylines on a grid 4 wide and 6 high, y downwards. */
type Glyph = [number, number][][];

const GLYPHS: Record<string, Glyph> = {
  '0': [
    [
      [0, 0],
      [4, 0],
      [4, 6],
      [0, 6],
      [0, 0],
    ],
  ],
  '1': [
    [
      [1, 1],
      [2.5, 0],
      [2.5, 6],
    ],
  ],
  '2': [
    [
      [0, 0],
      [4, 0],
      [4, 3],
      [0, 3],
      [0, 6],
      [4, 6],
    ],
  ],
  '3': [
    [
      [0, 0],
      [4, 0],
      [4, 6],
      [0, 6],
    ],
    [
      [1, 3],
      [4, 3],
    ],
  ],
  '4': [
    [
      [0, 0],
      [0, 3],
      [4, 3],
    ],
    [
      [4, 0],
      [4, 6],
    ],
  ],
  '5': [
    [
      [4, 0],
      [0, 0],
      [0, 3],
      [4, 3],
      [4, 6],
      [0, 6],
    ],
  ],
  '6': [
    [
      [4, 0],
      [0, 0],
      [0, 6],
      [4, 6],
      [4, 3],
      [0, 3],
    ],
  ],
  '7': [
    [
      [0, 0],
      [4, 0],
      [4, 6],
    ],
  ],
  '8': [
    [
      [0, 0],
      [4, 0],
      [4, 6],
      [0, 6],
      [0, 0],
    ],
    [
      [0, 3],
      [4, 3],
    ],
  ],
  '9': [
    [
      [4, 3],
      [0, 3],
      [0, 0],
      [4, 0],
      [4, 6],
      [0, 6],
    ],
  ],
  '.': [
    [
      [0.5, 5.4],
      [0.5, 6],
    ],
  ],
};

/** Advance of a glyph in grid units: digits 4 wide plus a gap, the dot narrow. */
function advance(char: string): number {
  return char === '.' ? 2 : 5.5;
}

/** Where the strokes of `text` go: polylines in pixels for a text `height` pixels high, its top left at (x, y). */
export function textStrokes(text: string, x: number, y: number, height: number): [number, number][][] {
  const unit = height / 6;
  const strokes: [number, number][][] = [];
  let at = x;
  for (const char of text) {
    const glyph = GLYPHS[char];
    if (!glyph) throw new Error(`no glyph for ${JSON.stringify(char)}`);
    for (const line of glyph) strokes.push(line.map(([gx, gy]) => [at + gx * unit, y + gy * unit]));
    at += advance(char) * unit;
  }
  return strokes;
}

/** Width in pixels of `text` drawn `height` pixels high (without the gap after the last glyph). */
export function textWidth(text: string, height: number): number {
  let width = 0;
  for (const char of text) width += advance(char);
  return ((width - 1.5) * height) / 6;
}
