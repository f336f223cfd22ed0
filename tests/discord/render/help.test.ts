import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { isMessageCommand } from '../../../src/discord/command.ts';
import { renderHelp } from '../../../src/discord/render/help.ts';

const slashNames = commands.filter((c) => !isMessageCommand(c)).map((c) => c.data.name);
const moderator = { qaChannelIds: [], moderator: true };
const member = { qaChannelIds: [], moderator: false };
const commandLines = (description: string) =>
  description
    .split('\n')
    .filter((l) => l.startsWith('**/'))
    .map((l) => /^\*\*\/(\S+)\*\*/.exec(l)![1]);

describe('renderHelp', () => {
  it('has a line for every command a moderator can run, in the order of the command list', () => {
    for (const locale of ['sl', 'en'] as const)
      expect(commandLines(renderHelp(locale, commands, moderator).embeds[0]!.description!)).toEqual(slashNames);
    const en = renderHelp('en', commands, moderator).embeds[0]!.description!;
    expect(en).toContain('**/ask** `question` — ask');
    expect(en).toContain('• right-click (or long-press) a message → Apps → **Ask the article**');
  });

  it('lists to a member only the commands a member can run, and says what the colours mean', () => {
    const description = renderHelp('sl', commands, member).embeds[0]!.description!;
    expect(commandLines(description)).toEqual(['ask', 'passage', 'about', 'help']);
    expect(description).toContain('Zelen rob: članek odgovarja.');
  });

  it('makes slash commands clickable when their registered ids are known, and names the others plainly', () => {
    const commandIds = new Map([
      ['ask', '100000000000000001'],
      ['help', '100000000000000002'],
    ]);
    const description = renderHelp('sl', commands, { ...moderator, commandIds }).embeds[0]!.description!;
    expect(description).toContain('</ask:100000000000000001> `question`');
    expect(description).toContain('</help:100000000000000002> — to sporočilo.');
    expect(description).toContain('**/passage**');
  });

  it("names the server's Q&A channels when there are any, in the right number", () => {
    const help = (locale: 'sl' | 'en', qaChannelIds: string[]) =>
      renderHelp(locale, commands, { ...member, qaChannelIds }).embeds[0]!.description!;
    expect(help('en', ['123456789012345678'])).toContain('In <#123456789012345678> I answer every question.');
    expect(help('sl', ['123456789012345678'])).toContain('V kanalu <#123456789012345678> odgovorim');
    expect(help('sl', ['123456789012345678', '223456789012345678'])).toContain(
      'V kanalih <#123456789012345678>, <#223456789012345678> odgovorim',
    );
    expect(help('en', [])).not.toContain('<#');
  });
});
