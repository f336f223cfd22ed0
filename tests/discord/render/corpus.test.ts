import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../../src/engine/index.ts';
import { LIMITS } from '../../../src/discord/limits.ts';
import { COLORS } from '../../../src/discord/render/colors.ts';
import { renderAbout, renderReloadDiff, renderReloadError } from '../../../src/discord/render/corpus.ts';
import { addCheckReport } from '../../../src/discord/render/checks.ts';
import { embedLength } from '../../../src/discord/render/budget.ts';

describe('corpus messages', () => {
  it('shows the corpus info', () => {
    const message = renderAbout(
      {
        documents: [{ slug: 'a', title: 'Naslov *z* zvezdico', date: '2024-06', passages: 12 }],
        passageCount: 12,
        version: 'abc123def456',
        loadedAt: new Date(1_700_000_000_000),
        dir: 'corpus',
      },
      'sl',
    );
    const embed = message.embeds[0]!;
    expect(embed.description).toBe('• Naslov \\*z\\* zvezdico (2024-06) — 12 odlomkov');
    expect(embed.fields!.map((f) => f.value)).toEqual(['12', '`abc123def456`', '<t:1700000000:f>']);
  });

  it('shows a reload diff, listing ids within a field', () => {
    // One paragraph of each of 200 articles: no two share a line.
    const added = Array.from({ length: 200 }, (_, i) => `clanek-${i}#1`);
    const embed = renderReloadDiff(
      { added, removed: ['star#1'], changed: [], moved: [], oldVersion: 'aaa', newVersion: 'bbb' },
      'en',
    ).embeds[0]!;
    expect(embed.description).toBe('Version `aaa` → `bbb`');
    expect(embed.fields!.map((f) => f.name)).toEqual(['Added: 200', 'Removed: 1', 'Changed: 0']);
    expect(embed.fields![0]!.value.length).toBeLessThanOrEqual(LIMITS.embedFieldValue);
    expect(embed.fields![0]!.value).toMatch(/… and \d+ more$/);
    expect(
      renderReloadDiff({ added: [], removed: [], changed: [], moved: [], oldVersion: 'aaa', newVersion: 'aaa' }, 'sl')
        .embeds[0]!.description,
    ).toBe('Brez sprememb: različica `aaa` ostaja.');
  });

  it('lists added, removed and changed paragraphs of one article in a row as one line', () => {
    const whole = Array.from({ length: 15 }, (_, i) => `ntrex128-slv-bbc.381790#${i + 1}`);
    const diff = {
      added: [...whole, 'vrh#2', 'vrh#3', 'vrh#5', 'vrh#6.1'],
      removed: ['stari#1'],
      changed: [],
      moved: [],
      oldVersion: 'aaa',
      newVersion: 'bbb',
    };
    expect(renderReloadDiff(diff, 'en').embeds[0]!.fields![0]).toEqual({
      name: 'Added: 19',
      value: ['ntrex128-slv-bbc.381790#1–15', 'vrh#2–3', 'vrh#5', 'vrh#6.1'].join('\n'),
    });
  });

  it('says which paragraphs only moved to a new id, a run of them in one line, in both languages', () => {
    const moved = [
      // A paragraph inserted above #1 of clanek: #1–3 one further down.
      ...[1, 2, 3].map((n) => ({ from: `clanek#${n}`, to: `clanek#${n + 1}` })),
      // One removed above #8: #8 one up, then a paragraph with parts, then an article whose id was renamed.
      { from: 'clanek#8', to: 'clanek#7' },
      { from: 'clanek#9.1', to: 'clanek#8.1' },
      { from: 'stari#1', to: 'novi#1' },
      { from: 'stari#2', to: 'novi#2' },
    ];
    const diff = { added: ['clanek#1'], removed: [], changed: [], moved, oldVersion: 'aaa', newVersion: 'bbb' };
    const lines = ['clanek#1–3 → #2–4', 'clanek#8 → #7', 'clanek#9.1 → clanek#8.1', 'stari#1–2 → novi#1–2'].join('\n');
    expect(renderReloadDiff(diff, 'en').embeds[0]!.fields).toEqual([
      { name: 'Added: 1', value: 'clanek#1' },
      { name: 'Removed: 0', value: '—' },
      { name: 'Changed: 0', value: '—' },
      { name: 'Moved to a new id: 7', value: lines },
    ]);
    expect(renderReloadDiff(diff, 'sl').embeds[0]!.fields!.map((f) => f.name)).toEqual([
      'Dodani: 1',
      'Odstranjeni: 0',
      'Spremenjeni: 0',
      'Premaknjeni pod novo oznako: 7',
    ]);
    // Within a field however many moved one by one.
    const scattered = Array.from({ length: 300 }, (_, i) => ({ from: `clanek#${2 * i}`, to: `clanek#${2 * i + 7}` }));
    const many = renderReloadDiff({ ...diff, moved: scattered }, 'en').embeds[0]!.fields!.at(-1)!;
    expect(many.name).toBe('Moved to a new id: 300');
    expect(many.value.length).toBeLessThanOrEqual(LIMITS.embedFieldValue);
    expect(many.value).toMatch(/^clanek#0 → #7\n.*… and \d+ more$/s);
  });

  it('keeps a reload reply with long check-question lists within the 6000 characters of a message', () => {
    const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-dolg-clanek-${i}#1`);
    const embed = renderReloadDiff(
      {
        added: ids(300, 'a'),
        removed: ids(300, 'b'),
        changed: ids(300, 'c'),
        moved: [],
        oldVersion: 'aaa',
        newVersion: 'bbb',
      },
      'en',
    ).embeds[0]!;
    const outcome = (i: number, top: string | null) => ({
      question: {
        question: `Vprašanje številka ${i} o nečem precej dolgem in zapletenem?`,
        expect: `a#${i}`,
        source: 'q',
      },
      top,
      met: top !== null,
    });
    const pairs = Array.from({ length: 200 }, (_, i) => ({ before: outcome(i, `a#${i}`), after: outcome(i, null) }));
    const score = { outcomes: [], answerable: 200, hits: 0, abstained: 0, abstainedAsExpected: 0 };
    addCheckReport(
      embed,
      {
        comparison: {
          before: score,
          after: score,
          worse: pairs,
          better: pairs,
          moved: pairs,
          unknownExpects: pairs.map((p) => p.before.question),
        },
        problems: pairs.map((_, i) => ({ file: 'questions.jsonl', line: i + 1, message: 'must be a JSON object' })),
      },
      'en',
    );
    expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.messageTotal);
    expect(embed.title).toBe('The corpus was reloaded. ⚠ 200 check questions got worse');
    expect(embed.fields!.at(-1)).toEqual({ name: '…', value: expect.stringMatching(/^… and \d+ more$/) });
  });

  it('counts a check question answered with the same text under a new id as a hit, and says how many only moved', () => {
    const outcome = (i: number, top: string) => ({
      question: { question: `Vprašanje ${i}?`, expect: `a#${i}`, source: 'q' },
      top,
      met: top === `a#${i}`,
    });
    // A paragraph inserted at the top: three questions answered by the same text one id further; one really worse.
    const moved = [1, 2, 3].map((i) => ({ before: outcome(i, `a#${i}`), after: outcome(i, `a#${i + 1}`) }));
    const worse = [{ before: outcome(4, 'a#4'), after: outcome(4, 'a#9') }];
    const pairs = [...moved, ...worse, { before: outcome(5, 'a#5'), after: outcome(5, 'a#5') }];
    const score = (hits: number, side: 'before' | 'after') => ({
      outcomes: pairs.map((p) => p[side]),
      answerable: 5,
      hits,
      abstained: 0,
      abstainedAsExpected: 0,
    });
    const report = {
      comparison: {
        before: score(5, 'before'),
        after: score(1, 'after'),
        worse,
        better: [],
        moved,
        unknownExpects: [],
      },
      problems: [],
    };
    const hitLine = (checks: typeof report, locale: 'sl' | 'en') => {
      const embed: APIEmbed = {};
      addCheckReport(embed, checks, locale);
      return embed.fields![0]!.value.split('\n')[0];
    };
    expect(hitLine(report, 'en')).toBe('Hit@1: 5/5 → 4/5 (3 under new ids)');
    expect(hitLine(report, 'sl')).toBe('Zadetki na 1. mestu: 5/5 → 4/5 (od tega 3 pod novimi oznakami)');
    const one = { ...report, comparison: { ...report.comparison, moved: moved.slice(0, 1), worse: [] } };
    expect(hitLine(one, 'en')).toBe('Hit@1: 5/5 → 2/5 (1 under a new id)');
    expect(hitLine(one, 'sl')).toBe('Zadetki na 1. mestu: 5/5 → 2/5 (od tega 1 pod novo oznako)');
  });

  it('names the files a reload did not read, and why', () => {
    const skipped = [
      { file: 'notes.docx', reason: 'extension' as const },
      { file: 'link.md', reason: 'symlink' as const },
    ];
    const embed = renderReloadDiff(
      { added: [], removed: [], changed: [], moved: [], oldVersion: 'aaa', newVersion: 'aaa', skipped },
      'en',
    ).embeds[0]!;
    expect(embed.fields).toEqual([
      {
        name: 'Files not read: 2',
        value: 'notes.docx — not .md, .txt or .jsonl\nlink.md — a symbolic link, not followed',
      },
    ]);
  });

  it('names the paragraphs so long that their blank lines seem lost, in the reader’s language', () => {
    const notes = [
      {
        file: 'clanek.md',
        line: 7,
        message: 'paragraph 3 is 45210 characters: are paragraphs separated by blank lines?',
      },
    ];
    const diff = {
      added: [],
      removed: [],
      changed: [],
      moved: [],
      oldVersion: 'aaa',
      newVersion: 'aaa',
      skipped: [],
      notes,
    };
    expect(renderReloadDiff(diff, 'en').embeds[0]!.fields).toEqual([
      {
        name: 'Worth a look: 1',
        value: 'clanek.md:7: paragraph 3 is 45210 characters: are paragraphs separated by blank lines?',
      },
    ]);
    const changed = renderReloadDiff({ ...diff, added: ['clanek#1'], newVersion: 'bbb' }, 'sl').embeds[0]!;
    expect(changed.fields!.at(-1)).toEqual({
      name: 'Preveri: 1',
      value: 'clanek.md, vrstica 7: odstavek 3 ima 45210 znakov: so odstavki ločeni s praznimi vrsticami?',
    });
  });

  it('stays within the 6000 characters of a message with every field full', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `clanek-z-dolgim-imenom-${i}#1`);
    const skipped = ids.map((id) => ({ file: `${id}.docx`, reason: 'extension' as const }));
    const notes = ids.map((id) => ({
      file: `${id}.md`,
      line: 1,
      message: 'paragraph 1 is 9999 characters: are paragraphs separated by blank lines?',
    }));
    const shards = ids.map((_, i) => ({ shards: [i], outcome: { kind: 'unreachable' as const } }));
    const diff = {
      added: ids,
      removed: ids,
      changed: ids,
      // Scattered, so that no two share a line.
      moved: ids.map((id, i) => ({ from: id, to: `${id}${i}` })),
      oldVersion: 'aaa',
      newVersion: 'bbb',
      skipped,
      notes,
      shards,
    };
    const embed = renderReloadDiff(diff, 'en').embeds[0]!;
    expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.messageTotal);
    expect(embed.fields!.map((f) => f.name)).toEqual([
      'Added: 300',
      'Removed: 300',
      'Changed: 300',
      'Moved to a new id: 300',
      'Files not read: 300',
      '…',
    ]);
  });

  it("says how each shard's part of a reload ended, only when there are several, in amber when some are behind", () => {
    const diff = {
      added: ['a#1'],
      removed: [],
      changed: [],
      moved: [],
      oldVersion: 'aaa',
      newVersion: 'bbb',
      skipped: [],
    };
    const reloaded = (version: string) => ({ kind: 'reloaded' as const, result: { ...diff, newVersion: version } });
    const broken = [
      { file: '/srv/bot/corpus/b.md', line: 3, message: 'the article has no text' },
      { file: 'c.md', message: 'the article has no text' },
    ];
    const shards = [
      { shards: [1], outcome: reloaded('bbb') },
      { shards: [0], outcome: reloaded('ccc') },
      { shards: [2, 3], outcome: { kind: 'failed' as const, problems: broken }, host: 'host-b' },
      { shards: [4], outcome: { kind: 'unreachable' as const } },
      { shards: [5, 6], outcome: { kind: 'not-running' as const } },
      { shards: [7], outcome: { kind: 'restarted' as const }, host: 'host-c' },
    ];
    const embed = renderReloadDiff({ ...diff, shards }, 'en').embeds[0]!;
    expect(embed.title).toBe('The corpus was reloaded. ⚠ 6 of 8 shards are not on this version');
    expect(embed.color).toBe(COLORS.closest);
    expect(embed.fields!.at(-1)).toEqual({
      name: 'Shards',
      value: [
        '✓ #1: reloaded `bbb`',
        "✗ #0: loaded another version (this host's corpus folder differs, or the corpus changed meanwhile: check the folder and run /reload again) `ccc`",
        // Where the broken host's corpus is broken, without the host's path.
        '✗ #2, #3 (host-b): corpus problems: b.md:3: the article has no text (+1)',
        '✗ #4: did not answer',
        '✗ #5, #6: not running on any host',
        // Not behind: it loaded its host's corpus as it started.
        '↻ #7 (host-c): its host started again meanwhile: it loads the corpus as it is there now',
      ].join('\n'),
    });
    // Counted by shard: one a stale report also names (a host restarted under a new name) is not behind.
    const twice = renderReloadDiff(
      { ...diff, shards: [shards[0]!, { shards: [1], outcome: { kind: 'unreachable' as const }, host: 'old' }] },
      'en',
    ).embeds[0]!;
    expect(twice.title).toBe('The corpus was reloaded.');
    const alone = renderReloadDiff({ ...diff, shards: shards.slice(0, 1) }, 'en').embeds[0]!;
    expect(alone.fields!.map((f) => f.name)).not.toContain('Shards');
    expect(alone.title).toBe('The corpus was reloaded.');
    expect(alone.color).toBe(COLORS.answer);
  });

  it('lists every corpus problem of a failed reload', () => {
    const error = new CorpusError([
      { file: 'a.jsonl', line: 3, message: 'missing "title"' },
      { file: 'b.md', message: 'empty body' },
    ]);
    const embed = renderReloadError(error, 'sl').embeds[0]!;
    expect(embed.title).toContain('prejšnje različice');
    // A message the Slovenian table does not know ("empty body") is shown as the engine wrote it.
    expect(embed.description).toBe('• a.jsonl, vrstica 3: manjka "title"\n• b.md: empty body');
    expect(renderReloadError(error, 'en').embeds[0]!.description).toBe(
      '• a.jsonl:3: missing "title"\n• b.md: empty body',
    );
  });
});
