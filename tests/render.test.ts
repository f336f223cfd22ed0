import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Answer, Passage, RankedPassage, Span } from '../src/engine/types.ts';
import { CorpusError } from '../src/engine/corpus/corpus-error.ts';
import { LIMITS } from '../src/discord/limits.ts';
import {
  NO_MENTIONS,
  citation,
  embedLength,
  escapeQuoted,
  messageLength,
  passageChoices,
  renderAbout,
  renderAnswer,
  renderHelp,
  renderPassage,
  renderNotice,
  renderQuote,
  renderReloadDiff,
  renderReloadError,
  shareBudget,
  toPayload,
} from '../src/discord/render.ts';

function passage(text: string, over: Partial<Passage> = {}): Passage {
  return { id: 'clanek#7', doc: 'clanek', title: 'Naslov članka', date: '2024-06', lang: 'sl', paragraph: 7, heading: null, text, start: 0, end: text.length, ...over };
}

/** Spans of each listed word's first occurrence. */
function spans(text: string, ...words: string[]): Span[] {
  return words.map((w) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length }));
}

function ranked(text: string, words: string[], best: string, over: Partial<Passage> = {}): RankedPassage {
  const start = text.indexOf(best);
  return { passage: passage(text, over), score: 1, highlights: spans(text, ...words), bestSentence: { start, end: start + best.length } };
}

function answer(passages: RankedPassage[], answered = true): Answer {
  return { question: 'q', answered, passages, confidence: answered ? 0.9 : 0.1 };
}

