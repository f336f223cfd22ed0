import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers.ts';

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => path.join(e.parentPath, e.name));
}

describe('engine boundary', () => {
  it('src/engine never imports discord.js or the Discord face', async () => {
    const files = await sources(path.join(REPO, 'src/engine'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      expect(text, file).not.toMatch(/from\s+['"](discord\.js|@discordjs\/[^'"]+|discord-api-types[^'"]*)['"]/);
      expect(text, file).not.toMatch(/import\(\s*['"](discord\.js|@discordjs\/)/);
      expect(text, file).not.toMatch(/from\s+['"][./]*(discord|commands)\//);
    }
  });
});
