/**
 * Corpus problems (from loading or reloading articles) as a moderator reads them, in their
 * language: where (file, line) and what is wrong. The engine words its problems in English; the
 * ones it has are translated here by their shape, and one the table does not know yet is shown
 * as the engine wrote it rather than not at all.
 */
import { formatProblem, JSON_REASONS, type CorpusProblem, type JsonReason } from '../engine/index.ts';
import type { Locale } from './strings.ts';

/**
 * English message shape → Slovenian wording: `$1`… in a string are the parts that vary (names,
 * dates, reasons); a function gets them as arguments, for a part that is there or not.
 */
type Rule = readonly [RegExp, string | ((match: string, ...parts: string[]) => string)];

/** What YAML took a value for (`date: 2024`, a number), in the words of a Slovenian sentence. */
const YAML_READING: Readonly<Record<string, string>> = { number: 'število', 'truth value': 'logično vrednost' };

/**
 * What the operating system said about a file or folder it would not give (`EACCES: permission
 * denied, open '…'`), by its code.
 */
const OS_REASONS: Readonly<Record<string, string>> = {
  EACCES: 'ni dovoljenja za branje',
  EPERM: 'ni dovoljenja za branje',
  ENOENT: 'ne obstaja več',
  ENOTDIR: 'ni mapa',
  EISDIR: 'je mapa',
  EIO: 'napaka pri branju z diska',
  EMFILE: 'odprtih je preveč datotek',
  ENFILE: 'odprtih je preveč datotek',
};

/** The operating system's reason in Slovenian: by its code, or the code alone when it is not listed. */
function osReason(detail: string): string {
  const code = /^(E[A-Z]+)\b/.exec(detail)?.[1];
  if (code === undefined) return detail;
  return OS_REASONS[code] ?? code;
}

/** Whole messages. */
const SLOVENIAN: readonly Rule[] = [
  // The reason is the YAML parser's own, in English; what we add to it is translated.
  [
    /^front matter is not valid YAML: (.*?)(?: \(column (\d+)\))?(: put the value in quotes, since YAML reads ": " in it as a key)?$/s,
    (_, reason, column, quotes) =>
      `glava (front matter) ni veljaven YAML: ${reason}${column ? ` (stolpec ${column})` : ''}${
        quotes ? ': vrednost daj v narekovaje, saj YAML ": " v njej bere kot ključ' : ''
      }`,
  ],
  [/^front matter must be a YAML mapping \(key: value lines\)$/, 'glava mora biti YAML z vrsticami ključ: vrednost'],
  [
    /^front matter opened with "---" is never closed: end it with a line "---"$/,
    'glava, odprta z "---", ni zaprta: končaj jo z vrstico "---"',
  ],
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
    /^the file name cannot be a citation id \(must be letters, digits, "\.", "_" or "-" \(no spaces or "#"\)\); rename it or set "id" in the front matter$/,
    'ime datoteke ne more biti oznaka za navajanje (le črke, števke, ".", "_" ali "-", brez presledkov in "#"); preimenuj jo ali v glavi nastavi "id"',
  ],
  [
    /^not valid JSON(?: \((.*)\))?$/s,
    (_, detail?: string) => `ni veljaven JSON${detail ? ` (${slovenianJsonError(detail)})` : ''}`,
  ],
  [
    /^must be a JSON object with "id", "title", "date" and "text"$/,
    'mora biti objekt JSON z "id", "title", "date" in "text"',
  ],
  [
    /^no articles found \(expected \.md, \.txt or \.jsonl files\)$/,
    'ni člankov (pričakujem datoteke .md, .txt ali .jsonl)',
  ],
  [/^folder does not exist$/, 'mapa ne obstaja'],
  [/^cannot read the folder: (.*)$/s, (_, detail) => `mape ni mogoče prebrati: ${osReason(detail)}`],
  [/^cannot read: (.*)$/s, (_, detail) => `ni mogoče prebrati: ${osReason(detail)}`],
  [/^is not valid UTF-8 text \(save the file as UTF-8\)$/, 'ni veljavno besedilo UTF-8 (shrani datoteko kot UTF-8)'],
  // In a file, or (with its field) in a .jsonl text, where a JSON escape wrote it.
  [
    /^(?:"(.*)" )?contains the control character (U\+[0-9A-F]+); only tabs and line breaks are allowed in plain text$/,
    (_, field, codePoint) =>
      `${field ? `"${field}" ` : ''}vsebuje kontrolni znak ${codePoint}; v navadnem besedilu so dovoljeni le tabulatorji in prelomi vrstic`,
  ],
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
];

/**
 * What is wrong with one field: of the front matter (after `front matter: `, one per problem), of
 * an article's `.jsonl` line or of a check question (several joined by `; `).
 */
