import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RankedPassage, Span } from '../../../src/engine/index.ts';
import { escapeQuoted, quoteMarkdown } from '../../../src/discord/render/markdown.ts';
import { quoteOf } from '../../../src/view/quote.ts';
import { passage, ranked, shown, spans } from './passages.ts';

/** The Markdown quote of `text` with the marks of `marked`, in at most `max` characters. */
function markdownOf(
  text: string,
  marked: Pick<RankedPassage, 'highlights' | 'bestSentence'> | null,
  max: number,
): string {
  return quoteMarkdown(quoteOf(text, marked), max);
}

describe('escapeQuoted', () => {
  it('shows Markdown in the article as written', () => {
    const raw = 'To je *poudarek*, _nagib_, `koda`, ~~črta~~, ||skrito||, [povezava](https://x.si) in \\ poševnica.';
    const out = escapeQuoted(raw);
    expect(out).not.toMatch(/(?<!\\)[*_`~|[\]]/);
    expect(shown(out)).toBe(raw);
  });

  it('defuses mentions, timestamps, headings, quotes and lists at a line start', () => {
    const raw = '<@123> <@&456> <t:1700000000>\n# Naslov\n> citat\n- alineja\n-# drobno';
    const out = escapeQuoted(raw);
    expect(out).not.toMatch(/(?<!\\)</);
    for (const line of out.split('\n').slice(1)) expect(line.startsWith('\\')).toBe(true);
  });
});

describe('quoteMarkdown', () => {
  const text = 'Putin je prispel v Pjongjang. Tam je s Kimom podpisal *sporazum* o partnerstvu. Nato je odpotoval.';

  it('bolds matched words and underlines the best sentence, quoting verbatim', () => {
    const r = ranked(text, ['Kimom', 'sporazum'], 'Tam je s Kimom podpisal *sporazum* o partnerstvu.');
    const out = markdownOf(text, r, 4096);
    expect(out).toContain('__Tam je s **Kimom** podpisal \\***sporazum**\\* o partnerstvu.__');
    expect(shown(out)).toBe(text);
  });

  it('does not underline a best sentence that is the whole passage', () => {
    const one = 'En sam stavek o Putinu.';
    expect(markdownOf(one, ranked(one, ['Putinu'], one), 4096)).toBe('En sam stavek o **Putinu**.');
  });

  it('merges touching highlights and nests bold inside underline across the sentence edge', () => {
    const r: RankedPassage = {
      ...ranked(text, [], 'Tam je s Kimom'),
      highlights: [
        { start: 0, end: 3 },
        { start: 3, end: 5 },
        { start: 19, end: 38 },
      ],
    };
    const out = markdownOf(text, r, 4096);
    expect(out).not.toContain('****');
    expect(out.startsWith('**Putin** je')).toBe(true);
    // A highlight crossing the underline edge is split so the marks nest.
    expect(out).toContain('**Pjongjang.** __**Tam je s**');
    expect(shown(out)).toBe(text);
  });

  it('cuts at a word boundary within the limit and keeps the best sentence', () => {
    const long = `${'Uvodni stavek brez pomena. '.repeat(40)}Ključni stavek pove, da je Putin prispel. ${'Zaključek. '.repeat(40)}`;
    const r = ranked(long, ['Putin'], 'Ključni stavek pove, da je Putin prispel.');
    for (const max of [80, 200, 500]) {
      const out = markdownOf(long, r, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).toContain('__Ključni stavek pove, da je **Putin** prispel.__');
      expect(out.startsWith('… ')).toBe(true);
      expect(out.endsWith(' …')).toBe(true);
      // Every kept word is whole: the shown text minus ellipses appears verbatim in the passage.
      expect(long).toContain(shown(out).slice(2, -2));
    }
  });

  it('never cuts inside an escape or a mark', () => {
    const starry = Array.from({ length: 300 }, (_, i) => `*b${i}*`).join(' ');
    const r: RankedPassage = {
      passage: passage(starry),
      score: 1,
      highlights: spans(starry, '*b5*', '*b9*'),
      bestSentence: { start: 0, end: starry.length },
    };
    for (let max = 20; max < 200; max += 7) {
      const out = markdownOf(starry, r, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(/(?<!\\)\\$/);
      expect((out.match(/(?<!\\)\*\*/g) ?? []).length % 2).toBe(0);
    }
  });
});

describe('quoteMarkdown properties', () => {
  const alphabet = fc.constantFrom(...'ab čž*_~|`<>[]()#-\\@&:'.split(''), ' ', ' ', 'x', 'y');
  const quote = fc
    .tuple(
      fc.array(alphabet, { minLength: 1, maxLength: 300 }),
      fc.array(fc.nat(), { maxLength: 10 }),
      fc.nat(),
      fc.nat(),
      fc.integer({ min: 8, max: 400 }),
    )
    .map(([chars, cuts, b1, b2, max]) => {
      const text = chars.join('');
      const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
      const highlights: Span[] = [];
      for (let i = 0; i + 1 < points.length; i += 2) highlights.push({ start: points[i]!, end: points[i + 1]! });
      const [s, e] = [b1 % (text.length + 1), b2 % (text.length + 1)].sort((x, y) => x - y) as [number, number];
      return { text, highlights, best: { start: s, end: e }, max };
    });

  it('fits, balances its marks, and shows only words of the passage as written', () => {
    fc.assert(
      fc.property(quote, ({ text, highlights, best, max }) => {
        const out = markdownOf(text, { highlights, bestSentence: best }, max);
        expect(out.length).toBeLessThanOrEqual(max);
        // Our marks come in pairs (escaped characters are not marks).
        const unescaped = out.replace(/\\./g, '');
        expect((unescaped.match(/\*\*/g) ?? []).length % 2).toBe(0);
        expect((unescaped.match(/__/g) ?? []).length % 2).toBe(0);
        // Only our marks are unescaped Markdown (a lone | or ~ means nothing to Discord).
        expect(unescaped.replace(/\*\*|__|…/g, '')).not.toMatch(/[*_`<[\]\\]/);
        // Spoiler and strike need two unescaped characters in a row.
        const tokens = out.match(/\\[\s\S]|[\s\S]/g) ?? [];
        for (let i = 0; i + 1 < tokens.length; i++) expect(['||', '~~']).not.toContain(tokens[i]! + tokens[i + 1]!);
        const shownText = shown(out).replace(/^… /, '').replace(/ …$/, '');
        if (shownText !== '…') expect(text).toContain(shownText.trim());
      }),
      { numRuns: 400 },
    );
  });
});
