/**
 * Answers and passages as Discord messages. The quote is the passage text verbatim: Markdown in
 * it is escaped so it shows as written, then our own marks are added around it (bold for words
 * that matched, underline for the best sentence). Every size is fitted to `LIMITS`, cutting the
 * raw text at a word and re-rendering, so a cut never splits an escape or a mark.
 */
import { escapeMarkdown, type APIEmbed } from 'discord.js';
import type { Answer, CorpusDiff, CorpusInfo, Passage, RankedPassage, Span } from '../engine/types.ts';
import { formatProblem, type CorpusError } from '../engine/corpus/corpus-error.ts';
import type { SkippedFile } from '../engine/corpus/list-files.ts';
import { LIMITS, PRODUCT } from './limits.ts';
import { t, type Locale } from './i18n.ts';
import { ELLIPSIS, fitLines, largestFitting, truncateAtWord, wordEnds } from './truncate.ts';

/** Nothing the bot sends may ping: not echoed `@everyone`, roles, users, nor a reply's author. */
export const NO_MENTIONS = { parse: [], repliedUser: false } satisfies { parse: []; repliedUser: boolean };

/** The parts of a message every face of the bot sends (reply, edit, follow-up, channel reply). */
export interface BotMessage {
  content?: string;
  embeds: APIEmbed[];
}

/**
 * What discord.js gets for a `BotMessage`, wherever it is sent: the one place mentions are turned
 * off. `content` is always set, so an edit that replaces content with embeds clears the old text.
 */
export function toPayload(message: BotMessage): { content: string; embeds: APIEmbed[]; allowedMentions: typeof NO_MENTIONS } {
  return { content: message.content ?? '', embeds: message.embeds, allowedMentions: NO_MENTIONS };
}

export const COLORS = { answer: 0x2e7d4f, related: 0x8a8f98, info: 0x3b6fb6, error: 0xb3261e } as const;

/** A private-use character: never in an article, and no Markdown rule looks at it. */
const LESS_THAN_STAND_IN = '\uE000';

/**
 * Escapes text so Discord shows it literally. `escapeMarkdown` covers emphasis, code, spoilers,
 * headings and lists; we add what it leaves alone: `<…>` (mentions, timestamps), every bracket (a link can be
 * split by one of our marks, which its link rule would miss), block quotes and `-#` subtext.
 */
