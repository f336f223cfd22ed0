import { fold } from '../analysis/fold.ts';
import { MONTH_FORMS } from '../analysis/months.ts';
import { FIGURE_TYPES, type AnswerType } from '../question/answer-type.ts';
import { startsSentence } from '../text/sentence-start.ts';
import { PREPOSITIONS } from '../text/prepositions.ts';
import { COUNT_WORDS, NUMBER_PREFIXES, NUMBER_WORDS, SPAN_AFTER, SPAN_BEFORE, SPAN_UNITS } from '../text/numbers.ts';
import { PEOPLE_NOUNS, ROLE_NOUNS } from '../text/person-nouns.ts';

/**
 * Cues of the kind of answer a question asks for (see `question/answer-type.ts`). A passage whose
 * best sentence holds that kind of answer (a name for "kdo", a time for "kdaj", a place for
 * "kje"/"kam", a number for "koliko", a sum of money for "koliko stane", an age for "koliko je
 * star", a share for "koliko odstotkov", a length for "kako visok", a reason for "zakaj") is a
 * better answer than one that only repeats the question's words.
 */
/** Currencies written out, with their case endings only ("evrov", not "evropskih"). */
const CURRENCIES = [
  'evr(?:o|a|u|i|e|ov|om|ih)?',
  'eur',
  'usd',
  'gbp',
  'chf',
  'dolar(?:ja|ju|jem|ji|je|jev|jih)?',
  '(?:funt|frank|jen|juan|won)(?:a|u|om|i|e|ov|ih)?',
  '(?:rubelj|rublj(?:a|u|em|i|e|ev|ih))',
  'kun(?:a|e|i|o|ah|ami)?',
  'dinar(?:ja|ju|jem|ji|je|jev|jih)?',
  'rupij(?:a|e|i|o|ah)?',
  '(?:nair|lir|kron)(?:a|e|i|o|ah)?',
  '(?:forint|zlot)(?:a|u|ov|i|e|ih)?',
  'pes(?:o|ov)',
].join('|');
/** Units of length, area and weight, written out with their case endings or short. */
const UNITS = [
  'k?m2?',
  'cm',
  'mm',
  'kg',
  'ha',
  '(?:kilo|centi|mili)?(?:meter|metr(?:a|u|om|i|e|ov|ih|ema)?)',
  'milj(?:a|e|i|o|ah|ami)?',
  'cevelj|cevlj(?:a|u|ev|i|e|ih)',
  'palc(?:a|u|ev|i|e|ih)?|palec',
  'jard(?:a|u|ov|i|e|ih)?',
  '(?:kilo)?gram(?:a|u|ov|i|e|ih)?',
  'ton(?:a|e|i|o|ah|ami)?',
  'hektar(?:ja|ju|jev|ji|je|jih)?',
  'kvadratn\\p{L}+',
  'kubicn\\p{L}+',
  'vozl(?:a|u|ov|i|e|ih)|vozel',
].join('|');
/** Adjectives of a figure and its unit ("201-centimetrski", "10-metrska", "40-tonski"). */
const UNIT_ADJECTIVES = '(?:kilo|centi|mili)?metrsk|tonsk|(?:kilo)?gramsk|miljsk';
/** Where a figure starts: not inside another one ("1.1.1…" would be tried from every digit). */
const FIGURE_START = '(?<![\\d.,])\\b';
/**
 * A span of time in words ("petimi leti", "dva dneva"). It says when only next to "pred", "čez",
 * "po", "pozneje", "kasneje", "prej" or "nazaj" ("manj kot šest mesecev pred izstopom", "pred
 * petimi leti"); alone it is as often a duration ("poznal približno dva tedna").
 */
const SPAN_IN_WORDS = `(?:${NUMBER_WORDS})\\s+${SPAN_UNITS}`;
/** Particles between "pred" and a span in words ("pred le dvema mesecema", "pred skoraj tremi leti"). */
const SPAN_PARTICLES = '(?:le|samo|ze|skoraj|vsaj|komaj|priblizno|okoli|okrog|(?:dobr|slab)(?:imi|ima|ih|a|e))';
/**
 * A month named by when it is ("naslednji mesec", "konec tega meseca", "pred enim mesecem",
 * "mesec pozneje"), as "teden" says when; not "mesečna plača".
 */
const WHICH_MONTH = `(?:naslednj|prihodnj|prejsnj|lansk|letosnj|tekoc)\\p{L}*\\s+mesec\\p{L}*|(?:ta|tem|tega)\\s+mesec\\p{L}*|${SPAN_BEFORE}\\s+(?:enim\\s+)?mesec\\p{L}*|mesec\\p{L}*\\s+${SPAN_AFTER}`;
/** Nouns of a role in a folded sentence (see `ROLE_NOUNS`). */
const ROLES = new RegExp(`(?<![\\p{L}])(?:${ROLE_NOUNS})\\p{L}*`, 'gu');
/** A folded word that is a role or a person's noun ("predsednik", "moški"), not a name. */
const ROLE_OR_PERSON = new RegExp(`^(?:${ROLE_NOUNS}|${PEOPLE_NOUNS})`, 'u');
/**
 * An age between commas after a name ("Saipov, 30, je …"), read in the sentence as written; the
 * whole name before it is whose age it is ("Michael Vann, 72," is not Bernard Vann's).
 */
