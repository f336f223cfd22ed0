import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ABSTAIN_MODEL,
  DEFAULT_ABSTAIN_THRESHOLD,
  abstainFeatures,
  confidenceOf,
  decideAbstain,
  type AbstainInput,
} from '../../../src/engine/answer/abstain.ts';
import { englishAnswerType, englishAsksClock, englishAsksDay } from '../../../src/engine/question/english.ts';
import {
  asksCalendarDay,
  asksClockTime,
  looksLikeQuestion,
  slovenianAnswerType,
  slovenianAsked,
} from '../../../src/engine/question/answer-type.ts';

const strong: AbstainInput = {
  coverage: 0.95,
  sentenceCoverage: 0.9,
  documentCoverage: 1,
  missesName: false,
  documentMissesName: false,
  largestMiss: 0,
  answerCue: 1,
  answerType: 'other',
  asksName: false,
  english: false,
  unknownShare: 0,
  focusCoverage: 0.9,
  pairCoverage: 1,
};
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const input = fc.record({
  coverage: unit,
  sentenceCoverage: unit,
  documentCoverage: unit,
  missesName: fc.boolean(),
  documentMissesName: fc.boolean(),
  largestMiss: unit,
  answerCue: unit,
  answerType: fc.constantFrom(
    'person',
    'time',
    'place',
    'number',
    'money',
    'age',
    'percent',
    'measure',
    'reason',
    'other' as const,
  ),
  asksName: fc.boolean(),
  english: fc.boolean(),
  unknownShare: unit,
  focusCoverage: unit,
  pairCoverage: unit,
});

describe('the abstain rule', () => {
  it('answers a question the best passage covers fully and abstains when it covers little', () => {
    expect(decideAbstain(strong).abstain).toBe(false);
    expect(
      decideAbstain({
        ...strong,
        coverage: 0.1,
        sentenceCoverage: 0.1,
        documentCoverage: 0.1,
        largestMiss: 1,
        unknownShare: 0.8,
      }).abstain,
    ).toBe(true);
  });

  it('gives a confidence in [0, 1] for any evidence', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { confidence } = decideAbstain(i);
        return confidence >= 0 && confidence <= 1;
      }),
    );
  });

  it('never loses confidence when the passage covers more, and never gains it by missing a name or the asked-for answer', () => {
    fc.assert(
      fc.property(input, unit, (i, more) => {
        const base = decideAbstain(i).confidence;
        const covered = decideAbstain({
          ...i,
          coverage: Math.max(i.coverage, more),
          sentenceCoverage: Math.max(i.sentenceCoverage, more),
          documentCoverage: Math.max(i.documentCoverage, more),
          focusCoverage: Math.max(i.focusCoverage, more),
          pairCoverage: Math.max(i.pairCoverage, more),
        }).confidence;
        const missing = decideAbstain({
          ...i,
          missesName: true,
          documentMissesName: true,
          largestMiss: Math.max(i.largestMiss, more),
          answerCue: Math.min(i.answerCue, more),
        }).confidence;
        return covered >= base - 1e-12 && missing <= base + 1e-12;
      }),
    );
  });

  it.each(['time', 'number', 'money', 'age', 'percent', 'measure'] as const)(
    'lowers the confidence of a %s question whose best sentence holds no such answer',
    (answerType) => {
      const found = decideAbstain({ ...strong, answerType, answerCue: 1 }).confidence;
      const none = decideAbstain({ ...strong, answerType, answerCue: 0 }).confidence;
      expect(none).toBeLessThan(found);
    },
  );

  it('lowers the confidence of a question for a name whose best sentence names no one new, not of any who-question', () => {
    // "Kako je ime 45-letnemu moškemu …?" on "45-letni moški je obtožen …": every word covered, no name.
    const named = { ...strong, answerType: 'person' as const, asksName: true };
    expect(decideAbstain({ ...named, answerCue: 0 }).confidence).toBeLessThan(
      decideAbstain({ ...named, answerCue: 1 }).confidence,
    );
    expect(abstainFeatures({ ...named, asksName: false, answerCue: 0 }).noFactCue).toBe(0);
    // One new name is a whole answer to it, though the cue counts it as half.
    expect(abstainFeatures({ ...named, answerCue: 0.5 }).noFactCue).toBe(0);
  });

  it('does not for a question that asks for no particular kind of answer', () => {
    expect(abstainFeatures({ ...strong, answerType: 'other', answerCue: 0 }).noFactCue).toBe(0);
  });

  it('takes its threshold as a parameter', () => {
    const { confidence } = decideAbstain(strong);
    expect(decideAbstain(strong, confidence + 0.01).abstain).toBe(true);
    expect(decideAbstain(strong, confidence - 0.01).abstain).toBe(false);
    expect(decideAbstain(strong).abstain).toBe(!(confidence >= DEFAULT_ABSTAIN_THRESHOLD));
  });

  it('reads the confidence from the model it is given', () => {
    const zero = { ...ABSTAIN_MODEL };
    for (const name of Object.keys(zero) as (keyof typeof zero)[]) zero[name] = 0;
    expect(confidenceOf(abstainFeatures(strong), zero)).toBe(0.5);
  });
});

