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
/**
 * A month in any case, or its adjective, as folded text writes them ("oktobra", "marca",
 * "septembru", "marčevskih", "novembrskih"); no longer word ("majhen", "majica").
 */
export const MONTH_FORMS = `(?:${MONTH_STEMS})(?:a|u|em|om|er|ra|ru|rom|ja|ju|jem|(?:ev|ov|r)?sk\\p{L}*)?(?![\\p{L}])`;