const AGE_AFTER_NAME = /(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)*),\s(\d{1,2}),\s/gu;
/** An age adjective before a name ("52-letni Jones"), read in the sentence as written: the age is that person's. */
const AGE_BEFORE_NAME = /(?<![\p{L}\d])(\d{1,3})\s?-?\s?letn\p{L}*\s+(\p{Lu}\p{L}+)/gu;
/** … unless a name and a comma come first: then the age is that name's ("Peter Jones, 52-letni Britanec,"). */
const NAME_BEFORE_AGE = /(\p{Lu}\p{L}+),\s+$/u;
/** How far before an age a name of an apposition is looked for. */
const APPOSITION_REACH = 40;
/** A sum of money (see `CUES.money`), its figure in digits or, before thousands, millions or billions, in words ("dve milijardi USD"). */
const MONEY = `[€$£]\\s?\\d[\\d.,]*|${FIGURE_START}(?:\\d[\\d.,]*\\s?|(?:${NUMBER_WORDS})\\s+(?=(?:tisoc|milijon|milijard)))(?:(?:tisoc|milijon|milijard|mio|mrd)\\p{L}*\\.?\\s)?(?:[€$£]|(?:${CURRENCIES})(?![\\p{L}]))`;
/** A share (see `CUES.percent`), its figure in digits or in words ("dvajset odstotkov"). */
const PERCENT = `${FIGURE_START}(?:\\d[\\d.,]*\\s?(?:%|-?\\s?(?:odstot|procent)\\p{L}*)|(?:${NUMBER_WORDS})\\s+(?:odstot|procent)\\p{L}*)`;
/** Nouns that name a kind of place before its name ("v mestu …", "v zvezni državi …", "na otoku …"). */
const PLACE_NOUNS =
  '(?:(?:mest|kraj|provinc|pokrajin|regij|okro[zž]|okraj|ob[cč]in|predmestj|otok|ulic|dr[zž]av|sosesk|prestolnic)\\p{L}*|predel(?:a|u|om|i|ov|ih|e)?(?!\\p{L})|vas(?:i|eh)|trg(?:u|a|ih)?)';

/** The unit or month after the figure of a time ("10. uri", "12. stoletju", "30. septembra"). */
const TIME_UNIT = new RegExp(`^(?:ur[eio]|stolet|tisocletj|minut|${MONTH_FORMS})`, 'u');

/** "star" in any case ("stara", "starimi"), before or after the years of an age (folded text). */
const STAR = 'star(?:[aeoi]|ega|emu|em|im|ih|ima|imi)?';
/** A word that may stand between "star" and its figure ("stari le 11 let", "starimi od 18 do 29 let"). */
const BEFORE_AGE_FIGURE = '(?:le|komaj|sele|ze|samo|vsaj|skoraj|priblizno|okoli|okrog|od|do|nad|pod|med|cez)';