/** Removes our marks and escapes: what Discord shows as text. */
function shown(markdown: string): string {
  return markdown.replace(/\*\*|__/g, '').replace(/\\(.)/g, '$1');
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

describe('renderQuote', () => {
  const text = 'Putin je prispel v Pjongjang. Tam je s Kimom podpisal *sporazum* o partnerstvu. Nato je odpotoval.';

  it('bolds matched words and underlines the best sentence, quoting verbatim', () => {
    const r = ranked(text, ['Kimom', 'sporazum'], 'Tam je s Kimom podpisal *sporazum* o partnerstvu.');
    const out = renderQuote(text, r, 4096);
    expect(out).toContain('__Tam je s **Kimom** podpisal \\***sporazum**\\* o partnerstvu.__');
    expect(shown(out)).toBe(text);
  });

  it('does not underline a best sentence that is the whole passage', () => {
    const one = 'En sam stavek o Putinu.';
    expect(renderQuote(one, ranked(one, ['Putinu'], one), 4096)).toBe('En sam stavek o **Putinu**.');
  });

  it('merges touching highlights and nests bold inside underline across the sentence edge', () => {
    const r: RankedPassage = { ...ranked(text, [], 'Tam je s Kimom'), highlights: [{ start: 0, end: 3 }, { start: 3, end: 5 }, { start: 19, end: 38 }] };
    const out = renderQuote(text, r, 4096);
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
      const out = renderQuote(long, r, max);
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
    const r: RankedPassage = { passage: passage(starry), score: 1, highlights: spans(starry, '*b5*', '*b9*'), bestSentence: { start: 0, end: starry.length } };
    for (let max = 20; max < 200; max += 7) {
      const out = renderQuote(starry, r, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(/(?<!\\)\\$/);
      expect((out.match(/(?<!\\)\*\*/g) ?? []).length % 2).toBe(0);
    }
  });
});

describe('renderAnswer', () => {
  const text = 'Putin je prispel v Pjongjang. Tam je podpisal sporazum.';

  it('cites paragraph, title, date and id in each embed', () => {
    const message = renderAnswer(answer([ranked(text, ['Putin'], 'Putin je prispel v Pjongjang.')]), 'sl');
    expect(message.content).toBeUndefined();
    expect(message.embeds).toHaveLength(1);
    expect(message.embeds[0]!.footer!.text).toBe('¶ 7 · Naslov članka · 2024-06 · clanek#7');
    expect(message.embeds[0]!.description).toContain('__**Putin** je prispel v Pjongjang.__');
  });

  it('shows every passage it is given (callers choose how many), up to the 10 embeds Discord allows', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ranked(text, [], text, { id: `clanek#${i}`, paragraph: i }));
    const five = renderAnswer(answer(many(5)), 'sl');
    expect(five.embeds.map((e) => e.footer!.text.split(' · ').pop())).toEqual(['clanek#0', 'clanek#1', 'clanek#2', 'clanek#3', 'clanek#4']);
    const twelve = renderAnswer(answer(many(12)), 'sl');
    expect(twelve.embeds).toHaveLength(10);
    expect(messageLength(twelve)).toBeLessThanOrEqual(LIMITS.messageTotal);
  });

  it('says when the article does not answer and offers the closest passages as maybe related', () => {
    const sl = renderAnswer(answer([ranked(text, [], text)], false), 'sl');
    expect(sl.content).toBe('Članek na to vprašanje ne odgovarja. Morda povezano:');
    expect(sl.embeds).toHaveLength(1);
    expect(renderAnswer(answer([ranked(text, [], text)], false), 'en').content).toBe('The article does not answer this question. Maybe related:');
    expect(renderAnswer(answer([], false), 'sl')).toEqual({ content: 'V članku ni ničesar, kar bi bilo povezano s tem vprašanjem.', embeds: [] });
  });

  it('keeps three long passages within every embed limit and 6000 per message', () => {
    const long = `${'Dolg stavek z veliko besedami in *zvezdicami* ter _podčrtaji_. '.repeat(120)}Putin je prispel.`;
    const message = renderAnswer(
      answer([0, 1, 2].map((i) => ranked(long, ['Putin', 'zvezdicami'], 'Putin je prispel.', { id: `dolg#${i}`, heading: 'Poglavje '.repeat(40), title: 'Naslov '.repeat(50) }))),
      'sl',
    );
    expect(messageLength(message)).toBeLessThanOrEqual(LIMITS.messageTotal);
    for (const embed of message.embeds) {
      expect(embed.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
      expect(embed.author!.name.length).toBeLessThanOrEqual(LIMITS.embedAuthor);
      expect(embed.footer!.text.length).toBeLessThanOrEqual(LIMITS.embedFooter);
      expect(embed.description).toContain('__**Putin** je prispel.__');
      expect(embedLength(embed)).toBeGreaterThan(1000); // the budget is shared, not starved
      expect(embed.footer!.text).toMatch(/… · 2024-06 · dolg#\d$/); // a long title never hides the id
    }
  });

  it('quotes @everyone and role mentions as text', () => {
    const risky = 'Napisal je @everyone in <@&123456789012345678> ter <@223456789012345678>.';
    const message = renderAnswer(answer([ranked(risky, [], risky)]), 'sl');
    expect(message.embeds[0]!.description).toContain('\\<@&123456789012345678>');
    expect(shown(message.embeds[0]!.description!)).toBe(risky);
  });
});

describe('toPayload', () => {
  it('sends every message with mentions off, and clears old content when there is none', () => {
    const embeds = [{ description: 'x' }];
    expect(toPayload({ embeds })).toEqual({ content: '', embeds, allowedMentions: { parse: [], repliedUser: false } });
    expect(toPayload(renderNotice('@everyone')).allowedMentions).toEqual(NO_MENTIONS);
  });
});

describe('other messages', () => {
  const p = passage('Putin je prispel. Kim ga je pričakal.', { heading: 'Obisk', url: 'https://example.si/a' });

  it('renders a whole passage with its citation and heading', () => {
    const message = renderPassage(p, 'en');
    expect(message.embeds[0]!.description).toBe('Putin je prispel. Kim ga je pričakal.');
    expect(message.embeds[0]!.author!.name).toBe('Obisk');
    expect(message.embeds[0]!.footer!.text).toBe(citation(p, 'en'));
  });

  it('offers autocomplete choices within Discord limits', () => {
    const long = passage('beseda '.repeat(100), { id: 'clanek#12' });
    const tooLongId = passage('x', { id: 'a'.repeat(101) });
    const choices = passageChoices([long, tooLongId, ...Array.from({ length: 30 }, (_, i) => passage('t', { id: `c#${i}` }))]);
    expect(choices).toHaveLength(25);
    expect(choices[0]!.value).toBe('clanek#12');
    expect(choices[0]!.name.startsWith('clanek#12 — beseda beseda')).toBe(true);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name.length).toBeLessThanOrEqual(LIMITS.choiceName);
      expect(c.value.length).toBeLessThanOrEqual(LIMITS.choiceValue);
    }
  });

  it('shows the corpus info', () => {
    const message = renderAbout(
      { documents: [{ slug: 'a', title: 'Naslov *z* zvezdico', date: '2024-06', passages: 12 }], passageCount: 12, version: 'abc123def456', loadedAt: new Date(1_700_000_000_000), dir: 'corpus' },
      'sl',
    );
    const embed = message.embeds[0]!;
    expect(embed.description).toBe('• Naslov \\*z\\* zvezdico (2024-06) — 12 odl.');
    expect(embed.fields!.map((f) => f.value)).toEqual(['12', '`abc123def456`', '<t:1700000000:f>']);
  });

  it('shows a reload diff, listing ids within a field', () => {
    const added = Array.from({ length: 200 }, (_, i) => `clanek#${i}`);
    const embed = renderReloadDiff({ added, removed: ['star#1'], changed: [], oldVersion: 'aaa', newVersion: 'bbb' }, 'en').embeds[0]!;
    expect(embed.description).toBe('Version `aaa` → `bbb`');
    expect(embed.fields!.map((f) => f.name)).toEqual(['Added: 200', 'Removed: 1', 'Changed: 0']);
    expect(embed.fields![0]!.value.length).toBeLessThanOrEqual(LIMITS.embedFieldValue);
    expect(embed.fields![0]!.value).toMatch(/… and \d+ more$/);
    expect(renderReloadDiff({ added: [], removed: [], changed: [], oldVersion: 'aaa', newVersion: 'aaa' }, 'sl').embeds[0]!.description).toBe('Brez sprememb: različica `aaa` ostaja.');
  });

  it('lists every corpus problem of a failed reload', () => {
    const error = new CorpusError([{ file: 'a.jsonl', line: 3, message: 'missing "title"' }, { file: 'b.md', message: 'empty body' }]);
    const embed = renderReloadError(error, 'sl').embeds[0]!;
    expect(embed.title).toContain('prejšnje različice');
    expect(embed.description).toBe('• a.jsonl:3: missing "title"\n• b.md: empty body');
  });

  it('names the Q&A channels in help', () => {
    expect(renderHelp('en', ['123456789012345678']).embeds[0]!.description).toContain('<#123456789012345678>');
  });
});

describe('shareBudget', () => {
  it('gives short wishes what they want and splits the rest', () => {
    expect(shareBudget([100, 5000, 5000], 6000, 4096)).toEqual([100, 2950, 2950]);
    expect(shareBudget([10, 20], 6000, 4096)).toEqual([10, 20]);
    expect(shareBudget([9000], 6000, 4096)).toEqual([4096]);
  });
});

describe('renderQuote properties', () => {
  const alphabet = fc.constantFrom(...'ab čž*_~|`<>[]()#-\\@&:'.split(''), ' ', ' ', 'x', 'y');
  const quote = fc
    .tuple(fc.array(alphabet, { minLength: 1, maxLength: 300 }), fc.array(fc.nat(), { maxLength: 10 }), fc.nat(), fc.nat(), fc.integer({ min: 8, max: 400 }))
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
        const out = renderQuote(text, { highlights, bestSentence: best }, max);
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
