import { describe, expect, it } from 'vitest';
import { localeOf, t } from '../src/discord/i18n.ts';

describe('i18n', () => {
  it('answers en-US and en-GB clients in English, everyone else in Slovenian', () => {
    expect(localeOf('en-US')).toBe('en');
    expect(localeOf('en-GB')).toBe('en');
    for (const other of ['hr', 'de', 'sl', 'es-ES', '', null, undefined]) expect(localeOf(other)).toBe('sl');
  });

  it('has every text in both languages', () => {
    const sl = t('sl');
    const en = t('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(sl).sort());
    for (const key of Object.keys(sl) as (keyof typeof sl)[]) {
      expect(typeof en[key]).toBe(typeof sl[key]);
      // Only the paragraph sign is the same in both languages.
      if (typeof sl[key] === 'string' && key !== 'paragraph') expect(en[key]).not.toBe(sl[key]);
    }
  });

  it('formats the cooldown notice with the seconds left', () => {
    expect(t('sl').cooldown(7)).toContain('7 s');
    expect(t('en').cooldown(7)).toContain('7 s');
  });
});
