/**
 * The bot's Discord messages in text form, for the console face and `npm run ask`: the same
 * renderer decides what an answer shows (passages, marks, cuts, citations), this only turns its
 * Markdown into terminal text. In a terminal, bold stays bold and the best sentence is
 * underlined; in plain text (pipes, files) the marks are dropped so the quote reads verbatim, and
 * the best sentence follows on a line of its own.
 */
import type { APIEmbed } from 'discord.js';

export interface TextOptions {
  /** ANSI bold and underline (for terminals). */
  color?: boolean;
  /** Label of the best-sentence line in plain text. */
  bestSentenceLabel?: string;
}

const ANSI = { bold: ['\u001b[1m', '\u001b[22m'], underline: ['\u001b[4m', '\u001b[24m'] } as const;

interface Unmarked {
  text: string;
  /** The underlined (best-sentence) text, marks removed. */
  underlined: string;
}

/**
 * Reads our own Markdown subset: `\x` is a literal x, `**` toggles bold, `__` toggles underline.
 * (The renderer escapes every other Markdown character in quoted text.)
 */
function unmark(markdown: string, color: boolean): Unmarked {
  let text = '';
  let underlined = '';
  let bold = false;
  let under = false;
  for (let i = 0; i < markdown.length; i++) {
    const ch = markdown[i]!;
    const pair = markdown.slice(i, i + 2);
    if (ch === '\\' && i + 1 < markdown.length) {
      text += markdown[++i];
      if (under) underlined += markdown[i];
    } else if (pair === '**' || pair === '__') {
      const isBold = pair === '**';
      if (isBold) bold = !bold;
      else under = !under;
      if (color) text += (isBold ? ANSI.bold : ANSI.underline)[(isBold ? bold : under) ? 0 : 1];
      i++;
    } else {
      text += ch;
      if (under) underlined += ch;
    }
  }
  return { text, underlined };
}

/**
 * One embed as a block: an answer card (one with a citation footer) reads citation first, then
 * its section heading, the quote in „…“ and, in plain text, the best sentence; other embeds read
 * title, description and fields in order.
 */
function embedText(embed: APIEmbed, n: number, options: TextOptions): string {
  const color = options.color ?? false;
  const lines: string[] = [];
  const card = Boolean(embed.footer?.text);
  if (card) lines.push(`[${n}] ${embed.footer!.text}`);
  if (embed.title) lines.push(unmark(embed.title, color).text);
  if (embed.author?.name) lines.push(card ? `    § ${embed.author.name}` : embed.author.name);
  if (embed.description) {
    const { text, underlined } = unmark(embed.description, color);
    lines.push(card ? `    „${text}“` : text);
    if (card && !color && underlined.trim() !== '') lines.push(`    ${options.bestSentenceLabel ?? '▸'}: „${underlined.trim()}“`);
  }
  for (const field of embed.fields ?? []) lines.push(`${unmark(field.name, color).text}: ${unmark(field.value, color).text}`);
  return lines.join('\n');
}

/** A whole message (content, then each embed) as text blocks separated by blank lines. */
export function messageToText(message: { content?: string; embeds: APIEmbed[] }, options: TextOptions = {}): string {
  const blocks: string[] = [];
  if (message.content) blocks.push(unmark(message.content, options.color ?? false).text);
  message.embeds.forEach((embed, i) => blocks.push(embedText(embed, i + 1, options)));
  return blocks.join('\n\n');
}
