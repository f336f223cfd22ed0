import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEGMENT_WINDOW, segmentsInWindows, sentenceSpans } from '../../../src/engine/text/sentences.ts';
import { DISTRACTORS } from '../../helpers.ts';

/** The paragraphs of the distractor articles, as written. */
async function paragraphs(): Promise<string[]> {
  const lines = (await readFile(DISTRACTORS, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  return lines.flatMap((line) => (JSON.parse(line) as { text: string }).text.split(/\n\s*\n/)).map((p) => p.trim());
}

/** `paragraphs` joined by `separator`, repeated until the text is at least `size` characters long. */
async function textOf(size: number, separator: string): Promise<string> {
  const all = await paragraphs();
  const out: string[] = [];
  for (let length = 0, i = 0; length < size; i++) {
    out.push(all[i % all.length]!);
    length += all[i % all.length]!.length + separator.length;
  }
  return out.join(separator);
}

const segmenter = new Intl.Segmenter('sl', { granularity: 'sentence' });
/** Where the segmenter ends segments when it is handed the whole text at once. */
const segmentedAtOnce = (text: string) =>
  [...segmenter.segment(text)].map(({ segment, index }) => ({ segment, index }));

describe('sentences of a long text', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are found a window at a time: the segmenter is never handed the whole text, and each character about once', async () => {
    // Node 20's segmenter costs the whole text it is handed at every step, so handing it a long
    // text made splitting quadratic in its length (a paragraph of 1 MB took seconds).
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    const handed = (text: string) => {
      segment.mockClear();
      expect(sentenceSpans(text).length).toBeGreaterThan(5000);
      return segment.mock.calls.map(([window]) => window.length);
    };
    for (const separator of [' ', '\n', '\n\n']) {
      const text = await textOf(1_000_000, separator);
      const windows = handed(text);
      expect(Math.max(...windows)).toBeLessThanOrEqual(SEGMENT_WINDOW);
      expect(windows.reduce((sum, n) => sum + n, 0)).toBeLessThan(text.length * 1.1);
    }
    // A table of figures, without a letter to tell where the segmenter stopped reading: a window
    // still moves on by half its width.
    const table = `Tabela: ${'12. 345, 6.7; '.repeat(20_000)}`;
    const windows = handed(table);
    expect(Math.max(...windows)).toBeLessThanOrEqual(SEGMENT_WINDOW);
    expect(windows.reduce((sum, n) => sum + n, 0)).toBeLessThan(table.length * 2.1);
  });

  it('end where the segmenter ends them when handed the whole text', async () => {
    const texts = [
      await textOf(60_000, ' '),
      await textOf(60_000, '\n'),
      await textOf(60_000, '\r\n'),
      await textOf(60_000, '\n\n'),
      // After a full stop the segmenter reads on to the next letter, here past the cut of a window:
      // a small letter continues the sentence.
      `${'Prvi stavek je kratek. '.repeat(330)}Konec. ${'1 '.repeat(1500)}pa se nadaljuje. ${'Drugi stavek. '.repeat(800)}`,
      // A table of figures without letters, and a sentence longer than a window.
      `${'12. 345, 6.7; '.repeat(2000)} ${'beseda '.repeat(3000)}konec.`,
    ];
    for (const text of texts) expect([...segmentsInWindows(text)]).toEqual(segmentedAtOnce(text));
  });

  it('have the same spans whatever the text around them', async () => {
    const text = await textOf(40_000, ' ');
    const spans = sentenceSpans(text);
    const shifted = sentenceSpans(`Uvod. ${text}`).slice(1);
    expect(shifted).toEqual(spans.map(({ start, end }) => ({ start: start + 6, end: end + 6 })));
  });
});