describe('question types', () => {
  it.each([
    [['katerega', 'dne', 'sta', 'podpisala'], true],
    [['na', 'kateri', 'datum', 'je', 'prisel'], true],
    [['kdaj', 'je', 'prisel'], false],
    [['koliko', 'dni', 'je', 'ostal'], false],
    [['kdaj', 'je', 'komisija', 'dolocila', 'datum', 'volitev'], false],
  ])('%j asks for a calendar day: %s', (words, day) => {
    expect(asksCalendarDay(words)).toBe(day);
  });

  it.each([
    [['ob', 'kateri', 'uri', 'so', 'ga', 'nasli'], true],
    [['a', 'ves', 'ob', 'koliko', 'se', 'zacne'], true],
    [['ob', 'priblizno', 'koliko', 'uri', 'se', 'je', 'zgodil'], true],
    [['priblizno', 'koliko', 'ur', 'je', 'trajalo'], false],
    [['katera', 'ura', 'je', 'bila'], true],
    [['kdaj', 'so', 'ga', 'nasli'], false],
    [['koliko', 'ur', 'je', 'trajalo'], false],
    [['kdaj', 'so', 'ure', 'prestavili'], false],
  ])('%j asks for a time of day: %s', (words, clock) => {
    expect(asksClockTime(words)).toBe(clock);
  });

  it('reads "ob koliko" as a question for a time, not a count', () => {
    expect(slovenianAsked(['ob', 'koliko', 'se', 'je', 'zacela', 'tekma']).type).toBe('time');
    expect(slovenianAsked(['koliko', 'ljudi', 'je', 'prislo', 'ob', 'sestih']).type).toBe('number');
    // A noun in the locative plural says what is counted.
    expect(slovenianAsked(['ob', 'koliko', 'stopinjah', 'vre', 'voda']).type).toBe('number');
    expect(slovenianAsked(['ob', 'koliko', 'odstotkih', 'inflacije', 'bo', 'ukrepala']).type).toBe('percent');
    expect(asksClockTime(['ob', 'koliko', 'stopinjah', 'vre', 'voda'])).toBe(false);
    // "About" may stand between: "Ob približno koliko uri …?".
    expect(slovenianAsked(['ob', 'priblizno', 'koliko', 'uri', 'se', 'je', 'zgodil']).type).toBe('time');
    // Not where something counted follows it.
    expect(slovenianAsked(['ob', 'priblizno', 'koliko', 'stopinj', 'vre', 'voda']).type).toBe('number');
  });

  it.each([
    [['kako', 'je', 'ime', 'moskemu'], true],
    [['kako', 'se', 'imenujejo', 'clani', 'skupine'], true],
    [['a', 'kdo', 've', 'kako', 'se', 'imenuje', 'tabor'], true],
    [['kdo', 'je', 'obtozen', 'umora'], false],
    [['kaj', 'pomeni', 'ime', 'kanye'], false],
  ])('%j asks for a name: %s', (words, name) => {
    expect(slovenianAsked(words)).toEqual({ type: name ? 'person' : slovenianAnswerType(words), name });
  });

  it.each([
    [['kdo', 'je', 'podpisal', 'sporazum'], 'person'],
    [['s', 'kom', 'se', 'je', 'srecal'], 'person'],
    [['kako', 'se', 'imenuje', 'podjetje'], 'person'],
    [['v', 'kateri', 'soseski', 'se', 'je', 'zgodil'], 'place'],
    [['v', 'katerem', 'predelu', 'mesta'], 'place'],
    [['kateri', 'vas', 'je', 'bolj', 'preprical'], 'other'],
    [['katera', 'vas', 'je', 'najmanjsa'], 'place'],
    [['kateri', 'drzavljan', 'je', 'prejel', 'nagrado'], 'other'],
    [['kateri', 'mestni', 'svetnik', 'je', 'odstopil'], 'other'],
    [['v', 'katerem', 'mestnem', 'predelu', 'se', 'je', 'zgodil'], 'place'],
    [['v', 'kateri', 'zvezni', 'drzavi', 'zivi'], 'place'],
    [['v', 'katerem', 'mestecu'], 'place'],
    [['v', 'kateri', 'obcini', 'zivi'], 'place'],
    [['kateri', 'zakoni', 'drzave', 'so', 'bili', 'krseni'], 'other'],
    [['v', 'katero', 'vas', 'se', 'je', 'preselil'], 'place'],
    [['kdaj', 'je', 'rusija', 'vlozila', 'veto'], 'time'],
    [['katerega', 'dne', 'marca'], 'time'],
    [['kolikokrat', 'je', 'obiskal', 'korejo'], 'number'],
    [['koliko', 'let', 'je', 'star'], 'age'],
    [['koliko', 'zelo', 'bo', 'spremenil'], 'other'],
    [['kam', 'bo', 'odpotoval'], 'place'],
    [['v', 'katerem', 'kraju', 'lezi'], 'place'],
    [['zakaj', 'so', 'uvedene', 'sankcije'], 'reason'],
    [['kaj', 'je', 'namen', 'sporazuma'], 'other'],
    [['sankcije', 'zn'], 'other'],
    // question words in other cases, and "kako" with a word of measure
    [['s', 'koliksnim', 'rezultatom', 'je', 'zmagal'], 'number'],
    [['s', 'kaksnim', 'izidom', 'je', 'zmagal'], 'number'],
    [['cigavega', 'psa', 'je', 'videl'], 'person'],
    [['kako', 'dalec', 'je', 'meja'], 'measure'],
    [['kako', 'je', 'star', 'kim', 'opisal'], 'other'],
    [['kako', 'dolgo', 'bo', 'ostal'], 'number'],
    [['kako', 'mladi', 'gledajo', 'na', 'sporazum'], 'other'],
    [['kako', 'velika', 'britanija', 'gleda'], 'other'],
    [['kaksno', 'je', 'bilo', 'leto', 'za', 'rusijo'], 'other'],
    [['kateri', 'so', 'razlogi', 'za', 'sankcije'], 'reason'],
    [['iz', 'katerega', 'razloga', 'je', 'odsel'], 'reason'],
    [['zaradi', 'cesa', 'so', 'uvedli', 'sankcije'], 'reason'],
    [['s', 'kaksnim', 'namenom', 'je', 'prisel'], 'reason'],
    [['cesa', 'se', 'boji'], 'other'],
    [['katera', 'je', 'bila', 'drzava', 'gostiteljica'], 'place'],
    // how much something costs or is worth: a sum of money, not just any number
    [['koliko', 'stane', 'vozovnica'], 'money'],
    [['za', 'koliko', 'se', 'je', 'povecala', 'cena', 'bitcoina'], 'money'],
    [['koliko', 'je', 'vreden', 'trg'], 'money'],
    [['kaksna', 'je', 'cena', 'nafte'], 'money'],
    [['po', 'kaksni', 'ceni', 'so', 'prodali'], 'money'],
    [['koliko', 'ljudi', 'je', 'prislo'], 'number'],
    [['koliko', 'je', 'star', 'kim'], 'age'],
    // a particle where the copula stands ("kok je pa star", "koliko je pa bil visok")
    [['koliko', 'je', 'pa', 'star', 'ta', 'mickelson'], 'age'],
    [['koliko', 'je', 'pa', 'bil', 'visok'], 'measure'],
    [['koliko', 'pa', 'meri', 'most'], 'measure'],
    [['koliko', 'je', 'pa', 'stala', 'gradnja'], 'money'],
    [['kako', 'stara', 'je', 'stavba'], 'age'],
    [['koliko', 'let', 'ima', 'putin'], 'age'],
    [['koliko', 'let', 'je', 'trajala', 'vojna'], 'number'],
    [['koliko', 'let', 'bo', 'trajala', 'gradnja'], 'number'],
    [['koliko', 'prebivalcev', 'ima', 'stara', 'zagora'], 'number'],
    [['koliko', 'ljudi', 'je', 'stalo', 'v', 'vrsti'], 'number'],
    [['dragi', 'koliko', 'ljudi', 'zivi', 'v', 'mariboru'], 'number'],
    [['koliko', 'bi', 'jo', 'stala', 'stavka'], 'money'],
    [['za', 'koliko', 'odstotkov', 'se', 'je', 'povecalo'], 'percent'],
    // a size, distance or weight; "kako dolgo" is a duration
    [['kako', 'visok', 'je', 'bil', 'sims'], 'measure'],
    [['koliko', 'je', 'bil', 'visok', 'sims'], 'measure'],
    [['koliko', 'je', 'dalec', 'meja'], 'measure'],
    [['kako', 'globoka', 'je', 'voda'], 'measure'],
    [['koliko', 'meri', 'most'], 'measure'],
    [['koliko', 'je', 'tehtal', 'prasic'], 'measure'],
    [['kako', 'hitra', 'je', 'ladja'], 'measure'],
    [['tom', 'daley', 'starost'], 'age'],
    [['pri', 'kolikih', 'letih', 'je', 'odsel'], 'age'],
    [['koliksna', 'je', 'razdalja', 'do', 'meje'], 'measure'],
    [['popocatepetl', 'oddaljenost', 'od', 'prestolnice'], 'measure'],
    [['kdo', 'je', 'izmeril', 'visino'], 'person'],
    [['kako', 'dolga', 'je', 'bila', 'kazen'], 'number'],
    [['kako', 'visoko', 'je', 'bilo', 'stevilo', 'zrtev'], 'number'],
    [['trumpova', 'teza', 'o', 'vojni'], 'other'],
  ])('%j → %s', (words, type) => {
    expect(slovenianAnswerType(words)).toBe(type);
  });

  it.each([
    ['who signed the treaty', 'person'],
    ['when did putin first visit north korea', 'time'],
    ['on which day did putin and kim sign the agreement', 'time'],
    ['how many times did he visit', 'number'],
    ['how deep is the water where the plane sank', 'measure'],
    ['how far is the volcano from the capital', 'measure'],
    ['how did putin describe the treaty', 'other'],
    ['according to putin, why does the west use sanctions', 'reason'],
    ['what did kim call putin', 'other'],
    ['how much does the trip cost', 'money'],
    ['what is the price of a ticket', 'money'],
    ['how much oil does russia sell', 'number'],
    ['how old is kim', 'age'],
    ['how much money did ukraine receive', 'money'],
    ['what percentage of people support the eu', 'percent'],
  ])('English "%s" → %s', (question, type) => {
    expect(englishAnswerType(question)).toBe(type);
  });

  it('tells English questions for a day and for a time of day', () => {
    expect(englishAsksDay('on which day did they sign')).toBe(true);
    expect(englishAsksClock('at what time did they sign')).toBe(true);
    expect(englishAsksClock('what time was the attack')).toBe(true);
    expect(englishAsksClock('when did they sign')).toBe(false);
    expect(englishAsksClock('on which day did they sign')).toBe(false);
    expect(englishAsksClock('what time period does the report cover')).toBe(false);
  });

  it('tells questions from other channel messages', () => {
    expect(looksLikeQuestion('Kdo je podpisal sporazum')).toBe(true);
    expect(looksLikeQuestion('kolikokrat je bil tam')).toBe(true);
    expect(looksLikeQuestion('od kod prihaja Kim')).toBe(true);
    expect(looksLikeQuestion('Katerega dne so podpisali')).toBe(true);
    expect(looksLikeQuestion('do kdaj traja obisk')).toBe(true);
    expect(looksLikeQuestion('a je putin kaj rekel')).toBe(true);
    expect(looksLikeQuestion('Danes je lep dan.')).toBe(false);
    expect(looksLikeQuestion('Do petka bo končano')).toBe(false);
    expect(looksLikeQuestion('constructor')).toBe(false);
  });
});
