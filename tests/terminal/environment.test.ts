import { describe, expect, it } from 'vitest';
import { systemLocale, useColor } from '../../src/terminal/environment.ts';

describe("the run's language", () => {
  it('is English when the first set locale variable is English, else Slovenian', () => {
    expect(systemLocale({})).toBe('sl');
    expect(systemLocale({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(systemLocale({ LANG: 'en' })).toBe('en');
    expect(systemLocale({ LANG: 'sl_SI.UTF-8' })).toBe('sl');
    expect(systemLocale({ LANG: 'C.UTF-8' })).toBe('sl');
    // POSIX order: LC_ALL, then LC_MESSAGES, then LANG; an empty one does not count.
    expect(systemLocale({ LC_ALL: 'C', LANG: 'en_GB.UTF-8' })).toBe('sl');
    expect(systemLocale({ LC_ALL: '', LC_MESSAGES: 'en_GB.UTF-8', LANG: 'sl_SI' })).toBe('en');
  });
});

describe('colour', () => {
  it('marks only a terminal, and never when NO_COLOR is set', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    // no-color.org: set to a non-empty value.
    expect(useColor({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({}, {})).toBe(false);
  });
});
