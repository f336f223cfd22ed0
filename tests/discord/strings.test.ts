import { describe, expect, it } from 'vitest';
import { discordStrings, localeOf, localizedDescription } from '../../src/discord/strings.ts';
import { moderatorStrings } from '../../src/discord/moderator-strings.ts';
import { untranslatedKeys } from '../helpers.ts';

describe("the bot's texts", () => {
  it('answers en-US and en-GB clients in English, everyone else in Slovenian', () => {
    expect(localeOf('en-US')).toBe('en');
    expect(localeOf('en-GB')).toBe('en');
    for (const other of ['hr', 'de', 'sl', 'es-ES', '', null, undefined]) expect(localeOf(other)).toBe('sl');
  });

  it('has every text written in both languages: none empty, none left untranslated', () => {
    // An array first: a list of ids for the texts that take one, read as 'x' by the others.
    expect(untranslatedKeys(discordStrings('sl'), discordStrings('en'), [['x'], 'y'])).toEqual([]);
  });

  it('has every moderator text in both languages', () => {
    expect(
      untranslatedKeys(moderatorStrings('sl'), moderatorStrings('en'), [2, 3, 1], ['statsNone', 'settingsSeconds']),
    ).toEqual([]);
  });

  it('formats the cooldown notice with the seconds left', () => {
    expect(discordStrings('sl').cooldown(7)).toContain('7 s');
    expect(discordStrings('en').cooldown(7)).toContain('7 s');
  });

  it('describes commands in Slovenian, with English for both English clients', () => {
    expect(localizedDescription('Pomoč.', 'Help.')).toEqual({
      description: 'Pomoč.',
      description_localizations: { 'en-US': 'Help.', 'en-GB': 'Help.' },
    });
  });
});
