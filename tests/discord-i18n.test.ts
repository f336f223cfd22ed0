import { describe, expect, it } from 'vitest';
import { localeOf, t } from '../src/discord/i18n.ts';

describe('i18n', () => {
  it('answers en-US and en-GB clients in English, everyone else in Slovenian', () => {
    expect(localeOf('en-US')).toBe('en');
    expect(localeOf('en-GB')).toBe('en');
    for (const other of ['hr', 'de', 'sl', 'es-ES', '', null, undefined]) expect(localeOf(other)).toBe('sl');
  });

  it('has every text written in both languages: none empty, none left untranslated', () => {
    // The type makes both tables have the same keys; what it cannot catch is an empty string or
    // a Slovenian text copied into the English table (or the other way round).
    const shown = (value: unknown): string => {
      if (Array.isArray(value)) return value.join('\n');
      if (typeof value === 'function') return String((value as (...args: unknown[]) => unknown)('x', 'y'));
      return String(value);
    };
    const sl = t('sl');
    const en = t('en');
    for (const key of Object.keys(sl) as (keyof typeof sl)[]) {
      const [slText, enText] = [shown(sl[key]), shown(en[key])];
      expect(slText.trim(), `sl.${key}`).not.toBe('');
      expect(enText.trim(), `en.${key}`).not.toBe('');
      // Only the paragraph sign is the same in both languages.
      if (key !== 'paragraph') expect(enText, `en.${key}`).not.toBe(slText);
    }
  });

  it('formats the cooldown notice with the seconds left', () => {
    expect(t('sl').cooldown(7)).toContain('7 s');
    expect(t('en').cooldown(7)).toContain('7 s');
  });
});