const SLOVENIAN_FIELDS: readonly Rule[] = [
  [
    /^unknown key "(.*)": did you mean "(.*)"\? \(known keys: (.*)\)$/s,
    'neznan ključ "$1": morda "$2"? (znani ključi: $3)',
  ],
  [/^unknown key "(.*)" \(known keys: (.*)\)$/s, 'neznan ključ "$1" (znani ključi: $2)'],
  [
    /^"title" stops at " #", as YAML reads the rest of the line as a comment: put the title in quotes$/,
    '"title" se konča pri " #", ker YAML preostanek vrstice bere kot komentar: naslov daj v narekovaje',
  ],
  [/^missing "(.*)"$/, 'manjka "$1"'],
  [/^"(.*)" must not be empty$/, '"$1" ne sme biti prazno'],
  [/^"(.*)" must be text$/, '"$1" mora biti besedilo'],
  [
    /^"(.*)" must be text \(YAML read (.*) as a (number|truth value): put it in quotes\)$/s,
    (_, field, value, reading) =>
      `"${field}" mora biti besedilo (YAML je ${value} prebral kot ${YAML_READING[reading!]}: daj ga v narekovaje)`,
  ],
  [
    /^"(.*)" must be letters, digits, "\.", "_" or "-" \(no spaces or "#"\)$/,
    '"$1" so lahko le črke, števke, ".", "_" ali "-" (brez presledkov in "#")',
  ],
  [
    /^"date" must look like YYYY-MM or YYYY-MM-DD(?: \(YAML read (.*) as a (number|truth value)\))?$/s,
    (_, value, reading) =>
      `"date" mora biti oblike YYYY-MM ali YYYY-MM-DD${value ? ` (YAML je ${value} prebral kot ${YAML_READING[reading!]})` : ''}`,
  ],
  [
    /^"(.*)" is not a date on the calendar \(month 01–12, a day the month has\)$/,
    '"$1" ni datum s koledarja (mesec 01–12, dan, ki ga mesec ima)',
  ],
  [/^"(.*)" must be a language tag such as "sl"$/, '"$1" mora biti oznaka jezika, npr. "sl"'],
  [/^"(.*)" must be an absolute URL$/, '"$1" mora biti cel spletni naslov (https://…)'],
  [
    /^"url" must be a web address starting with http:\/\/ or https:\/\/$/,
    '"url" mora biti spletni naslov, ki se začne s http:// ali https://',
  ],
  [/^"question" must be at most (\d+) characters$/, '"question" ima lahko največ $1 znakov'],
  [
    /^"expect" must be a passage id such as "article#3", or null for "should abstain"$/,
    '"expect" mora biti oznaka odlomka, npr. "clanek#3", ali null, kjer naj bot ne odgovori',
  ],
];

/**
 * The engine's reasons for refusing a JSON line (see `engine/corpus/json-reason.ts`) in Slovenian:
 * a record by reason, so a reason added there without its translation here does not compile.
 */
const SLOVENIAN_JSON_REASONS: Readonly<Record<JsonReason, string>> = {
  endOfLine: 'vrstica se konča sredi JSON',
  unexpectedCharacter: "nepričakovan znak '$1'",
  notJson: 'to ni JSON',
  unexpectedNumber: 'nepričakovano število',
  unexpectedString: 'nepričakovan niz',
  unclosedString: 'niz ni zaprt z narekovajem',
  propertyNameOrBrace: "pričakujem ime polja ali '}'",
  quotedPropertyName: 'pričakujem ime polja v dvojnih narekovajih',
  colon: "za imenom polja pričakujem ':'",
  commaOrBrace: "za vrednostjo pričakujem ',' ali '}'",
  commaOrBracket: "za elementom seznama pričakujem ',' ali ']'",
  textAfter: 'za koncem JSON je še besedilo',
  badEscape: 'neveljavno ubežno zaporedje z "\\"',
  badUnicodeEscape: 'neveljavno zaporedje "\\u"',
  controlCharacter: 'kontrolni znak v nizu: tabulator zapiši kot "\\t"',
  minusWithoutNumber: 'za minusom ni števila',
  exponentWithoutNumber: 'eksponentu manjka število',
  fractionWithoutDigits: 'decimalnemu številu manjkajo decimalke',
};

/** Each English reason as a whole-message shape (`$1` standing for the character named) with its Slovenian wording. */
const JSON_REASON_RULES: readonly Rule[] = (Object.keys(JSON_REASONS) as JsonReason[]).map((reason) => [
  new RegExp(`^${JSON_REASONS[reason].replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\$1', '(.*)')}$`, 's'),
  SLOVENIAN_JSON_REASONS[reason],
]);

/** The engine's `reason, column N` (either part may be missing) in Slovenian; a reason not known here stays as it is. */
function slovenianJsonError(detail: string): string {
  const at = /(?:^|, )column (\d+)$/.exec(detail);
  const said = at ? detail.slice(0, at.index) : detail;
  const reason = said === '' ? undefined : (translated(said, JSON_REASON_RULES) ?? said);
  return [reason, at ? `stolpec ${at[1]}` : undefined].filter((part) => part !== undefined).join(', ');
}

/** `message` by the first rule of `rules` that fits it, or undefined when none does. */
function translated(message: string, rules: readonly Rule[]): string | undefined {
  const rule = rules.find(([shape]) => shape.test(message));
  if (!rule) return undefined;
  const [shape, wording] = rule;
  // Two calls, as `replace` takes a string or a function but not a value that may be either.
  return typeof wording === 'string' ? message.replace(shape, wording) : message.replace(shape, wording);
}

/** The field problems joined in `details`, each translated, or undefined when one is not known. */
function translatedFields(details: string): string | undefined {
  const parts = details.split('; ').map((part) => translated(part, SLOVENIAN_FIELDS));
  return parts.every((part) => part !== undefined) ? parts.join('; ') : undefined;
}

/** `message` in Slovenian, or as the engine wrote it when its shape is not known here. */
function slovenian(message: string): string {
  const frontMatter = /^front matter: (.*)$/s.exec(message);
  if (frontMatter) return `glava: ${translatedFields(frontMatter[1]!) ?? frontMatter[1]!}`;
  return translated(message, SLOVENIAN) ?? translatedFields(message) ?? message;
}

/** One problem as one line: `file:line: message` in English, `file, vrstica N: sporočilo` in Slovenian. */
export function problemText(problem: CorpusProblem, locale: Locale): string {
  if (locale === 'en') return formatProblem(problem);
  const where = problem.line === undefined ? problem.file : `${problem.file}, vrstica ${problem.line}`;
  return `${where}: ${slovenian(problem.message)}`;
}
