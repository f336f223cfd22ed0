/** `/stats`: questions, shares answered and not, ratings, passages cited most and unanswered topics, per window; the chart attached. */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { percent, type WindowStats } from '../../insights/stats.ts';
import type { Locale } from '../../view/strings.ts';
import { fitLines, truncateAtWord } from '../../view/truncate.ts';
import { LIMITS } from '../limits.ts';
import { discordStrings } from '../strings.ts';
import { moderatorStrings } from '../moderator-strings.ts';
import { COLORS } from './colors.ts';
import { escapeQuoted } from './markdown.ts';
import type { BotMessage } from './payload.ts';

export const CHART_FILE = 'questions-per-day.png';

/** A topic is cut to this many characters: five per field still fit. */
const TOPIC_CHARS = 120;
/** A cited passage's first words, enough to recognise it without running /passage. */
const CITED_WORDS_CHARS = 60;

/** A passage's text by its id; undefined for a passage the live corpus no longer has. */
export type PassageTextOf = (passageId: string) => string | undefined;

function windowFields(w: WindowStats, locale: Locale, textOf: PassageTextOf): APIEmbedField[] {
  const strings = moderatorStrings(locale);
  const more = discordStrings(locale).more;
  const summary = [
    strings.statsAsked(w.asked),
    `${strings.statsAnswered(percent(w.answered, w.asked), percent(w.clear, w.asked))} · ${strings.statsAbstained(percent(w.abstained, w.asked))}`,
    strings.statsVotes(w.up, w.down),
  ].join('\n');
  const cited = w.cited.map((c) => {
    const text = textOf(c.passageId);
    // On one line: the passage's own line breaks would split the list.
    const words =
      text === undefined
        ? ''
        : `\n„${escapeQuoted(truncateAtWord(text.replace(/\s+/g, ' ').trim(), CITED_WORDS_CHARS))}“`;
    return `${escapeQuoted(c.passageId)} — ${c.count}×${c.up + c.down > 0 ? ` · 👍 ${c.up} · 👎 ${c.down}` : ''}${words}`;
  });
  const topics = w.topics.map((t) => `**${t.count}×** ${escapeQuoted(truncateAtWord(t.question, TOPIC_CHARS))}`);
  const list = (lines: string[]) =>
    lines.length === 0 ? strings.statsNone : fitLines(lines, LIMITS.embedFieldValue, more);
  return [
    { name: strings.statsWindow(w.days), value: summary },
    { name: strings.statsCited, value: list(cited), inline: true },
    { name: strings.statsTopics, value: list(topics), inline: true },
  ];
}

/**
 * The figures of each window, each cited passage with its first words (`textOf`); with `chart`,
 * the PNG attached and shown in the embed.
 */
export function renderStats(
  windows: readonly WindowStats[],
  locale: Locale,
  textOf: PassageTextOf,
  chart?: Buffer,
): BotMessage {
  const strings = moderatorStrings(locale);
  if (windows.every((w) => w.asked === 0))
    return { embeds: [{ title: strings.statsTitle, color: COLORS.info, description: strings.statsEmpty }] };
  const embed: APIEmbed = {
    title: strings.statsTitle,
    color: COLORS.info,
    fields: windows.flatMap((w) => windowFields(w, locale, textOf)),
    ...(chart ? { description: strings.statsChart, image: { url: `attachment://${CHART_FILE}` } } : {}),
  };
  return { embeds: [embed], ...(chart ? { files: [{ name: CHART_FILE, data: chart }] } : {}) };
}
