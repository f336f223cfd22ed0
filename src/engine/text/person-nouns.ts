/**
 * Nouns that stand for a person, as regular-expression sources over folded text (no č/š/ž, lower
 * case). Stems, each guarded against words that only start the same way ("kraljestvo", "princip",
 * "ministrstvo", "generalni", "je igral", a film's "premiera").
 */

/**
 * A person by role ("Ruskega kolega je označil za …", "s takratnim voditeljem"): a who-question
 * is answered by one as by a name.
 */
export const ROLE_NOUNS = [
  'koleg(?!ij)',
  'predsedni[kc]',
  'premier(?:[jk]\\p{L}*)?(?!\\p{L})',
  'minist(?:er|r(?!stv))',
  'kancler',
  'guverner',
  'voditelj(?!stv)',
  'vodj[aeiou]',
  'kralj(?!est|evin|evsk)',
  'princ(?!ip)',
  'papez',
  'zupan(?!ij)',
  'poveljnik',
  'general(?!n)',
  'diplomat(?!sk)',
  'veleposlanik',
  'senator',
  'poslan(?:ec|c|k)',
  'predstavnik',
  'svetoval(?:ec|c|k)',
  'direktor(?!at)',
  'tozil(?:ec|c|k)',
  'sodni[kc]',
  'odvetnik',
  'policist',
  'trener',
  'igral(?:ec|c|k)',
  'pev(?:ec|c|k)',
  'novinar(?!sk)',
].join('|');

/** A person by sex, age or kin ("42-letni moški", "31-letna ženska", "16-letni fant"). */
export const PEOPLE_NOUNS = [
  'mosk(?:i|ega|emu|em|im)?(?!\\p{L})',
  'zensk[aeio]?(?!\\p{L})',
  'fant(?!az|ast)',
  'dekle',
  'dek(?:lic|ek|ck)',
  'najstni[kc]',
  'mladenic',
  'oce(?:t[aueo]|tom)?(?!\\p{L})',
  'mati(?!cn|\\p{L})',
  'sin(?:a|u|om)?(?!\\p{L})',
  'hc(?:i|er)',
  'moz(?:a|u|em)?(?!\\p{L})',
  'zen[aeio](?!\\p{L})',
  'upokojen',
  'student(?!sk)',
  'ucen[ec]',
  'voznik',
  'kolesar(?!sk)',
  'pilot(?!n|sk)',
  'vojak',
  'zapornik',
  'osumljen',
  'obtozen',
].join('|');
