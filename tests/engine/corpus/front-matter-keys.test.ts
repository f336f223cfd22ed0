import { describe, expect, it } from 'vitest';
import { meantKey } from '../../../src/engine/corpus/front-matter-keys.ts';

describe('the front matter key a moderator meant', () => {
  it.each([
    ['tilte', 'title'],
    ['titel', 'title'],
    ['tittle', 'title'],
    ['tit', 'title'],
    ['Title', 'title'],
    ['DATE', 'date'],
    ['dat', 'date'],
    ['lnag', 'lang'],
    ['uri', 'url'],
    ['Naslov', 'title'],
    ['datum', 'date'],
    ['povezava', 'url'],
    ['jezik', 'lang'],
    ['oznaka', 'id'],
  ])('%s is %s', (written, meant) => {
    expect(meantKey(written)).toBe(meant);
  });

  it.each(['x', 'author', 'name', 'link', 'source'])('%s is none of them', (written) => {
    expect(meantKey(written)).toBeUndefined();
  });
});
