/**
 * Behaviour with several articles loaded: words only a title uses, an article's own topic when
 * ranking its passages, and declined parts of hyphenated names.
 */
import { describe, expect, it } from 'vitest';
import { articleOf as doc } from '../helpers.ts';
import { Engine } from '../../src/engine/engine.ts';
import { Vocabulary } from '../../src/engine/search/vocabulary.ts';
import { loadArticlesFile, loadCorpus } from '../../src/engine/corpus/load.ts';
import { CORPUS, DISTRACTORS } from '../helpers.ts';
import { stemKey } from '../../src/engine/analysis/stem.ts';

describe('the vocabulary', () => {
  it('knows a key only a title uses, without counting it as a passage or changing other keys', () => {
    const vocab = Vocabulary.fromKeySets([new Set(['a', 'b']), new Set(['b'])], new Set(), [['b', 'c']]);
    expect(vocab.passageCount).toBe(2);
    expect(vocab.has('c')).toBe(true);
    expect(vocab.frequency('c')).toBe(1);
    expect(vocab.frequency('b')).toBe(2);
  });
});

describe('questions over several articles', () => {
  it('does not "correct" a word only a title uses into a near word of another article', () => {
    const engine = Engine.fromDocuments([
      doc('jezik', 'Porast pritožb zaradi uporabe ruščine v Ukrajini', [
        'Število pritožb je lani zraslo za tretjino.',
        'Tajnik sveta Aleksej Danilov je izjavil, da mora ruski jezik izginiti iz javnega življenja.',
      ]),
      doc('gradnja', 'Predelava gradbenih odpadkov', [
        'Obrati predelajo vso izkopano prst in veliko grušča z gradbišč.',
        'Danilo Novak vodi podjetje že deset let.',
      ]),
    ]);
    const { question, ranked } = engine.explain('Danilov o ruščini?');
    expect(question.concepts.flatMap((c) => c.alternatives.flatMap((a) => a.keys))).not.toContain('grusc');
    expect(ranked[0]!.passage.doc).toBe('jezik');
  });

  it('does not take a word for the family of another that only shares its first letters ("stalin", "stališče")', () => {
    const engine = Engine.fromDocuments([
      doc('stranka', 'Poslanec zapušča stranko', [
        'Nihče ni mogel biti zmeden zaradi mojih političnih stališč.',
        'Kolegi so pričakovali, da spremenim svoje stališče.',
      ]),
      doc('vreme', 'Vroč konec tedna', ['V nedeljo bo sončno in vroče.']),
    ]);
    const { question } = engine.explain('kdo je bil stalin');
    expect(question.concepts.flatMap((c) => c.alternatives.flatMap((a) => a.keys))).not.toContain('stalis');
    expect(engine.ask('kdo je bil stalin').answered).toBe(false);
  });

  it('finds a declined hyphenated name even when another article declines its part too', () => {
    const engine = Engine.fromDocuments([
      doc('splet', 'Izumitelj spleta odpira podjetje', [
        'Tim Berners-Lee je ustanovil zagonsko podjetje Inrupt.',
        'Podjetje bo gradilo na odprtokodni platformi Solid.',
      ]),
      doc('glasba', 'Koncert v Londonu', ['Oboževalci so Leeja pričakali pred dvorano.', 'Koncert je trajal dve uri.']),
    ]);
    const { ranked } = engine.explain('Kako se imenuje podjetje Berners-Leeja?');
    expect(ranked[0]!.passage.doc).toBe('splet');
    expect(ranked[0]!.evidence.documentMissesName).toBe(false);
  });

  it('reads a name\'s possessive as the name even when another article declines a namesake ("Leejev", "Leeja")', () => {
    const engine = Engine.fromDocuments([
      doc('umetna', 'Vlagatelj svari pred zaostankom', [
        'Vlagatelj Kai-Fu Lee meni, da bi morale ZDA podvojiti sredstva za raziskave.',
        'Lee je napisal knjigo o tekmi med velesilami.',
      ]),
      doc('senat', 'Objavljeni naslovi senatorjev', ['Objavljeni so bili naslovi senatorja Mikea Leeja.']),
    ]);
    const { question, ranked } = engine.explain('o čem je leejeva knjiga');
    expect(question.concepts.flatMap((c) => c.alternatives.flatMap((a) => a.keys))).toContain('lee');
    expect(ranked[0]!.passage.text).toContain('napisal knjigo');
  });

  it('meets a foreign name written in the nominative when asked in a case with its j ("Abercrombieju")', () => {
    const engine = Engine.fromDocuments([
      doc('nogomet', 'Poškodba na tekmi', [
        'Branilec Christion Abercrombie je po poškodbi glave prestal operacijo.',
        'Trenerji so ga oskrbeli s kisikom in ga odnesli z igrišča.',
      ]),
      doc('moda', 'Nova trgovina', ['Trgovino znamke Abercrombie so odprli v petek.', 'Za vhod so čakali dve uri.']),
      doc('trgovina', 'Razprodaja', ['Kupci so Abercrombieja obiskali že zjutraj.']),
    ]);
    const { question, ranked } = engine.explain('kaj se je zgodilo christionu abercrombieju');
    expect(question.concepts.flatMap((c) => c.alternatives.flatMap((a) => a.keys))).toContain(stemKey('abercrombie'));
    expect(ranked[0]!.passage.text).toContain('prestal operacijo');
  });

  it('meets "Britanija" in an article that writes "Združeno kraljestvo", through the shipped synonyms', async () => {
    const { synonyms } = await loadCorpus(CORPUS);
    const engine = Engine.fromDocuments(
      [
        doc('prenos', 'Risanka namesto dvoboja', [
          'Dvoboj so prenašali v živo.',
          'Gledalci v Združenem kraljestvu so namesto dvoboja gledali risanko.',
        ]),
      ],
      { synonyms },
    );
    const { question, ranked } = engine.explain('kaj so gledali v britaniji');
    expect(question.concepts.flatMap((c) => c.alternatives.map((a) => a.keys.join(' ')))).toContain('zdruz kraljes');
    expect(ranked[0]!.passage.text).toContain('Združenem kraljestvu');
  });

  it('meets "koliko stane" in a paragraph that names the price or the costs, through the shipped synonyms', async () => {
    const { synonyms } = await loadCorpus(CORPUS);
    const engine = Engine.fromDocuments(
      [
        doc('ladja', 'Nova fregata zamuja', [
          'Fregata bi morala biti predana mornarici leta 2014.',
          'Težava je tudi cena celotnega projekta fregat.',
          'Projekt fregat je vodil admiral.',
        ]),
      ],
      { synonyms },
    );
    expect(engine.explain('koliko stane projekt fregat').ranked[0]!.passage.text).toContain('cena celotnega projekta');
  });

  it('answers "how old is he" with the age a paragraph gives without his name, over ones that only name him', () => {
    const engine = Engine.fromDocuments([
      doc('golf', 'Mickelson je sobotni pokal presedel', [
        'Mickelsona je kapetan Furyk pri sobotnih četvericah pustil sedeti.',
        'Mickelson bo v nedeljo podrl rekord Nicka Falda.',
        'Glede na to, da ni meril naravnost, 48-letnik ne ustreza ozkemu igrišču.',
        'Mickelson ima 18 zmag in 20 porazov.',
      ]),
      doc('tenis', 'Nova zmaga v Parizu', ['Teniška igralka je v finalu zmagala v dveh nizih.']),
    ]);
    expect(engine.ask('Koliko je star Mickelson?').passages[0]!.passage.text).toContain('48-letnik');
  });

  /**
   * An article about Inrupt whose last paragraph names its director, among articles where
   * directors are everywhere: over all candidates, "direktor" tells little.
   */
  const inruptAmongDirectors = (directorParagraph: string) =>
    Engine.fromDocuments([
      doc('inrupt', 'Izumitelj spleta začenja nov internet', [
        'Zadnji projekt tehnološke legende, Inrupt, gradi na odprtokodni platformi Solid.',
        'Berners-Lee se je šalil, da je namen Inrupta zavladati svetu.',
        'Inrupt bo razvijalcem ponudil orodja za aplikacije.',
        'Vlagatelji v Inrupt ostajajo neimenovani.',
        'Inrupt ima zdaj okoli dvajset zaposlenih.',
        directorParagraph,
      ]),
      ...['banka', 'bolnisnica', 'sola'].map((slug) =>
        doc(slug, `Novice: ${slug}`, [
          'Direktor je predstavil letno poročilo.',
          'Po besedah direktorja bo prihodnje leto boljše.',
          'Direktor se je zahvalil zaposlenim.',
        ]),
      ),
    ]);

  it("ranks an article's passages by what tells them apart, not by the article's own topic", () => {
    const engine = inruptAmongDirectors(
      'Izvršni direktor John Bruce pravi, da je zamisel podjetja združevati vire in spretnosti.',
    );
    expect(engine.ask('direktor Inrupta?').passages[0]!.passage.text).toContain('Izvršni direktor John Bruce');
  });

  it("weighs an article's sentences by what tells them apart too, not by the article's topic", () => {
    const engine = inruptAmongDirectors(
      'Podjetje trenutno sestavljajo ustanovitelj, nekaj najetih razvijalcev za delo na projektu in skupnost ' +
        'programerjev prostovoljcev iz vseh koncev sveta, ki pomagajo pri razvoju in preizkušanju orodij. ' +
        'Izvršni direktor John Bruce pravi, da je zamisel podjetja združevati vire, procese in ustrezne spretnosti.',
    );
    const { ranked } = engine.explain('direktor Inrupta?');
    const bruce = ranked.find((r) => r.passage.text.includes('John Bruce'))!;
    const topicOnly = ranked.find((r) => r.passage.text.startsWith('Inrupt ima'))!;
    // The sentence naming the director counts for more than one that only names the company.
    expect(bruce.evidence.rankSentenceCoverage).toBeGreaterThan(topicOnly.evidence.rankSentenceCoverage);
    expect(ranked[0]).toBe(bruce);
  });

  it("does not prefer the passages that name an article's people when the article names them anyway", async () => {
    // Real articles: a report names its driver or its spokeswoman in some paragraphs and calls them
    // "he" or "she" in the one that answers; the names do not tell that article's paragraphs apart.
    const engine = Engine.fromDocuments(await loadArticlesFile(DISTRACTORS));
    for (const [question, answer] of [
      [
        'V katerem krogu je Max Verstappen na ruski veliki nagradi končno zapeljal v boks?',
        'V boks je končno zapeljal',
      ],
      ['Kaj je Sarah Sanders na Fox News trdila o številu Trumpovih tiskovnih konferenc?', 'več tiskovnih konferenc'],
      // a name the article writes in another form counts as well ("Sara" for its "Sarah")
      ['Kaj je Sara Sanders na Fox News trdila o številu Trumpovih tiskovnih konferenc?', 'več tiskovnih konferenc'],
    ])
      expect(engine.ask(question!).passages[0]!.passage.text, question).toContain(answer);
  });
});

