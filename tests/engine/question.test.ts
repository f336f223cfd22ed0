import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanQuestion, isEmptyQuestion } from '../../src/engine/question/clean.ts';
import { CHATTER_EMPHASIS, splitQuestion } from '../../src/engine/question/question-words.ts';
import { mendSpacing } from '../../src/engine/question/spacing.ts';
import { standardForms } from '../../src/engine/question/colloquial.ts';
import { looksEnglish } from '../../src/engine/question/english.ts';
import { slovenianSpellings } from '../../src/engine/question/foreign-spelling.ts';
import type { WordKnowledge } from '../../src/engine/question/word-knowledge.ts';
import { ChatForms } from '../../src/engine/lexicon/chat-forms.ts';
import { lexicon } from '../../src/engine/lexicon/lexicon.ts';
import { Engine } from '../../src/engine/engine.ts';
import { stemKey } from '../../src/engine/analysis/stem.ts';
import { MATCH_WEIGHTS } from '../../src/engine/search/alternatives.ts';
import { titleWithDate } from '../../src/engine/corpus/title-with-date.ts';
import { articleOf, CORPUS, DISTRACTORS } from '../helpers.ts';
import { loadArticlesFile, loadCorpus } from '../../src/engine/corpus/load.ts';

/** Words a test corpus and everyday speech know, with made-up frequencies. */
function knowledge(corpus: string[], everyday: Record<string, number>, stopwords: string[] = []): WordKnowledge {
  return {
    inCorpus: (form) => corpus.includes(form),
    count: (form) => everyday[form] ?? 0,
    familyCount: (form) => everyday[form] ?? 0,
    total: 100_000_000,
    isStopword: (form) => stopwords.includes(form),
    isCorpusName: () => false,
    isWord: (form) => corpus.includes(form) || form in everyday,
    nearCorpusWord: () => false,
    nearListedCorpusWord: () => false,
    nearCorpusWordBesides: () => false,
  };
}

/** Knowledge in which every string starting with `stem` cuts to a corpus key, as the stemmer cuts a long run of letters. */
function stemmedKnowledge(stem: string, corpus: string[], everyday: Record<string, number>): WordKnowledge {
  return { ...knowledge(corpus, everyday), inCorpus: (form) => form.startsWith(stem) || corpus.includes(form) };
}

const forms = (text: string, k: WordKnowledge) => mendSpacing(splitQuestion(text), k).map((w) => w.form);
/** The keys each concept of `question` is matched by first, joined ("severn+korej"). */
const firstKeys = (engine: Engine, question: string) =>
  engine.explain(question).question.concepts.map((c) => c.alternatives[0]!.keys.join('+'));
/** Every way any concept of `question` may be matched, as joined keys. */
const everyKey = (engine: Engine, question: string) =>
  engine.explain(question).question.concepts.flatMap((c) => c.alternatives.map((a) => a.keys.join('+')));

describe('question cleaning', () => {
  it.each([
    ['<@123456789012345678> kdo je podpisal sporazum?', 'kdo je podpisal sporazum?'],
    ['<@!1> <@&456> <#789> @everyone @here @Odlomek kdaj?', 'kdaj?'],
    ['piši na ime@domena.si kdaj', 'piši na ime@domena.si kdaj'],
    ['@Odlomek. glej https://youtube.com/@kanal/videos kdaj', '. glej kdaj'],
    ['poglej https://example.com/a?b=1 in <https://x.y> kaj pravi', 'poglej in kaj pravi'],
    ['<:putin:1234> <a:dance:99> <t:1718000000:R> </ask:42> kaj', 'kaj'],
    ['**kdo** je _res_ ~~rekel~~ ||to|| `zdaj`?', 'kdo je res rekel to zdaj ?'],
    ['> citat\n- [članek](https://x.y/z) pravi', 'citat članek pravi'],
    ['```sql\nkaj je rekel Putin\n```', 'kaj je rekel Putin'],
    // A signature after the question: a sign-off and the writer's name.
    ['Kdo je podpisal sporazum? Hvala, Ana', 'Kdo je podpisal sporazum?'],
    ['Kdaj je Rusija vložila veto? lp Miha', 'Kdaj je Rusija vložila veto?'],
    ['kdaj je bil podpis?\nLep pozdrav, jan novak', 'kdaj je bil podpis?'],
    // Thanks for something is no signature; nor is a sign-off word inside the question.
    ['Kdo je podpisal? Hvala za odgovor', 'Kdo je podpisal? Hvala za odgovor'],
    ['Zakaj se je zahvalil, hvala Kimu?', 'Zakaj se je zahvalil, hvala Kimu?'],
    ['lp Miha', 'lp Miha'],
  ])('%j reads as %j', (question, expected) => {
    const cleaned = cleanQuestion(question);
    expect(cleaned).toHaveLength(question.length);
    expect(cleaned.replace(/\s+/g, ' ').trim()).toBe(expected);
  });

  it('reads a long run of dashes or line breaks after a sign-off at once (no pattern tries every split)', () => {
    // Some 50 s per message before: any member could stall the bot with one.
    const dashes = `Kdo? lp ${'-'.repeat(4000)}?`;
    expect(cleanQuestion(dashes)).toBe(dashes);
    const lines = `Kdo je Kim?${'\n \n'.repeat(2000)}lp Ana`;
    expect(cleanQuestion(lines).trim()).toBe('Kdo je Kim?');
  });

  it('leaves a message that is nothing but a signature as it is, to be asked', () => {
    expect(cleanQuestion('<@123>, lp Ana').trim()).toBe(', lp Ana');
  });

  it('keeps snake_case words and counts a question without letters as empty', () => {
    expect(cleanQuestion('snake_case')).toBe('snake_case');
    expect(isEmptyQuestion(cleanQuestion('<@123> @everyone ??? 🙏'))).toBe(true);
    expect(isEmptyQuestion(cleanQuestion('<@123> 2024?'))).toBe(false);
  });

  it('keeps offsets: every word of the cleaned question is where it was written', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (question) => {
        const cleaned = cleanQuestion(question);
        return (
          cleaned.length === question.length &&
          splitQuestion(cleaned).every((w) => question.slice(w.start, w.end).length === w.end - w.start)
        );
      }),
    );
  });
});

describe('the part of a question that asks', () => {
  it('weighs greetings and remarks around the question less', () => {
    const words = splitQuestion('hvala za odgovor. pa še nekaj: kdo je podpisal sporazum?');
    const emphasis = Object.fromEntries(words.map((w) => [w.form, w.emphasis]));
    expect(emphasis.odgovor).toBe(CHATTER_EMPHASIS);
    expect(emphasis.podpisal).toBe(1);
  });

  it('ends a remark at an ellipsis, typed as three full stops or as one character', () => {
    for (const text of ['bral sem o taksi... kaj hoče Corbyn?', 'bral sem o taksi… kaj hoče Corbyn?']) {
      const emphasis = Object.fromEntries(splitQuestion(text).map((w) => [w.form, w.emphasis]));
      expect(emphasis.taksi, text).toBe(CHATTER_EMPHASIS);
      expect(emphasis.corbyn, text).toBe(1);
    }
    // A trailing remark after it stays a remark, and a word after it starts a sentence, no name.
    const trailing = Object.fromEntries(
      splitQuestion('kaj je Putin rekel o sankcijah… sem bral na 24ur').map((w) => [w.form, w.emphasis]),
    );
    expect(trailing.putin).toBe(1);
    expect(trailing.bral).toBe(CHATTER_EMPHASIS);
    expect(splitQuestion('super… Jako zanimivo, kaj je rekel Putin?')[1]!.capitalised).toBe(false);
  });

  it('reads on past an ordinal, a date or an abbreviation with its full stop', () => {
    const emphasis = (text: string) => Object.fromEntries(splitQuestion(text).map((w) => [w.form, w.emphasis]));
    expect(emphasis('Kdo je zmagal v 18. okrožju Pensilvanije?').zmagal).toBe(1);
    expect(emphasis('Kaj se je zgodilo 30. septembra v Paluju?').zgodilo).toBe(1);
    expect(emphasis('Koliko je stara ga. Davis?').stara).toBe(1);
    expect(emphasis('Kaj je rekel J. Biden?').rekel).toBe(1);
    expect(emphasis('rusija in s. koreja zaveznici?').rusija).toBe(1);
    expect(emphasis('Kakšen poklic je opravljal sin ge. Davis?').poklic).toBe(1);
    expect(emphasis('Kaj je Kenneth Polite Jr. prej opravljal?').kenneth).toBe(1);
    // and a name after such a full stop is still a name, not a word that opens a sentence
    const words = splitQuestion('Kaj je rekla hči ge. Ednan-Laperouse?');
    expect(words.find((w) => w.form === 'ednan-laperouse')?.capitalised).toBe(true);
    // but not after "itd." or an initial that ends a sentence before a question word
    const capitalised = (text: string) =>
      splitQuestion(text)
        .filter((w) => w.capitalised)
        .map((w) => w.form);
    expect(capitalised('Kupili so sadje itd. Cena jabolk je bila koliko?')).not.toContain('cena');
    expect(capitalised('Zmagala je skupina A. Kdo je bil drugi?')).not.toContain('kdo');
    // A full stop before a question word still ends what stood before it, whatever that was.
    expect(emphasis('Bilo je leta 2018. Kdo je zmagal?').bilo).toBe(CHATTER_EMPHASIS);
    expect(emphasis('bilo je leta 2018. kdo je zmagal').bilo).toBe(CHATTER_EMPHASIS);
    expect(emphasis('Bral sem o raketah itd. Kdo je podpisal sporazum?').raketah).toBe(CHATTER_EMPHASIS);
  });

  it('takes what follows a colon when nothing ends in a question mark, and treats emoji as a pause', () => {
    expect(splitQuestion('pa še to me zanima: putin in sankcije').find((w) => w.form === 'zanima')?.emphasis).toBe(
      CHATTER_EMPHASIS,
    );
    expect(splitQuestion('sorry 😅 a je putin kaj rekel?').find((w) => w.form === 'sorry')?.emphasis).toBe(
      CHATTER_EMPHASIS,
    );
    expect(splitQuestion('putin in sankcije').every((w) => w.emphasis === 1)).toBe(true);
  });

  it('takes the sentence that opens with a question word when none ends in a question mark', () => {
    const emphasis = (text: string) => Object.fromEntries(splitQuestion(text).map((w) => [w.form, w.emphasis]));
    const remark = emphasis('meni se zdi da blefira. kaj je rekel o zahodu');
    expect(remark.blefira).toBe(CHATTER_EMPHASIS);
    expect(remark.zahodu).toBe(1);
    // After a particle, and in colloquial form when the engine says which words ask.
    expect(emphasis('ok hvala. pa kdaj odide').odide).toBe(1);
    expect(emphasis('ok hvala. pa kdaj odide').hvala).toBe(CHATTER_EMPHASIS);
    const colloquial = splitQuestion('zanimiv clanek. kva je rekel', (w) => w === 'kva');
    expect(colloquial.find((w) => w.form === 'zanimiv')?.emphasis).toBe(CHATTER_EMPHASIS);
  });

  it('takes what follows "ampak" and a question word as the question, the excuse before it as a remark', () => {
    const emphasis = (text: string) => Object.fromEntries(splitQuestion(text).map((w) => [w.form, w.emphasis]));
    const excused = emphasis('sorry ce je glupo vprasanje ampak kaj je tanjug');
    expect(excused.glupo).toBe(CHATTER_EMPHASIS);
    expect(excused.tanjug).toBe(1);
    expect(emphasis('Vem, da je čudno, ampak kdo je Tanjug?').cudno).toBe(CHATTER_EMPHASIS);
    // Not a "but" that joins two topic words, nor one after a question that asks before it.
    expect(emphasis('kaj je rekel, ampak ne o sankcijah').sankcijah).toBe(1);
    expect(emphasis('Kdo je trdil, da ni šlo za napad, ampak kaj drugega?').trdil).toBe(1);
    expect(emphasis('Koliko ljudi je umrlo, vendar kolikor vem, ni podatkov?').umrlo).toBe(1);
  });

  it('takes what follows "me zanima," and a question word as the question, who asks and why as a remark', () => {
    const emphasis = (text: string) => Object.fromEntries(splitQuestion(text).map((w) => [w.form, w.emphasis]));
    const framed = emphasis('hej, pišem seminarsko o Indoneziji, pa me zanima, zakaj so tam potresi tako pogosti?');
    expect(framed.seminarsko).toBe(CHATTER_EMPHASIS);
    expect(framed.potresi).toBe(1);
    expect(emphasis('velik fan sem in bi rad vedel kdo je zmagal?').fan).toBe(CHATTER_EMPHASIS);
    expect(emphasis('velik fan sem, rad bi vedel, kdo je zmagal?').fan).toBe(CHATTER_EMPHASIS);
    // A preposition may come before the question word.
    const preposed = emphasis('Pišem prispevek za klubsko glasilo, pa me zanima, na katerem stadionu so zmagali?');
    expect(preposed.glasilo).toBe(CHATTER_EMPHASIS);
    expect(preposed.stadionu).toBe(1);
    expect(emphasis('me zanima, na primer, kdo je zmagal?').primer).toBe(1);
    // After a preposition even "čim" asks.
    expect(emphasis('Pišem seminarsko nalogo, pa me zanima, s čim so ga napadli?').nalogo).toBe(CHATTER_EMPHASIS);
    // Looking at the word after the preposition does not hide a second frame behind the first.
    expect(emphasis('imam vprašanje, pa me zanima, kdo je podpisal sporazum?').imam).toBe(CHATTER_EMPHASIS);
    // Not when the question asks before the frame.
    expect(emphasis('kdo je rekel, da me zanima, kdaj bo volitev?').rekel).toBe(1);
    expect(emphasis('kaj je rekel in me zanima, kdaj?').rekel).toBe(1);
    // Why one asks may stand between the frame and the question.
    const why = emphasis(
      'Zanima me, ker pišem seminarsko nalogo in sem prebral veliko člankov, kdaj je Rusija vložila veto?',
    );
    expect([why.seminarsko, why.clankov]).toEqual([CHATTER_EMPHASIS, CHATTER_EMPHASIS]);
    expect([why.vlozila, why.veto]).toEqual([1, 1]);
    // Not when that clause asks itself.
    expect(emphasis('me zanima, ker ne vem, kdo je rekel, kdaj bo volitev?').rekel).toBe(1);
    // Nor after a clause that narrows the question rather than says why one asks.
    expect(emphasis('Zanima me, ko je Putin prvič obiskal Korejo, s kom se je srečal?').obiskal).toBe(1);
  });

  it('takes chat before a dash as a remark, as before a colon, but not a topic put first', () => {
    const filler = (w: string) => lexicon().chat.isFiller(w);
    const emphasis = (text: string) =>
      Object.fromEntries(splitQuestion(text, undefined, undefined, filler).map((w) => [w.form, w.emphasis]));
    const dashed = emphasis('hej ljudje, ravno berem o Erdoganu v Nemčiji – kako ga vidijo nemški Turki?');
    expect(dashed.ravno).toBe(CHATTER_EMPHASIS);
    expect(dashed.turki).toBe(1);
    expect(emphasis('Sankcije proti Rusiji – kdo jih je uvedel?').sankcije).toBe(1);
    expect(emphasis('veto v varnostnem svetu - kdaj je bil?').veto).toBe(1);
    // A greeting before a comma is no remark: the chat must be in what comes before the dash.
    expect(emphasis('hej, veto v varnostnem svetu – kdaj je bil?').veto).toBe(1);
    expect(emphasis('hej, ok, veto v varnostnem svetu – kdaj je bil?').veto).toBe(1);
    // What the asker is doing is chat ("berem"), after a greeting too.
    expect(emphasis('hej, ravno berem o Erdoganu v Nemčiji – kako ga vidijo nemški Turki?').ravno).toBe(
      CHATTER_EMPHASIS,
    );
    expect(emphasis('Hej, hvala že vnaprej – kateri analitik je komentiral?').vnaprej).toBe(CHATTER_EMPHASIS);
    // Nor a clause that asks itself.
    expect(emphasis('kdo je rekel, da je čudno – kdaj bo volitev?').rekel).toBe(1);
  });

  it('splits words glued at a capital and marks names', () => {
    const words = splitQuestion('Kaj je rekel treneraLukea in Varnostni svetuZN o LeBronu?');
    expect(words.map((w) => w.form)).toEqual([
      'kaj',
      'je',
      'rekel',
      'trenera',
      'lukea',
      'in',
      'varnostni',
      'svetu',
      'zn',
      'o',
      'lebronu',
    ]);
    expect(words.filter((w) => w.capitalised).map((w) => w.form)).toEqual(['lukea', 'varnostni', 'zn', 'lebronu']);
  });

  it('splits a one-letter preposition or a figure glued to a word, but not a name, a unit, a code or a word the corpus knows so', () => {
    const forms = (text: string, known: string[] = []) =>
      splitQuestion(text, undefined, (w) => known.includes(w)).map((w) => w.form);
    expect(forms('Kdo nastopa vZdruženem kraljestvu?')).toEqual(['kdo', 'nastopa', 'v', 'zdruzenem', 'kraljestvu']);
    expect(forms('Kaj je rekel oPutinu in vZDA?')).toEqual(['kaj', 'je', 'rekel', 'o', 'putinu', 'in', 'v', 'zda']);
    expect(forms('Koliko stane iPhone in 1 kWh?')).toEqual(['koliko', 'stane', 'iphone', 'in', '1', 'kwh']);
    expect(splitQuestion('Kdo nastopa vZdruženem kraljestvu?').find((w) => w.form === 'zdruzenem')?.capitalised).toBe(
      true,
    );
    // A figure glued to a word's end starts a word of its own; a code in capitals stays whole.
    expect(forms('Kje bo obtoženi45-letnik?')).toEqual(['kje', 'bo', 'obtozeni', '45-letnik']);
    expect(forms('Kdaj je strmoglavil MH17?')).toEqual(['kdaj', 'je', 'strmoglavil', 'mh17']);
    // A name the corpus writes so stays whole.
    expect(forms('Kaj poroča Nova24TV o vSphere?', ['nova24tv', 'vsphere'])).toEqual([
      'kaj',
      'poroca',
      'nova24tv',
      'o',
      'vsphere',
    ]);
    expect(forms('Kaj poroča Nova24TV?')).toEqual(['kaj', 'poroca', 'nova', '24tv']);
  });

  it('reads no names or abbreviations from the case of a shouted or title-cased question', () => {
    const marked = (text: string) =>
      splitQuestion(text)
        .filter((w) => w.capitalised || w.acronym || w.abbreviation)
        .map((w) => w.form);
    expect(marked('KDO JE PODPISAL SPORAZUM???')).toEqual([]);
    expect(marked('Kdo Je Podpisal Sporazum?')).toEqual([]);
    expect(marked('Kaj pravi ZN o sankcijah?')).toEqual(['zn']);
    expect(
      splitQuestion('Kaj Pravi ZN O Sankcijah?')
        .filter((w) => w.acronym)
        .map((w) => w.form),
    ).toEqual(['zn']);
    expect(splitQuestion('Kaj Pravi ZN O Sankcijah?').some((w) => w.capitalised)).toBe(false);
    expect(marked('Kaj pravi Putin?')).toEqual(['putin']);
  });
});

