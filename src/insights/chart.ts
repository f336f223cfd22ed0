/**
 * The `/stats` chart: questions per day as stacked bars (answered below, abstained above), drawn
 * in-process with @napi-rs/canvas (Skia, a prebuilt binary inside its npm package; no browser, no
 * system libraries) and encoded as PNG. The labels are stroked digits (`digits.ts`), so the
 * picture needs no font and is the same on every host.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { DAY_MS } from '../storage/guild-store.ts';
import { textStrokes, textWidth } from './digits.ts';
import type { DayCount } from './stats.ts';

export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 280;

/** Colours as the embeds use them: green for answered, grey for "the article does not say". */
const COLOURS = {
  background: '#ffffff',
  axis: '#5c5f66',
  grid: '#e3e5e8',
  answered: '#2e7d4f',
  abstained: '#8a8f98',
  label: '#313338',
};

const MARGIN = { left: 48, right: 16, top: 16, bottom: 36 };
const LABEL_HEIGHT = 10;

/** A round step for about four grid lines up to `max`: 1, 2, 5, 10, 20, 50, … */
export function gridStep(max: number): number {
  const rough = Math.max(1, max / 4);
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const m of [1, 2, 5, 10]) if (m * power >= rough) return m * power;
  return 10 * power;
}

/** `d.m.` of a day number (UTC), the way Slovenian writes a date without the year. */
export function dayLabel(day: number): string {
  const date = new Date(day * DAY_MS);
  return `${date.getUTCDate()}.${date.getUTCMonth() + 1}.`;
}

function stroke(ctx: SKRSContext2D, text: string, x: number, y: number, align: 'left' | 'center' | 'right'): void {
  const width = textWidth(text, LABEL_HEIGHT);
  const left = align === 'left' ? x : align === 'center' ? x - width / 2 : x - width;
  ctx.beginPath();
  for (const line of textStrokes(text, left, y, LABEL_HEIGHT)) {
    line.forEach(([px, py], i) => (i === 0 ? ctx.moveTo(px, py) : ctx.lineTo(px, py)));
  }
  ctx.stroke();
}

/** The chart of `days` (one entry per day, oldest first) as PNG bytes. */
export function questionsChart(days: readonly DayCount[]): Buffer {
  const canvas = createCanvas(CHART_WIDTH, CHART_HEIGHT);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = COLOURS.background;
  ctx.fillRect(0, 0, CHART_WIDTH, CHART_HEIGHT);

  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    width: CHART_WIDTH - MARGIN.left - MARGIN.right,
    height: CHART_HEIGHT - MARGIN.top - MARGIN.bottom,
  };
  const most = Math.max(1, ...days.map((d) => d.answered + d.abstained));
  const step = gridStep(most);
  const top = Math.ceil(most / step) * step;
  const yOf = (n: number) => plot.top + plot.height - (n / top) * plot.height;

  // Grid lines with their counts.
  ctx.lineWidth = 1;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (let n = 0; n <= top; n += step) {
    const y = Math.round(yOf(n)) + 0.5;
    ctx.strokeStyle = n === 0 ? COLOURS.axis : COLOURS.grid;
    ctx.beginPath();
    ctx.moveTo(plot.left, y);
    ctx.lineTo(plot.left + plot.width, y);
    ctx.stroke();
    ctx.strokeStyle = COLOURS.label;
    ctx.lineWidth = 1.3;
    stroke(ctx, String(n), plot.left - 8, y - LABEL_HEIGHT / 2, 'right');
    ctx.lineWidth = 1;
  }

  // Bars: answered at the bottom, abstained stacked on top.
  const slot = plot.width / Math.max(1, days.length);
  const barWidth = Math.max(2, Math.floor(slot * 0.7));
  days.forEach((d, i) => {
    const x = Math.round(plot.left + i * slot + (slot - barWidth) / 2);
    const base = yOf(0);
    const answeredTop = yOf(d.answered);
    const allTop = yOf(d.answered + d.abstained);
    ctx.fillStyle = COLOURS.answered;
    ctx.fillRect(x, answeredTop, barWidth, base - answeredTop);
    ctx.fillStyle = COLOURS.abstained;
    ctx.fillRect(x, allTop, barWidth, answeredTop - allTop);
  });

  // Dates under every few bars, always the last (today).
  ctx.strokeStyle = COLOURS.label;
  ctx.lineWidth = 1.3;
  const every = Math.max(1, Math.ceil(days.length / 8));
  days.forEach((d, i) => {
    if ((days.length - 1 - i) % every !== 0) return;
    stroke(ctx, dayLabel(d.day), plot.left + i * slot + slot / 2, plot.top + plot.height + 10, 'center');
  });
  return canvas.toBuffer('image/png');
}
