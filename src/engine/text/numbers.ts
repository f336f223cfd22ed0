/**
 * Numbers and units of time as news writes them, as regular-expression sources over folded text
 * (no č/š/ž, lower case): the answer cues (`answer/answer-cues.ts`) and what a how-many question
 * counts (`question/counted.ts`) read them alike.
 */

/**
 * Numbers written as words, in the nominative and in the cases a count or a span takes ("do šest
 * metrov", "dve toni", "pol metra", "pred petimi leti", "eden od sedmih", "pred dvema letoma",
 * "pred enim dnem").
 * Seven and eight lose their e outside the nominative ("sedmih", "osmimi").
 */
const NUMBER_WORD_FORMS = [
  'en(?:a|o|e|im|em|ega|emu)?',
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
const alternatives = (forms: string[]) => `(?:${forms.map((n) => `(?:${n})`).join('|')})`;
export const NUMBER_WORDS = alternatives(NUMBER_WORD_FORMS);
/**
 * The same from two up, without "pol": what counts ("ena" and "pol" are as often no count: "ena
 * ženska", "pol ure"; the answer cues take "en teden" as a span of their own).
 */
export const COUNT_WORDS = alternatives(NUMBER_WORD_FORMS.filter((n) => !n.startsWith('en') && n !== 'pol'));

/** Numbers as the first part of a word ("dvodnevni", "šestmetrski", "dvotonski"). */
export const NUMBER_PREFIXES = '(?:eno|dvo|tri|stiri|pet|sest|sedem|osem|devet|deset|dvajset|sto)';

/**
 * Each unit of a span of time, by the word a how-long question asks it with ("koliko let",
 * "koliko dni", …): its noun in every case and number ("pred dvema letoma", "pred enim dnem"),
 * and the stem it takes in a compound with a number ("dvodnevni", "petletni"), which alone is
 * another word ("dnevnik", "letni čas").
 */
export const UNIT_FORMS: Record<string, { noun: string; compound: string }> = {
  let: { noun: 'let(?:o|a|i|u|ih|om|oma)?', compound: 'letn' },
  dni: { noun: 'dan|dni|dne(?:h|m|va|vu|vom|vi|voma|vov)', compound: 'dnevn' },
  ur: { noun: 'ur(?:a|e|i|o|ah|ama|ami)?', compound: 'urn' },
  minut: { noun: 'minut(?:a|e|i|o|ah|ama|ami)?', compound: 'minutn' },
  tednov: { noun: 'teden|tedn(?:a|u|om|i|ih|e|ov|oma)', compound: 'tedensk' },
  mesecev: { noun: 'mesec(?:a|u|em|i|ih|e|ev|ema)?', compound: 'mesecn' },
  sekund: { noun: 'sekund(?:a|e|i|o|ah|ama|ami)?', compound: 'sekundn' },
  stoletij: { noun: 'stoletj(?:e|a|u|em|i|ih|ema)?', compound: 'stoletn' },
  desetletij: { noun: 'desetletj(?:e|a|u|em|i|ih|ema)?', compound: 'desetletn' },
};

/** Any unit of a span of time as a noun ("pred 24 leti", "3 dni", "šest mesecev"). */
export const SPAN_UNITS = `(?:${Object.values(UNIT_FORMS)
  .map((u) => u.noun)
  .join('|')})`;

/** Words that place a span of time before or after something ("tri dni pred izstopom", "pred petimi leti"). */
export const SPAN_BEFORE = '(?:pred|cez|po)';
export const SPAN_AFTER = '(?:pred|po|pozneje|kasneje|prej|nazaj)';

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
