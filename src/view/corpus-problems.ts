/**
 * Corpus problems (from loading or reloading articles) as a moderator reads them, in their
 * language: where (file, line) and what is wrong. The engine words its problems in English; the
 * ones it has are translated here by their shape, and one the table does not know yet is shown
 * as the engine wrote it rather than not at all.
 */
import { formatProblem, type CorpusProblem } from '../engine/index.ts';
import type { Locale } from './strings.ts';

/** English message shape → Slovenian wording ($1… are the parts that vary: names, dates, reasons). */
const SLOVENIAN: readonly (readonly [RegExp, string])[] = [
  [/^front matter is not valid YAML: (.*)$/s, 'glava (front matter) ni veljaven YAML: $1'],
  [/^front matter must be a YAML mapping \(key: value lines\)$/, 'glava mora biti YAML z vrsticami ključ: vrednost'],
  [
    /^front matter opened with "---" is never closed: end it with a line "---"$/,
    'glava, odprta z "---", ni zaprta: končaj jo z vrstico "---"',
  ],
  [/^front matter: (.*)$/s, 'glava: $1'],
  [
    /^the date (.*) is not a date on the calendar \(month 01–12, a day the month has\)$/,
    'datum $1 ni datum s koledarja (mesec 01–12, dan, ki ga mesec ima)',
  ],
  [/^the article has no text$/, 'članek nima besedila'],
  [/^the article has only headings, no paragraph$/, 'članek ima samo naslove, nobenega odstavka'],
  [
    /^paragraph (\d+) is (\d+) characters: are paragraphs separated by blank lines\?$/,
    'odstavek $1 ima $2 znakov: so odstavki ločeni s praznimi vrsticami?',
  ],
  [
    /^the file name cannot be a citation id \((.*)\); rename it or set "id" in the front matter$/s,
    'ime datoteke ne more biti oznaka za navajanje ($1); preimenuj jo ali v glavi nastavi "id"',
  ],
  [/^not valid JSON \((.*)\)$/s, 'ni veljaven JSON ($1)'],
  [
    /^no articles found \(expected \.md, \.txt or \.jsonl files\)$/,
    'ni člankov (pričakujem datoteke .md, .txt ali .jsonl)',
  ],
  [/^cannot read: (.*)$/s, 'ni mogoče prebrati: $1'],
  [/^is not valid UTF-8 text \(save the file as UTF-8\)$/, 'ni veljavno besedilo UTF-8 (shrani datoteko kot UTF-8)'],
  [
    /^id "(.*)" is already used by (.*); every article needs its own id$/,
    'oznako "$1" že uporablja $2; vsak članek potrebuje svojo oznako',
  ],
  [
    /^a synonym group needs at least two members separated by commas$/,
    'skupina sinonimov potrebuje vsaj dva člana, ločena z vejicami',
  ],
  // Check questions (questions.jsonl).
  [/^must be a JSON object with "question" and "expect"$/, 'mora biti objekt JSON s "question" in "expect"'],
  [/^"question" must be text$/, '"question" mora biti besedilo'],
  [/^"question" must not be empty$/, '"question" ne sme biti prazno'],
  [/^"question" must be at most (\d+) characters$/, '"question" ima lahko največ $1 znakov'],
  [
    /^"expect" must be a passage id such as "article#3", or null for "should abstain"$/,
    '"expect" mora biti oznaka odlomka, npr. "clanek#3", ali null, kjer naj bot ne odgovori',
  ],
];

/** One problem as one line: `file:line: message` in English, `file, vrstica N: sporočilo` in Slovenian. */
export function problemText(problem: CorpusProblem, locale: Locale): string {
  if (locale === 'en') return formatProblem(problem);
  const where = problem.line === undefined ? problem.file : `${problem.file}, vrstica ${problem.line}`;
  const rule = SLOVENIAN.find(([shape]) => shape.test(problem.message));
  return `${where}: ${rule ? problem.message.replace(rule[0], rule[1]) : problem.message}`;
}
