import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { renderHelp } from '../../../src/discord/render/help.ts';

describe('renderHelp', () => {
  it('has a line for every command, in the order of the command list', () => {
    for (const locale of ['sl', 'en'] as const) {
      const lines = renderHelp(locale, commands, []).embeds[0]!.description!.split('\n');
      const commandLines = lines.filter((l) => l.startsWith('**/'));
      expect(commandLines.map((l) => /^\*\*\/(\S+)\*\*/.exec(l)![1])).toEqual(commands.map((c) => c.data.name));
    }
    expect(renderHelp('en', commands, []).embeds[0]!.description).toContain(
      '**/ask** `question` — ask; `hide: True` shows the answer only to you.',
    );
  });

  it('names the Q&A channels when there are any', () => {
    expect(renderHelp('en', commands, ['123456789012345678']).embeds[0]!.description).toContain(
      'In <#123456789012345678> I answer every question.',
    );
    expect(renderHelp('en', commands, []).embeds[0]!.description).not.toContain('<#');
  });
});
