import { describe, expect, it } from 'vitest';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
  type APIApplicationCommandOption,
} from 'discord.js';
import { isMessageCommand, type SlashCommand } from '../../src/discord/command.ts';
import { commands } from '../../commands/index.ts';
import { LIMITS } from '../../src/discord/limits.ts';

const slash = commands.filter((c): c is SlashCommand => !isMessageCommand(c));
const byName = new Map(slash.map((c) => [c.data.name, c.data]));

function options(name: string): APIApplicationCommandOption[] {
  return byName.get(name)?.options ?? [];
}

describe('command definitions', () => {
  it('are exactly the public contract', () => {
    expect(commands.map((c) => c.data.name)).toEqual([
      'ask',
      'Vprašaj članek',
      'passage',
      'about',
      'reload',
      'unanswered',
      'stats',
      'settings',
      'forget',
      'help',
    ]);
  });

  it('offer "Vprašaj članek" / "Ask the article" on messages', () => {
    const menu = commands.find(isMessageCommand)!;
    expect(menu.data).toEqual({
      type: ApplicationCommandType.Message,
      name: 'Vprašaj članek',
      name_localizations: { 'en-US': 'Ask the article', 'en-GB': 'Ask the article' },
    });
  });

  it('keep every name and description within Discord limits, localized for English clients', () => {
    const described: {
      name: string;
      description: string;
      description_localizations?: Record<string, string | null> | null;
    }[] = [];
    for (const data of byName.values()) {
      described.push(data);
      for (const option of data.options ?? []) described.push(option);
    }
    for (const item of described) {
      expect(item.name).toMatch(/^[a-z_-]{1,32}$/);
      expect(item.description.length).toBeGreaterThan(0);
      expect(item.description.length).toBeLessThanOrEqual(LIMITS.commandDescription);
      expect(Object.keys(item.description_localizations ?? {}).sort()).toEqual(['en-GB', 'en-US']);
      for (const text of Object.values(item.description_localizations ?? {}))
        expect(text!.length).toBeLessThanOrEqual(LIMITS.commandDescription);
    }
  });

  it("/ask takes a required question of at most the engine's limit (1000 characters) and an optional hide flag", () => {
    expect(options('ask')).toEqual([
      expect.objectContaining({
        name: 'question',
        type: ApplicationCommandOptionType.String,
        required: true,
        max_length: 1000,
        autocomplete: true,
      }),
      expect.objectContaining({ name: 'hide', type: ApplicationCommandOptionType.Boolean, required: false }),
    ]);
  });

  it('/passage takes a required, autocompleted id', () => {
    expect(options('passage')).toEqual([
      expect.objectContaining({
        name: 'id',
        type: ApplicationCommandOptionType.String,
        required: true,
        autocomplete: true,
      }),
    ]);
    expect(slash.find((c) => c.data.name === 'passage')?.autocomplete).toBeTypeOf('function');
  });

  it('the moderator commands are for Manage Server by default and not offered in DMs', () => {
    for (const name of ['reload', 'unanswered', 'stats', 'settings', 'forget']) {
      const command = byName.get(name)!;
      expect(command.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
      expect(command.default_member_permissions).toBe('32');
      expect(command.contexts).toEqual([0]);
    }
    for (const other of ['ask', 'passage', 'about', 'help'])
      expect(byName.get(other)!.default_member_permissions).toBeUndefined();
  });

  it('/reload takes an optional dry_run flag', () => {
    expect(options('reload')).toEqual([
      expect.objectContaining({ name: 'dry_run', type: ApplicationCommandOptionType.Boolean, required: false }),
    ]);
  });

  it('/settings validates in Discord too: text channels only, a cooldown of 0–3600 s, sl or en', () => {
    const sub = (name: string) =>
      options('settings').find((o) => o.name === name) as {
        options?: Record<string, unknown>[];
      };
    expect(options('settings').map((o) => o.name)).toEqual([
      'view',
      'channel-add',
      'channel-remove',
      'cooldown',
      'private',
      'language',
      'reset',
    ]);
    expect(sub('channel-add').options![0]).toMatchObject({
      type: ApplicationCommandOptionType.Channel,
      channel_types: [0, 5],
    });
    expect(sub('cooldown').options![0]).toMatchObject({ min_value: 0, max_value: 3600 });
    expect((sub('language').options![0]!.choices as { value: string }[]).map((c) => c.value)).toEqual(['sl', 'en']);
    for (const option of options('settings')) {
      expect(option.name).toMatch(/^[a-z_-]{1,32}$/);
      for (const inner of (option as { options?: { name: string; description: string }[] }).options ?? []) {
        expect(inner.name).toMatch(/^[a-z_-]{1,32}$/);
        expect(inner.description.length).toBeLessThanOrEqual(LIMITS.commandDescription);
      }
    }
  });
});
