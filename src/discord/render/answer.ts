/**
 * Answers and passages as Discord messages. An answer is one embed that reads at a glance on a
 * phone: the question as its title (linking to the article when it has an address), the article
 * once in the author line, one short quote around the best sentence, the other passages named in
 * one line, a short citation in the footer, and the buttons below.
 */
import type { APIEmbed } from 'discord.js';
import { questionAsTyped, type Answer, type Passage } from '../../engine/index.ts';
import { quoteOf } from '../../view/quote.ts';
import { articleLine, paragraphMark, shortCitation } from '../../view/citation.ts';
import {
  LEAD_QUOTE_CHARS,
  RELATED_QUOTE_CHARS,
  leadAnswerView,
  webAddress,
  type LeadAnswerView,
  type WindowedQuote,
} from '../../view/lead-answer.ts';
import type { Locale } from '../../view/strings.ts';
import { truncateAtWord, truncateMiddle } from '../../view/truncate.ts';
import { LIMITS } from '../limits.ts';
import { discordStrings } from '../strings.ts';
import { answerButtons, type ButtonsFor } from './buttons.ts';
import { COLORS } from './colors.ts';
import { escapeQuoted, quoteMarkdown, quoteSpanMarkdown } from './markdown.ts';
import type { BotMessage } from './payload.ts';

export interface AnswerRenderOptions {
  /** Which ranked passage leads (0 = the best). */
  page?: number;
  /** The stored answer the buttons act on; no buttons without it. */
  buttons?: ButtonsFor;
  /** The registered id of `/help`: the line of an answer that found nothing then links to it. */
  helpCommandId?: string;
}

const LEVEL_COLOR = { clear: COLORS.answer, closest: COLORS.closest, none: COLORS.related } as const;

/** An answer as one embed (or one line when nothing in the article relates), with its buttons. */
export function renderAnswer(answer: Answer, locale: Locale, options: AnswerRenderOptions = {}): BotMessage {
  const { view, embed } = answerEmbed(answer, locale, options.page ?? 0);
  // Nothing relates: one line, with what to try next (a dead end otherwise); small talk is told
  // what the bot is for, which is what to try.
  if (!embed) {
    // A call for help is also pointed to /help, which lists every command.
    const help = options.helpCommandId ? `</help:${options.helpCommandId}>` : '/help';
    const next =
      answer.smallTalk === 'chat'
        ? ''
        : answer.smallTalk === 'help'
          ? discordStrings(locale).helpNext(help)
          : discordStrings(locale).nothingNext(help);
    return { content: `${view.notice ?? ''} ${next}`.trim(), embeds: [] };
  }
  return { embeds: [embed], components: options.buttons ? [answerButtons(view, options.buttons, locale)] : [] };
}

interface RenderedPage {
  view: LeadAnswerView;
  /** Null when nothing in the article relates (the answer is then one line). */
  embed: APIEmbed | null;
}

/**
 * Each answer's embeds, by language and page. The engine hands out the same answer object for a
 * question asked again (its memory of recent questions), and the embed depends on nothing else,
 * so a popular question is rendered once, not on every asking: under a burst of repeated
 * questions rendering was a tenth of each answer's time. Only the buttons (which carry the
 * stored answer's key) are made per message. Kept as long as the answer object lives.
 */
const renderedPages = new WeakMap<Answer, Map<string, RenderedPage>>();

/** The embed of `answer` on `page` in `locale`: shared between messages, so frozen against changes. */
function answerEmbed(answer: Answer, locale: Locale, page: number): RenderedPage {
  let pages = renderedPages.get(answer);
  if (!pages) renderedPages.set(answer, (pages = new Map()));
  const key = `${locale} ${page}`;
  let rendered = pages.get(key);
  if (!rendered) pages.set(key, (rendered = renderPage(answer, locale, page)));
  return rendered;
}

