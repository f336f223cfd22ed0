// The layers of the code and which way they may depend on each other (see the README's layout):
// the engine knows no face, the view and the terminal know nothing of Discord, the faces reach
// the engine only through its front door, and only the entry points know the command list.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers.ts';

/** Every TypeScript file below these folders, relative to the repository, forward slashes. */
async function sources(...dirs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const dir of dirs) {
    const entries = await readdir(path.join(REPO, dir), { withFileTypes: true, recursive: true });
    for (const e of entries)
      if (e.isFile() && e.name.endsWith('.ts'))
        files.push(path.relative(REPO, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  }
  return files;
}

/** What a file imports: packages by name, files as repository paths. */
async function importsOf(file: string): Promise<string[]> {
  const text = await readFile(path.join(REPO, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.map((s) =>
    s.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), s)) : s,
  );
}

const DISCORD_PACKAGE = /^(discord\.js|@discordjs\/|discord-api-types)/;

/** The imports of the files below `dirs` that `forbidden` picks out, as `file -> import`. */
async function offending(dirs: string[], forbidden: (target: string, file: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  for (const file of await sources(...dirs))
    for (const target of await importsOf(file)) if (forbidden(target, file)) found.push(`${file} -> ${target}`);
  return found;
}

describe('layers', () => {
  it('the engine imports nothing outside itself: no Discord, no face, no view', async () => {
    expect(await sources('src/engine')).not.toHaveLength(0);
    expect(
      await offending(
        ['src/engine'],
        (target) =>
          DISCORD_PACKAGE.test(target) ||
          (target.includes('/') && !target.startsWith('src/engine/') && /^(src|commands|tools|tests)\//.test(target)),
      ),
    ).toEqual([]);
  });

  it('outside the engine, only its front door src/engine/index.ts is imported', async () => {
    expect(
      await offending(
        ['src', 'commands'],
        (target, file) =>
          !file.startsWith('src/engine/') && target.startsWith('src/engine/') && target !== 'src/engine/index.ts',
      ),
    ).toEqual([]);
  });

  it('the view and the terminal face import nothing of Discord', async () => {
    expect(
      await offending(
        ['src/view', 'src/terminal'],
        (target) => DISCORD_PACKAGE.test(target) || target.startsWith('src/discord/') || target.startsWith('commands/'),
      ),
    ).toEqual([]);
  });

  it("the view knows no face, and the Discord face does not use the terminal's", async () => {
    expect(await offending(['src/view'], (target) => target.startsWith('src/terminal/'))).toEqual([]);
    expect(await offending(['src/discord'], (target) => target.startsWith('src/terminal/'))).toEqual([]);
  });

  it('only the entry points know the command list: the bot and the deploy step are handed it', async () => {
    const users = (
      await offending(['src', 'commands'], (target) => target.startsWith('commands/') && target.endsWith('index.ts'))
    ).map((line) => line.split(' -> ')[0]);
    expect(users.sort()).toEqual(['src/deploy-commands.ts', 'src/main.ts']);
  });

  it('what the bot runs does not import the dev tools or the tests', async () => {
    expect(
      await offending(['src', 'commands'], (target) => target.startsWith('tools/') || target.startsWith('tests/')),
    ).toEqual([]);
  });
});
