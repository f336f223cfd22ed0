/**
 * What a how-many question counts: "koliko ljudi je prišlo" counts people, "koliko let" asks a
 * span in years. A figure in a sentence that does not name what is counted ("40 odstotkov članov"
 * for "koliko ljudi", "treh senatorjev" for "koliko let") answers it less surely; a span in the
 * asked unit answers it even without a figure ("za mesec dni" for "koliko časa").
 */
import { COPULAS } from './answer-type.ts';
import { isStopword } from '../analysis/stopwords.ts';
import { ASKED_UNITS, NUMBER_PREFIXES, NUMBER_WORDS, UNIT_FORMS } from '../text/numbers.ts';

/** How a passage's sentence names the unit a how-long question asks in, over folded text. */
export interface AskedUnit {
  /** Any form of the unit ("leta", "dni", "dvodnevni"). */
  named: RegExp;
  /** A span given in it, with its number or as "mesec dni" ("tri dni", "pred enim dnem", "dvodnevni"). */
  span: RegExp;
}

export interface Counted {
  /** Positions of the counted words among the question's words: a noun and the words before it. */
  words: number[];
  unit?: AskedUnit;
}

/** The noun and its adjectives ("koliko predsezonskih tekem"): at most this many words. */
const MAX_COUNTED = 3;
/** A past participle after "koliko je" ("koliko je prišlo") is what happened, not what is counted. */
const PARTICIPLE = /l[aoie]?$/;
const ANY_UNIT = [...new Set(Object.values(UNIT_FORMS))].join('|');
const units = new Map<string, AskedUnit>();

function askedUnit(word: string): AskedUnit {
  const key = ASKED_UNITS[word];
  let unit = units.get(word);
  if (!unit) {
    const forms = key === undefined ? ANY_UNIT : UNIT_FORMS[key]!;
    unit = {
      named: new RegExp(`(?<![\\p{L}])${NUMBER_PREFIXES}?(?:${forms})(?![\\p{L}])`, 'u'),
      span: new RegExp(
        `(?:(?<![\\p{L}\\d])(?:\\d[\\d.,]*|${NUMBER_WORDS}|mesec|teden)\\s+|(?<![\\p{L}])${NUMBER_PREFIXES})(?:${forms})(?![\\p{L}])`,
        'u',
      ),
    };
    units.set(word, unit);
  }
  return unit;
}

/**
 * What a how-many question (its words: folded, standard forms) counts: the words right after
 * "koliko" or "kolikšen", perhaps after a form of "biti" ("koliko je bilo ljudi"), or the unit
 * of the span it asks ("koliko dni", "koliko časa").
 */
export function countedWords(forms: string[]): Counted {
  const at = forms.findIndex((w) => w === 'koliko' || w.startsWith('koliksn'));
  if (at < 0) return { words: [] };
  let next = at + 1;
  while (COPULAS.has(forms[next] ?? '')) next++;
  const first = forms[next];
  if (first === undefined) return { words: [] };
  if (Object.hasOwn(ASKED_UNITS, first)) return { words: [], unit: askedUnit(first) };
  // "Za koliko se je …" asks by how much; after "je"/"so" only "bilo" makes the next word what
  // is counted ("koliko je bilo ljudi"): "koliko je preiskava zamaknila" counts no inquiries.
  if (forms[at - 1] === 'za') return { words: [] };
  if (next > at + 1 && !forms.slice(at + 1, next).some((w) => w.startsWith('bil'))) return { words: [] };
  if (PARTICIPLE.test(first) && next > at + 1) return { words: [] };
  const words: number[] = [];
  for (let i = next; i < forms.length && words.length < MAX_COUNTED && !isStopword(forms[i]!); i++) words.push(i);
  return { words };
}