describe('spacing slips', () => {
  const k = knowledge(
    ['zahoda', 'zapustil', 'taboru', 'instrument', 'preuciti', 'sankcije'],
    {
      s: 200_000,
      z: 150_000,
      kot: 90_000,
      ta: 190_000,
      boru: 40,
      zakaj: 78_000,
      se: 2_500_000,
      stil: 1600,
      uciti: 1700,
      pre: 290,
      in: 900_000,
    },
    ['s', 'z', 'kot', 'ta', 'se', 'zakaj', 'in'],
  );

  it.each([
    ['izsiljevanja Zahodas sankcijami', ['izsiljevanja', 'zahoda', 's', 'sankcijami']],
    ['bo zapu stil Pjongjang', ['bo', 'zapustil', 'pjongjang']],
    ['na poletnem ta boru', ['na', 'poletnem', 'taboru']],
    ['sankcije kotin strument', ['sankcije', 'kot', 'instrument']],
    ['treba pre uciti', ['treba', 'preuciti']],
    ['Zakajse je zahvalil', ['zakaj', 'se', 'je', 'zahvalil']],
  ])('mends %j', (question, expected) => {
    expect(forms(question, k)).toEqual(expected);
  });

  it('keeps an abbreviation in capitals a word of its own', () => {
    // Every string starting with "pobud" cuts to a corpus key, as the stemmer cuts "pobudaai".
    const initiative = { ...knowledge([], {}), inCorpus: (f: string) => f.startsWith('pobud'), isWord: () => true };
    expect(forms('Kaj je pobuda AI Next?', initiative)).toEqual(['kaj', 'je', 'pobuda', 'ai', 'next']);
  });

  it('does not join a word people use, or a name, onto a word whose key it would not change', () => {
    // The stemmer cuts "birkenheadime" and "predsednikcila" back to the first word's key.
    const cutTo = (stem: string, everyday: Record<string, number> = {}) => ({
      ...knowledge([], everyday),
      inCorpus: (f: string) => f.startsWith(stem),
      isWord: () => true,
    });
    expect(forms('Kaj je Birkenhead ime', cutTo('birkenhead', { ime: 20_000 }))).toEqual([
      'kaj',
      'je',
      'birkenhead',
      'ime',
    ]);
    expect(forms('Kdo je predsednik Čila', cutTo('predsednik'))).toEqual(['kdo', 'je', 'predsednik', 'cila']);
    // A listed word split before a listed ending is still joined ("rezult ati").
    expect(forms('kaj so rezult ati', cutTo('rezult', { ati: 900, rezultati: 5000 }))).toEqual([
      'kaj',
      'so',
      'rezultati',
    ]);
  });

  it('leaves a known word its letters where the next word splits up on its own ("nastopil naolimpijskih")', () => {
    // The stemmer cuts "nastopilna" to the key of "nastopil", so moving "na" across the space
    // would also give two corpus words.
    const games = stemmedKnowledge('nastop', ['nastopil', 'olimpijskih', 'igrah'], { na: 1_000_000, olimpijskih: 500 });
    const withNa = { ...games, isStopword: (f: string) => f === 'na' };
    expect(forms('kdaj je nastopil naolimpijskih igrah', withNa)).toEqual([
      'kdaj',
      'je',
      'nastopil',
      'na',
      'olimpijskih',
      'igrah',
    ]);
  });

  it('does not swallow a function word longer than an ending into a name ("Corbyn hoče")', () => {
    // The stemmer cuts "corbynhoce" back to "corbyn", as it cuts "Vietna mu" to the key of "Vietnam".
    const k = {
      ...stemmedKnowledge('corbyn', [], { hoce: 60_000 }),
      isWord: () => true,
      isStopword: (f: string) => f === 'hoce' || f === 'kaj',
    };
    expect(forms('kaj Corbyn hoce', k)).toEqual(['kaj', 'corbyn', 'hoce']);
    // A pronoun shaped like an ending still may be one: "trgovi nami" is "trgovinami".
    const shops = {
      ...stemmedKnowledge('trgovin', [], { nami: 20_000, trgovi: 10 }),
      isWord: () => true,
      isStopword: (f: string) => f === 'nami' || f === 'kaj',
    };
    expect(forms('kaj je v trgovi nami', shops)).toContain('trgovinami');
  });

  it('keeps a name in another case one word ("Vanderbiltom" is no "Vanderbil" and "Tom")', () => {
    // The stemmer cuts "Vanderbilt" and all its case forms to "vandr"; "Tom" is a name too.
    const names = (f: string) => f.startsWith('vanderbil') || f === 'tom';
    const k = { ...knowledge(['tom'], { tom: 5000, z: 150_000 }, ['z']), inCorpus: names, isCorpusName: names };
    expect(forms('tekma z Vanderbiltom', k)).toEqual(['tekma', 'z', 'vanderbiltom']);
    expect(forms('tekma z vanderbiltom', k)).toEqual(['tekma', 'z', 'vanderbiltom']);
  });

  it('still splits a word off a name the stemmer would cut it off with ("Trumpvrnil")', () => {
    // The stemmer cuts "trumpvrnil" to "trump", the key of the name alone.
    const names = (f: string) => f.startsWith('trump');
    const k = {
      ...knowledge(['vrnil'], { vrnil: 3000, je: 4_000_000 }, ['je']),
      inCorpus: (f: string) => names(f) || f === 'vrnil',
      isCorpusName: names,
    };
    expect(forms('kdaj je Trumpvrnil obisk', k)).toEqual(['kdaj', 'je', 'trump', 'vrnil', 'obisk']);
  });

  it('keeps a chat form already read as its standard word a word of its own ("sainsburys mel", "ki ma")', () => {
    // The stemmer cuts "sainsburysimel" back to "sainsburys": as an ending, "imel" would vanish.
    const k = {
      ...stemmedKnowledge('sainsburys', [], { imel: 20_000 }),
      isWord: () => true,
      isStopword: (f: string) => f === 'imel' || f === 'je',
    };
    const words = splitQuestion('je sainsburys mel posel').map((w) =>
      w.form === 'mel' ? { ...w, form: 'imel', mended: true } : w,
    );
    expect(mendSpacing(words, k).map((w) => w.form)).toEqual(['je', 'sainsburys', 'imel', 'posel']);
    // Nor into a word people use as typed: chat writes "ki ma" (ki ima) far more often than a split "kima".
    const nods = { ...knowledge(['kima'], { kima: 300, ki: 900_000, ma: 9000 }, ['ki', 'ima']), isWord: () => true };
    const chat = splitQuestion('država ki ma orožje').map((w) =>
      w.form === 'ma' ? { ...w, form: 'ima', mended: true } : w,
    );
    expect(mendSpacing(chat, nods).map((w) => w.form)).toEqual(['drzava', 'ki', 'ima', 'orozje']);
  });

  it('does not split a name written with a capital into a function word and the rest', () => {
    const some = knowledge(['st'], { nek: 7438, st: 3191 }, ['nek']);
    expect(forms('Kdo vodi pobudo Nekst?', some)).toEqual(['kdo', 'vodi', 'pobudo', 'nekst']);
  });

  it('keeps a function word a function word when it moves a space ("toče na" is no "to cena")', () => {
    const hail = knowledge(['cena', 'obali', 'zmagal'], { to: 500_000, na: 1_000_000, je: 4_000_000 }, [
      'to',
      'na',
      'je',
      'j',
    ]);
    expect(forms('bo toce na obali', hail)).toEqual(['bo', 'toce', 'na', 'obali']);
    // A function word typed a letter short is still mended into one.
    expect(forms('kdo j ezmagal', hail)).toEqual(['kdo', 'je', 'zmagal']);
  });

  it('joins two function words only into a word far likelier than the two ("na prej", not "že na")', () => {
    const wife = knowledge(
      ['zena', 'tocki', 'naprej'],
      { ze: 300_000, na: 1_000_000, prej: 20_000, zena: 23_000, naprej: 30_000 },
      ['ze', 'na', 'prej'],
    );
    expect(forms('ze na mrtvi tocki', wife)).toEqual(['ze', 'na', 'mrtvi', 'tocki']);
    expect(forms('se bodo na prej borili', wife)).toEqual(['se', 'bodo', 'naprej', 'borili']);
  });

  it('splits a one-letter preposition off the word it was glued to ("vekipi"), though that is one edit away', () => {
    // Every glued form here is one edit from a corpus word: the word without its first letter.
    const glued = {
      ...knowledge(['ekipi', 'mestnih', 'vmesnih', 'kritizirala'], { v: 2_000_000, s: 900_000, ekipi: 3_000 }, [
        'v',
        's',
      ]),
      nearCorpusWord: () => true,
      nearListedCorpusWord: () => true,
      // "vmestnih" is also one edit from "vmesnih".
      nearCorpusWordBesides: (form: string) => form === 'vmestnih',
    };
    expect(forms('vzdusje vekipi', glued)).toEqual(['vzdusje', 'v', 'ekipi']);
    expect(forms('do vmestnih volitev', glued)).toEqual(['do', 'vmestnih', 'volitev']);
    // A verb's prefix is no preposition, and "s" begins words as often as it is one.
    expect(forms('ga je skritizirala', glued)).toEqual(['ga', 'je', 'skritizirala']);
    const irish = {
      ...knowledge(['irski', 'izumov'], { irski: 2_000, izumov: 300, s: 900_000, v: 2_000_000 }, ['s', 'v']),
      nearCorpusWord: () => true,
      nearListedCorpusWord: () => true,
    };
    expect(forms('kaj je dejal sirski premier', irish)).toEqual(['kaj', 'je', 'dejal', 'sirski', 'premier']);
    // "v" never takes a genitive plural.
    expect(forms('koliko vizumov so izdali', irish)).toEqual(['koliko', 'vizumov', 'so', 'izdali']);
    // A place name in -ov or -ev is no genitive: "v Kijev".
    const kyiv = {
      ...knowledge(['kijev'], { v: 2_000_000 }, ['v']),
      nearCorpusWord: () => true,
      nearListedCorpusWord: () => true,
    };
    expect(forms('kdaj je prisel vkijev', kyiv)).toEqual(['kdaj', 'je', 'prisel', 'v', 'kijev']);
  });

  it('joins a fragment that is no word to the word before it first ("za letal ske"), though that word could join the one before', () => {
    const planes = knowledge(['zaletal', 'letal', 'letalske'], { za: 1_000_000, letal: 3_000, letalske: 2_000 }, [
      'za',
    ]);
    expect(forms('razlogi za letal ske nesrece', planes)).toEqual(['razlogi', 'za', 'letalske', 'nesrece']);
    // Without the fragment, the preposition still joins the participle it was split off.
    expect(forms('razlogi za letal nesrece', planes)).toEqual(['razlogi', 'zaletal', 'nesrece']);
    // Kept for its fragment, the word is not taken by moving a space either ("zale tal ske").
    const moved = knowledge(['zaletal', 'letalske', 'tal'], {
      za: 1_000_000,
      letalske: 2_000,
      zale: 6_000,
      tal: 6_000,
    });
    expect(forms('razlogi za letal ske nesrece', moved)).toEqual(['razlogi', 'za', 'letalske', 'nesrece']);
  });

  it('joins a prefix split off a verb, as no preposition takes an infinitive or a participle ("na praviti")', () => {
    // Both halves are everyday words and the corpus has both, so only grammar tells.
    const make = knowledge(
      ['napraviti', 'praviti', 'podpisal', 'pisal', 'posmrti', 'smrti'],
      { na: 1_000_000, pod: 200_000, po: 900_000, praviti: 2_000, pisal: 3_000, smrti: 9_000 },
      ['na', 'pod', 'po'],
    );
    expect(forms('znova na praviti priljubljeno', make)).toEqual(['znova', 'napraviti', 'priljubljeno']);
    expect(forms('kdo je pod pisal', make)).toEqual(['kdo', 'je', 'podpisal']);
    // A noun may end like an infinitive.
    expect(forms('kaj je naredila po smrti', make)).toEqual(['kaj', 'je', 'naredila', 'po', 'smrti']);
    // After "iz", "od" or "do" an -l form is a genitive plural: "iz vozil" is no "izvozil".
    const cars = knowledge(['izvozil', 'vozil'], { iz: 800_000, vozil: 4_000 }, ['iz']);
    expect(forms('koliko jih je izstopilo iz vozil', cars)).toEqual([
      'koliko',
      'jih',
      'je',
      'izstopilo',
      'iz',
      'vozil',
    ]);
  });

  it('leaves unknown names and two real words alone', () => {
    expect(forms('tabor Songdowon', k)).toEqual(['tabor', 'songdowon']);
    expect(forms('kot in', k)).toEqual(['kot', 'in']);
  });

  it('joins halves that are words of the corpus themselves when the one word is far likelier, but not "da je"', () => {
    // With many articles loaded, "zavez" (of "zaveza") and "nici" (of "Nica") are corpus words too.
    const many = knowledge(
      ['zaveznici', 'zavez', 'nici', 'daje'],
      { nici: 101, da: 2_176_397, je: 4_282_208, daje: 5623 },
      ['da', 'je'],
    );
    expect(forms('zgodovinski zavez nici', many)).toEqual(['zgodovinski', 'zaveznici']);
    expect(forms('vem da je cudno', many)).toEqual(['vem', 'da', 'je', 'cudno']);
  });

  it('does not join two names the stemmer would cut down to the first ("Bernard Vann")', () => {
    // The stemmer cuts "bernardvann" to "bernar", the key of "Bernard", a corpus word.
    const known = (f: string) => f.startsWith('bernar') || f === 'vann';
    const names = { ...knowledge([], {}), inCorpus: known, isWord: known };
    expect(forms('kaj je rekel bernard vann', names)).toEqual(['kaj', 'je', 'rekel', 'bernard', 'vann']);
    // A part no corpus word has is still joined, though the stemmer cuts the word short too.
    const ministry = (f: string) => f.startsWith('minist');
    const cut = { ...knowledge([], {}), inCorpus: ministry, isWord: ministry };
    expect(forms('novo ministr stvo', cut)).toEqual(['novo', 'ministrstvo']);
  });

  it('does not split a possessive made from a name into the name and its ending ("kanyejevi")', () => {
    const k = knowledge(['kanye', 'jevi', 'kapi'], { jevi: 200, kanye: 100, kapi: 500 });
    expect(forms('kanyejevi kapi', k)).toEqual(['kanyejevi', 'kapi']);
    expect(forms('kanyekapi', k)).toEqual(['kanye', 'kapi']);
    // Nor a demonym into the place and its ending ("Belfastčani").
    const place = knowledge(['belfast', 'cani', 'canu'], {});
    expect(forms('belfastcani', place)).toEqual(['belfastcani']);
    expect(forms('o belfastcanu', place)).toEqual(['o', 'belfastcanu']);
  });

  it('splits off a stop word in common use, and a possessive made from a corpus name', () => {
    const k = knowledge(['ministrovih', 'zinke', 'izjavah'], { besedah: 686, izjavah: 78 }, ['besedah']);
    expect(forms('po ministrovihbesedah', k)).toEqual(['po', 'ministrovih', 'besedah']);
    expect(forms('o zinkejevihizjavah', k)).toEqual(['o', 'zinkejevih', 'izjavah']);
  });

  it('splits into a corpus word and a word in common use, though not a very common one', () => {
    const k = knowledge(['obisku', 'sredini', 'de'], { prvem: 3000, obisku: 900, kadi: 600 });
    expect(forms('ob prvemobisku', k)).toEqual(['ob', 'prvem', 'obisku']);
    // Not a short corpus key ("de") beside it; a number is a word of its own.
    expect(forms('v dekadi', k)).toEqual(['v', 'dekadi']);
    expect(forms('v sredini17', k)).toEqual(['v', 'sredini', '17']);
  });

  it('splits off an unlisted form of an everyday word beside a corpus word ("sedanjimvoditeljem")', () => {
    // "sedanjim" is not listed, but its word family is common ("sedanji", "sedanjost").
    const k = {
      ...knowledge(['voditeljem'], { voditeljem: 100, pri: 300_000 }, ['pri']),
      familyCount: (f: string) => (f === 'sedanjim' ? 1500 : 0),
      isWord: () => true,
    };
    expect(forms('s sedanjimvoditeljem', k)).toEqual(['s', 'sedanjim', 'voditeljem']);
    // Not when the family is rare, nor a short part (a short key stands for too many words).
    expect(forms('s davnimvoditeljem', k)).toEqual(['s', 'davnimvoditeljem']);
    const short = { ...k, familyCount: (f: string) => (f === 'sedan' ? 1500 : 0) };
    expect(forms('voditeljemsedan', short)).toEqual(['voditeljemsedan']);
  });

  it('keeps a chat participle apart from the preposition after it ("lagu na" is no "laguna")', () => {
    const k = knowledge(['laguna', 'pricanju'], { lagal: 500, laguna: 300, na: 1_000_000 }, ['na']);
    expect(forms('je lagu na pricanju', k)).toEqual(['je', 'lagu', 'na', 'pricanju']);
    // A fragment that is no participle still joins ("lagu" alone is no chat form of a known verb).
    const noVerb = knowledge(['laguna', 'pricanju'], { laguna: 300, na: 1_000_000 }, ['na']);
    expect(forms('je lagu na pricanju', noVerb)).toEqual(['je', 'laguna', 'pricanju']);
    // Nor where the joined word is commoner than the verb: "minu ti" is "minuti", not "minil ti".
    const minute = knowledge(['minuti', 'minil'], { minuti: 3443, minil: 785, ti: 500_000 }, ['ti']);
    expect(forms('koliko minu ti je trajalo', minute)).toEqual(['koliko', 'minuti', 'je', 'trajalo']);
  });

  it('does not split off a short corpus key nobody uses as a word ("raz" of "razbremenilni")', () => {
    const k = knowledge(['raz', 'bremenilni', 'kot'], { kot: 90_000 });
    expect(forms('kot razbremenilni', k)).toEqual(['kot', 'razbremenilni']);
  });

  it('splits into words as written, not into a string the stemmer cuts to a corpus key', () => {
    // Every string starting "prihod" cuts to the corpus key "prihod…", "prihodnjemle" too.
    const stemmed = stemmedKnowledge('prihod', ['letu'], { prihodnjem: 300, letu: 20_000, tu: 150_000 });
    expect(forms('v prihodnjemletu', stemmed)).toEqual(['v', 'prihodnjem', 'letu']);
  });

  it('moves no space when neither new word is one people use as written ("premierka očitala")', () => {
    // "premierkaoc" cuts to the corpus key "premier…", "itala" to one of "Italija"; "očitala" is
    // a word neither the corpus nor the frequency list has.
    const stemmed = stemmedKnowledge('premier', ['itala', 'instrument'], { premierka: 400, kot: 90_000 });
    expect(forms('premierka ocitala', stemmed)).toEqual(['premierka', 'ocitala']);
    // A moved space that makes a word in use still mends the pair.
    expect(forms('kotin strument', stemmed)).toEqual(['kot', 'instrument']);
  });

  it('moves no space that unmakes a word people use ("najbi število" is no "naj bištevilo")', () => {
    // "bistevilo" cuts to the corpus key "bist…" of "bistvo"; "stevilo" is a word in use.
    const stemmed = stemmedKnowledge('bist', ['stevilo', 'instrument'], { naj: 90_000, stevilo: 3000, kot: 90_000 });
    expect(forms('najbi stevilo', stemmed)).toEqual(['najbi', 'stevilo']);
    // A word in use may still become another ("kot in" is a word in use; "kotin" is not).
    expect(forms('kotin strument', stemmed)).toEqual(['kot', 'instrument']);
  });

  it('moves a misplaced space by a letter or two, not further ("kontrolor pomgal")', () => {
    // "kontrolorpomg" cuts to the corpus key "kontrolor", and "al" is a word in use and a corpus name.
    const stemmed = stemmedKnowledge('kontrolor', ['al', 'instrument'], { al: 50_000, kot: 90_000 });
    expect(forms('kontrolor pomgal', stemmed)).toEqual(['kontrolor', 'pomgal']);
    expect(forms('kotin strument', stemmed)).toEqual(['kot', 'instrument']);
  });

  it('splits "je" off a listed word before a singular past participle in its clause ("seje zgodil"), not off the noun', () => {
    // "seje" (sessions) and "kije" (clubs) are words people use, as are "se", "ki" and "je".
    const k = knowledge(
      ['zgodil', 'napad', 'album', 'izsel', 'vodil', 'koncu', 'izjavil'],
      { seje: 330, kije: 94, se: 900_000, ki: 800_000, je: 4_000_000, zgoditi: 1850, srecati: 1351, izsel: 246 },
      ['se', 'ki', 'je'],
    );
    expect(forms('kdaj seje zgodil napad', k)).toEqual(['kdaj', 'se', 'je', 'zgodil', 'napad']);
    expect(forms('s kom seje putin srecal', k)).toEqual(['s', 'kom', 'se', 'je', 'putin', 'srecal']);
    expect(forms('kako se imenuje album, kije izsel', k)).toEqual([
      'kako',
      'se',
      'imenuje',
      'album',
      'ki',
      'je',
      'izsel',
    ]);
    // The noun: with a verb of its own, after a word that is no question word, or with a plural verb.
    expect(forms('katere seje je vodil', k)).toEqual(['katere', 'seje', 'je', 'vodil']);
    expect(forms('kdo je ob koncu seje izjavil', k)).toEqual(['kdo', 'je', 'ob', 'koncu', 'seje', 'izjavil']);
    expect(forms('zakaj seje vlade potekale', k)).toEqual(['zakaj', 'seje', 'vlade', 'potekale']);
    // A noun that ends as a participle does, with no verb of that stem ("festivala", "material").
    expect(forms('kdaj seje festivala potekajo', k)).toEqual(['kdaj', 'seje', 'festivala', 'potekajo']);
    expect(forms('kdaj seje material razpade', k)).toEqual(['kdaj', 'seje', 'material', 'razpade']);
    // The verb "sow": the participle is in the next clause.
    expect(forms('kdo seje sovrastvo, je dejal', k)).toEqual(['kdo', 'seje', 'sovrastvo', 'je', 'dejal']);
  });

  it('moves a space to the split that makes words, not to a likelier one that does not', () => {
    // "kotins" and "trument" are used more than "kot" and "instrument", but neither is a corpus word.
    const k = knowledge(['instrument'], { kot: 5000, instrument: 100, kotins: 9000, trument: 9000 });
    expect(forms('kotin strument', k)).toEqual(['kot', 'instrument']);
  });

  it('leaves a word one typo from a corpus word to typo mending', () => {
    const typo = {
      ...knowledge(['poudaril'], { pu: 9000, daril: 9000, poudaril: 300 }),
      nearCorpusWord: (f: string) => f === 'pudaril',
      nearListedCorpusWord: (f: string) => f === 'pudaril',
    };
    expect(forms('pudaril', typo)).toEqual(['pudaril']);
  });

  it('splits two words people use rather than read a typo of a string only the stemmer knows ("odštirih")', () => {
    // "odstrih", one edit from "odstirih", cuts to a corpus key but is no word anyone writes.
    const glued = {
      ...knowledge(['stirih'], { od: 300_000, stirih: 2000 }, ['od']),
      nearCorpusWord: (f: string) => f === 'odstirih',
    };
    expect(forms('tri tocke odstirih', glued)).toEqual(['tri', 'tocke', 'od', 'stirih']);
  });
});

