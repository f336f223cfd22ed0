import { describe, expect, it } from 'vitest';
import { checkQuestion } from '../../src/engine/index.ts';
import { refusalText, viewStrings } from '../../src/view/strings.ts';
import { untranslatedKeys } from '../helpers.ts';

describe('the texts around answers', () => {
  it('are written in both languages: none empty, none left untranslated', () => {
    // The paragraph sign of a citation reads the same in both.
    expect(untranslatedKeys(viewStrings('sl'), viewStrings('en'), [12, 10], ['paragraph'])).toEqual([]);
  });

  it("say why a question is not asked, in the reader's language", () => {
    const refusal = (text: string) => {
      const check = checkQuestion(text);
      if (check.ok) throw new Error(`"${text}" can be asked`);
      return check;
    };
    expect(refusalText(refusal('???'), 'sl')).toBe('Vprašanje je prazno. Napiši, kaj te zanima o članku.');
    // Only a mention, a link or an emoji asks nothing either (a message command on such a message).
    for (const text of ['<@123456789012345678>', '<#123> @everyone', 'https://example.com/x', '<:wave:123> **__**'])
      expect(refusal(text).reason).toBe('empty');
    expect(refusalText(refusal('x'.repeat(1001)), 'en')).toBe(
      'The question is too long (1001 characters, at most 1000). Ask something shorter.',
    );
  });
});