const CUES: Record<Exclude<AnswerType, 'other'>, RegExp> = {
  // A capitalised word inside the sentence that no preposition makes a place ("v Pjongjangu").
  person: new RegExp(`(?<!(?:^|\\s)${PREPOSITIONS}\\s)(?<=\\s)\\p{Lu}[\\p{L}-]+`, 'u'),
  // A figure only where it reads as a time: a year, a clock time, a date or a century ("ob 7.55",
  // "14:00", "pred 7. uro", "30. septembra", "30.6.", "v 19. stoletju"), the minute of a match
  // ("v 29. minuti"), or a span ("pred 24 leti", "3 dni"); and words of time: a day, a part of
  // it ("sinoči", "popoldne"), a day named by when it is ("pozneje tega dne", "naslednji dan"), a
  // week named by when it is (this, last or next one, its start,
  // middle or end: "na začetku tega tedna"; "dva tedna" is a span), and a clause of "kadar"
  // ("whenever": "… službo, kadar izpolnjujejo obljube");
  // "25 zveznih držav" says how many, not when, and "2.50 evra" is a price. "leta 2020" is one
  // time, told by its year: "leta", "leto", "leti" or "let" before a year is no cue of its own,
  // so a question that names the year finds nothing new in it ("vsa leta 15000 ljudi" has none).
  time: new RegExp(
    `\\b(?:${MONTH_FORMS}|kadar(?!\\s+koli)|danes|vceraj|jutri|letos|lani|nocoj|sinoci|ponoci|opolnoci|zjutraj|dopoldne|dopoldan|opoldne|popoldne|popoldan|zvecer|(?:tega|istega|tistega|naslednjega|prejsnjega)\\s+dne|(?:ta|isti|tisti|naslednji|prejsnji)\\s+dan|teden|tednu|(?:tega|prejsnjega|preteklega|naslednjega|prihodnjega|konec|konca|koncu|koncem|zacetku|sredi)\\s+tedna|(?:leta|let[io]?)(?!\\s+(?:1[5-9]|20)\\d\\d(?!\\d))|(?:1[5-9]|20)\\d\\d|(?:ob|do|od|okoli|po)\\s+(?:(?:priblizno|okoli|okrog)\\s+)?\\d{1,2}[.:]\\d\\d|\\d{1,2}:\\d\\d|\\d{1,2}\\.\\s?(?:\\d{1,2}\\.|${MONTH_FORMS}|stolet\\w*|tisocletj\\w*|ur[eio])|\\d{1,3}\\.\\s?minut\\w*|\\d+\\s+${SPAN_UNITS}|${SPAN_BEFORE}\\s+(?:${SPAN_PARTICLES}\\s+)?${SPAN_IN_WORDS}|${SPAN_IN_WORDS}\\s+${SPAN_AFTER}|${WHICH_MONTH}|prvic|drugic|tretjic|bozic\\w*|velikonoc\\w*|ponedelj\\w*|tor(?:ek|ka|ku|kom|ki|kih)|sred[ao]|cetrt(?:ek|ka|ku|kom|ki|kih)|pet(?:ek|ka|ku|kom|ki|kih)|sobot\\w*|nedelj\\w*)(?![\\p{L}\\d])`,
    'u',
  ),
  // The whole name, so that a place the question names itself is told apart from another one;
  // a noun of place may come between, with an adjective or two before it ("v mestu Liupanshui",
  // "v ameriški zvezni državi Teksas"); or a noun of place before a name, after any other
  // preposition or none ("med ulicama Bestwood Street in …", "mesto Palu"), unless the noun is
  // inside a name a capital starts mid-sentence or after a bracket, quote or dash ("v Združene
  // države Amerike", "(Združene države Amerike)" are one place;
  // "Indonezijsko mesto Palu" at a sentence's start is not). Not a preposition that ends a word ("močna Nemčija": \b
  // knows no č).
  place: new RegExp(
    `(?<![\\p{L}\\d])(?:(?:[vV]|[nN]a|[iI]z|[pP]ri|[dD]o|[pP]roti)\\s+(?:(?:\\p{Ll}+\\s+){0,2}${PLACE_NOUNS}\\s+)?|(?<!(?:[\\p{L}\\d,;:]\\s|[(»«„“"–-]\\s?)\\p{Lu}[\\p{L}-]*\\s)${PLACE_NOUNS}\\s+)\\p{Lu}[\\p{L}-]*`,
    'u',
  ),
  // Numbers in figures or words, shares in words ("polovica"), words built on a number
  // ("dvodnevni", "tridnevno", "dvakrat"), and one of a unit of time or a unit's worth of days
  // ("en teden", "mesec dni"; "ena" before anything else is no count).
  number: new RegExp(
    `\\b(?:\\d+|prvic|drugic|tretjic|${COUNT_WORDS}|(?:en|ena|eno)(?=\\s+${SPAN_UNITS}(?![\\p{L}]))|(?:mesec|leto|teden)(?=\\s+dni(?![\\p{L}]))|milijon\\w*|milijard\\w*|polovic\\w*|tretjin\\w*|cetrtin\\w*|${NUMBER_PREFIXES}(?:dnevn|letn|mesecn|tedensk|urn|minutn|odstotn|krat)\\w*|(?:dva|tri|stiri|pet|sest|sedem|osem|devet|deset)krat)\\b`,
    'u',
  ),
  // A sum of money: a number with a currency after it ("100 milijonov €", "2,8 milijarde GBP",
  // "25.000 $", "10 evrov") or a currency sign before it ("$25").
  money: new RegExp(MONEY, 'u'),
  // An age: "40-letni", "star 71 let" (with a word between only before its years or months:
  // "stari le 11 let", "starimi od 18 do 29 let", not "star od 1. januarja"), "71 let star", a
  // figure in brackets after a name ("Kim (40)") or between commas after it ("Saipov, 30, je
  // …"), a birthday ("pred 63. rojstnim dnem"), a decade of life ("v poznih 50. letih", or
  // between commas: "Ustreljenec, v 40. letih, …"; a bare "v 90. letih" is as often the decade
  // of a century); not a bare "24 let", which is as often a span of time ("pred 24 leti").
  age: new RegExp(
    `\\b\\d{1,3}\\s?-\\s?let\\p{L}*|\\b\\d{1,3}\\s?letn\\p{L}*|\\bstar(?:[aeoi]|osti)?\\s+\\d{1,3}\\b|\\b${STAR}\\s+${BEFORE_AGE_FIGURE}\\s+\\d{1,3}(?:\\s+(?:do|in)\\s+\\d{1,3})?\\s+(?:let|leta|leti|mesec\\p{L}*)\\b|\\b\\d{1,3}\\s+let\\s+star|\\(\\d{1,3}\\)|\\b\\d{1,3}\\.\\s(?:rojstn\\p{L}*|let\\p{L}*\\s+starosti)|\\bv\\s+(?:svojih|zgodnjih|poznih|srednjih)\\s+[1-9]0\\.\\s?letih|,\\s?v\\s+[1-9]0\\.\\s?letih\\s?,`,
    'u',
  ),
  // A share: "41 odstotkov", "14-odstotno", "20 %", "5 procentov".
  // Or a share in words: "štirje od desetih", "polovica", "vsak tretji".
  percent: new RegExp(
    `${PERCENT}|(?<![\\p{L}\\d])(?:${NUMBER_WORDS}|(?!(?:1[5-9]|20)\\d\\d(?!\\d))\\d+)\\s+od\\s+(?:${NUMBER_WORDS}|\\d+)(?![\\p{L}\\d]|\\.\\s?(?:\\d|${MONTH_FORMS}|ur))|(?<!(?:prv|drug|tretj|cetrt|zadnj|sredn)\\p{L}{0,4}\\s)(?<![\\p{L}])(?:polovic|tretjin|cetrtin|petin|desetin)(?:a|e|i|o|ah|am|ami|ama)?(?![\\p{L}])|(?<!kot\\s)(?<![\\p{L}])vsak(?:i|a|o|ega|emu|em|im)?\\s+(?:drug|tretj|cetrt|pet|sest|sedm|osm|devet|deset)(?:i|a|o|ega|emu|em|im)(?![\\p{L}])(?!\\s+(?:dan|dne|teden|tedn|let|mesec|ur|minut|sekund))`,
    'u',
  ),
  // A size, distance or weight with its unit ("72 kilometrov", "3,5 m", "201-centimetrski", "40
  // ton"), or a sum or share: "kako visoka je varščina" asks for "350.000 USD" in the same words
  // as "kako visok je bil" for "201-centimetrski". Not a bare number: "Sims je imel 20 let".
  measure: new RegExp(
    `${FIGURE_START}(?:\\d[\\d.,]*\\s?|${NUMBER_WORDS}\\s)(?:(?:tisoc|milijon|milijard)\\p{L}*\\s)?(?:${UNITS})(?![\\p{L}])|${FIGURE_START}\\d+\\s?-\\s?(?:${UNIT_ADJECTIVES})\\p{L}*|\\b(?:${NUMBER_PREFIXES}|pol)(?:${UNIT_ADJECTIVES})\\p{L}*|${MONEY}|${PERCENT}`,
    'u',
  ),
  // Causes, named ones ("razlog", "vzrok", "posledica") and explanations ("namreč", "kajti"), and
  // purposes ("za ohranjanje …": "za" with a verbal noun).
  reason:
    /\b(?:zaradi|ker|saj|kajti|namrec|namen\w*|razlog\w*|vzrok\w*|(?:je|so|sta|bil[aoie]?|kot|zgolj|le)\s+(?:\w+\s+)?posledic\w*|posledic\w*\s+(?:tega|cesar)|posledicno|da bi|zato|za \w+[ae]nj[aeu])\b/u,
};

