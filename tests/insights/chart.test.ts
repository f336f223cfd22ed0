import { describe, expect, it } from 'vitest';
import { CHART_HEIGHT, CHART_WIDTH, dayLabel, gridStep, questionsChart } from '../../src/insights/chart.ts';
import { textStrokes, textWidth } from '../../src/insights/digits.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('the questions-per-day chart', () => {
  it('is a PNG of the chart size', () => {
    const days = Array.from({ length: 30 }, (_, i) => ({ day: 20_000 + i, answered: i, abstained: i % 3 }));
    const png = questionsChart(days);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    // IHDR: width and height, big-endian, right after the signature and the chunk header.
    expect(png.readUInt32BE(16)).toBe(CHART_WIDTH);
    expect(png.readUInt32BE(20)).toBe(CHART_HEIGHT);
  });

  it('draws an empty month without dividing by zero', () => {
    const png = questionsChart(Array.from({ length: 30 }, (_, i) => ({ day: i, answered: 0, abstained: 0 })));
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it('puts grid lines at round steps and dates as d.m.', () => {
    expect([1, 4, 9, 17, 40, 130].map(gridStep)).toEqual([1, 1, 5, 5, 10, 50]);
    expect(dayLabel(Date.UTC(2026, 10, 3) / 86_400_000)).toBe('3.11.');
  });

  it('draws digits and dots as strokes, and refuses what it has no glyph for', () => {
    expect(textStrokes('10.', 0, 0, 6).length).toBe(3);
    expect(textWidth('8', 6)).toBe(4);
    expect(() => textStrokes('a', 0, 0, 6)).toThrow(/no glyph/);
  });
});
