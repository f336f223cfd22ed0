/** `/unanswered`: the latest unclear and unanswered questions grouped by similar wording, and the whole log as JSON lines. */
import type { APIEmbed } from 'discord.js';
import { groupSimilarQuestions } from '../../insights/group-questions.ts';
import type { UnansweredQuestion } from '../../storage/guild-store.ts';
import type { Locale } from '../../view/strings.ts';
import { fitLines, truncateAtWord } from '../../view/truncate.ts';
import { LIMITS } from '../limits.ts';
import { discordStrings } from '../strings.ts';
import { moderatorStrings } from '../moderator-strings.ts';
import { COLORS } from './colors.ts';
import { escapeQuoted } from './markdown.ts';
import type { BotFile, BotMessage } from './payload.ts';

/** Groups of similar questions the reply lists, the most recently asked first. */
export const UNANSWERED_SHOWN = 20;

/** A listed question is cut to this many characters: twenty of them still fit one embed. */
const QUESTION_CHARS = 160;

/** One line of the export: the log entry with the same fields as stored. */
export interface UnansweredLine {
  question: string;
  /** ISO 8601, UTC. */
  time: string;
  channel_id: string;
  confidence: number;
  /** The closest passage; null when nothing in the article relates. */
  passage_id: string | null;
}

export function exportLine(entry: UnansweredQuestion): UnansweredLine {
  return {
    question: entry.question,
    time: entry.askedAt.toISOString(),
    channel_id: entry.channelId,
    confidence: Math.round(entry.confidence * 1000) / 1000,
    passage_id: entry.passageId,
  };
}

/** The log as JSON lines, newest first, cut to `maxBytes` (whole lines only); and how many lines went in. */
export function unansweredExport(
  entries: readonly UnansweredQuestion[],
  maxBytes: number = LIMITS.attachmentBytes,
): { data: Buffer; lines: number } {
  const parts: string[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const line = `${JSON.stringify(exportLine(entry))}\n`;
    const size = Buffer.byteLength(line);
    if (bytes + size > maxBytes) break;
    parts.push(line);
    bytes += size;
  }
  return { data: Buffer.from(parts.join(''), 'utf8'), lines: parts.length };
}

/** The reply: up to `UNANSWERED_SHOWN` groups with their counts and when last asked, and the export attached. */
export function renderUnanswered(entries: readonly UnansweredQuestion[], locale: Locale, fileName: string): BotMessage {
  const strings = moderatorStrings(locale);
  if (entries.length === 0)
    return { embeds: [{ title: strings.unansweredTitle, color: COLORS.info, description: strings.unansweredEmpty }] };
  const groups = groupSimilarQuestions(entries).slice(0, UNANSWERED_SHOWN);
  const lines = groups.map(
    (g) =>
      `• **${g.count}×** ${escapeQuoted(truncateAtWord(g.question, QUESTION_CHARS))} — <t:${Math.floor(g.lastAskedAt.getTime() / 1000)}:R>`,
  );
  const file = unansweredExport(entries);
  const covered = groups.reduce((n, g) => n + g.count, 0);
  const notes = [strings.unansweredIntro(groups.length, covered, entries.length)];
  if (file.lines < entries.length) notes.push(strings.unansweredCut(file.lines, entries.length));
  const intro = notes.join('\n');
  const embed: APIEmbed = {
    title: strings.unansweredTitle,
    color: COLORS.closest,
    description: `${intro}\n\n${fitLines(lines, LIMITS.embedDescription - intro.length - 2, discordStrings(locale).more)}`,
  };
  const attachment: BotFile = { name: fileName, data: file.data };
  return { embeds: [embed], files: [attachment] };
}
