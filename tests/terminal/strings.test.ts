import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/engine/index.ts';
import { corpusErrorLines, terminalStrings } from '../../src/terminal/strings.ts';
import { untranslatedKeys } from '../helpers.ts';

describe("the terminal's messages", () => {
  it('are written in both languages, none left untranslated', () => {
    // One object that serves as a cache problem, a skipped file and a corpus note alike.
    const sample = [{ kind: 'unusable', file: 'f', reason: 'symlink', message: 'the article has no text' }, 1, 'v'];
    expect(untranslatedKeys(terminalStrings('sl'), terminalStrings('en'), sample)).toEqual([]);
  });

  it('name the folder of a corpus that cannot be loaded, then every problem on its own line', () => {
    const error = new CorpusError([
      { file: 'a.jsonl', line: 2, message: 'missing "title"' },
      { file: 'b.md', message: 'the article has no text' },
    ]);
    expect(corpusErrorLines('/tmp/c', error, 'en')).toEqual([
      'The corpus in /tmp/c cannot be loaded:',
      '  a.jsonl:2: missing "title"',
      '  b.md: the article has no text',
    ]);
  });
});
