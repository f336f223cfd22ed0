/**
 * Answers and single passages as Discord messages: one embed per passage (citation in the
 * footer, section heading as author, the marked quote as description), the quotes sharing what
 * the message has left once content and citations are counted.
 */
import type { APIEmbed } from 'discord.js';
import type { Answer, Passage } from '../../engine/index.ts';
import { answerView, passageView, type PassageCard } from '../../view/answer-view.ts';
import { quoteWindow } from '../../view/quote.ts';
import type { Locale } from '../../view/strings.ts';
import { truncateAtWord } from '../../view/truncate.ts';
import { LIMITS } from '../limits.ts';
import { embedLength, shareBudget } from './budget.ts';
import { COLORS } from './colors.ts';
import { quoteMarkdown, windowMarkdown } from './markdown.ts';
import type { BotMessage } from './payload.ts';

/**
 * A cited answer, or "not answered" with the closest passages as maybe related. Shows the
 * passages it is given (the caller asked the engine for as many as it wants), one embed each, as
 * far as Discord allows embeds in one message.
 */
export function renderAnswer(answer: Answer, locale: Locale): BotMessage {
  const view = answerView(answer, locale);
  const cards = view.cards.slice(0, LIMITS.embedsPerMessage);
  const content = view.notice ?? '';
  if (cards.length === 0) return { content, embeds: [] };
  const embeds = cardEmbeds(cards, view.answered ? COLORS.answer : COLORS.related, content);
  return content ? { content, embeds } : { embeds };
}

/** One passage in full (as far as Discord allows) with its citation. */
export function renderPassage(passage: Passage, locale: Locale): BotMessage {
  return { embeds: cardEmbeds([passageView(passage, locale)], COLORS.info, '') };
}

/** Embeds for passages, their quotes sharing what the message has left after content and citations. */
function cardEmbeds(cards: PassageCard[], color: number, content: string): APIEmbed[] {
  const frames = cards.map((card) => {
    const embed: APIEmbed = { color, footer: { text: truncateAtWord(card.citation, LIMITS.embedFooter) } };
    if (card.heading) embed.author = { name: truncateAtWord(card.heading, LIMITS.embedAuthor) };
    return embed;
  });
  const fixed = content.length + frames.reduce((n, e) => n + embedLength(e), 0);
  const wants = cards.map((card) => windowMarkdown(quoteWindow(card.quote)).length);
  const grants = shareBudget(wants, LIMITS.messageTotal - fixed, LIMITS.embedDescription);
  return frames.map((embed, i) => {
    // An embed the message has no room left for keeps its citation without a quote.
    const description = quoteMarkdown(cards[i]!.quote, grants[i]!);
    return description ? { ...embed, description } : embed;
  });
}
