/**
 * Question cleaning: what people paste into Discord besides their question. Mentions of users,
 * roles and channels, `@everyone`/`@here` and other `@names`, custom emoji, timestamps, command
 * mentions, links and Markdown marks say nothing about what is asked, yet their digits and letters
 * would otherwise become search words ("<@123>" → "123"). Each is blanked out with spaces of the
 * same length, so offsets into the cleaned text are offsets into the question as written.
 */

const DISCORD_SYNTAX = [
  // <@123> <@!123> <@&123> <#123> </command:123> <:name:123> <a:name:123> <t:123> <t:123:R>
  /<(?:@[!&]?\d+|#\d+|\/[\w -]+:\d+|a?:\w+:\d+|t:-?\d+(?::[tTdDfFR])?)>/g,
  /@(?:everyone|here)\b/g,
  // Links, with or without the angle brackets that suppress an embed.
  /<?\b(?:https?:\/\/|www\.)[^\s>]+>?/gi,
  // A name typed after @ where Discord made no mention of it ("@Odlomek", pasted or in the
  // console) addresses someone; it is not part of the question. Not the middle of an e-mail
  // address or a path ("youtube.com/@kanal"), and not a full stop after the name.
  /(?<![\p{L}\p{N}_./])@[\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*/gu,
  // Emoji short codes as typed (":smile:").
  /:[a-z0-9_+-]{2,}:/gi,
];

/** Markdown marks: bold, italics, underline, strike-through, spoilers, code, quotes, headings, lists. */
const MARKDOWN = [
  // A code block's opening fence with its language ("```sql" before a line break) is no question word.
  /```[\w+-]*(?=\r?\n)/g,
  /\*+|~~|\|\||`+/g,
  /(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu,
  /^[ \t]*(?:>>>|>|-#|#{1,3}|[-*+])[ \t]/gm,
];

/**
 * A signature after the question ("… sporazum? Hvala, Ana", "lp Miha", "lep pozdrav, jan"): a
 * chat message's sign-off and the writer's name, which the question does not ask about (read as
 * a name the passage lacks, it turned right answers into "not said"). After a sign-off word that
 * only ever ends a message (lp, lep pozdrav) any one or two words; after thanks only names (capital
 * first), as "hvala za odgovor" is thanks, not a signature. Only at the end, after the question's
 * own end (?, !, ., a comma or a line break).
 */
const SIGN_OFFS = ['lp', 'lpp', 'lep pozdrav', 'lepo pozdravljeni', 'pozdrav', 'best', 'cheers'];
const THANKS = ['hvala', 'hvala lepa', 'hvala vnaprej', 'najlepša hvala', 'thanks', 'thx', 'tnx', 'ty'];
/** `words` in any case ("Lp", "LEP POZDRAV"), any spacing between them; the name after them keeps its case. */
const anyCase = (words: string[]) =>
  words
    .map((w) => w.replace(/\p{L}/gu, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`).replace(/ /g, String.raw`\s+`))
    .join('|');
/**
 * One or two words after a sign-off; names only after thanks. Each word starts with a letter, so
 * no two parts of the pattern can take the same characters (on a long run of dashes or spaces,
 * overlapping parts made the engine try every split: seconds per message).
 */
const word = String.raw`\p{L}[\p{L}-]*`;
const name = String.raw`\p{Lu}[\p{L}-]*`;
const SIGNATURE = new RegExp(
  String.raw`(?<=[?!.,\n])\s*(?:(?:${anyCase(SIGN_OFFS)})[\s,.:;-]*${word}(?:\s+${word})?` +
    String.raw`|(?:${anyCase(THANKS)})[\s,.:;-]*${name}(?:\s+${name})?)[\s.!]*$`,
  'u',
);
/** How far from the end a signature is looked for: a sign-off and a name or two, with room to spare. */
const SIGNATURE_REACH = 80;

/** A masked link `[text](url)` keeps its text. */
// No "[" inside the label: on a run of "[" every start would read to the end (6 000 took 16 ms).
const MASKED_LINK = /\[([^[\]\n]*)\]\((?:[^()\s[\]]+)\)/g;

const blank = (match: string) => ' '.repeat(match.length);

/** The question with Discord syntax, links and Markdown replaced by spaces (same length). */
export function cleanQuestion(question: string): string {
  let text = question.replace(
    MASKED_LINK,
    (match, label: string) => ` ${label}${' '.repeat(match.length - label.length - 1)}`,
  );
  for (const pattern of DISCORD_SYNTAX) text = text.replace(pattern, blank);
  for (const pattern of MARKDOWN) text = text.replace(pattern, blank);
  return withoutSignature(text);
}

/** `text` with its signature (see `SIGNATURE`) blanked, unless nothing but the signature has letters. */
function withoutSignature(text: string): string {
  const found = signatureIn(text);
  return found ? text.slice(0, found.at) + blank(found.text) + text.slice(found.at + found.text.length) : text;
}

/** `question` without its signature ("zakaj pa? lp, Ana" → "zakaj pa?"), for putting another question after it. */
export function beforeSignature(question: string): string {
  const found = signatureIn(question);
  return found ? question.slice(0, found.at).trimEnd() : question;
}

/** Where `text`'s signature is, if it has one and something else has letters. */
function signatureIn(text: string): { at: number; text: string } | undefined {
  const from = Math.max(0, text.length - SIGNATURE_REACH);
  const found = SIGNATURE.exec(text.slice(from));
  if (!found) return undefined;
  const at = from + found.index;
  // "<@bot>, lp Ana" is all signature: left as it is, it is at least asked.
  return /[\p{L}\p{N}]/u.test(text.slice(0, at)) ? { at, text: found[0] } : undefined;
}

/**
 * The question as a person would retell it: mentions, custom emoji, timestamps and links left
 * out (they show as raw ids, `<@123…>`, where no client renders them), its words and Markdown as
 * typed, on one line. For showing a question back (an answer's title), not for searching.
 */
export function questionAsTyped(question: string): string {
  let text = question;
  for (const pattern of DISCORD_SYNTAX) text = text.replace(pattern, ' ');
  return text.replace(/\s+/g, ' ').trim();
}

/** True when nothing searchable is left: no letter or digit. */
export function isEmptyQuestion(cleaned: string): boolean {
  return !/[\p{L}\p{N}]/u.test(cleaned);
}