describe('colloquial Slovenian', () => {
  const chat = new ChatForms([
    ['kva', 'kaj'],
    ['zdej', 'zdaj'],
    ['hvala', '-'],
    ['zastopu', 'razumel'],
    ['razumel', '-'],
  ]);
  const k = knowledge(['zahvalil'], { rekel: 139_644, reku: 131, zapel: 300 });
  const read = (text: string) => standardForms(splitQuestion(text), chat, k, true);

  it('reads a present plural without its i ("hodjo") as the standard one, not a noun in -jo', () => {
    const plural = knowledge([], { hodijo: 1800, rabijo: 900, zivaljo: 40, zeljo: 2339, zelijo: 7227 });
    // "željo" (a wish) is a word of its own, though "želijo" is commoner.
    expect(standardForms(splitQuestion('katero zeljo'), chat, plural, true).map((w) => w.form)).toEqual([
      'katero',
      'zeljo',
    ]);
    expect(standardForms(splitQuestion('a rusi hodjo tja'), chat, plural, true).map((w) => w.form)).toEqual([
      'a',
      'rusi',
      'hodijo',
      'tja',
    ]);
    expect(standardForms(splitQuestion('s kaksno zivaljo'), chat, plural, true).map((w) => w.form)).toEqual([
      's',
      'kaksno',
      'zivaljo',
    ]);
  });

  it('reads listed forms and -u participles as standard words, filler as filler', () => {
    const words = read('hvala kva je zdej reku in zahvalu');
    expect(words.map((w) => w.form)).toEqual(['hvala', 'kaj', 'je', 'zdaj', 'rekel', 'in', 'zahvalil']);
    expect(words.filter((w) => w.filler).map((w) => w.form)).toEqual(['hvala']);
  });

  it("reads a chat form cut to its standard word's key as that word, though the corpus has the key", () => {
    // "tist" has the key of "tisti", which every corpus with "tisti" in it has; "kolk" (a hip)
    // is a corpus word of its own.
    const cut = new ChatForms([
      ['tist', 'tisti'],
      ['kolk', 'koliko'],
      ['cist', 'cisto'],
    ]);
    const corpus = knowledge(['tist', 'kolk', 'nesrece', 'cist'], { tisti: 43_000, cist: 3300, cisto: 27_000 });
    const forms = (text: string) => standardForms(splitQuestion(text), cut, corpus, true).map((w) => w.form);
    expect(forms('tist nesrece')).toEqual(['tisti', 'nesrece']);
    expect(forms('boli ga kolk')).toEqual(['boli', 'ga', 'kolk']);
    // A form much used as written is a word of its own: "čist zrak" (clean air).
    expect(forms('kako cist je zrak')).toEqual(['kako', 'cist', 'je', 'zrak']);
  });

  it('reads the shipped chat forms of "kateri" and "kakšen" in all their cases', () => {
    const shipped = lexicon().chat;
    const readShipped = (text: string) =>
      standardForms(splitQuestion(text), shipped, knowledge([], {}), true).map((w) => w.form);
    expect(readShipped('za kere klube je igral')).toEqual(['za', 'katere', 'klube', 'je', 'igral']);
    expect(readShipped('v kšnem lokalu je biu')).toEqual(['v', 'kaksnem', 'lokalu', 'je', 'bil']);
    expect(readShipped('kšnih kšnemu kšnimi kšnga')).toEqual(['kaksnih', 'kaksnemu', 'kaksnimi', 'kaksnega']);
  });

  it('reads what the article is said to mention or quote as talk about the article, not a topic', () => {
    const filler = (text: string) =>
      standardForms(splitQuestion(text), lexicon().chat, knowledge([], {}), true)
        .filter((w) => w.filler)
        .map((w) => w.form);
    expect(filler('kdo je ta buchanan k ga citirajo')).toEqual(['citirajo']);
    expect(filler('katero sosesko omenjajo')).toEqual(['omenjajo']);
    expect(filler('kateri izvajalci so omenjeni v clanku')).toEqual(['omenjeni', 'clanku']);
    // The singular, said of someone named ("ki ga omenja Rosendale"), stays a word of the question.
    expect(filler('koliko je dolg, ki ga omenja rosendale')).toEqual([]);
  });

  it('reads the shipped spoken forms of everyday adverbs and "kateri"', () => {
    const readShipped = (text: string) =>
      standardForms(splitQuestion(text), lexicon().chat, knowledge([], {}), true).map((w) => w.form);
    expect(readShipped('lohk mi poveš usaj tkoj')).toEqual(['lahko', 'mi', 'poves', 'vsaj', 'takoj']);
    expect(readShipped('kirga dne so bli tuki')).toEqual(['katerega', 'dne', 'so', 'bili', 'tukaj']);
    expect(readShipped('bojo skp al skup')).toEqual(['bodo', 'skupaj', 'ali', 'skupaj']);
    expect(readShipped('pr heartsih tocn')).toEqual(['pri', 'heartsih', 'tocno']);
    // An abbreviation in capitals keeps its meaning.
    expect(readShipped('kdo vodi PR službo')).toEqual(['kdo', 'vodi', 'pr', 'sluzbo']);
  });

  it('reads dialect question words and a verb without its vowels', () => {
    const readShipped = (text: string) =>
      standardForms(splitQuestion(text), lexicon().chat, knowledge([], {}), true).map((w) => w.form);
    expect(readShipped('kga je srečal tazga')).toEqual(['koga', 'je', 'srecal', 'takega']);
    // Not "kuk" (a peek: "dej en kuk"), though some say it for "koliko".
    expect(readShipped('dej en kuk')).toEqual(['dej', 'en', 'kuk']);
    expect(readShipped('kva je rusija nrdila')).toEqual(['kaj', 'je', 'rusija', 'naredila']);
    // Short participles in -u, too short for the rule: "dau", "meu" as "biu".
    expect(readShipped('komu je dau intervju k je meu cas')).toEqual([
      'komu',
      'je',
      'dal',
      'intervju',
      'k',
      'je',
      'imel',
      'cas',
    ]);
    // Chat shortens "kako" as it does "kdaj" ("kdj"), and speech "nazaj".
    expect(readShipped('kko je biu tm pr njih 24 let naz')).toEqual([
      'kako',
      'je',
      'bil',
      'tam',
      'pri',
      'njih',
      '24',
      'let',
      'nazaj',
    ]);
  });

  it('reads a word in -u after a preposition as the noun it is ("o joku"), not as a participle', () => {
    const crying = knowledge(['jokal'], {});
    const read2 = (text: string) => standardForms(splitQuestion(text), chat, crying, true).map((w) => w.form);
    expect(read2('kaj je rekla o joku')).toEqual(['kaj', 'je', 'rekla', 'o', 'joku']);
    expect(read2('a je joku')).toEqual(['a', 'je', 'jokal']);
  });

  it('reads a function word in -u only through the list, never as a participle ("po Putinovem mnenju")', () => {
    const opinion = knowledge(['mnenjil'], {}, ['mnenju', 'po']);
    const forms = standardForms(splitQuestion('kaj po putinovem mnenju pocne zahod'), chat, opinion, true);
    expect(forms.map((w) => w.form)).toContain('mnenju');
    expect(forms.map((w) => w.form)).not.toContain('mnenjil');
  });

  it('reads a participle whose u follows a vowel as the l alone, and one that lost its i', () => {
    const withVisit = knowledge(['obiskal', 'pisal'], { zmenila: 500 });
    const forms = standardForms(splitQuestion('kdaj je obiskau in pisau'), chat, withVisit, true).map((w) => w.form);
    expect(forms).toEqual(['kdaj', 'je', 'obiskal', 'in', 'pisal']);
    // A participle that lost the i before its l, read only where the full form is a word.
    const dropped = standardForms(splitQuestion('sta se zmenla in hotla'), chat, withVisit, true).map((w) => w.form);
    expect(dropped).toEqual(['sta', 'se', 'zmenila', 'in', 'hotla']);
    // The masculine lost its i or e before the bare l, where speech uses the full form.
    const walked = knowledge([], { hodil: 5965, mogel: 3000, strl: 336, strel: 3529 });
    expect(standardForms(splitQuestion('a bo hodl in mogl'), chat, walked, true).map((w) => w.form)).toEqual([
      'a',
      'bo',
      'hodil',
      'in',
      'mogel',
    ]);
    // A form speech lists is a word of its own: "strl" (crushed) is no "strel" (a shot).
    expect(standardForms(splitQuestion('kdo je strl upor'), chat, walked, true).map((w) => w.form)).toContain('strl');
    // A word people use before a stem the corpus cuts another word to: "sodu" is "sodil", not
    // "sodel" (of "sodelovanje").
    const judged = { ...knowledge([], { sodil: 900 }), inCorpus: (f: string) => f === 'sodel' };
    const judge = standardForms(splitQuestion('kdo je sodu tekmo'), chat, judged, true).map((w) => w.form);
    expect(judge).toContain('sodil');
    // The bare l keeps its place where the corpus has it: "uvedu" is the "uvedl-" of "uvedla".
    const introduced = { ...knowledge([], { uvedel: 900 }), inCorpus: (f: string) => f === 'uvedl' };
    const intro = standardForms(splitQuestion('kdo je uvedu sankcije'), chat, introduced, true).map((w) => w.form);
    expect(intro).toContain('uvedl');
  });

  it('reads the short infinitive of speech as the infinitive, where that is a word', () => {
    const feeding = knowledge(['nahraniti'], { odstaviti: 300, rezultati: 20 });
    const read2 = (text: string) => standardForms(splitQuestion(text), chat, feeding, true).map((w) => w.form);
    expect(read2('je sel nahranit prasice')).toEqual(['je', 'sel', 'nahraniti', 'prasice']);
    expect(read2('a bo probala odstavit kavanaugha')).toEqual(['a', 'bo', 'probala', 'odstaviti', 'kavanaugha']);
    // Not a noun whose plural is rarer than itself, nor a short word.
    expect(read2('kaksen je rezultat in kit')).toEqual(['kaksen', 'je', 'rezultat', 'in', 'kit']);
    // Nor a listed noun whose "+i" form the stemmer cuts to another corpus key ("planeti" → "plan").
    const planets = knowledge(['planeti'], { planet: 4692, planeti: 305 });
    expect(standardForms(splitQuestion('kaj je planet'), chat, planets, true).map((w) => w.form)).toEqual([
      'kaj',
      'je',
      'planet',
    ]);
  });

  it('reads an adjective that dropped the e of -ega or -emu as the standard form, where that is a word', () => {
    const first = knowledge(['prvega'], { novemu: 400 });
    const forms = standardForms(splitQuestion('od prvga obiska k novmu in dugga'), chat, first, true).map(
      (w) => w.form,
    );
    expect(forms).toEqual(['od', 'prvega', 'obiska', 'k', 'novemu', 'in', 'dugga']);
    // -jega and -jemu drop the j with the e ("zadnga" is "zadnjega")
    const last = knowledge(['konjega'], { zadnjega: 2800, tretjemu: 300 });
    const soft = standardForms(splitQuestion('od zadnga obiska k tretmu iz konga'), chat, last, true).map(
      (w) => w.form,
    );
    // but only for an adjective people use so: "Konga" is no "konjega"
    expect(soft).toEqual(['od', 'zadnjega', 'obiska', 'k', 'tretjemu', 'iz', 'konga']);
  });

  it('reads chat "pol" as "potem" even where an article has "pol ure", but keeps "pol" that halves something', () => {
    const half = knowledge(['pol', 'domov', 'ure'], {});
    const then = new ChatForms([['pol', 'potem']]);
    const read = (q: string) => standardForms(splitQuestion(q), then, half, true).map((w) => w.form);
    expect(read('kdaj gre pol domov')).toEqual(['kdaj', 'gre', 'potem', 'domov']);
    expect(read('cez pol ure gre domov')).toEqual(['cez', 'pol', 'ure', 'gre', 'domov']);
    expect(read('ob pol petih gre domov')).toEqual(['ob', 'pol', 'petih', 'gre', 'domov']);
    // a whole in the genitive after it
    expect(read('pol ukrajinskega prebivalstva')).toEqual(['pol', 'ukrajinskega', 'prebivalstva']);
    expect(read('a je pol sveta proti')).toEqual(['a', 'je', 'pol', 'sveta', 'proti']);
    // but "potem" before a pronoun or a verb that only looks like one of those
    expect(read('kaj so pol drugih naredili')).toEqual(['kaj', 'so', 'potem', 'drugih', 'naredili']);
    expect(read('kaj pol dela putin')).toEqual(['kaj', 'potem', 'dela', 'putin']);
  });

  it('keeps a filler word a name where the question capitalises a name of the corpus ("Ty Burrell")', () => {
    const thanks = new ChatForms([['ty', '-']]);
    const actor = { ...knowledge(['ty', 'burrell'], {}), isCorpusName: (f: string) => f === 'ty' || f === 'burrell' };
    const fillers = (q: string) =>
      standardForms(splitQuestion(q), thanks, actor, true)
        .filter((w) => w.filler)
        .map((w) => w.form);
    expect(fillers('Kaj je rekel igralec Ty Burrell?')).toEqual([]);
    expect(fillers('kaj je rekel burrell? ty')).toEqual(['ty']);
  });

  it('treats a colloquial form of talk about the conversation as filler', () => {
    expect(read('nism zastopu').find((w) => w.form === 'razumel')?.filler).toBe(true);
  });

  it('reads the word that opens a question, a second one after a conjunction, or the opening one again, as its question word even where the corpus uses it', () => {
    const forms = new ChatForms([['kolk', 'koliko']]);
    const withHip = knowledge(['kolk'], {}, ['koliko', 'je', 'ali', 'ga']);
    const readHere = (text: string) => standardForms(splitQuestion(text), forms, withHip, true).map((w) => w.form);
    expect(readHere('kolk je star kim')).toEqual(['koliko', 'je', 'star', 'kim']);
    expect(readHere('ali ga boli kolk')).toEqual(['ali', 'ga', 'boli', 'kolk']);
    // a second question joined by a conjunction opens where it starts
    expect(readHere('zakaj je umrl pa kolk je bil star')).toEqual([
      'zakaj',
      'je',
      'umrl',
      'pa',
      'koliko',
      'je',
      'bil',
      'star',
    ]);
    expect(readHere('kje ga boli in kolk')).toEqual(['kje', 'ga', 'boli', 'in', 'kolk']);
    // nor after a yes-no question, nor before "si" (a pronoun as often as "you are")
    expect(readHere('a si je zlomila roko pa kolk je ostal cel')).toContain('kolk');
    expect(readHere('kdaj je padla in kolk si je zlomila')).toContain('kolk');
    // after a question word behind a preposition it asks
    expect(readHere('za kaj je umrl pa kolk je bil star')).toContain('koliko');
    // the opening question word asked again after a conjunction is that word again, though no
    // form of "biti" follows; not elsewhere ("na kolk", "umetni kolk")
    expect(readHere('kolk operacij je imel na kolk')).toContain('kolk');
    expect(readHere('kolk je stal umetni kolk')).toContain('kolk');
    expect(readHere('kolk zmag je imel pa kolk porazov')).toEqual([
      'koliko',
      'zmag',
      'je',
      'imel',
      'pa',
      'koliko',
      'porazov',
    ]);
  });
});

