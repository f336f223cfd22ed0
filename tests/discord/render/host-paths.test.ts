import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../../src/engine/index.ts';
import { renderReloadError } from '../../../src/discord/render/corpus.ts';
import { withoutHostPaths } from '../../../src/discord/render/host-paths.ts';

describe("a failed reload's reply", () => {
  it("names folders and files without the host's paths, which the engine keeps for the operator", () => {
    const error = new CorpusError([
      { file: '/srv/odlomek/corpus', message: 'folder does not exist' },
      { file: 'a.md', message: "cannot read: EACCES: permission denied, open '/srv/odlomek/corpus/a.md'" },
      { file: 'C:\\bot\\corpus', message: "ENOTDIR: not a directory, scandir 'C:\\bot\\corpus'" },
    ]);
    const text = String(renderReloadError(error, 'en').embeds[0]!.description);
    expect(text).not.toMatch(/srv|C:\\/);
    expect(text).toContain('corpus: folder does not exist');
    expect(text).toContain("a.md: cannot read: EACCES: permission denied, open 'a.md'");
  });

  it('leaves relative names and ordinary slashes alone', () => {
    const problem = { file: 'sub/a.md', line: 3, message: 'the date 2024/13 is not a date on the calendar' };
    expect(withoutHostPaths(problem)).toEqual(problem);
  });
});