/**
 * Cues needed for full strength: one time, number or reason says when, how many or why; a capital
 * or a place may just be the subject, so two of them (several people or places named) count fully.
 */
const CUES_FOR_FULL_STRENGTH: Record<Exclude<AnswerType, 'other'>, number> = {
  time: 1,
  number: 1,
  money: 1,
  age: 1,
  percent: 1,
  measure: 1,
  reason: 1,
  person: 2,
  place: 2,
};

/** The cue patterns for scanning a whole sentence. */
const GLOBAL_CUES = Object.fromEntries(
  Object.entries(CUES).map(([type, re]) => [type, new RegExp(re.source, `${re.flags}g`)]),
) as typeof CUES;

/** A year after "leta", "od", "v" and the like ("od leta 2006"): it says when, not how many. */
const YEAR = /^(?:1[5-9]|20)\d\d$/;
const BEFORE_YEAR =
  /(?:^|\s)(?:leta|letu|leto|letom|letoma|letih|od|do|v|iz|pred|po|med|januarja|februarja|marca|aprila|maja|junija|julija|avgusta|septembra|oktobra|novembra|decembra)\s+$/u;

/** The end of a span of years, written short or in full ("v letih 1981–87", "2000-2019"). */
const RANGE_START = /(?:1[5-9]|20)\d\d\s?[–-]\s?$/u;

function isYear(text: string, at: number, word: string): boolean {
  const before = text.slice(Math.max(0, at - 20), at);
  return (
    (YEAR.test(word) && BEFORE_YEAR.test(before)) ||
    ((/^\d\d$/.test(word) || YEAR.test(word)) && RANGE_START.test(before))
  );
}

/**
 * A figure of a date or a clock time ("29. septembra", "30.6.", "ob 19.00"): it says when, not how
 * many, so a how-many question ("koliko ljudi je prišlo") is not answered by the day of an event.
 * Slovenian writes the hour with a full stop: in a count, figures around a colon are a score ("z
 * zmago 21:14"), which a how-many question may ask for.
 */