function renderPage(answer: Answer, locale: Locale, page: number): RenderedPage {
  const view = leadAnswerView(answer, locale, page);
  if (!view.lead && view.related.length === 0) return { view, embed: null };
  const embed: APIEmbed = {
    // The level (green: answered) is the bot's word on its best passage; paged to another, the
    // member reads one of the other passages, which it vouches for no more than "maybe related".
    color: view.page === 0 ? LEVEL_COLOR[view.level] : COLORS.related,
    title: questionTitle(view.question),
    description: description(view, locale),
  };
  if (view.url) embed.url = view.url;
  const footer = footerText(view);
  if (footer) embed.footer = Object.freeze({ text: footer });
  return { view, embed: Object.freeze(embed) };
}

/** Passages shown whole (a paragraph's parts, or one passage), as far as an embed holds them. */
export function renderPassages(parts: readonly Passage[], locale: Locale): BotMessage {
  const first = parts[0];
  if (!first) return { embeds: [] };
  const text = parts.map((p) => p.text.trim()).join(' ');
  const embed: APIEmbed = {
    color: COLORS.info,
    description: quoteMarkdown(quoteOf(text, null), LIMITS.embedDescription),
    // Like an answer's: where the text is from, then the article, named once.
    footer: {
      text: truncateAtWord(
        [...parts.map((p) => shortCitation(p, locale)), articleLine(first)].join(' · '),
        LIMITS.embedFooter,
      ),
    },
  };
  const url = webAddress(first.url);
  if (url) embed.url = url;
  if (first.heading) embed.title = truncateAtWord(escapeQuoted(first.heading), LIMITS.embedTitle);
  return { embeds: [embed] };
}

/** One passage in full with its citation (`/passage`). */
export function renderPassage(passage: Passage, locale: Locale): BotMessage {
  return renderPassages([passage], locale);
}

/**
 * The question as the embed's title: as typed (mentions and links left out), escaped, cut in the
 * middle at words to fit, since the question itself often ends a long message.
 */
function questionTitle(question: string): string {
  const oneLine = questionAsTyped(question);
  let room = LIMITS.embedTitle;
  for (;;) {
    const title = escapeQuoted(truncateMiddle(oneLine, room));
    if (title.length <= LIMITS.embedTitle) return title;
    room -= title.length - LIMITS.embedTitle;
  }
}

function description(view: LeadAnswerView, locale: Locale): string {
  const strings = discordStrings(locale);
  const blocks: string[] = [];
  if (view.notice) blocks.push(`*${escapeQuoted(view.notice)}*`);
  if (view.lead) blocks.push(quoteSpanMarkdown(view.lead.quote, view.lead.window, LEAD_QUOTE_CHARS));
  for (const related of view.related) blocks.push(relatedBlock(related));
  const text = blocks.join('\n\n');
  if (view.others.length === 0) return text;
  // Right under the quote (no blank line): it belongs to it, and a phone has no line to spare.
  // Another article's passage by its id: "¶ 3" alone would read as the lead article's ¶ 3.
  const lead = view.lead?.passage;
  const marks = [
    ...new Set(view.others.map((p) => (lead && p.doc !== lead.doc ? escapeQuoted(p.id) : paragraphMark(p, locale)))),
  ];
  return `${text}\n${strings.also} ${marks.join(' · ')}`;
}

/** A related passage under "not said": its quote plain, then where it is from. */
function relatedBlock(related: WindowedQuote): string {
  return `${quoteSpanMarkdown(related.quote, related.window, RELATED_QUOTE_CHARS)}\n${escapeQuoted(related.citation)}`;
}

/**
 * `¶ 8 · putin-kim-2024-06#8 · 2/3 · Title · 2024-06`: the lead's short citation, the page when
 * there are passages to page through, then the article, named once. The footer's small type
 * takes the article's long title in fewer lines than an author line would.
 */
function footerText(view: LeadAnswerView): string | null {
  const parts: string[] = [];
  if (view.lead) parts.push(view.lead.citation);
  if (view.lead && view.pages > 1) parts.push(`${view.page + 1}/${view.pages}`);
  // "Not said" shows its first related passages at once: "1–2/5", so that "3/5" follows it.
  const shown = view.related.length;
  if (!view.lead && shown > 0 && view.pages > shown) parts.push(`${shown === 1 ? '1' : `1–${shown}`}/${view.pages}`);
  if (view.article) parts.push(view.article);
  return parts.length > 0 ? truncateAtWord(parts.join(' · '), LIMITS.embedFooter) : null;
}
