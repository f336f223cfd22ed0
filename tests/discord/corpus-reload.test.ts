import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusReloads } from '../../src/discord/corpus-reload.ts';
import { renderReloadDiff } from '../../src/discord/render/corpus.ts';
import { Engine, LiveEngine } from '../../src/engine/index.ts';
import { corpusDir } from '../helpers.ts';

describe('a reload', () => {
  it("shows the new corpus's notes: a paragraph pasted without blank lines", async () => {
    const dir = await corpusDir({ 'a.md': 'Prvi odstavek.\n\nDrugi odstavek.\n' });
    // In a worker, as a large corpus is: the notes travel with the packed index.
    const live = new LiveEngine(await Engine.fromDirectory(dir), dir, { worker: true });
    const pasted = Array.from(
      { length: 60 },
      (_, i) => `To je ${i + 1}. vrstica strani, prilepljene brez praznih vrstic.`,
    ).join('\n');
    await writeFile(path.join(dir, 'b.md'), `---\ntitle: B\n---\n${pasted}\n`);
    const note = `b.md:4: paragraph 1 is ${pasted.length} characters: are paragraphs separated by blank lines?`;
    const reloads = corpusReloads(live);
    for (const result of [await reloads.previewCorpus(), await reloads.reloadCorpus()]) {
      if (result === 'busy') throw new Error('busy');
      expect(renderReloadDiff(result, 'en').embeds[0]!.fields).toContainEqual({ name: 'Worth a look: 1', value: note });
    }
  });
});
