/**
 * What a how-many question counts: "koliko ljudi je prišlo" counts people, "koliko let" asks a
 * span in years. A figure in a sentence that does not name what is counted ("40 odstotkov članov"
 * for "koliko ljudi", "treh senatorjev" for "koliko let") answers it less surely; a span in the
 * asked unit answers it even without a figure ("za mesec dni" for "koliko časa").
 */
import { COPULAS } from './answer-type.ts';
import { isStopword } from '../analysis/stopwords.ts';
import { MONTH_FORMS } from '../analysis/months.ts';
import { ASKED_UNITS, NUMBER_PREFIXES, NUMBER_WORDS, SPAN_UNITS, UNIT_FORMS } from '../text/numbers.ts';

/** How a passage's sentence names the unit a how-long question asks in, over folded text. */
export interface AskedUnit {
  /** Any form of the unit ("leta", "dni", "dvodnevni"). */
  named: RegExp;
  /** A span given in it, with its number or as "mesec dni" ("tri dni", "pred enim dnem", "dvodnevni"), not a date. */
  span: RegExp;
  /** When it ends or began (see `TIME_BOUND`), which tells how long as a span does, for a unit it can. */
  bound?: RegExp;
}

/** What a year or a month runs to or from: its end, start or middle ("do konca leta"). */
const PART_OF_TIME = `(?:konca|zacetka|sredine)\\s+(?:(?:leta|meseca|tedna|sezone|stoletja|desetletja|poletja|zime)(?![\\p{L}])|${MONTH_FORMS})`;
/**
 * An end or a start in time: "do oktobra", "do 15. maja", "od leta 2009", "do konca leta". How
 * long something lasts is told as often by when it stops or began as by a span ("letališče bo
 * ostalo zaprto do oktobra" for "koliko časa bo zaprto"). A year only after "leta": "do 2000
 * evrov" is no time.
 */
const TIME_BOUND = new RegExp(
  `(?<![\\p{L}])(?:do|od)\\s+(?:${PART_OF_TIME}|leta\\s+(?:1[5-9]|20)\\d\\d(?!\\d)|(?:\\d{1,2}\\.\\s?)?${MONTH_FORMS})`,
  'u',
);
/** Units a span is asked in that an end or a start in time answers: days and longer, not "koliko minut". */
const UNITS_BOUNDED = new Set(['let', 'dni', 'tednov', 'mesecev', 'stoletij', 'desetletij']);

export interface Counted {
  /** Positions of the counted words among the question's words (see `MAX_COUNTED`). */
  words: number[];
  /** The unit a how-long question asks its span in ("koliko dni"), if it asks in one. */
  unit?: AskedUnit;
  /** The question asks a span of time ("koliko dni", "pred koliko leti"): a span answers it. */
  asksSpan: boolean;
}

/**
 * The words after "koliko" up to the first function word, at most this many: the noun with its
 * adjectives ("koliko predsezonskih tekem"), or the noun and what it does ("koliko podjetij
 * spremlja"), since a sentence that gives the count with either names what is counted.
 */
const MAX_COUNTED = 3;
/** Particles that may stand after "koliko" without being counted ("koliko pa je bilo ljudi"). */
const PARTICLES = new Set(['pa', 'sploh', 'tocno', 'se', 'zdaj', 'potem']);
/** A word of a span of time after "koliko" ("pred koliko leti", "koliko dni"). */
const SPAN_WORD = new RegExp(`^(?:${SPAN_UNITS}|casa|casu)$`, 'u');
/** "Koliko" and "kolikšen" in every case. */
const HOW_MANY = /^(?:koliko|koliks(?:en|n\p{L}*))$/u;
/** A number without a dot after it: "ob 19.00" and "v 29. minuti" give no span. */
const FIGURE = '(?<![\\p{L}\\d.,])\\d+(?:,\\d+)?(?![.\\d])';
const units = new Map<string, AskedUnit>();

function askedUnit(key: string | undefined): AskedUnit {
  const cacheKey = key ?? '';
  let unit = units.get(cacheKey);
  if (!unit) {
    const all = key === undefined ? Object.values(UNIT_FORMS) : [UNIT_FORMS[key]!];
    const nouns = all.map((u) => u.noun).join('|');
    const compounds = `(?<![\\p{L}])${NUMBER_PREFIXES}(?:${all.map((u) => u.compound).join('|')})\\p{L}*`;
    unit = {
      named: new RegExp(`(?<![\\p{L}])(?:${nouns})(?![\\p{L}])|${compounds}`, 'u'),
      span: new RegExp(
        `(?:${FIGURE}|(?<![\\p{L}])(?:${NUMBER_WORDS}|mesec|teden))\\s+(?:${nouns})(?![\\p{L}])|${compounds}`,
        'u',
      ),
      bound: key === undefined || UNITS_BOUNDED.has(key) ? TIME_BOUND : undefined,
    };
    units.set(cacheKey, unit);
  }
  return unit;
}

/**
 * What a how-many question (its words: folded, standard forms) counts: the words right after
 * "koliko" or "kolikšen", or after "je bilo" ("koliko je bilo ljudi"); or the unit of the span it
 * asks ("koliko dni", "koliko časa").
 */
export function countedWords(forms: string[]): Counted {
  const none: Counted = { words: [], asksSpan: false };
  const at = forms.findIndex((w) => HOW_MANY.test(w));
  if (at < 0) return none;
  let next = at + 1;
  while (COPULAS.has(forms[next] ?? '') || PARTICLES.has(forms[next] ?? '')) next++;
  const first = forms[next];
  if (first === undefined) return none;
  if (Object.hasOwn(ASKED_UNITS, first)) return { words: [], unit: askedUnit(ASKED_UNITS[first]), asksSpan: true };
  if (SPAN_WORD.test(first)) return { ...none, asksSpan: true };
  // "Za koliko se je …" asks by how much; after a form of "biti" only "bilo" makes the next word
  // what is counted ("koliko je bilo ljudi"): "koliko je prišlo" or "koliko je preiskava
  // zamaknila" counts nothing.
  if (forms[at - 1] === 'za') return none;
  const between = forms.slice(at + 1, next);
  if (between.some((w) => COPULAS.has(w)) && !between.some((w) => w.startsWith('bil'))) return none;
  const words: number[] = [];
  for (let i = next; i < forms.length && words.length < MAX_COUNTED && !isStopword(forms[i]!); i++) words.push(i);
  return { words, asksSpan: false };
}