const DATE_OR_CLOCK_AFTER = new RegExp(`^(?:\\.\\s?(?:${MONTH_FORMS}|\\d{1,2}\\.)|\\.\\d\\d(?!\\d))`, 'u');
const CLOCK_BEFORE = /\d\.$/;
const DAY_BEFORE = /\d\.\s?$/;

function isDateOrClock(text: string, at: number, word: string): boolean {
  const after = text.slice(at + word.length, at + word.length + 16);
  const before = text.slice(Math.max(0, at - 3), at);
  return (
    DATE_OR_CLOCK_AFTER.test(after) ||
    // The minutes of "19.00", the month of "30.6."
    (word.length === 2 && CLOCK_BEFORE.test(before)) ||
    (word.length <= 2 && after.startsWith('.') && DAY_BEFORE.test(before))
  );
}

/** What stands before the years of an age: "star", "stara", "stare 33, 34 in " (folded text). */
const AGE_BEFORE = new RegExp(
  `(?:\\b${STAR}|\\bv\\s+starosti)\\s+(?:${BEFORE_AGE_FIGURE}\\s+)?(?:\\d{1,3}(?:\\s*,\\s*|\\s+in\\s+|\\s+do\\s+))*$`,
);
const AGE_AFTER = new RegExp(`^\\s+${STAR}\\b`);

function isAge(text: string, at: number, match: string): boolean {
  return (
    /^\d{1,3}\s+let[aio]?$/.test(match) &&
    (AGE_BEFORE.test(text.slice(Math.max(0, at - 30), at)) || AGE_AFTER.test(text.slice(at + match.length)))
  );
}

/** A capitalised word right before a figure, inside the sentence: "Boeing 737", "MAX 9", "Act 2017". */
const NAME_BEFORE = new RegExp(`(?:^|\\s)(?<!(?:^|\\s)${PREPOSITIONS}\\s)(\\p{Lu}[\\p{L}-]*)\\s$`, 'u');

/**
 * A figure that is part of a name (a model, a law, an event: "Boeing 737 MAX 9"), not a count: the
 * word before it has a capital that is not there only because it opens the sentence, and no
 * preposition makes that word a place ("v Ljubljani 2000 ljudi").
 */
function inName(sentence: string, at: number): boolean {
  const before = NAME_BEFORE.exec(sentence.slice(Math.max(0, at - 30), at));
  return before !== null && !startsSentence(sentence, at - before[1]!.length - 1);
}

/** How a cue is compared with the question's words: by its first letters, so word forms meet. */
export const CUE_PREFIX = 5;
/** The two months whose case forms differ within those letters ("marca", "marcu"; "maja", "maju"). */
const MARCH = /^mar(?:ec|ca|cu|cem)$/;
const MAY = /^maj(?:a|u|em)?$/;

/** A folded word as cues are compared (see `CUE_PREFIX`): "v marcu" asks the month "marca" names. */
function cuePrefix(word: string): string {
  if (MARCH.test(word)) return 'marec';
  if (MAY.test(word)) return 'maj';
  return word.slice(0, CUE_PREFIX);
}

/** What a question says besides its words, for telling the cues it asks for (see `askedWords`). */
export interface AskedOptions {
  /**
   * Index keys of the Slovenian words an English question was bridged to, which a passage repeats
   * in place of the question's own ("North Korea" → "Severni Koreji").
   */
  bridged?: Iterable<string>;
  /** The question asks a span of time (see `countedWords`). */
  asksSpan?: boolean;
  /** The question's names as written, folded ("Kim", "Willoughby"; see `Concept.name`). */
  names?: Iterable<string>;
  /** The question's names of several words, each as its folded words ("bernard", "vann"). */
  wholeNames?: Iterable<string[]>;
  /** The question asks which calendar day ("Katerega dne …?"): "danes" does not answer it. */
  asksDay?: boolean;
  /** The question asks at what time of day ("Ob kateri uri …?"): "v soboto" does not answer it. */
  asksClock?: boolean;
  /** The question asks for a name (see `Asked.name`): a role does not answer it. */
  asksName?: boolean;
}

/** The question's words as cue comparison needs them, made once per question. */
export function askedWords(
  question: string,
  {
    bridged = [],
    asksSpan = false,
    names = [],
    wholeNames = [],
    asksName = false,
    asksDay = false,
    asksClock = false,
  }: AskedOptions = {},
): Set<string> {
  const asked = new Set((fold(question).match(/\p{L}+|\d+/gu) ?? []).map(cuePrefix));
  // A bridged key is a stem: "marc" is March there, while a question may name a Marc.
  for (const key of bridged) asked.add(key === 'marc' ? 'marec' : cuePrefix(key));
  // A question that asks a span of time ("pred koliko leti", "koliko dni") is answered by one.
  if (asksSpan) asked.add(SPAN_MARK);
  if (asksName) asked.add(NAME_MARK);
  if (asksDay) asked.add(DAY_MARK);
  if (asksClock) asked.add(CLOCK_MARK);
  // A question that names someone asks that one's age, not the age of another person named.
  for (const name of names) asked.add(OWNER_MARK + name.slice(0, CUE_PREFIX));
  for (const whole of wholeNames)
    if (whole.length > 1) asked.add(WHOLE_MARK + whole.map((word) => word.slice(0, CUE_PREFIX)).join(NAME_PARTS));
  return asked;
}

