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
 * The months' stems as folded text writes them in every case ("marca", "marec", "septembra",
 * "septembru"): what their forms share.
 */
export const MONTH_STEMS = 'januar|februar|marc|marec|april|maj|junij|julij|avgust|septemb|oktob|novemb|decemb';
