/** The Slovenian month names in dictionary form, January first. */
export const SLOVENIAN_MONTHS = [
  'januar',
  'februar',
  'marec',
  'april',
  'maj',
  'junij',
  'julij',
  'avgust',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/**
 * Each month in its six cases and as its adjective ("oktobra", "marca", "septembru",
 * "marčevskih", "novembrski"), as folded text writes them; each month takes only its own
 * endings, so "Marc", "Majer", "majhen" or "majica" is none.
 */
const MONTH_FORM_LIST = [
  'januar(?:ja|ju|jem)?',
  'februar(?:ja|ju|jem)?',
  'marec|marc(?:a|u|em)',
  'april(?:a|u|om)?',
  'maj(?:a|u|em)?',
  'junij(?:a|u|em)?',
  'julij(?:a|u|em)?',
  'avgust(?:a|u|om)?',
  'september|septembr(?:a|u|om)',
  'oktober|oktobr(?:a|u|om)',
  'november|novembr(?:a|u|om)',
  'december|decembr(?:a|u|om)',
  '(?:januar|februar|marcev|april|maj|junij|julij|avgustov|septembr|oktobr|novembr|decembr)sk\\p{L}*',
];
/** A month in any case, or its adjective (see `MONTH_FORM_LIST`), as a whole word. */
export const MONTH_FORMS = `(?:${MONTH_FORM_LIST.join('|')})(?![\\p{L}])`;