/**
 * How strongly `sentence` holds something of the asked-for type that is not already in the
 * question (`asked`, see `askedWords`: a question that names "Putin" is not answered by a
 * sentence that only names Putin again), in [0, 1]. `folded` gives the sentence folded (callers
 * that keep it pass theirs).
 */
export function answerCueStrength(
  type: AnswerType,
  sentence: string,
  asked: Set<string>,
  folded: () => string = () => fold(sentence),
): number {
  if (type === 'other') return 0;
  return cueStrength(type, cueWords(type, sentence, folded), asked);
}

/**
 * The cues of `type` in `sentence`, each as the first letters it is compared by (see
 * `CUE_PREFIX`). They depend on the sentence alone, so evidence weighing keeps them with a
 * passage's sentences and compares only them with each new question.
 */
export function cueWords(type: Exclude<AnswerType, 'other'>, sentence: string, folded: () => string): string[] {
  // Names and places are told by their capitals; times, numbers and reasons by words typed with or without č/š/ž.
  const text = type === 'person' || type === 'place' ? sentence : folded();
  const words: string[] = [];
  for (const match of text.matchAll(GLOBAL_CUES[type])) {
    const parts = fold(match[0]).match(/\p{L}+|\d+/gu) ?? [];
    // A sum, an age or a share is told by its figure ("100 milijonov €", "40-letni", "20 %", or
    // "šest" in "šest metrov"), and so is a time in a unit or a month ("ob 10. uri" answers "ob
    // kateri uri", which says "uri" itself; "30. septembra"); the others by their last word ("v
    // Pjongjang").
    const figure = parts.find((p) => /\d/.test(p));
    const last = parts.at(-1) ?? '';
    const byFigure = FIGURE_TYPES.has(type) || (type === 'time' && figure !== undefined && TIME_UNIT.test(last));
    // A unit's worth of days ("mesec dni") counts one, whichever unit the question asks in ("koliko mesecev").
    const word =
      type === 'number' && /^(?:mesec|leto|teden)$/.test(match[0])
        ? '1'
        : ((byFigure ? (figure ?? parts[0]) : last) ?? '');
    if (
      type === 'number' &&
      (isYear(text, match.index, word) ||
        (/^\d/.test(word) && (inName(sentence, match.index) || isDateOrClock(text, match.index, word))))
    )
      continue;
    // "Stare 33, 34 in 39 let", "39 let star": an age, not when something happened.
    if (type === 'time' && isAge(text, match.index, match[0])) continue;
    // A span of time ("pred sedmimi leti") is a count only for a question that asks one.
    const span = type === 'number' && isSpanOfTime(text, match.index, match[0]);
    // A time of day ("ob 10.15", "ob 7. uri", "zjutraj") answers "ob kateri uri" (see `CLOCK_MARK`),
    // told by its hour: "ob 19.30" is not the 30th a question may name.
    const clock = type === 'time' && isTimeOfDay(match[0]);
    words.push(span ? SPAN_MARK + cuePrefix(word) : clock ? CLOCK_MARK + cuePrefix(figure ?? word) : cuePrefix(word));
  }
  if (type === 'age') {
    for (const match of sentence.matchAll(AGE_AFTER_NAME)) words.push(match[2]!);
    return withOwners(words, sentence);
  }
  // A noun of a role stands for a person as a name does ("Ruskega kolega je označil …").
  if (type === 'person')
    for (const match of folded().matchAll(ROLES)) words.push(ROLE_MARK + match[0].slice(0, CUE_PREFIX));
  return words;
}

