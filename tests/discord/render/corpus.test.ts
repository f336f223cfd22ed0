import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../../src/engine/index.ts';
import { LIMITS } from '../../../src/discord/limits.ts';
import { renderAbout, renderReloadDiff, renderReloadError } from '../../../src/discord/render/corpus.ts';

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
    const added = Array.from({ length: 200 }, (_, i) => `clanek#${i}`);
    const embed = renderReloadDiff(
      { added, removed: ['star#1'], changed: [], oldVersion: 'aaa', newVersion: 'bbb' },
      'en',
    ).embeds[0]!;
    expect(embed.description).toBe('Version `aaa` → `bbb`');
    expect(embed.fields!.map((f) => f.name)).toEqual(['Added: 200', 'Removed: 1', 'Changed: 0']);
    expect(embed.fields![0]!.value.length).toBeLessThanOrEqual(LIMITS.embedFieldValue);
    expect(embed.fields![0]!.value).toMatch(/… and \d+ more$/);
    expect(
      renderReloadDiff({ added: [], removed: [], changed: [], oldVersion: 'aaa', newVersion: 'aaa' }, 'sl').embeds[0]!
        .description,
    ).toBe('Brez sprememb: različica `aaa` ostaja.');
  });

  it('names the files a reload did not read, and why', () => {
    const skipped = [
      { file: 'notes.docx', reason: 'extension' as const },
      { file: 'link.md', reason: 'symlink' as const },
    ];
    const embed = renderReloadDiff(
      { added: [], removed: [], changed: [], oldVersion: 'aaa', newVersion: 'aaa', skipped },
      'en',
    ).embeds[0]!;
    expect(embed.fields).toEqual([
      {
        name: 'Files not read: 2',
        value: 'notes.docx — not .md, .txt or .jsonl\nlink.md — a symbolic link, not followed',
      },
    ]);
  });

  it('lists every corpus problem of a failed reload', () => {
    const error = new CorpusError([
      { file: 'a.jsonl', line: 3, message: 'missing "title"' },
      { file: 'b.md', message: 'empty body' },
    ]);
    const embed = renderReloadError(error, 'sl').embeds[0]!;
    expect(embed.title).toContain('prejšnje različice');
    expect(embed.description).toBe('• a.jsonl, vrstica 3: missing "title"\n• b.md: empty body');
    expect(renderReloadError(error, 'en').embeds[0]!.description).toBe(
      '• a.jsonl:3: missing "title"\n• b.md: empty body',
    );
  });
});
