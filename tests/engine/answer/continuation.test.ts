/**
 * Paragraphs that go on from the one before ("Umrl je pozneje v bolnišnici."): told apart, and
 * weighed with the paragraph that names their subject.
 */
import { describe, expect, it } from 'vitest';
import { articleOf as doc } from '../../helpers.ts';
import { Engine } from '../../../src/engine/engine.ts';
import { continuesPrevious } from '../../../src/engine/text/continuation.ts';

describe('continuesPrevious', () => {
  it.each([
    'Umrl je pozneje v bolnišnici.',
    'Ostal je v njem, da je lahko letalo varno vzletelo.',
    'Ta naj bi dosegla vrtoglave 3,1 milijarde EUR.',
    'Nato je skočil s kontrolnega stolpa.',
    'Njegovo truplo so našli uro pozneje.',
    '»Povedali so mi, da so videli uničene hiše,« je dejal.',
    '56-letnik v priljubljeni seriji igra Jacka Jarvisa.',
    '31-letni igralec je obsodil stereotip.',
    '42-letni Škot uživa v izzivu oživitve kluba.',
    '»Nemudoma in brezpogojno se morajo umakniti,« je dejal skupščini.',
    'Namesto tega je bilo srečanje razglašeno za četrtek.',
    'Poleg tega jih je 38 odstotkov dejalo, da laže.',
    'Ob tem je opozoril na sankcije.',
  ])('"%s" goes on from the paragraph before', (text) => {
    expect(continuesPrevious(text)).toBe(true);
  });

  it.each([
    'Kontrolor zračnega prometa je ostal v stolpu.',
    'Leta 2016 je prašič napadel kmeta.',
    'Fant je bil prepeljan v bolnišnico.',
    'Anthonius Agung ni zapustil delovnega mesta.',
    '»Smo zelo blizu vrnitvi v Tihi ocean,« je obljubil Morales.',
    '"Sporazum vključuje pomoč," je med obiskom v Pjongjangu pojasnil Putin.',
    'Letalo je varno vzletelo.',
    'Pravila so stroga.',
    '68-letni Narcis Termes je dejal, da gre.',
    '20-letna pogodba je bila podpisana.',
    '10-letno obdobje se je končalo.',
    '5-letni pilotni projekt je uspel.',
    '20-letna kolesarska pot je odprta.',
    'Izrael je zaprl mejo.',
    'Po tednu dni je Kim odpotoval.',
  ])('"%s" names its own subject', (text) => {
    expect(continuesPrevious(text, (word) => word === 'izrael')).toBe(false);
  });

  it('reads a capital after a preposition as a place, not as the speaker of a quote', () => {
    expect(continuesPrevious('»To ni sprejemljivo, kar počnejo,« je dejal v Bruslju.')).toBe(true);
  });
});

describe('answers from a paragraph that continues another', () => {
  const engine = Engine.fromDocuments([
    doc('kontrolor', 'Junak z letališča', [
      'Kontrolor zračnega prometa Anthonius Agung je ostal v kontrolnem stolpu, ko se je tresla zemlja.',
      'Umrl je pozneje v bolnišnici v Balikpapanu.',
      'Letalo je varno vzletelo.',
    ]),
    doc('sindikat', 'Kontrolorji letenja', [
      'Kontrolorji zračnega prometa v Indoneziji so zahtevali višje plače.',
      'Sindikat kontrolorjev zračnega prometa je napovedal stavko.',
    ]),
  ]);

  it('weighs it even when BM25 brings only the paragraph it continues', () => {
    // One BM25 candidate: the paragraph that names the controller, not the one that answers.
    const { ranked } = engine.explain('Kje je umrl kontrolor zračnega prometa Agung?', { candidates: 1 });
    expect(ranked.map((r) => r.passage.text)).toContain('Umrl je pozneje v bolnišnici v Balikpapanu.');
  });

  it('counts its subject from the paragraph before, more than for a paragraph with its own subject', () => {
    const opening = 'Kontrolor zračnega prometa Anthonius Agung je ostal v kontrolnem stolpu.';
    const twoArticles = Engine.fromDocuments([
      doc('nadaljuje', 'Potres', [opening, 'Umrl je pozneje v bolnišnici v Balikpapanu.']),
      doc('pilot', 'Potres', [opening, 'Pilot je umrl pozneje v bolnišnici v Balikpapanu.']),
    ]);
    const { ranked } = twoArticles.explain('Kje je umrl kontrolor zračnega prometa Agung?');
    const coverage = (start: string) => ranked.find((r) => r.passage.text.startsWith(start))!.evidence.coverage;
    expect(coverage('Umrl je')).toBeGreaterThan(coverage('Pilot je'));
  });
});