/** How strongly cue words (see `cueWords`) the question does not already say answer it, in [0, 1]. */
export function cueStrength(type: Exclude<AnswerType, 'other'>, cues: readonly string[], asked: Set<string>): number {
  let found = 0;
  // A reason word says why whatever the question's wording ("Zaradi česa …?" is answered by "zaradi vojne").
  for (const cue of cues) {
    if (cue.includes(OWNER_MARK)) {
      // "Willoughbyjeva … in 52-letni Jones" tells Jones's age, and only weakly that of the one
      // the question names beside him. An age before a name alone may still be the asked one's
      // ("42-letni Škot" after a paragraph about Jack Ross).
      const [age, owner, named] = cue.split(OWNER_MARK) as [string, string, string];
      const others = named.split(',');
      // A whole name ("Michael Vann, 72,"): another's age where the question names someone in the
      // sentence outside that name ("Bernard"), not where it names only a part of it ("Saipov").
      // The same goes for a whole name the question gives that shares a part with it but not all
      // ("Bernard Vann" beside "Michael Vann").
      const parts = owner.split(NAME_PARTS);
      const another =
        parts.length > 1
          ? others.some((name) => askedName(asked, name) && !partOf(parts, name)) || anotherWholeName(asked, parts)
          : !askedName(asked, owner) && others.some((name) => askedName(asked, name));
      if (!asked.has(age)) found += another ? OTHER_OWNER : 1;
    } else if (cue.startsWith(SPAN_MARK)) {
      if (asked.has(SPAN_MARK) && !asked.has(cue.slice(SPAN_MARK.length))) found++;
    } else if (cue.startsWith(ROLE_MARK)) {
      // A role answers who, not what someone is called.
      if (!asked.has(NAME_MARK) && !asked.has(cue.slice(ROLE_MARK.length))) found++;
    } else if (type === 'time' && (asked.has(DAY_MARK) || asked.has(CLOCK_MARK))) {
      // A question for a day is answered by a date or a weekday, not by "danes", "lani", "prvič",
      // "pred tremi dnevi" or "leta 2019"; one for a time of day by a clock time or a part of the
      // day, not by "v soboto"; one for both by either. A time of day never says which day.
      const clock = cue.startsWith(CLOCK_MARK);
      const time = clock ? cue.slice(CLOCK_MARK.length) : cue;
      const fits = clock ? asked.has(CLOCK_MARK) : asked.has(DAY_MARK) && DAY_CUE.test(time);
      if (fits && !asked.has(time)) found++;
    } else if (cue.startsWith(CLOCK_MARK)) {
      if (!asked.has(cue.slice(CLOCK_MARK.length))) found++;
    } else if ((type === 'reason' && !/^(?:razlo|vzrok|posle)/.test(cue)) || !asked.has(cue)) found++;
  }
  return Math.min(1, found / CUES_FOR_FULL_STRENGTH[type]);
}

/** Marks a count that is a span of time among the cue words (see `cueWords`), and a question that asks one. */
const SPAN_MARK = '~';
/** Marks a noun of a role among a who-question's cue words ("kolega", "trener"). */
const ROLE_MARK = '^';
/** Marks a question for a name ("Kako se imenuje …?"): only a name answers it. */
const NAME_MARK = '#';
/** Marks a question for a calendar day ("Katerega dne …?"): a date or a weekday answers it. */
const DAY_MARK = '%';
/**
 * Marks a time of day among the time cues, and a question for one ("Ob kateri uri …?"), which only
 * such a cue answers.
 */
const CLOCK_MARK = '`';
/** Time cues (as matched, folded) that are a part of the day or an hour ("ob 7. uri"). */
const PART_OF_DAY =
  /\d{1,2}\.\s?ur[eio]$|^(?:sinoci|ponoci|opolnoci|nocoj|zjutraj|dopoldne|dopoldan|opoldne|popoldne|popoldan|zvecer)$/;
/** A clock time as the time cues match it: a preposition (and "about") or none, the hour, the minutes. */
const CLOCK_FIGURE = /^(?:(ob|okoli|okrog|do|od|po)\s+(?:(?:priblizno|okoli|okrog)\s+)?)?(\d{1,2})[.:](\d\d)$/;
/** Prepositions after which a figure with a point is a clock time, whatever its minutes ("ob 10.12"). */
const CLOCK_PREPOSITIONS = new Set(['ob', 'okoli', 'okrog']);
/** The highest month: after "do", "od" or "po", "15.12" may be a date ("do 15.12."). */
const MONTHS_IN_YEAR = 12;

/**
 * Whether a time cue (as matched, folded) is a time of day: a part of the day, an hour, or a
 * clock time. After "do", "od" or "po" a figure whose second part could be a month is a date
 * ("do 15.12.", "od 1.10. naprej"), unless it is on the hour ("do 17.00"); a time past 24.59 is
 * no clock's ("ob 27:37" of a match clock).
 */
function isTimeOfDay(cue: string): boolean {
  if (PART_OF_DAY.test(cue)) return true;
  const clock = CLOCK_FIGURE.exec(cue);
  if (!clock) return false;
  const [, preposition, hour, minutes] = clock as unknown as [string, string | undefined, string, string];
  if (Number(hour) > 24 || Number(minutes) > 59) return false;
  if (preposition === undefined || CLOCK_PREPOSITIONS.has(preposition)) return true;
  return Number(minutes) > MONTHS_IN_YEAR || minutes === '00';
}
/**
 * Time cues (as compared, see `CUE_PREFIX`) that name a calendar day: the day's number of a date
 * ("30. septembra" is cued by its figure), a weekday or a holiday. A month alone ("marca") says
 * when, but not which day. Known gaps: a date in words ("prvega julija") counts as no day, and any
 * figure up to 31 counts as one, a century's too ("v 19. stoletju"), and a clock time without a
 * preposition ("se začne 19.30.", read as a date); a clock time after one does not ("ob 19.30",
 * see `isTimeOfDay`).
 */
const DAY_CUE =
  /^(?:[1-9]|[12]\d|3[01])$|^(?:poned|torek|torka|torku|sred[aeiou]|cetrt|petek|petka|petku|sobot|nedel|bozic|velik)/;
