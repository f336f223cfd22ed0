/**
 * Why a line of a `.jsonl` corpus file is not JSON, in the bot's own words with a 1-based column.
 * `JSON.parse` says it in V8's words with a 0-based position (`Expected ',' or '}' after property
 * value in JSON at position 16`): a moderator counting columns in an editor was one off, and the
 * Slovenian report (which translates these reasons, see `view/corpus-problems.ts`) said another
 * column than the English one.
 */

/** The reasons the bot gives, in English; `$1` is the character V8 named. */
export const JSON_REASONS = {
  endOfLine: 'the line ends in the middle of the JSON',
  unexpectedCharacter: "unexpected character '$1'",
  notJson: 'this is not JSON',
  unexpectedNumber: 'unexpected number',
  unexpectedString: 'unexpected string',
  unclosedString: 'a string is not closed with a quote',
  propertyNameOrBrace: "expected a property name or '}'",
  quotedPropertyName: 'expected a property name in double quotes',
  colon: "expected ':' after a property name",
  commaOrBrace: "expected ',' or '}' after a value",
  commaOrBracket: "expected ',' or ']' after a list element",
  textAfter: 'more text after the end of the JSON',
  badEscape: 'a bad escape with "\\"',
  badUnicodeEscape: 'a bad "\\u" escape',
  controlCharacter: 'a control character in a string: write a tab as "\\t"',
  minusWithoutNumber: 'no number after a minus sign',
  exponentWithoutNumber: 'an exponent without a number',
  fractionWithoutDigits: 'a decimal number without digits after the point',
} as const;

export type JsonReason = keyof typeof JSON_REASONS;

/** V8's reasons (Node 20 and later, the position cut off) → the bot's. */
const V8_REASONS: readonly (readonly [RegExp, JsonReason])[] = [
  [/^Unexpected end of JSON input$/, 'endOfLine'],
  // The character is the shortest text before `', "` (or `', ..."`, V8 shortening a long line):
  // the quoted line may hold `', ` too.
  [/^Unexpected token '(.+?)', (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, 'unexpectedCharacter'],
  [/^".*" is not valid JSON$/s, 'notJson'],
  [/^Unexpected number$/, 'unexpectedNumber'],
  [/^Unexpected string$/, 'unexpectedString'],
  [/^Unterminated string$/, 'unclosedString'],
  [/^Expected property name or '}'$/, 'propertyNameOrBrace'],
  [/^Expected double-quoted property name$/, 'quotedPropertyName'],
  [/^Expected ':' after property name$/, 'colon'],
  [/^Expected ',' or '}' after property value$/, 'commaOrBrace'],
  [/^Expected ',' or ']' after array element$/, 'commaOrBracket'],
  [/^Unexpected non-whitespace character after JSON$/, 'textAfter'],
  [/^Bad escaped character$/, 'badEscape'],
  [/^Bad Unicode escape$/, 'badUnicodeEscape'],
  [/^Bad control character in string literal$/, 'controlCharacter'],
  [/^No number after minus sign$/, 'minusWithoutNumber'],
  [/^Exponent part is missing a number$/, 'exponentWithoutNumber'],
  [/^Unterminated fractional number$/, 'fractionWithoutDigits'],
];

/** The message of a line `JSON.parse` refused: `not valid JSON (reason, column N)`, either part left out when unknown. */
export function notValidJson(error: unknown, line: string): string {
  const said = error instanceof Error ? error.message : String(error);
  // Node 22 adds "(line 1 column 17)" after the position: the position alone is enough.
  const at = /(?: in JSON)? at position (\d+)(?: \(line \d+ column \d+\))?$/.exec(said);
  const shape = at ? said.slice(0, at.index) : said;
  const known = V8_REASONS.find(([pattern]) => pattern.test(shape));
  // V8's reason left out when it is not known here (a newer Node worded it anew): the column still says where.
  const reason = known ? shape.replace(known[0], JSON_REASONS[known[1]]) : undefined;
  // Counted in characters as an editor counts them: V8 counts UTF-16 units, two for an emoji.
  const column = at ? [...line.slice(0, Number(at[1]))].length + 1 : undefined;
  const details = [reason, column === undefined ? undefined : `column ${column}`].filter((d) => d !== undefined);
  return details.length > 0 ? `not valid JSON (${details.join(', ')})` : 'not valid JSON';
}
