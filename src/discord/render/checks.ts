/** The check questions of a reload or dry run: hit@1 and abstentions old → new, what got worse or better, unreadable lines. */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { CheckOutcome } from '../../engine/index.ts';
import type { Locale } from '../../view/strings.ts';
import { fitLines, truncateAtWord } from '../../view/truncate.ts';
import type { CheckReport } from '../command.ts';
import { LIMITS } from '../limits.ts';
import { discordStrings } from '../strings.ts';
import { moderatorStrings } from '../moderator-strings.ts';
import { fitFields } from './budget.ts';
import { COLORS } from './colors.ts';
import { problemLine } from './host-paths.ts';
import { escapeQuoted } from './markdown.ts';

/** A check question in a list is cut to this many characters. */
const QUESTION_CHARS = 100;

function checkFields(report: CheckReport, locale: Locale): APIEmbedField[] {
  const strings = moderatorStrings(locale);
  const more = discordStrings(locale).more;
  const { before, after, worse, better, moved, unknownExpects } = report.comparison;
  const top = (o: CheckOutcome) => (o.top === null ? strings.checksAbstain : escapeQuoted(o.top));
  const change = (c: { before: CheckOutcome; after: CheckOutcome }) =>
    `„${escapeQuoted(truncateAtWord(c.before.question.question, QUESTION_CHARS))}“ — ${top(c.before)} → ${top(c.after)}`;
  const fields: APIEmbedField[] = [];
  if (before.outcomes.length > 0)
    fields.push({
      name: strings.checksTitle,
      value: [
        // A question answered with the same text as before under a new id is still answered right:
        // counted as a miss, a paragraph inserted at the top read as every answer broken.
        strings.checksHits(before.hits, after.hits + moved.length, before.answerable, moved.length),
        strings.checksAbstained(before.abstained, after.abstained, before.outcomes.length - before.answerable),
      ].join('\n'),
    });
  const list = (name: string, changes: typeof worse) => {
    if (changes.length > 0)
      fields.push({
        name: `${name}: ${changes.length}`,
        value: fitLines(changes.map(change), LIMITS.embedFieldValue, more),
      });
  };
  list(strings.checksWorse, worse);
  list(strings.checksMoved, moved);
  list(strings.checksBetter, better);
  if (unknownExpects.length > 0)
    fields.push({
      name: `${strings.checksUnknown}: ${unknownExpects.length}`,
      value: fitLines(
        unknownExpects.map(
          (q) => `„${escapeQuoted(truncateAtWord(q.question, QUESTION_CHARS))}“ — ${escapeQuoted(q.expect ?? '')}`,
        ),
        LIMITS.embedFieldValue,
        more,
      ),
    });
  if (report.problems.length > 0)
    fields.push({
      name: `${strings.checksProblems}: ${report.problems.length}`,
      value: fitLines(
        report.problems.map((p) => `• ${problemLine(p, locale)}`),
        LIMITS.embedFieldValue,
        more,
      ),
    });
  return fields;
}

/**
 * Adds the check questions' fields to a reload's (or dry run's) embed. When some got worse, the
 * title says so and the colour turns amber: the change went live (or would) with answers the
 * moderators' own questions expect broken, which a green "reloaded" would hide.
 */
export function addCheckReport(embed: APIEmbed, report: CheckReport, locale: Locale): void {
  const worse = report.comparison.worse.length;
  if (worse > 0) {
    embed.title = `${embed.title ?? ''} ${moderatorStrings(locale).checksWorseWarning(worse)}`.trim();
    embed.color = COLORS.closest;
  }
  const fields = [...(embed.fields ?? []), ...checkFields(report, locale)].slice(0, LIMITS.embedFields);
  // A large change with long lists of questions can pass the 6000 characters of a whole message,
  // which Discord would refuse after the reload went live: the last fields give way.
  embed.fields = fitFields(embed, fields, discordStrings(locale).more);
}
