/**
 * Numbers and units of time as news writes them, as regular-expression sources over folded text
 * (no č/š/ž, lower case): the answer cues (`answer/answer-cues.ts`) and what a how-many question
 * counts (`question/counted.ts`) read them alike.
 */

/**
 * Numbers written as words, in the nominative and in the cases a count or a span takes ("do šest
 * metrov", "dve toni", "pol metra", "pred petimi leti", "eden od sedmih", "pred dvema letoma").
 * Seven and eight lose their e outside the nominative ("sedmih", "osmimi").
 */
const NUMBER_WORD_FORMS = [
  'en[aoe]?',
  'dva|dve|dveh|dvema',
  'trij?e|tri|treh|tremi',
  'stirj?e|stiri|stirih|stirimi',
  '(?:pet|sest|sedem|osem|devet|deset)(?:ih|imi|im)?',
  '(?:sedm|osm)(?:ih|imi|im)',
  '\\p{L}+najst(?:ih|imi|im)?',
  '\\p{L}*(?:deset|dvajset)(?:ih|imi|im)?',
  '(?:dve|tri|stiri|pet|sest|sedem|osem|devet)?sto',
  'tisoc',
  'pol',
];
export const NUMBER_WORDS = `(?:${NUMBER_WORD_FORMS.map((n) => `(?:${n})`).join('|')})`;

/** Numbers as the first part of a word ("dvodnevni", "šestmetrski", "dvotonski", "večletni"). */
export const NUMBER_PREFIXES = '(?:eno|dvo|tri|stiri|pet|sest|sedem|osem|devet|deset|dvajset|sto)';

/**
 * The forms of each unit of a span of time, by the word a how-long question asks it with ("koliko
 * let", "koliko dni", …), in every case and number ("pred dvema letoma", "pred enim dnem").
 */
export const UNIT_FORMS: Record<string, string> = {
  let: 'let(?:o|a|i|u|ih|om|oma|n\\p{L}*)?',
  dni: 'dan|dni|dnem|dneh|dnev\\p{L}*',
  ur: 'ur[aeio]?|urah|urama|urami|urn\\p{L}*',
  minut: 'minut\\p{L}*',
  tednov: 'teden|tedn\\p{L}*',
  mesecev: 'mesec\\p{L}*',
  sekund: 'sekund\\p{L}*',
  stoletij: 'stolet\\p{L}*',
  desetletij: 'desetlet\\p{L}*',
};

/** Any unit of a span of time ("pred 24 leti", "3 dni", "šest mesecev"). */
export const SPAN_UNITS = `(?:${[...new Set(Object.values(UNIT_FORMS))].join('|')})`;

/**
 * The words that ask for a span after "koliko" (folded, standard forms), and the unit each asks in
 * (a key of `UNIT_FORMS`); "koliko časa" and "v kolikšnem času" take any unit (undefined). Not
 * "pred koliko leti", which asks when.
 */
export const ASKED_UNITS: Readonly<Record<string, string | undefined>> = {
  let: 'let',
  leta: 'let',
  dni: 'dni',
  dan: 'dni',
  ur: 'ur',
  ure: 'ur',
  minut: 'minut',
  tednov: 'tednov',
  tedne: 'tednov',
  mesecev: 'mesecev',
  mesece: 'mesecev',
  sekund: 'sekund',
  stoletij: 'stoletij',
  desetletij: 'desetletij',
  casa: undefined,
  casu: undefined,
};