/** Joins an age to the name it belongs to and to its sentence's names among the cue words, and marks the question's names. */
const OWNER_MARK = '@';
/** Joins the words of a whole name an age belongs to ("micha+vann"). */
const NAME_PARTS = '+';
/** Marks a question's name of several words among its asked words. */
const WHOLE_MARK = '&';

/** The word (as cues compare them) is one of a name's parts, in any case form. */
const partOf = (parts: string[], word: string) => parts.some((p) => word.startsWith(p) || p.startsWith(word));

/** The question gives a whole name that shares a part with `parts` and differs in another, both ways. */
function anotherWholeName(asked: Set<string>, parts: string[]): boolean {
  for (const entry of asked) {
    if (!entry.startsWith(WHOLE_MARK)) continue;
    const whole = entry.slice(WHOLE_MARK.length).split(NAME_PARTS);
    if (
      whole.some((word) => partOf(parts, word)) &&
      whole.some((word) => !partOf(parts, word)) &&
      parts.some((part) => !partOf(whole, part))
    )
      return true;
  }
  return false;
}
/** How much the age of someone the question does not name counts. */
const OTHER_OWNER = 0.5;

/** The shortest word of a question that may be a short name in another case ("Kim" of "Kimom"). */
const MIN_NAME_PREFIX = 3;

/**
 * One of the question's names (see `AskedOptions.names`) is this one, compared by first letters
 * as cues are: "Kimom" (`kimom`) is the question's "Kim", and "Willoughbyjeva" (`willo`) its
 * "Willoughby".
 */
function askedName(asked: Set<string>, name: string): boolean {
  for (const entry of asked) {
    if (!entry.startsWith(OWNER_MARK)) continue;
    const named = entry.slice(OWNER_MARK.length);
    if (named === name || (named.length >= MIN_NAME_PREFIX && name.startsWith(named))) return true;
  }
  return false;
}

/** Capitalised words of a sentence as written: the names an age may belong to. */
const CAPITALISED = /\p{Lu}\p{L}+/gu;

/**
 * Age cue words with the name each age is told of and the other names of its sentence, where a
 * name follows the age ("Willoughbyjeva … 52-letni Jones" → "52@jones@willo,jones"; see `OWNER_MARK`).
 */
function withOwners(ages: string[], sentence: string): string[] {
  const owners = new Map<string, string>();
  for (const match of sentence.matchAll(AGE_BEFORE_NAME)) {
    const from = Math.max(0, match.index - APPOSITION_REACH);
    const apposition = NAME_BEFORE_AGE.exec(sentence.slice(from, match.index));
    // "Peter Jones, 52-letni Britanec, …": the age between commas after a name that is not the
    // sentence's first word (which may be a noun or an adverb: "Medtem, 52-letni Jones …").
    const told =
      apposition !== null &&
      sentence[match.index + match[0].length] === ',' &&
      /\p{L}/u.test(sentence.slice(0, from + apposition.index));
    owners.set(match[1]!, fold(told ? apposition[1]! : match[2]!).slice(0, CUE_PREFIX));
  }
  for (const match of sentence.matchAll(AGE_AFTER_NAME)) {
    // Not a role or a person's noun before the name ("Predsednik Biden, 81,"), an abbreviation
    // ("CNN Biden, 81,"), or a third word back that is capitalised only because it opens the
    // sentence ("Osumljenec Sayfullo Saipov, 29,"; "Michael Vann, 72," keeps its first name).
    const all = match[1]!.split(/\s+/);
    const words = all.filter((word) => !/^\p{Lu}{2,}$/u.test(word) && !ROLE_OR_PERSON.test(fold(word)));
    if (words.length === 0) words.push(...all);
    if (words.length > 2 && startsSentence(sentence, match.index)) words.shift();
    owners.set(match[2]!, words.map((word) => fold(word).slice(0, CUE_PREFIX)).join(NAME_PARTS));
  }
  if (owners.size === 0) return ages;
  const named = [...sentence.matchAll(CAPITALISED)].map((m) => fold(m[0]).slice(0, CUE_PREFIX)).join(',');
  return ages.map((age) => (owners.has(age) ? [age, owners.get(age), named].join(OWNER_MARK) : age));
}
const UNIT_NEXT = new RegExp(`^\\s+${SPAN_UNITS}(?![\\p{L}])`, 'u');
const PLACED_BEFORE = new RegExp(`(?<![\\p{L}])${SPAN_BEFORE}\\s+$`, 'u');
const PLACED_AFTER = new RegExp(`^\\s+\\p{L}+\\s+${SPAN_AFTER}(?![\\p{L}])`, 'u');

/** A number that is the length of a span of time before or after something ("pred sedmimi leti", "24 let pozneje"). */
function isSpanOfTime(text: string, at: number, number: string): boolean {
  const after = text.slice(at + number.length, at + number.length + 40);
  return UNIT_NEXT.test(after) && (PLACED_BEFORE.test(text.slice(Math.max(0, at - 6), at)) || PLACED_AFTER.test(after));
}
