import { describe, expect, it } from 'vitest';
import { articleOf as doc } from '../../helpers.ts';
import { abbreviationKey, initialsKey, initialsTokens } from '../../../src/engine/analysis/acronyms.ts';
import { Engine } from '../../../src/engine/engine.ts';

const written = (text: string) => initialsTokens(text).map((t) => [t.key, text.slice(t.start, t.end)]);

describe('initials of names in a text', () => {
  it('gives each run of capitalised words its initials, from the run start', () => {
    expect(written('Nastopil je v oddaji Saturday Night Live, kjer je predstavil album.')).toEqual([
      ['#sn', 'Saturday Night'],
      ['#snl', 'Saturday Night Live'],
    ]);
  });

  it('skips connectors of foreign names but not Slovenian "in", which joins two names', () => {
    expect(written('Govoril je guverner Bank of England.')).toEqual([['#be', 'Bank of England']]);
    expect(written('Srečala sta se Putin in Kim.')).toEqual([]);
  });

  it('reads a Slovenian name capitalised only in its first word, inside a sentence', () => {
    expect(written('Sankcije, ki jih Združeni narodi izvajajo.')).toContainEqual(['#zn', 'Združeni narodi']);
    expect(written('Na Veliki nagradi Rusije je zmagal.')).toContainEqual(['#vn', 'Veliki nagradi']);
  });

  it('does not read a sentence opening or a name followed by a verb as a name', () => {
    expect(written('Čeprav stopnje rastejo, je Trump poskušal znova.')).toEqual([]);
  });

  it('ends a name at punctuation', () => {
    expect(written('To je rekel Boris. Johnson pa ne.')).toEqual([]);
  });
});

describe('abbreviations in a question', () => {
  it('stand for the initials they spell', () => {
    expect(abbreviationKey('SNL')).toBe(initialsKey('snl'));
    expect(abbreviationKey('VN')).toBe(initialsKey('vn'));
  });

  it('read a digit as that many of the letter before it', () => {
    expect(abbreviationKey('W3C')).toBe(initialsKey('wwwc'));
  });

  it('are written in capitals, with at least two letters', () => {
    expect(abbreviationKey('Snl')).toBeNull();
    expect(abbreviationKey('F1')).toBeNull();
    expect(abbreviationKey('A')).toBeNull();
    expect(abbreviationKey('PREDOLGO')).toBeNull();
  });
});

describe('an abbreviation the article writes out', () => {
  const engine = Engine.fromDocuments([
    doc('splet', 'Izumitelj spleta', [
      'Tim Berners-Lee je leta 1994 ustanovil World Wide Web Consortium na inštitutu MIT.',
      'Zdaj vodi zagonsko podjetje Inrupt.',
    ]),
    doc('glasba', 'Raper spremenil ime', [
      'Kanye West bo nastopil v oddaji Saturday Night Live.',
      'Novi album bo izšel jeseni.',
    ]),
  ]);

  it('is found by its initials and highlighted as the whole name', () => {
    const answer = engine.ask('V kateri oddaji SNL bo nastopil West?');
    expect(answer.answered).toBe(true);
    const best = answer.passages[0]!;
    expect(best.passage.text).toContain('Saturday Night Live');
    const shown = best.highlights.map((h) => best.passage.text.slice(h.start, h.end));
    expect(shown.join(' ')).toContain('Saturday Night Live');
  });

  it('is found with a digit for repeated letters', () => {
    const best = engine.ask('Kdaj je bil ustanovljen konzorcij W3C?').passages[0]!;
    expect(best.highlights.map((h) => best.passage.text.slice(h.start, h.end))).toContain('World Wide Web Consortium');
  });
});