describe('foreign names in English spelling', () => {
  it.each([
    ['pyongyang', 'pjongjang'],
    ['zelensky', 'zelenski'],
    ['khrushchev', 'hruscev'],
    ['yeltsin', 'jelcin'],
    ['dmitriy', 'dmitrij'],
  ])('reads %s as the Slovenian %s', (english, slovenian) => {
    expect(slovenianSpellings(english)).toContain(slovenian);
  });

  it('offers English "j" both kept and as "dž", and nothing for a word no rule changes', () => {
    expect(slovenianSpellings('jong')).toEqual(['dzong']);
    expect(slovenianSpellings('putin')).toEqual([]);
  });
});

describe('the engine reads chat, typos and English', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await Engine.fromDirectory(CORPUS);
  });
  const concepts = (q: string) => firstKeys(engine, q);
  const typeOf = (q: string) => engine.explain(q).question.answerType;
  const allKeys = (q: string) => everyKey(engine, q);

  it('gives filler no weight and keeps the question words that matter', () => {
    const weights = Object.fromEntries(
      engine
        .explain('hvala ti 🙏 pa še to me zanima: je Putin rekel kaj o sankcijah?')
        .question.concepts.map((c) => [c.alternatives[0]!.keys[0], c.weight]),
    );
    expect(weights.hval).toBeUndefined();
    expect(concepts('ok guys, kdo je podpisal sporazum')).not.toContain('guys');
    // the greetings and thanks of a Discord channel, English or Slovenian slang
    expect(concepts('yo folk, kdo je podpisal sporazum? ty')).toEqual(concepts('kdo je podpisal sporazum'));
    expect(concepts('hey brate, kdo je podpisal sporazum? hvalca')).toEqual(concepts('kdo je podpisal sporazum'));
    // A signature is not a name the question asks about: the answer is as sure as without it.
    for (const signed of ['Kdo je podpisal sporazum? Hvala, Ana', 'Kdo je podpisal sporazum? lp Miha'])
      expect(engine.ask(signed).confidence, signed).toBe(engine.ask('Kdo je podpisal sporazum?').confidence);
    expect(weights.putin).toBeGreaterThan(0.7);
    expect(weights.sankc).toBeGreaterThan(0.7);
    // Chat shorthand of two letters nobody writes as a word is not the rarest word of the question.
    const shorthand = engine.explain('kok mn let je od obiska').question.concepts;
    expect(shorthand.find((c) => c.alternatives[0]!.keys[0] === 'mn')?.weight ?? 0).toBe(0);
  });

  it('reads a Slovenian question that quotes an English title as Slovenian, and an English one as English', () => {
    const title = engine.explain('Koliko stane vstopnica za razstavo Memories of the Land and Water?').question;
    expect(title.english).toBe(false);
    expect(title.answerType).toBe('money');
    expect(engine.explain('Who is the President of the Russian Federation?').question.english).toBe(true);
    // Without a Slovenian question word, "to" between two names is English ("Did Kim go to Russia?").
    expect(engine.explain('Did Kim go to Russia?').question.english).toBe(true);
    // Names are in no language: many of them do not make an English question Slovenian.
    expect(engine.explain("Who did Kim Jong-un call North Korea's best friend?").question.english).toBe(true);
    // … but a Slovenian question word keeps them: the English is a tag on a Slovenian question.
    expect(engine.explain('Kdaj je Kanye West nastopil v Saturday Night Live, is it true?').question.english).toBe(
      false,
    );
    // The small words of a title name nothing; its other words are the title's own ("Still Game").
    const words = (q: string) => engine.explain(q).question.concepts.map((c) => c.alternatives[0]!.keys.join(' '));
    expect(words('Kdo je napisal The Lord of the Rings?')).not.toContain('the');
    expect(words('Katera sezona Still Game bo zadnja?')).toContain(stemKey('still'));
  });

  it('gives the words that join clauses no weight ("odkar", "kadar")', () => {
    // They say how two clauses hang together; what is asked is in the clauses.
    expect(concepts('Koliko časa je minilo, odkar je Putin prvič obiskal Severno Korejo?')).toEqual(
      concepts('Koliko časa je minilo, je Putin prvič obiskal Severno Korejo?'),
    );
    // "preden" stays: "preden je zadel kopno" tells the passage that says it from one that does not.
    expect(concepts('Kaj je storil, preden je zadel kopno?')).toContain(stemKey('preden'));
    expect(concepts('Kaj stori Rusija, kadar ZDA uvedejo sankcije?')).toEqual(
      concepts('Kaj stori Rusija, ZDA uvedejo sankcije?'),
    );
  });

  it('reads an ordinal adverb in -krat as the one in -ič ("prvikrat" as "prvič")', () => {
    expect(concepts('Kdaj je Putin prvikrat obiskal Severno Korejo?')).toEqual(
      concepts('Kdaj je Putin prvič obiskal Severno Korejo?'),
    );
    expect(concepts('Kolikokrat je Putin obiskal Severno Korejo, je to drugikrat?')).toContain(concepts('drugič')[0]);
    // Read as "prvič", the question names it: a sentence whose only time is that "prvič" does not say when.
    const ships = Engine.fromDocuments([
      articleOf('ladja', 'Ladje', [
        'Takrat se je prvič zgodilo, da je mornarica vrnila ladjo ladjedelnici.',
        'Ladjo so zgradili v ladjedelnici ob reki.',
      ]),
    ]);
    const cueOf = (q: string) => ships.explain(q).ranked[0]!.evidence.answerCue;
    expect(cueOf('Kdaj je mornarica prvič vrnila ladjo?')).toBe(0);
    expect(cueOf('Kdaj je mornarica prvikrat vrnila ladjo?')).toBe(0);
    // Not a typo's guess ("osumili" → "osem") nor a key as short as a number word ("sestala" → "šest"):
    // the question does not name those, and the passage that does answers it.
    const counts = Engine.fromDocuments([
      articleOf('napad', 'Napad', ['V napadu je umrlo osem ljudi.', 'Lakersi bodo pred sezono odigrali šest tekem.']),
    ]);
    const cueIn = (q: string) => counts.explain(q).ranked[0]!.evidence.answerCue;
    expect(cueIn('Koliko ljudi je umrlo v napadu, za katerega so osumili Saipova?')).toBe(1);
    expect(cueIn('Koliko tekem bodo Lakersi odigrali pred sezono, ko se bo ekipa sestala?')).toBe(1);
  });

  it('drops chat from an English question too', () => {
    expect(engine.explain('what did Kim call Putin lol').question.english).toBe(true);
    expect(concepts('what did Kim call Putin lol')).not.toContain('lol');
    expect(concepts('what did Kim call Putin LOL')).not.toContain('lol');
    expect(concepts('thx guys, who signed the treaty btw?')).toEqual(concepts('who signed the treaty?'));
  });

  it('drops talk about the article even when misspelt, as it drops misspelt question words', () => {
    // "člnaku" for "članku": no word of the question, and no rare topic word either.
    expect(concepts('kdo je bil kim jong il v člnaku')).toEqual(concepts('kdo je bil kim jong il v članku'));
    expect(engine.explain('kdo je bil kim jong il v člnaku').question.unknownShare).toBe(0);
  });

  it('reads a slip one letter from a corpus word and a function word as the corpus word, unless the function word is far commoner', () => {
    const shares = Engine.fromDocuments([
      articleOf('delez', 'Posli', [
        'Para sta skupaj počitnikovala, poleg tega ima Jones 40-odstotni delež v Baldwinovi produkcijski družbi.',
        'Čeprav je Jones bogat, je bil sestanek napet.',
      ]),
    ]);
    const keysOf = (q: string) => firstKeys(shares, q);
    // "dalež": "delež" of the corpus or "daleč", a commoner word but not by an order of magnitude.
    expect(keysOf('Kolikšen dalež ima Jones v Baldwinovi družbi?')).toContain(stemKey('delez'));
    // Read as mended, the question asks for a share, which "40-odstotni" is.
    expect(shares.explain('Kolikšen dalež ima Jones v Baldwinovi družbi?').question.answerType).toBe('percent');
    const answer = shares.ask('Kolikšen dalež ima Jones v Baldwinovi družbi?');
    expect(answer.answered).toBe(true);
    expect(answer.passages[0]!.passage.text).toContain('40-odstotni delež');
    // "čeprov" is "čeprav", far commoner than any corpus word one letter away ("čemur" is none here).
    expect(keysOf('a je jones bogat čeprov je sestanek napet')).toEqual(keysOf('a je jones bogat je sestanek napet'));
  });

  it('reads a question for someone\'s role ("funkcija", "po poklicu") as asking for a role, which the answer names without the noun', () => {
    const roles = Engine.fromDocuments([
      articleOf('steele', 'Volitve', [
        'Michael Steele je na shodu v Marylandu nagovoril volivce.',
        'Michael Steele, nekdanji predsednik republikanskega nacionalnega odbora, je napovedal tesen izid.',
      ]),
    ]);
    const words = (q: string) => roles.explain(q).question.concepts.map((c) => q.slice(c.span.start, c.span.end));
    expect(roles.explain('Michael Steele funkcija?').question.answerType).toBe('person');
    expect(words('Michael Steele funkcija?')).not.toContain('funkcija');
    const answer = roles.ask('Michael Steele funkcija?');
    expect(answer.answered).toBe(true);
    expect(answer.passages[0]!.passage.text).toContain('nekdanji predsednik');
    expect(roles.explain('Kaj je Michael Steele po poklicu?').question.answerType).toBe('person');
    expect(roles.explain('Kakšno funkcijo opravlja Michael Steele?').question.answerType).toBe('person');
    // "pokličem" (I call) folds as a case of "poklic" would, and asks no role.
    expect(roles.explain('Kdaj lahko pokličem Michaela Steela?').question.answerType).toBe('time');
    expect(words('Kdaj lahko pokličem Michaela Steela?')).toContain('pokličem');
    // Nor does a post or a function that is the topic.
    expect(roles.explain('Kakšna je funkcija odbora?').question.answerType).not.toBe('person');
    expect(roles.explain('Kakšno funkcijo ima odbor?').question.answerType).not.toBe('person');
    expect(roles.explain('Funkcija odbora?').question.answerType).not.toBe('person');
    expect(words('Kaj je Steele rekel o funkciji odbora?')).toContain('funkciji');
    expect(words('Kaj je Steele rekel o poklicu novinarja?')).toContain('poklicu');
  });

  it('meets a verbal noun in -tev with its verb, each way ("ustanovitev" and "ustanovila")', () => {
    const founded = Engine.fromDocuments([
      articleOf('truly', 'Truly', ['Willoughbyjeva je ustanovila Truly leta 2016.', 'Po vrnitvi v London je molčala.']),
    ]);
    const allKeys = (q: string) => everyKey(founded, q);
    expect(allKeys('Willoughby Truly ustanovitev leto?')).toContain(stemKey('ustanovila'));
    expect(allKeys('kdaj se je vrnila v London')).toContain(stemKey('vrnitvi'));
  });

  it('meets a noun in -rje with its adjectives, plain and of what lies along it ("morje", "obmorski")', () => {
    const seaside = Engine.fromDocuments([
      articleOf('morje', 'Turizem', [
        'Organizirajo izlete v korejska obmorska letovišča.',
        'Morski sadeži so dragi.',
        'Ljudje morajo verjeti.',
      ]),
    ]);
    const allKeys = (q: string) => everyKey(seaside, q);
    expect(allKeys('a gredo rusi na morje')).toEqual(expect.arrayContaining([stemKey('obmorska'), stemKey('morski')]));
    expect(allKeys('katera obmorska mesta')).toContain(stemKey('morski'));
    // A key in "rj" is as often a verb's: "verski" (religious) is no kin of "verjeti".
    expect(allKeys('kateri verski voditelji')).not.toContain(stemKey('verjeti'));
  });

  it('reads a time of day written "14h" or "8h30" as its hour and minutes', () => {
    const vans = Engine.fromDocuments([
      articleOf('kombiji', 'Umor', [
        'Ob 14.00 sta bila dva policijska kombija znotraj kordona.',
        'Ob 8.30 je prišla policija.',
      ]),
    ]);
    const keysOf = (q: string) => firstKeys(vans, q);
    expect(keysOf('koliko kombijev je bilo ob 14h znotraj kordona')).toContain('14');
    expect(keysOf('kdo je prisel ob 8h30')).toEqual(expect.arrayContaining(['8', '30']));
    expect(vans.explain('koliko kombijev je bilo ob 14h znotraj kordona').question.unknownShare).toBe(0);
    // Not a code or a word with a figure in it.
    expect(keysOf('kaj je 4hx')).not.toContain('4');
  });

  it('does not "correct" a real word the corpus lacks into a corpus word', () => {
    expect(concepts('a je kim star prijatelj putina')).toContain('star');
  });

  it("lets another form of a word bring that form's synonyms, more weakly than the form", () => {
    // "Rusi" is not in the corpus's synonym list, "Rusija" is, with "Moskva".
    const concept = engine
      .explain('Kaj pravijo Rusi?')
      .question.concepts.find((c) => c.alternatives[0]!.keys[0] === 'rusi')!;
    const form = concept.alternatives.find((a) => a.keys[0] === stemKey('rusija'))!;
    const synonym = concept.alternatives.find((a) => a.keys[0] === stemKey('moskva'))!;
    expect(synonym).toBeDefined();
    expect(synonym.weight).toBeLessThan(form.weight);
  });

  it('links a word to the corpus word with a learned prefix, as weaker evidence than the word', () => {
    const concept = engine
      .explain('Koga je Putin obtožil kolonializma?')
      .question.concepts.find((c) => c.alternatives[0]!.keys[0] === stemKey('kolonializma'))!;
    const prefixed = concept.alternatives.find((a) => a.keys[0] === stemKey('neokolonialnim'));
    expect(prefixed).toBeDefined();
    expect(prefixed!.weight).toBeLessThan(concept.alternatives[0]!.weight);
  });

  it('takes a word in small letters for a name only where the question does not write names with capitals', () => {
    const meeting = Engine.fromDocuments([articleOf('sestanek', 'Sestanek', ['Na sestanku je govoril Urban Novak.'])]);
    const named = (question: string) =>
      meeting.explain(question).question.concepts.find((c) => c.alternatives[0]!.keys[0] === stemKey('urban'))!.name;
    expect(named('kaj je rekel urban novak')).toBe(true);
    expect(named('Kaj je rekel urban o sestanku v Avstraliji?')).toBe(false);
    // An abbreviation is written in capitals by everyone: it says nothing of how names are written.
    expect(named('kaj je rekel urban o ZN')).toBe(true);
    expect(named('kaj je rekel urban o ZN-ju')).toBe(true);
    // A capital at the start of the question may still be a name's.
    expect(named('Urban o sestanku v Avstraliji?')).toBe(true);
  });

  it('links a verb to its passive participle across the changed consonant, as a word family', () => {
    const built = Engine.fromDocuments([
      articleOf('sydney', 'Sydney', [
        'V Sydneyju je bila zgrajena mreža metroja.',
        'Sodišče ga je obsodilo.',
        'Pomoč je prišla pozno.',
      ]),
    ]);
    const weightOf = (question: string, word: string, form: string) =>
      built
        .explain(question)
        .question.concepts.find((c) => c.alternatives[0]!.keys[0] === stemKey(word))!
        .alternatives.find((a) => a.keys[0] === stemKey(form))?.weight;
    expect(weightOf('Kaj so zgradili v Sydneyju?', 'zgradili', 'zgrajena')).toBe(MATCH_WEIGHTS.family);
    expect(weightOf('Zakaj je bil obsojen?', 'obsojen', 'obsodilo')).toBe(MATCH_WEIGHTS.family);
    // Only for words written as a verb or a participle: "pomota" and "pomoti" are neither, and not "pomoč".
    expect(weightOf('Kakšna pomota?', 'pomota', 'pomoc')).toBeUndefined();
    expect(weightOf('Je bilo po pomoti?', 'pomoti', 'pomoc')).toBeUndefined();
  });

  it('links a noun in -nik to its feminine in -ica ("zaveznika" → "zaveznici")', () => {
    const built = Engine.fromDocuments([articleOf('zveza', 'Zveza', ['Državi sta zgodovinski zaveznici.'])]);
    const keys = built
      .explain('Ali sta državi zaveznika?')
      .question.concepts.find((c) => c.alternatives[0]!.keys[0] === stemKey('zaveznika'))!
      .alternatives.flatMap((a) => a.keys);
    expect(keys).toContain(stemKey('zaveznici'));
    // Not from a short root: a "sodnik" (judge) is no "sod" (barrel).
    const barrel = Engine.fromDocuments([articleOf('klet', 'Klet', ['V kleti je stal sod vina.'])]);
    const barrelKeys = barrel
      .explain('Kdo je bil sodnik?')
      .question.concepts.flatMap((c) => c.alternatives.flatMap((a) => a.keys));
    expect(barrelKeys).not.toContain(stemKey('sod'));
    // Nor a word of the root alone: a "zdravnik" is no "zdrav" (healthy) man.
    const healthy = Engine.fromDocuments([articleOf('zdravje', 'Zdravje', ['Zdrav človek živi dlje.'])]);
    expect(healthy.ask('Kaj pravi zdravnik?').answered).toBe(false);
  });

  it('links a noun in -fikacija to its verb in -ficirati ("kvalifikacijah" → "kvalificiral")', () => {
    const built = Engine.fromDocuments([
      articleOf('dirka', 'Dirka', ['Bottas se je kvalificiral pred Hamiltonom.', 'Vettel je zmagal lani.']),
    ]);
    const keysOf = (question: string) =>
      built.explain(question).question.concepts.flatMap((c) => c.alternatives.flatMap((a) => a.keys));
    expect(keysOf('Kdo je zmagal v kvalifikacijah?')).toContain(stemKey('kvalificiral'));
    expect(built.ask('Kaj se je zgodilo v kvalifikacijah?').passages[0]?.passage.text).toContain('kvalificiral');
  });

  it('does not take a stem ending in -ev for a possessive of a three-letter root ("ruševine" is no "Rus")', () => {
    const built = Engine.fromDocuments([articleOf('rus', 'Rus', ['Rusija je sprejela nove ukrepe.'])]);
    const keys = built
      .explain('Kje so ruševine?')
      .question.concepts.flatMap((c) => c.alternatives.flatMap((a) => a.keys));
    expect(keys).not.toContain(stemKey('rusija'));
  });

  it('links an agent noun in -telj to its verb ("vodil" → "voditelj")', () => {
    const built = Engine.fromDocuments([articleOf('obisk', 'Obisk', ['Srečal se je s takratnim voditeljem države.'])]);
    const weightOf = (question: string, word: string, form: string) =>
      built
        .explain(question)
        .question.concepts.find((c) => c.alternatives[0]!.keys[0] === stemKey(word))!
        .alternatives.find((a) => a.keys[0] === stemKey(form))?.weight;
    expect(weightOf('Kdo je vodil državo?', 'vodil', 'voditeljem')).toBe(MATCH_WEIGHTS.family);
    // Not through the participle's family, which holds the water of "v vodi" too.
    const water = Engine.fromDocuments([articleOf('reka', 'Reka', ['Trupla so našli v vodi blizu obale.'])]);
    expect(water.ask('Kje je bil voditelj?').answered).toBe(false);
  });

  it('lets a word the stemmer cut to three letters meet the corpus key of its longer form ("zahvala" → "zahval")', () => {
    const built = Engine.fromDocuments([articleOf('zahvala', 'Zahvala', ['Rad bi se zahvalil prijateljem.'])]);
    const zahvala = built
      .explain('Komu velja zahvala?')
      .question.concepts.find((c) => c.alternatives[0]!.keys[0] === stemKey('zahvala'))!;
    expect(stemKey('zahvala')).toHaveLength(3);
    expect(zahvala.alternatives).toContainEqual({ keys: [stemKey('zahvalil')], weight: MATCH_WEIGHTS.extension });
    // Not an adjective's "-ov" root, which a noun that drifted from it has as its key.
    const cash = Engine.fromDocuments([articleOf('gotovina', 'Gotovina', ['Plačal je z gotovino.'])]);
    const ready = cash
      .explain('Je večerja gotova?')
      .question.concepts.find((c) => c.alternatives[0]!.keys[0] === stemKey('gotova'))!;
    expect(stemKey('gotovino')).toBe('gotov');
    expect(ready.alternatives.find((a) => a.keys[0] === 'gotov')?.weight ?? 0).toBeLessThan(MATCH_WEIGHTS.extension);
  });

  it('does not match a name the article never mentions through the things WordNet relates to it', () => {
    // WordNet relates China to an island (Taiwan): "otoke", a typo in the article, must not stand for it.
    const concept = engine
      .explain('Kdo je predsednik Kitajske?')
      .question.concepts.find((c) => c.alternatives[0]!.keys[0] === stemKey('kitajske'))!;
    expect(concept.alternatives.map((a) => a.keys.join('+'))).not.toContain(stemKey('otok'));
    expect(engine.ask('Kdo je predsednik Kitajske?').answered).toBe(false);
  });

  it('answers a question shouted in capitals as it answers the same words in small letters', () => {
    const shouted = engine.ask('KDO JE PODPISAL SPORAZUM???');
    const plain = engine.ask('kdo je podpisal sporazum???');
    expect(shouted.confidence).toBe(plain.confidence);
    expect(shouted.passages.map((p) => p.passage.id)).toEqual(plain.passages.map((p) => p.passage.id));
  });

  it('answers "how many times" asked in chat forms as it does in standard Slovenian', () => {
    for (const question of ['kolkrat je bil putin v pjongjangu', 'kokrat je bil putin v pjongjangu']) {
      const answer = engine.ask(question);
      expect(answer.answered, question).toBe(true);
      expect(answer.passages[0]?.passage.text, question).toContain('obiskuje drugič');
    }
  });

  it('reads a short name in another case as the name, not as a typo of it', () => {
    // The stemmer keeps three-letter words whole, so "Kimu" and "Kimom" have keys of their own.
    for (const [question, name] of [
      ['Kaj je Putin rekel Kimu?', 'Kimu'],
      ['Kaj je Putin podpisal s Kimom?', 'Kimom'],
    ]) {
      const concepts = engine.explain(question!).question.concepts;
      const concept = concepts.find((c) => question!.slice(c.span.start, c.span.end) === name)!;
      expect(concept.alternatives[0], question).toEqual({ keys: ['kim'], weight: MATCH_WEIGHTS.nameCase });
    }
  });

  it('reads a name declined with another vowel as the name, not as a typo of some other word', () => {
    const mp = Engine.fromDocuments([
      articleOf('bone', 'Bone', [
        'Poslanec Peter Bone je dejal, da bi moral pogajanja voditi Farage.',
        'Bolnišnica je bila zaprta zaradi stavke.',
      ]),
    ]);
    const concepts = mp.explain('Kaj je rekel Peter Bona?').question.concepts;
    const bone = concepts.find((c) => c.name && c.alternatives[0]!.keys[0] !== stemKey('peter'))!;
    expect(bone.alternatives[0]).toEqual({ keys: [stemKey('bone')], weight: MATCH_WEIGHTS.nameCase });
    // Only a short word written with a capital: a small-letter one is likelier another word or a typo.
    const small = mp.explain('kaj je rekel peter bona').question.concepts.find((c) => c.span.end === 23)!;
    expect(small.alternatives[0]).not.toEqual({ keys: [stemKey('bone')], weight: MATCH_WEIGHTS.nameCase });
  });

  it('finds a short name whose stem ends in j in its other cases, and only a name', () => {
    const mp = Engine.fromDocuments([
      articleOf('rosa', 'Rosa', [
        'Od polotoka Baja California do Sonore pričakujejo do 150 mm padavin.',
        'Veja drevesa je padla na cesto.',
      ]),
    ]);
    const keysOf = (question: string, word: string) =>
      mp
        .explain(question)
        .question.concepts.find((c) => question.slice(c.span.start, c.span.end) === word)!
        .alternatives.flatMap((a) => a.keys);
    // "Baje", "Baji": the stemmer keeps short words whole, and the j is the stem's, not a case's.
    expect(keysOf('Koliko dežja bo padlo na polotoku Baje?', 'Baje')).toContain('baja');
    // Typo mending reads "Baji" as the name in another case, not as a slip of some word.
    const baji = mp.explain('Kaj se dogaja v Baji?').question.concepts.find((c) => c.name)!;
    expect(baji.alternatives[0]).toEqual({ keys: ['baja'], weight: MATCH_WEIGHTS.nameCase });
    // A small-letter "vejo" (chat for "vedo", they know) is no case of "veja".
    expect(keysOf('kaj vejo policisti', 'vejo')).not.toContain('veja');
  });

  it('reads a capitalised name with one letter doubled or undoubled as the corpus name, even a real other name', () => {
    const mp = Engine.fromDocuments([
      articleOf('harington', 'Harington', [
        'Igralec Kit Harington bo novembra nastopil v predstavi True West.',
        'Voditelj Phillip Schofield je oddajo zapustil.',
        'Vodja republikancev Mitch McConnell je govoril v senatu.',
      ]),
    ]);
    // "Harrington" is a name everyday Slovenian lists, so typo mending alone leaves it unread.
    for (const [question, typed, name] of [
      ['V kateri predstavi bo nastopil Kit Harrington?', 'Harrington', 'harington'],
      ['Zakaj je Philip Schofield zapustil oddajo?', 'Philip', 'phillip'],
    ]) {
      const concepts = mp.explain(question!).question.concepts;
      const concept = concepts.find((c) => question!.slice(c.span.start, c.span.end) === typed)!;
      expect(concept.alternatives[0], question).toEqual({ keys: [stemKey(name!)], weight: MATCH_WEIGHTS.typo });
    }
    // A word written small is not taken for a name.
    const small = mp.explain('kje bo nastopil kit harrington').question.concepts.at(-1)!;
    expect(small.alternatives[0]).not.toEqual({ keys: [stemKey('harington')], weight: MATCH_WEIGHTS.typo });
    // The key is changed, not the word: "Mitchel", stemmed again, would lose a longer ending and
    // be "Mitch".
    const mitchell = mp.explain('Kaj je rekla Andrea Mitchell?').question.concepts.at(-1)!;
    expect(mitchell.alternatives.flatMap((a) => a.keys)).not.toContain(stemKey('mitch'));
  });

  it('reads common chat forms of "bilo", "narediti" and "imeti" as the standard words (shipped lexicon)', () => {
    expect(firstKeys(engine, 'kaj bi blo treba narest s sankcijami zn')).not.toContain('blo');
    expect(engine.ask('kaj bi blo treba narest s sankcijami zn').passages[0]?.passage.text).toContain(
      'bi bilo treba ponovno preučiti sankcije',
    );
    // "ma" is chat for "ima", as "mam" and "majo" are for "imam" and "imajo".
    expect(concepts('a ma kim kej proti sankcijam')).not.toContain('ma');
    // Talk about the asking itself carries no weight.
    expect(concepts('sorry ce sprasujem, kolkokrat je bil putin v koreji')).not.toContain(stemKey('sprasujem'));
  });

  it('reads a chat form without a capital as the chat word where the corpus has it only as a name', () => {
    const airport = Engine.fromDocuments([
      articleOf('palu', 'Palu', [
        'Kontrolor je ostal v stolpu na letališču Sis Al Jufri.',
        'Voznik je po trčenju pobegnil s kraja nesreče.',
      ]),
    ]);
    const keys = (question: string) => firstKeys(airport, question);
    // "al" is chat for "ali" ("or"): no topic, though the article names "Al Jufri".
    expect(keys('a je voznik pobegnil al je ostal tam')).not.toContain(stemKey('al'));
    // Written with a capital inside the question it is the name.
    expect(keys('kje je letališče Sis Al Jufri')).toContain(stemKey('al'));
  });

  it('reads "exact" after "kateri" as part of asking ("na kateri točen datum", "kakšna je točna cena"), not as a topic', () => {
    expect(typeOf('Na kateri točen datum sta podpisala sporazum?')).toBe('time');
    expect(concepts('Na kateri točen datum sta podpisala sporazum?')).not.toContain(stemKey('tocen'));
    expect(typeOf('Kakšna je točna cena vinjete?')).toBe('money');
    expect(concepts('Kakšna je točna cena vinjete?')).not.toContain(stemKey('tocna'));
    expect(typeOf('Iz katerega točnega mesta prihaja Putin?')).toBe('place');
    expect(concepts('Iz katerega točnega mesta prihaja Putin?')).not.toContain(stemKey('tocnega'));
    // The noun "točnost" is what is asked about.
    expect(typeOf('Kakšna točnost datuma je potrebna?')).toBe('other');
    expect(concepts('Kakšna točnost datuma je potrebna?')).toContain(stemKey('tocnost'));
  });

  it('leaves the word before a fragment whole for the fragment to join ("zdr uzenih"), not to another mending', async () => {
    // With other articles, whose words a space moved elsewhere could make ("dr"), as a bot has them.
    const { documents, synonyms } = await loadCorpus(CORPUS);
    const many = Engine.fromDocuments([...documents, ...(await loadArticlesFile(DISTRACTORS))], { synonyms });
    const keys = many.explain('kaj putin hoce glede sankcij zdr uzenih narodov').question.concepts;
    expect(keys.map((c) => c.alternatives[0]!.keys.join('+'))).toContain(
      `${stemKey('zdruzenih')}+${stemKey('narodov')}`,
    );
  });

  it('weighs a form nobody uses but one letter from an everyday word as that word, not as a rare topic word', () => {
    const weightOf = (question: string, form: string) =>
      engine.explain(question).question.concepts.find((c) => c.alternatives[0]!.keys[0] === stemKey(form))!.weight;
    // "vsebno" is "vsebino" mistyped; the article has neither.
    expect(weightOf('Kje je Putin pojasnil vsebno sporazuma?', 'vsebno')).toBeLessThan(0.9);
    // A string one edit from no listed word stays as telling as a word can be.
    expect(weightOf('Kje je Putin pojasnil qzvrkno sporazuma?', 'qzvrkno')).toBe(1);
    // A listed word, however rare, is judged as itself: "nasad" is no "naša".
    expect(weightOf('Kje je Putin obiskal nasad?', 'nasad')).toBe(1);
  });

  it('abstains on which day where the article says only "danes", and answers when', () => {
    const today = Engine.fromDocuments([
      articleOf('podpis', 'Podpis', ['Predsednika sta danes podpisala sporazum o sodelovanju.']),
      articleOf('vreme', 'Vreme', ['Jutri bo deževalo po vsej državi.']),
    ]);
    expect(today.ask('Katerega dne sta predsednika podpisala sporazum?').answered).toBe(false);
    expect(today.ask('Kdaj sta predsednika podpisala sporazum?').answered).toBe(true);
    expect(today.ask('On which day did the presidents sign the agreement?').answered).toBe(false);
    // "Exact" may stand between: the question still asks which day, and "točen" is no topic word.
    expect(today.ask('Na kateri točen datum sta predsednika podpisala sporazum?').answered).toBe(false);
    expect(today.ask('Katerega točno dne sta predsednika podpisala sporazum?').answered).toBe(false);
    expect(today.explain('Na kateri točen datum sta predsednika podpisala sporazum?').question.answerType).toBe('time');
    // A month alone does not name the day either; a date or a weekday does.
    const month = (when: string) =>
      Engine.fromDocuments([
        articleOf('podpis', 'Podpis', [`Predsednika sta ${when} podpisala sporazum o sodelovanju.`]),
        articleOf('vreme', 'Vreme', ['Jutri bo deževalo po vsej državi.']),
      ]).ask('Katerega dne sta predsednika podpisala sporazum?').answered;
    expect(month('marca')).toBe(false);
    expect(month('15. marca')).toBe(true);
    expect(month('v soboto')).toBe(true);
  });

  it('reads "a mi lahko kdo pove" as asking anyone, not as a topic word', () => {
    expect(concepts('a mi lahko kdo pove, kdo je bil kim jong-il')).not.toContain(stemKey('pove'));
    expect(concepts('a lahko kdo razlozi, kaksen dokument sta podpisala')).not.toContain(stemKey('razlozi'));
    expect(concepts('a mi kdo lahko pove, kdaj je putin prispel')).not.toContain(stemKey('pove'));
    expect(concepts('a bi mi kdo povedal, kdaj je putin prispel')).not.toContain(stemKey('povedal'));
    expect(typeOf('a mi kdo lahko pove, kdaj je putin prispel')).toBe('time');
    // "Kdo pove …?" alone asks who says it.
    expect(concepts('kdo pove, da je sporazum prelomen')).toContain(stemKey('pove'));
  });

  it('reads the unit after "kateri" as part of asking when ("na kateri dan v tednu"), not as a topic word', () => {
    const keys = concepts('na kateri dan v tednu je putin prispel v pjongjang');
    expect(keys).not.toContain(stemKey('dan'));
    expect(keys).not.toContain(stemKey('tednu'));
    expect(keys).toContain(stemKey('prispel'));
    expect(concepts('katerega leta je putin prvic obiskal korejo')).not.toContain(stemKey('leta'));
    // A minute is named with its number in the answer ("v 65. minuti").
    expect(concepts('v kateri minuti je padel gol')).toContain(stemKey('minuti'));
  });

  it('reads "uri" of "ob koliko uri" as part of asking at what time, as in "ob kateri uri"', () => {
    expect(concepts('ob koliko uri se je zgodil incident')).not.toContain(stemKey('uri'));
    expect(concepts('ob priblizno koliko uri se je zgodil incident')).not.toContain(stemKey('uri'));
    expect(concepts('ob koliko uri se je zgodil incident')).toContain(stemKey('incident'));
    // Without "ob", "ura" is the topic ("koliko ur" counts hours; "uri" is then a clock).
    expect(concepts('koliko stane ura na postaji')).toContain(stemKey('ura'));
  });

  it('reads a point of the compass written short ("sev koreji") as the whole word', () => {
    expect(concepts('kolikic je putin v sev koreji')).toContain(`${stemKey('severni')}+${stemKey('koreji')}`);
  });

  it('reads chat "kaka"/"kak" as "kakšna"/"kakšen" and "tej"/"tistem" as pointing words, not topic words', () => {
    const keys = concepts('kaka je vloga tanjuga v tej zgodbi');
    expect(keys).not.toContain('kaka');
    expect(keys).not.toContain('tej');
    expect(keys).toContain(stemKey('vloga'));
    expect(concepts('kak je bil odziv zahoda na tistem sestanku')).not.toContain('kak');
    expect(concepts('kak je bil odziv zahoda na tistem sestanku')).not.toContain(stemKey('tistem'));
    expect(engine.ask('kaka je vloga tanjuga v tej zgodbi').passages[0]?.passage.text).toContain('Tanjug');
  });

  it('does not run a name and the next word together into a string the stemmer cuts back to the name', () => {
    // "putinostal" stems to "putin": joining would silently drop "ostal".
    expect(concepts('Ali je Putin ostal v Pjongjangu?')).toContain(stemKey('ostal'));
    // A word split by a space is still joined ("zavez nici" → "zaveznici").
    expect(concepts('zgodovinski zavez nici')).toContain(stemKey('zaveznici'));
  });

  it('reads "koliko časa", "koliko dni", "kako dolgo", "kako star" and "kako se imenuje" as the question word, not as topic words', () => {
    expect(concepts('koliko casa bo v vietnamu')).not.toContain(stemKey('casa'));
    // also when another question word comes first
    expect(concepts('kam gre putin in za kolk casa')).not.toContain(stemKey('casa'));
    // the unit of a span asks the same ("dvodnevni obisk" answers "koliko dni")
    expect(concepts('koliko dni bo v vietnamu')).not.toContain(stemKey('dni'));
    expect(concepts('koliko dni bo v vietnamu')).toContain(stemKey('vietnamu'));
    // the dimension a size question names ("višina", "oddaljenost") is given as a figure
    expect(concepts('Kolikšna je višina stolpa?')).not.toContain(stemKey('visina'));
    expect(concepts('Kolikšna je višina stolpa?')).toContain(stemKey('stolpa'));
    expect(concepts('Kako dolgo bo Putin ostal v Vietnamu?')).not.toContain(stemKey('dolgo'));
    // chat asks "koliko dolgo" as "kako dolgo"; "koliko denarja" asks for a sum ("2 milijona USD")
    expect(concepts('koliko dolgo bo putin ostal v vietnamu')).not.toContain(stemKey('dolgo'));
    expect(concepts('Koliko denarja je Rusija namenila Koreji?')).not.toContain(stemKey('denarja'));
    expect(concepts('Koliko denarja je Rusija namenila Koreji?')).toContain(stemKey('namenila'));
    expect(typeOf('kolkic je putin v koreji')).toBe('number');
    // a question word too misspelt to read is dropped, and the question typed by the one it was
    expect(typeOf('Iz kaetrega mesta je prišel Putin?')).toBe('place');
    expect(concepts('Iz kaetrega mesta je prišel Putin?')).not.toContain(stemKey('kaetrega'));
    // not when the commonest function word that close asks nothing ("kajor" is "kakor", not
    // "kamor"), nor from a greeting, nor where the asking sentence has a question word of its own
    expect(typeOf('Kim je, kajor je bilo pričakovano, obiskal Putina?')).toBe('other');
    expect(typeOf('Ne vem zakja. Putin je obiskal Korejo?')).toBe('other');
    expect(typeOf('Kaj je Kim zafaj za Putinom rekel?')).toBe('other');
    expect(concepts('kolkic je putin v koreji')).not.toContain(stemKey('kolikic'));
    expect(concepts('koliko krat je putin obiskal korejo')).not.toContain(stemKey('krat'));
    // time passing after "koliko" or its unit asks for the span ("pred 24 leti"), which the answer
    // gives without the verb; another verb after a counted noun stays
    expect(concepts('Koliko let je minilo od Putinovega prvega obiska?')).not.toContain(stemKey('minilo'));
    expect(concepts('koliko je preteklo od podpisa')).not.toContain(stemKey('preteklo'));
    expect(concepts('Koliko rodov bo minilo do enakosti?')).toContain(stemKey('minilo'));
    // other forms are other verbs, and before a noun of time "preteklo" is "last"
    expect(concepts('Koliko je pretekla Ana na maratonu?')).toContain(stemKey('pretekla'));
    expect(concepts('Koliko je preteklo leto zaslužil Putin?')).toContain(stemKey('preteklo'));
    // the verb of "kako se imenuje" asks for a name, which a passage gives without it; the noun
    // "ime" may be what is asked about
    expect(concepts('Kako se imenuje tiskovna agencija iz Srbije?')).not.toContain(stemKey('imenuje'));
    expect(concepts('Kakšno ime ima tiskovna agencija?')).toContain(stemKey('ime'));
    // without "se" someone does the naming, and the answer repeats the verb
    expect(concepts('Kako Putin imenuje Zahod?')).toContain(stemKey('imenuje'));
    // a share is given as "90 %" as often as in "odstotkov"
    expect(concepts('koliko odstotkov sankcij je uvedel zn')).not.toContain(stemKey('odstotkov'));
    // "s kakšnim rezultatom" asks for a score, which a passage gives as "z zmago 5:2"
    expect(typeOf('s kakšnim rezultatom je rusija zmagala')).toBe('number');
    expect(concepts('s kakšnim rezultatom je rusija zmagala')).not.toContain(stemKey('rezultatom'));
    expect(typeOf('kakšen rezultat so dosegli')).toBe('number');
    expect(typeOf('kakšen je bil rezultat')).toBe('other');
    // "ime" after "kakšen pomen" asks what a name means, not for a name
    expect(typeOf('Kakšen pomen ima ime Kanye?')).toBe('other');
    // "kateri" with a noun of place or of time asks for one
    expect(typeOf('Na katerem otoku je pristalo letalo?')).toBe('place');
    expect(typeOf('V kateri ulici so ga ustrelili?')).toBe('place');
    expect(typeOf('V kateri minuti je padel gol?')).toBe('time');
    expect(typeOf('V katerih letih je vodil urad?')).toBe('time');
    // but not an adjective or another word that starts like one
    expect(typeOf('Kateri okrožni tožilec je vložil obtožnico?')).toBe('other');
  });

  it('reads the type from a short question after a yes-no one ("… v Korejo? kam točno?")', () => {
    expect(typeOf('a so res poslali otroke ruskih vojakov na počitnice v korejo? kam točno?')).toBe('place');
    expect(typeOf('a bo Kim obiskal Moskvo al ne? pa zakaj?')).toBe('reason');
    expect(typeOf('a so res poslali otroke ruskih vojakov na počitnice v korejo?')).toBe('other');
  });

  it('reads light verbs that only carry the question ("kaj bo počel", "kaj je naredil") as no topic', () => {
    expect(concepts('kaj bo putin počel v vietnamu')).toEqual([stemKey('putin'), stemKey('vietnamu')]);
    expect(concepts('kaj je naredila rusija')).toEqual([stemKey('rusija')]);
  });

  it('meets the present "vrne" with the noun "vrnitev" through the shipped synonyms', () => {
    expect(engine.ask('kdaj se putin vrne v rusijo').passages[0]!.passage.text).toContain('pred vrnitvijo');
  });

  it('meets the infinitive of a short verb with its past participle, more weakly than the form itself', () => {
    const sport = Engine.fromDocuments([
      articleOf('met', 'Met', ['Scherzer je v četrtek metal kot razbremenilni igralec.', 'Metati želi v nedeljo.']),
    ]);
    // "metat" (chat for "metati") and "metal" keep their whole keys: the stemmer cuts only longer words.
    const ask = (q: string) => sport.explain(q).question.concepts[1]!.alternatives;
    const participle = ask('kdaj bo scherzer metat').find((a) => a.keys[0] === stemKey('metal'));
    expect(participle?.weight).toBeLessThan(1);
    expect(ask('kdaj je scherzer metal').find((a) => a.keys[0] === stemKey('metati'))).toBeDefined();
  });

  it('meets a short word in another case, more weakly than the form itself ("kapi" → "kapo")', () => {
    const cap = Engine.fromDocuments([
      articleOf('kapa', 'Kapa', ['West je nosil kapo z napisom.', 'Na kapi je pisalo MAGA.']),
    ]);
    const alternatives = cap.explain('kaj je pisalo na kapi').question.concepts.at(-1)!.alternatives;
    expect(alternatives[0]!.keys).toEqual([stemKey('kapi')]);
    expect(alternatives.find((a) => a.keys[0] === stemKey('kapo'))?.weight).toBeLessThan(1);
  });

  it('keeps "najmanj" and "največ", which say which one is asked for', () => {
    expect(concepts('katera letala imajo najmanj nesreč')).toContain(stemKey('najmanj'));
    expect(concepts('kdo je dobil največ glasov')).toContain(stemKey('najvec'));
  });

  it('reads a decade ("v 80-ih", "v osemdesetih") as the years of it the corpus writes', () => {
    const years = (question: string) => allKeys(question).filter((k) => /^\d{4}$/.test(k));
    // The article writes no year of the 1980s or 1990s; 2024 is its own.
    expect(years('kaj je bilo v 2020ih')).toContain('2024');
    expect(years('kaj je bilo v dvajsetih')).not.toContain('2024');
    // A decade without its century is of the 1900s; "30 let" is thirty years, no decade.
    expect(years('kaj je bilo v 20-ih')).not.toContain('2024');
  });

  it('reads a question word after "če" as "any": "če bi kdo napadel" asks no "who"', () => {
    expect(typeOf('ce bi kdo napadu korejo a bi rusija pomagala')).toBe('other');
    expect(typeOf('Kdo bi pomagal, če bi kdo napadel?')).toBe('person');
    // also with a pronoun between: "če ju kdo napade", "če bi jih kdo napadel"
    expect(typeOf('a si bosta pomagala če ju kdo napade')).toBe('other');
    expect(typeOf('a bi pomagala če bi jih kdo napadel')).toBe('other');
    expect(typeOf('a bi rusija pomagala ce pa kdo napade')).toBe('other');
  });

  it('reads "a kdo ve", "lahko kdo pove" as asking anyone, and the question word after it as what is asked', () => {
    expect(typeOf('a kdo ve, kdaj je Putin prišel v Pjongjang?')).toBe('time');
    expect(typeOf('a mi lahko kdo pove, koliko let je minilo od obiska?')).toBe('number');
    expect(typeOf('ve kdo, kje je bil podpisan sporazum?')).toBe('place');
    // With no other question word right after it, "kdo" asks who; "ali" asks no new thing.
    expect(typeOf('Kdo ve za sporazum?')).toBe('person');
    expect(typeOf('Kdo ve za sporazum? Kje ga bodo podpisali?')).toBe('person');
    expect(typeOf('Kdo pove resnico, Putin ali Kim?')).toBe('person');
    // A name asked after it is still a name.
    expect(typeOf('a mi lahko kdo pove, kako se imenuje sporazum?')).toBe('person');
  });

  it('reads "že kdaj" and "kdaj koli" as "ever", not as asking when', () => {
    expect(typeOf('Ali je Putin že kdaj obiskal Korejo?')).toBe('other');
    expect(typeOf('Ali je bil Putin kdaj koli v Koreji?')).toBe('other');
    expect(typeOf('Kdaj je Putin že obiskal Korejo?')).toBe('time');
    // "že koliko" still asks how many, and a question word right after an indefinite one is one too.
    expect(typeOf('Že koliko let je Putin na oblasti?')).toBe('number');
    expect(typeOf('Ali je že kdaj kdo podpisal tak sporazum?')).toBe('other');
    // "koli" itself is no topic word.
    expect(concepts('Ali je bil Putin kdaj koli v Koreji?')).not.toContain('koli');
  });

  it('reads "star" and "let" of an age question as part of the question, as "old" in "how old"', () => {
    for (const question of ['Koliko je star Kim?', 'Koliko let je star Kim?', 'kolk je stara zena']) {
      const keys = concepts(question);
      expect(keys, question).not.toContain(stemKey('star'));
      expect(keys, question).not.toContain(stemKey('stara'));
      expect(keys, question).not.toContain(stemKey('let'));
    }
    // Elsewhere they are words like any other.
    expect(concepts('Kdaj je stara pogodba prenehala veljati?')).toContain(stemKey('stara'));
  });

  it('gives question words in any case no weight as topic words ("kakšnega", "kolikšnim", "s kolkim")', () => {
    for (const question of [
      'Kakšnega mnenja je Kim o Putinu?',
      'S kolikšnim številom vojakov je prišel Putin?',
      's kolkim številom vojakov je prišel putin',
      'Čigavega prijatelja je omenil Kim?',
    ]) {
      const keys = concepts(question);
      expect(keys, question).not.toContain(stemKey('kakšnega'));
      expect(keys, question).not.toContain(stemKey('kolikšnim'));
      expect(keys, question).not.toContain('kolk');
      expect(keys, question).not.toContain(stemKey('čigavega'));
    }
    expect(typeOf('s kolkim številom vojakov je prišel putin')).toBe('number');
  });

  it('reads "how long", "how old" as the question word, not "long" or "old" as topic words', () => {
    const asked = engine.explain('How long will Putin stay in Vietnam?');
    expect(asked.question.answerType).toBe('number');
    expect(firstKeys(engine, 'How long will Putin stay in Vietnam?')).not.toContain('long');
    const answer = engine.ask('How long will Putin stay in Vietnam?');
    expect(answer.answered).toBe(true);
    expect(answer.passages[0]?.passage.text).toContain('dvodnevni obisk v Vietnamu');
  });

  it('reads an English possessive as its possessor ("Putin\'s" asks about Putin)', () => {
    const [name] = engine.explain("Is this Putin's second visit?").question.concepts;
    expect(name!.alternatives.map((a) => a.keys.join('+'))).toContain('putin');
    expect(engine.ask("Is this Putin's second visit?").passages[0]?.passage.text).toContain('obiskuje drugič');
  });

  it('keeps an English name the corpus cannot translate as asked about, so the question is not answered without it', () => {
    for (const question of ['Who is the president of South Korea?', 'who is the president of south korea'])
      expect(engine.ask(question).answered, question).toBe(false);
    // A phrasal verb that cannot be translated is left out, as before: "go after" is not asked about.
    expect(engine.ask('Where will Putin go after Pyongyang?').answered).toBe(true);
  });

  it('translates the words of an English compound WordNet does not list ("military-technical")', () => {
    expect(allKeys('Did Putin rule out military-technical cooperation?')).toContain(stemKey('vojaskega'));
    const answer = engine.ask('Did Putin rule out military-technical cooperation?');
    expect(answer.answered).toBe(true);
    expect(answer.passages[0]?.passage.text).toContain('vojaško-tehničnega sodelovanja');
  });

  it('translates the parts of a capitalised compound and the adjectives of the four directions', () => {
    expect(allKeys('What about the Asia-Pacific region?')).toContain(stemKey('azijsko'));
    for (const [english, slovenian] of [
      ['Western', 'zahod'],
      ['northern', 'severna'],
    ] as const)
      expect(allKeys(`What did Putin say about ${english} sanctions?`), english).toContain(stemKey(slovenian));
    // A compound with a part WordNet lacks is a name and stays whole.
    expect(allKeys('Who is Kim Jong-un?')).toContain(stemKey('jongun'));
  });

  it('respells no English word that has a lemma of its own ("west" is not "vest")', () => {
    const news = Engine.fromDocuments([articleOf('vesti', 'Vesti', ['Zahod je v petek objavil nove vesti.'])]);
    const west = news.explain('What did they say about the west?').question.concepts.at(-1)!;
    expect(west.alternatives.map((a) => a.keys.join('+'))).toContain(stemKey('zahod'));
    expect(west.alternatives.map((a) => a.keys.join('+'))).not.toContain(stemKey('vesti'));
  });

  it('finds a name the article spells the Slovenian way when the question spells it the English way', () => {
    for (const question of ['Where will Putin go after Pyongyang?', 'kdaj bo putin zapustil pyongyang']) {
      const answer = engine.ask(question);
      expect(answer.answered, question).toBe(true);
      expect(answer.passages[0]?.passage.text, question).toContain('Predvidoma danes bo Putin zapustil Pjongjang');
    }
  });

  it("reads the article's date in a question as the article's, not as words the passage lacks", () => {
    expect(titleWithDate({ title: 'Naslov', date: '2024-06' })).toBe('Naslov junij 2024');
    expect(titleWithDate({ title: 'Naslov', date: '' })).toBe('Naslov');
    const answer = engine.ask('Kam bo Putin odpotoval junija 2024?');
    expect(answer.answered).toBe(true);
    expect(answer.passages[0]?.passage.text).toContain('dvodnevni obisk v Vietnamu');
  });

  it('leaves a real word the corpus lacks as it is when only a made-up word would mend it', () => {
    // "obehovo" is one letter from "orehovo" and cuts to the key of "obeh", but nobody writes it;
    // "oreh…" is everyday Slovenian.
    const walnut = engine.explain('Kako naredim dobro orehovo potico?').question.concepts[1]!;
    expect(walnut.alternatives[0]!.keys).toEqual([stemKey('orehovo')]);
    expect(walnut.alternatives.flatMap((a) => a.keys)).not.toContain(stemKey('obeh'));
    // A corpus word speech does not list ("sankcije") is still the reading of its typo.
    const sanctions = engine.explain('Kakšne sancije so uvedli?').question.concepts[0]!;
    expect(sanctions.alternatives[0]!.keys).toEqual([stemKey('sankcije')]);
  });

  it('corrects a typo to a word the corpus uses', () => {
    const answer = engine.ask('Kaj je Kim pudaril glede namena sporazuma?');
    expect(answer.passages[0]?.passage.text).toContain('Kim je medtem poudaril');
  });

  it('bridges English words to the article', () => {
    expect(looksEnglish(['who', 'signed', 'the', 'treaty'])).toBe(true);
    expect(looksEnglish(['kdo', 'je', 'podpisal', 'to'])).toBe(false);
    const english = (w: string) => ['north', 'korea', 'back', 'war', 'ukraine'].includes(w);
    expect(looksEnglish(['does', 'north', 'korea', 'back', 'war', 'in', 'ukraine'], english)).toBe(true);
    expect(looksEnglish(['what', 'je', 'rekel', 'putin'], english)).toBe(false);
    const bridge = lexicon().english();
    expect(bridge.lemmasOf('signed')).toContain('sign');
    expect(bridge.lemmasOf('treaties')).toEqual(['treaty']);
    expect(bridge.translate('sanction').flat()).toContain('sankc');
    const answer = engine.ask('Who signed the strategic partnership treaty?');
    expect(answer.passages.slice(0, 3).map((p) => p.passage.paragraph)).toContain(1);
  });

  it('reads an adverb WordNet lacks as its adjective ("personally" → "personal"), but not a word with a lemma of its own', () => {
    const bridge = lexicon().english();
    expect(bridge.lemmasOf('personally')[0]).toBe('personal');
    const personally = engine
      .explain('who did putin thank personally?')
      .question.concepts.find((c) => c.alternatives[0]!.keys[0] === 'personally');
    expect(personally?.alternatives.map((a) => a.keys.join(' '))).toContain(stemKey('osebno'));
    // "apply" is no adverb of "apple", nor "early" of "ear".
    expect(bridge.lemmasOf('apply')).not.toContain('apple');
    expect(bridge.lemmasOf('early')).not.toContain('ear');
  });

  it('finds a short translation in the case form the article writes it in (peace: "mir", "miru")', () => {
    const peace = engine
      .explain('will the treaty keep the peace?')
      .question.concepts.find((c) => c.alternatives[0]!.keys[0] === 'peac');
    expect(peace?.alternatives.map((a) => a.keys.join(' '))).toContain('miru');
  });

  it('reads "thank" as the verb asked about, and "thank you" as politeness', () => {
    expect(concepts('who did putin thank?')).toContain('thank');
    expect(
      engine.explain('who did putin thank?').question.concepts.flatMap((c) => c.alternatives.map((a) => a.keys[0])),
    ).toContain('zahval');
    expect(concepts('thank you! who signed the treaty?')).not.toContain('thank');
    expect(engine.ask('who did putin thank?').passages[0]?.passage.text).toContain('Rad bi se zahvalil');
  });

  it('gives a valid answer for any question, however odd, and never throws', () => {
    const odd = fc.oneof(
      fc.string({ maxLength: 2000 }),
      fc.string({ unit: 'grapheme', maxLength: 500 }),
      fc
        .array(
          fc.constantFrom(
            '<@1>',
            '@everyone',
            '**',
            'Putin',
            'kva',
            '\u200b',
            '\u202e',
            'ﷺ',
            '🙂',
            'https://x.y',
            'sankcije',
            '?',
            ':',
            'Zahodas',
          ),
          { maxLength: 200 },
        )
        .map((parts) => parts.join(' ')),
    );
    fc.assert(
      fc.property(odd, (question) => {
        const answer = engine.ask(question);
        return (
          answer.confidence >= 0 &&
          answer.confidence <= 1 &&
          answer.passages.length <= 3 &&
          answer.passages.every((p) =>
            p.highlights.every((h) => h.start >= 0 && h.end <= p.passage.text.length && h.start < h.end),
          )
        );
      }),
      { numRuns: 300 },
    );
  });
});