export function escapeQuoted(text: string): string {
  // `escapeMarkdown` leaves `_` alone after a `<:` (it takes it for a custom emoji); we escape
  // every `<`, so hide them from it first.
  const hidden = text.replaceAll('<', LESS_THAN_STAND_IN);
  return escapeMarkdown(hidden, { heading: true, bulletedList: true, numberedList: true })
    .replace(/[[\]]/g, (c) => `\\${c}`)
    .replaceAll(LESS_THAN_STAND_IN, '\\<')
    .replace(/^(\s*)(>|-#)/gm, '$1\\$2');
}

/** The citation: paragraph number, document title, date and passage id. */
export function citation(passage: Passage, locale: Locale): string {
  // A long title is cut so the id at the end always shows and three citations leave room for quotes.
  const parts = [`${t(locale).paragraph} ${passage.paragraph}`, truncateAtWord(passage.title, PRODUCT.citationTitleMax)];
  if (passage.date) parts.push(passage.date);
  parts.push(passage.id);
  return parts.join(' · ');
}

/** Shrinks a span to its non-space characters, so marks hug words (`** x**` does not render). */
function hug(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

interface Marks {
  highlights: Span[];
  /** Underlined only when it is a real part of the passage, not all of it. */
  best: Span | null;
}

function marksOf(text: string, ranked: Pick<RankedPassage, 'highlights' | 'bestSentence'> | null): Marks {
  if (!ranked) return { highlights: [], best: null };
  const best = hug(text, ranked.bestSentence);
  const whole = hug(text, { start: 0, end: text.length });
  const useBest = best.end > best.start && (best.start > whole.start || best.end < whole.end);
  // Touching highlights merge, else `**a****b**` would print stars.
  const highlights: Span[] = [];
  for (const h of [...ranked.highlights].sort((a, b) => a.start - b.start).map((h) => hug(text, h))) {
    if (h.end <= h.start) continue;
    const last = highlights[highlights.length - 1];
    if (last && h.start <= last.end) last.end = Math.max(last.end, h.end);
    else highlights.push({ ...h });
  }
  return { highlights, best: useBest ? best : null };
}

/**
 * Markdown for `text[from, to)` with the marks clipped to that window, and `…` where the window
 * leaves text out. Underline is the outer mark and bold the inner one, split at the sentence's
 * edges so they always nest.
 */
function markup(text: string, marks: Marks, from: number, to: number): string {
  const events: { at: number; mark: string; rank: number }[] = [];
  const add = (span: Span, mark: string, open: number, close: number) => {
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, to);
    if (end <= start) return;
    events.push({ at: start, mark, rank: open }, { at: end, mark, rank: close });
  };
  const best = marks.best;
  if (best) add(best, '__', 1, -1);
  for (const h of marks.highlights) {
    const cuts = best ? [h.start, ...[best.start, best.end].filter((c) => c > h.start && c < h.end), h.end] : [h.start, h.end];
    for (let i = 0; i + 1 < cuts.length; i++) add(hug(text, { start: cuts[i]!, end: cuts[i + 1]! }), '**', 2, -2);
  }
  // At one offset: inner closes, then outer closes, then outer opens, then inner opens.
  events.sort((a, b) => a.at - b.at || a.rank - b.rank);
  let out = from > 0 ? `${ELLIPSIS} ` : '';
  let cursor = from;
  for (const e of events) {
    out += escapeQuoted(text.slice(cursor, e.at)) + e.mark;
    cursor = e.at;
  }
  out += escapeQuoted(text.slice(cursor, to));
  return to < text.trimEnd().length ? `${out.trimEnd()} ${ELLIPSIS}` : out;
}

/**
 * The marked-up quote in at most `max` characters. A quote that does not fit keeps its start
 * when the best sentence still fits after it; else it starts as early as leaves the best
 * sentence a quarter of the room for what follows. The end is then cut at the last word that fits.
 */
export function renderQuote(text: string, ranked: Pick<RankedPassage, 'highlights' | 'bestSentence'> | null, max: number): string {
  const marks = marksOf(text, ranked);
  const full = markup(text, marks, 0, text.length);
  if (full.length <= max) return full;
  let from = 0;
  const best = marks.best;
  if (best && markup(text, marks, 0, best.end).length > max) {
    // Word starts from the sentence back to the passage start: the rendering grows along the list.
    const starts = [...wordStarts(text, best.start), best.start].filter((s, i, all) => s <= best.start && all.indexOf(s) === i).sort((a, b) => b - a);
    from = largestFitting(starts, (start) => markup(text, marks, start, best.end), Math.floor((max * 3) / 4)) ?? best.start;
  }
  const ends = wordEnds(text, from).filter((e) => e > from);
  const to = largestFitting(ends, (end) => markup(text, marks, from, end), max);
  return to === undefined ? ELLIPSIS : markup(text, marks, from, to);
}

/** Offsets where a word starts, up to `until`. */
function wordStarts(text: string, until: number): number[] {
  const starts: number[] = [];
  const re = /(?<=^|\s)\S/g;
  for (let m = re.exec(text); m && m.index <= until; m = re.exec(text)) starts.push(m.index);
  return starts;
}

/** Splits `budget` between wishes, smallest first, so short quotes leave their share to long ones. */
export function shareBudget(wants: readonly number[], budget: number, cap: number): number[] {
  const grants = wants.map(() => 0);
  const order = wants.map((w, i) => ({ w, i })).sort((a, b) => a.w - b.w);
  let left = Math.max(0, budget);
  order.forEach(({ w, i }, k) => {
    const fair = Math.floor(left / (order.length - k));
    grants[i] = Math.min(w, fair, cap);
    left -= grants[i]!;
  });
  return grants;
}

/** Characters Discord counts toward the 6000 embed total. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Content plus every embed's counted text: what our "6000 per message" rule measures. */
export function messageLength(message: Pick<BotMessage, 'content' | 'embeds'>): number {
  return (message.content?.length ?? 0) + message.embeds.reduce((n, e) => n + embedLength(e), 0);
}

interface QuoteCard {
  text: string;
  ranked: Pick<RankedPassage, 'highlights' | 'bestSentence'> | null;
  passage: Passage;
  color: number;
}

/** Embeds for passages, their quotes sharing what the message has left after content and citations. */
function cards(items: QuoteCard[], content: string, locale: Locale): APIEmbed[] {
  const frames = items.map(({ passage, color }) => {
    const embed: APIEmbed = { color, footer: { text: truncateAtWord(citation(passage, locale), LIMITS.embedFooter) } };
    if (passage.heading) embed.author = { name: truncateAtWord(passage.heading, LIMITS.embedAuthor) };
    return embed;
  });
  const fixed = content.length + frames.reduce((n, e) => n + embedLength(e), 0);
  const wants = items.map(({ text, ranked }) => renderQuote(text, ranked, Number.MAX_SAFE_INTEGER).length);
  const grants = shareBudget(wants, LIMITS.messageTotal - fixed, LIMITS.embedDescription);
  return frames.map((embed, i) => ({ ...embed, description: renderQuote(items[i]!.text, items[i]!.ranked, grants[i]!) }));
}

/**
 * A cited answer, or "not answered" with the closest passages as maybe related. Shows the
 * passages it is given (the caller asked the engine for as many as it wants, e.g. `--limit 5`),
 * one embed each, as far as Discord allows embeds in one message.
 */
export function renderAnswer(answer: Answer, locale: Locale): BotMessage {
  const text = t(locale);
  const passages = answer.passages.slice(0, LIMITS.embedsPerMessage);
  if (passages.length === 0) return { content: text.nothing, embeds: [] };
  const content = answer.answered ? '' : `${text.notAnswered} ${text.maybeRelated}`;
  const color = answer.answered ? COLORS.answer : COLORS.related;
  const embeds = cards(
    passages.map((r) => ({ text: r.passage.text, ranked: r, passage: r.passage, color })),
    content,
    locale,
  );
  return content ? { content, embeds } : { embeds };
}

/** One passage in full (as far as Discord allows) with its citation. */
export function renderPassage(passage: Passage, locale: Locale): BotMessage {
  return { embeds: cards([{ text: passage.text, ranked: null, passage, color: COLORS.info }], '', locale) };
}

/** A plain notice (errors, refusals, cooldown): content only, cut to the content limit. */
export function renderNotice(message: string): BotMessage & { content: string } {
  return { content: truncateAtWord(message, LIMITS.content), embeds: [] };
}

/** Autocomplete choices: the id as value, the id and the passage's first words as name. */
export function passageChoices(passages: readonly Passage[]): { name: string; value: string }[] {
  return passages
    .filter((p) => p.id.length > 0 && p.id.length <= LIMITS.choiceValue)
    .slice(0, LIMITS.choices)
    .map((p) => ({ name: truncateAtWord(`${p.id} — ${p.text.replace(/\s+/g, ' ').trim()}`, LIMITS.choiceName), value: p.id }));
}

/** Documents, passage count, version and load time of the live corpus. */
export function renderAbout(info: CorpusInfo, locale: Locale): BotMessage {
  const text = t(locale);
  const lines = info.documents.map((d) => `• ${escapeQuoted(d.title)}${d.date ? ` (${d.date})` : ''} — ${text.passagesOf(d.passages)}`);
  const embed: APIEmbed = {
    title: text.aboutTitle,
    color: COLORS.info,
    description: fitLines(lines, LIMITS.embedDescription, text.more),
    fields: [
      { name: text.aboutPassages, value: String(info.passageCount), inline: true },
      { name: text.aboutVersion, value: `\`${info.version}\``, inline: true },
      // A Discord timestamp shows in each reader's own time zone and language.
      { name: text.aboutLoadedAt, value: `<t:${Math.floor(info.loadedAt.getTime() / 1000)}:f>`, inline: true },
    ],
  };
  return { embeds: [embed] };
}

/**
 * What a successful reload changed, ids listed as far as a field holds them, and the files in
 * the folder it did not read (a moderator who dropped in a `.docx` learns why nothing changed).
 */
export function renderReloadDiff(diff: CorpusDiff & { skipped?: SkippedFile[] }, locale: Locale): BotMessage {
  const text = t(locale);
  const skipped = diff.skipped ?? [];
  const skippedField = {
    name: `${text.reloadSkipped}: ${skipped.length}`,
    value: fitLines(
      skipped.map((s) => `${escapeQuoted(s.file)} — ${text.skippedReason(s.reason)}`),
      LIMITS.embedFieldValue,
      text.more,
    ),
  };
  const skippedFields = skipped.length > 0 ? [skippedField] : [];
  if (diff.added.length + diff.removed.length + diff.changed.length === 0 && diff.oldVersion === diff.newVersion) {
    return { embeds: [{ title: text.reloadDone, color: COLORS.info, description: text.reloadUnchanged(diff.newVersion), ...(skipped.length > 0 ? { fields: skippedFields } : {}) }] };
  }
  const field = (name: string, ids: string[]) => ({
    name: `${name}: ${ids.length}`,
    value: ids.length === 0 ? '—' : fitLines(ids.map((id) => escapeQuoted(id)), LIMITS.embedFieldValue, text.more),
  });
  return {
    embeds: [
      {
        title: text.reloadDone,
        color: COLORS.answer,
        description: text.reloadVersion(diff.oldVersion, diff.newVersion),
        fields: [field(text.reloadAdded, diff.added), field(text.reloadRemoved, diff.removed), field(text.reloadChanged, diff.changed), ...skippedFields],
      },
    ],
  };
}

/** A failed reload: every corpus problem a moderator has to fix, and the reassurance that answers go on. */
export function renderReloadError(error: CorpusError, locale: Locale): BotMessage {
  const text = t(locale);
  const lines = error.problems.map((p) => escapeQuoted(formatProblem(p)));
  return {
    embeds: [{ title: text.reloadFailed, color: COLORS.error, description: fitLines(lines.map((l) => `• ${l}`), LIMITS.embedDescription, text.more) }],
  };
}

/** The help text, naming the Q&A channels when there are any. */
export function renderHelp(locale: Locale, qaChannelIds: readonly string[]): BotMessage {
  const text = t(locale);
  const lines = [...text.help, '', text.helpChannel];
  if (qaChannelIds.length > 0) lines.push(text.helpQaChannels(qaChannelIds.map((id) => `<#${id}>`).join(', ')));
  return { embeds: [{ title: text.helpTitle, color: COLORS.info, description: fitLines(lines, LIMITS.embedDescription) }] };
}
