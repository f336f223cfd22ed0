// The Hunspell reading behind `tools/measure-paradigms.ts`: a paradigm is the entry and what its
// flags' suffix rules make of it, with their strip and condition honoured.
import { describe, expect, it } from 'vitest';
import { formsOfEntry, parseSuffixRules } from '../../tools/paradigms/hunspell.ts';

// A small affix file in the dictionary's format: one noun paradigm whose rules depend on the
// last letter, one that strips a fleeting e, and a prefix block that must not count.
const AFF = [
  'SET UTF-8',
  '',
  'PFX B Y 1',
  'PFX B   0       po      .',
  '',
  'SFX M Y 4',
  'SFX M   0       a       [^aeiou]',
  'SFX M   0       om      [^aeiou]',
  'SFX M   0       ta      e',
  'SFX M   0       tom     e',
  '',
  'SFX K Y 2',
  'SFX K   ek      ka      ek',
  'SFX K   ek      kom/X   ek',
].join('\n');

describe('Hunspell paradigms', () => {
  const rules = parseSuffixRules(AFF);

  it('reads the suffix blocks by flag and leaves prefixes out', () => {
    expect([...rules.keys()]).toEqual(['M', 'K']);
    expect(rules.get('M')).toHaveLength(4);
  });

  it('applies only the rules whose condition the word meets', () => {
    expect(formsOfEntry('sporazum/M', rules).sort()).toEqual(['sporazum', 'sporazuma', 'sporazumom']);
    expect(formsOfEntry('dekle/M', rules).sort()).toEqual(['dekle', 'dekleta', 'dekletom']);
  });

  it('strips before adding, and drops the continuation flags of an affix', () => {
    expect(formsOfEntry('začetek/K', rules).sort()).toEqual(['začetek', 'začetka', 'začetkom']);
  });

  it('reads an entry without flags as a form of its own', () => {
    expect(formsOfEntry('obletnicama', rules)).toEqual(['obletnicama']);
    expect(formsOfEntry('kruh/Z', rules)).toEqual(['kruh']);
  });
});