describe('typo mending among many articles', () => {
  const engine = Engine.fromDocuments([
    doc('iran', 'Jedrski pogovori', ['Iran je zavrnil nove pogoje pogajanj o jedrskem programu.']),
    doc('sankcije', 'Nove sankcije', ['Evropska komisija je predlagala nove sankcije.']),
  ]);
  const keysOf = (question: string) =>
    engine.explain(question).question.concepts.flatMap((c) => c.alternatives.flatMap((a) => a.keys));

  it('does not read a name the corpus lacks as another name without its first letter', () => {
    expect(keysOf('Kakšna bo jutri temperatura morja v Piranu?')).not.toContain('iran');
  });

  it('still mends a typo after the first letter', () => {
    expect(keysOf('Kdo je predlagal nove snakcije?')).toContain('sankc');
  });

  it('reads a word the wordnet lists in its base form as that word, not as a typo of a corpus word', () => {
    // "ognjenik" is one letter from "ognjeni", which an article uses; it means "vulkan".
    const volcano = Engine.fromDocuments([
      doc('vulkan', 'Izbruh', ['Vulkan je bruhal pepel.', 'Ognjeni zublji so segali visoko.']),
    ]);
    const [concept] = volcano.explain('Kje je ognjenik?').question.concepts;
    expect(concept!.alternatives[0]!.keys).toEqual([stemKey('ognjenik')]);
    expect(concept!.alternatives.flatMap((a) => a.keys)).toContain(stemKey('vulkan'));
  });
});
