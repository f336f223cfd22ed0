import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { isMessageCommand } from '../../../src/discord/command.ts';
import { renderHelp } from '../../../src/discord/render/help.ts';

const slashNames = commands.filter((c) => !isMessageCommand(c)).map((c) => c.data.name);

describe('renderHelp', () => {
  it('has a line for every command, in the order of the command list', () => {
    for (const locale of ['sl', 'en'] as const) {
      const lines = renderHelp(locale, commands, []).embeds[0]!.description!.split('\n');
      const commandLines = lines.filter((l) => l.startsWith('**/'));
      expect(commandLines.map((l) => /^\*\*\/(\S+)\*\*/.exec(l)![1])).toEqual(slashNames);
    }
    const en = renderHelp('en', commands, []).embeds[0]!.description!;
    expect(en).toContain('**/ask** `question` — ask');
    expect(en).toContain('• right-click (or long-press) a message → Apps → **Ask the article**');
  });

  it('makes slash commands clickable when their registered ids are known, and names the others plainly', () => {
    const ids = new Map([
      ['ask', '100000000000000001'],
      ['help', '100000000000000002'],
    ]);
    const description = renderHelp('sl', commands, [], ids).embeds[0]!.description!;
    expect(description).toContain('</ask:100000000000000001> `question`');
    expect(description).toContain('</help:100000000000000002> — to sporočilo.');
    expect(description).toContain('**/passage**');
  });

  it('names the Q&A channels when there are any', () => {
    expect(renderHelp('en', commands, ['123456789012345678']).embeds[0]!.description).toContain(
      'In <#123456789012345678> I answer every question.',
    );
    expect(renderHelp('en', commands, []).embeds[0]!.description).not.toContain('<#');
  });
});
