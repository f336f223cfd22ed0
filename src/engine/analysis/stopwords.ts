import { createRequire } from 'node:module';
import { fold } from './fold.ts';
import { SLOVENIAN_QUESTION_WORDS } from '../question/answer-type.ts';

const require = createRequire(import.meta.url);
const iso = require('stopwords-iso') as Record<string, string[]>;

/**
 * Words of the stopwords-iso Slovene list that carry the answer in news questions (dates, order,
 * "today", "against") and must stay searchable.
 */
const KEEP = [
  'januar', 'februar', 'marec', 'april', 'maj', 'junij', 'julij', 'avgust', 'september', 'oktober', 'november', 'december',
  'ponedeljek', 'torek', 'sreda', 'četrtek', 'petek', 'sobota', 'nedelja', 'danes', 'včeraj', 'jutri', 'nocoj',
  'prvi', 'prva', 'prvo', 'drugi', 'druga', 'drugo', 'tretji', 'tretja', 'tretje', 'leto', 'mesec',
  'dva', 'dve', 'tri', 'štiri', 'pet', 'šest', 'sedem', 'osem', 'devet', 'deset', 'velik', 'velika', 'veliki',
  'stran', 'dan', 'enkrat', 'nazaj', 'odprt', 'odprta', 'odprti', 'zaprta', 'zaprti', 'zaprto', 'primer',
];

/** Question words and fillers that stopwords-iso lacks; they say what is asked, not what is found. */
const EXTRA = [
  'kolikokrat', 'kateri', 'katera', 'katero', 'katere', 'katerega', 'kateremu', 'katerem', 'katerim', 'katerih', 'kakšen',
  'kakšna', 'kakšno', 'kakšne', 'kakšni', 'kakšnih', 'kam', 'kod', 'čem', 'čemu', 'kom', 'česa', 'čigava', 'čigavo',
  'kdaj', 'kje', 'zakaj', 'koliko', 'kako', 'kaj', 'kdo', 'ali', 'pa', 'sta', 'so', 'je', 'bo', 'bosta', 'bodo', 'bil',
  'bila', 'bili', 'bilo', 'ste', 'smo', 'sem', 'si', 'naj', 'ter', 'oziroma', 'po', 'pri', 'tem', 'to', 'ta', 'te', 'ti',
  'tudi', 'že', 'še', 'mu', 'ji', 'jih', 'njen', 'njegov', 'njuni', 'njun', 'njuna', 'njune', 'svoj', 'svoje', 'svoja',
  'svojo', 'svojih', 'meni', 'misli', 'pravi',
  // auxiliary and modal verbs: they frame a question without naming its topic
  'ima', 'imajo', 'imata', 'imel', 'imela', 'imeli', 'imelo', 'imeti', 'imamo', 'imate', 'želi', 'želita', 'želijo',
  'želel', 'želela', 'želeli', 'želeti', 'hoče', 'hočejo', 'more', 'morejo', 'moči',
  'smejo', 'sme', 'bomo', 'boste', 'bi',
  // "po besedah", "po mnenju": whose words, not what was said; "glede" ("regarding") only links
  'besedah', 'mnenju', 'glede',
  // "s čim", and light verbs that only carry the question ("Kaj je storila?")
  'čim', 'storiti', 'storil', 'storila', 'storili', 'narediti', 'naredil', 'naredila', 'naredili',
];

const STOPWORDS = new Set(
  [...(iso.sl ?? []).filter((w) => !KEEP.includes(w)), ...EXTRA, ...Object.keys(SLOVENIAN_QUESTION_WORDS)].map(fold),
);

/** True for folded words that carry no searchable meaning in a Slovene question or passage. */
export function isStopword(folded: string): boolean {
  return STOPWORDS.has(folded);
}
