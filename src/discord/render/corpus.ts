/** What moderators and readers see about the corpus: `/about`, and the outcome of `/reload`. */
import type { APIEmbed } from 'discord.js';
import {
  type CorpusDiff,
  type CorpusError,
  type CorpusInfo,
  type CorpusNote,
  type SkippedFile,
} from '../../engine/index.ts';
import { viewStrings, type Locale } from '../../view/strings.ts';
import { fitLines } from '../../view/truncate.ts';
import { LIMITS } from '../limits.ts';
import { discordStrings } from '../strings.ts';
import { fitFields } from './budget.ts';
import { COLORS } from './colors.ts';
import { problemLine } from './host-paths.ts';
import { escapeQuoted } from './markdown.ts';
import { idRunLines, movedLines } from './moved-ids.ts';
import type { BotMessage } from './payload.ts';
import type { ShardReport } from '../sharding/protocol.ts';

/** Documents, passage count, version and load time of the live corpus. */
export function renderAbout(info: CorpusInfo, locale: Locale): BotMessage {
  const strings = discordStrings(locale);
  const lines = info.documents.map(
    (d) => `• ${escapeQuoted(d.title)}${d.date ? ` (${d.date})` : ''} — ${strings.passagesOf(d.passages)}`,
  );
  const embed: APIEmbed = {
    title: strings.aboutTitle,
    color: COLORS.info,
    description: fitLines(lines, LIMITS.embedDescription, strings.more),
    fields: [
      { name: strings.aboutPassages, value: String(info.passageCount), inline: true },
      { name: strings.aboutVersion, value: `\`${info.version}\``, inline: true },
      // A Discord timestamp shows in each reader's own time zone and language.
      { name: strings.aboutLoadedAt, value: `<t:${Math.floor(info.loadedAt.getTime() / 1000)}:f>`, inline: true },
    ],
  };
  return { embeds: [embed] };
}

/** One line per shard process of a reload: its shard ids and how its part ended. */
function shardLines(reports: readonly ShardReport[], version: string, locale: Locale): string[] {
  const strings = discordStrings(locale);
  // What each outcome but a reload says (not all are failures: a restarted host's shards are fine).
  const said = {
    failed: strings.reloadShardFailed,
    busy: strings.reloadShardBusy,
    error: strings.reloadShardError,
    unreachable: strings.reloadShardUnreachable,
    'not-running': strings.reloadShardNotRunning,
    'other-host': strings.reloadShardOtherHost,
    restarted: strings.reloadShardRestarted,
  };
  return reports.map(({ shards, outcome, host }) => {
    // With several hosts, each line names the host its shards run on.
    const ids = [shards.map((id) => `#${id}`).join(', '), host ? `(${escapeQuoted(host)})` : '']
      .filter((part) => part !== '')
      .join(' ');
    // A shard whose corpus is broken says where, as a reload on this host would.
    if (outcome.kind === 'failed' && outcome.problems.length > 0) {
      const first = problemLine(outcome.problems[0]!, locale);
      const others = outcome.problems.length > 1 ? ` (+${outcome.problems.length - 1})` : '';
      return `✗ ${ids}: ${said.failed}: ${first}${others}`;
    }
    // Restarted shards loaded the corpus of their host as they started: not a failure, not confirmed.
    if (outcome.kind === 'restarted') return `↻ ${ids}: ${said.restarted}`;
    if (outcome.kind !== 'reloaded') return `✗ ${ids}: ${said[outcome.kind]}`;
    const same = outcome.result.newVersion === version;
    return `${same ? '✓' : '✗'} ${ids}: ${same ? strings.reloadShardReloaded : strings.reloadShardOther} \`${outcome.result.newVersion}\``;
  });
}

/**
 * What a successful reload changed, ids listed as far as a field holds them, the files in the
 * folder it did not read (a moderator who dropped in a `.docx` learns why nothing changed), and
 * the corpus's notes (a paragraph of pages, pasted without blank lines). With several shards, how
 * each one's part ended.
 */
export function renderReloadDiff(
  diff: CorpusDiff & { skipped?: SkippedFile[]; notes?: CorpusNote[]; shards?: ShardReport[] },
  locale: Locale,
): BotMessage {
  const strings = discordStrings(locale);
  const skipped = diff.skipped ?? [];
  const shardFields =
    diff.shards && diff.shards.length > 1
      ? [
          {
            name: strings.reloadShards,
            value: fitLines(shardLines(diff.shards, diff.newVersion, locale), LIMITS.embedFieldValue, strings.more),
          },
        ]
      : [];
  const skippedField = {
    name: `${strings.reloadSkipped}: ${skipped.length}`,
    value: fitLines(
      skipped.map((s) => `${escapeQuoted(s.file)} — ${viewStrings(locale).skippedReason(s.reason)}`),
      LIMITS.embedFieldValue,
      strings.more,
    ),
  };
  const notes = diff.notes ?? [];
  const noteField = {
    name: `${strings.reloadNotes}: ${notes.length}`,
    value: fitLines(
      notes.map((note) => problemLine(note, locale)),
      LIMITS.embedFieldValue,
      strings.more,
    ),
  };
  // The notes with the files not read: what a moderator may have to fix, though the reload went through.
  const skippedFields = [...(skipped.length > 0 ? [skippedField] : []), ...(notes.length > 0 ? [noteField] : [])];
  // Shards left on another version (a broken or different corpus folder, a host down): the bot
  // now answers from more than one version, which the title says in amber rather than a green "done".
  // Counted by shard id: a shard two reports name (a host restarted under a new name while its old
  // one is still listed) is behind only if no report has it on the new version.
  const reports = diff.shards ?? [];
  const all = new Set(reports.flatMap((r) => r.shards));
  const onNew = new Set(
    reports
      .filter(
        (r) =>
          r.outcome.kind === 'restarted' ||
          (r.outcome.kind === 'reloaded' && r.outcome.result.newVersion === diff.newVersion),
      )
      .flatMap((r) => r.shards),
  );
  const behind = [...all].filter((id) => !onNew.has(id)).length;
  const title =
    behind > 0 ? `${strings.reloadDone} ${strings.reloadShardsBehind(behind, all.size)}` : strings.reloadDone;
  const color = (ok: number) => (behind > 0 ? COLORS.closest : ok);
  const moved = diff.moved.length;
  if (
    diff.added.length + diff.removed.length + diff.changed.length + moved === 0 &&
    diff.oldVersion === diff.newVersion
  ) {
    return {
      embeds: [
        {
          title,
          color: color(COLORS.info),
          description: strings.reloadUnchanged(diff.newVersion),
          ...(skippedFields.length + shardFields.length > 0 ? { fields: [...skippedFields, ...shardFields] } : {}),
        },
      ],
    };
  }
  const field = (name: string, ids: string[]) => ({
    name: `${name}: ${ids.length}`,
    value: ids.length === 0 ? '—' : fitLines(idRunLines(ids), LIMITS.embedFieldValue, strings.more),
  });
  const embed: APIEmbed = {
    title,
    color: color(COLORS.answer),
    description: strings.reloadVersion(diff.oldVersion, diff.newVersion),
  };
  // Six full fields pass the 6000 characters of a message: the last ones give way.
  embed.fields = fitFields(
    embed,
    [
      field(strings.reloadAdded, diff.added),
      field(strings.reloadRemoved, diff.removed),
      field(strings.reloadChanged, diff.changed),
      // Only when some moved: every reload without an insertion would show an empty field for nothing.
      ...(moved > 0
        ? [
            {
              name: `${strings.reloadMoved}: ${moved}`,
              value: fitLines(movedLines(diff.moved), LIMITS.embedFieldValue, strings.more),
            },
          ]
        : []),
      ...skippedFields,
      ...shardFields,
    ],
    strings.more,
  );
  return { embeds: [embed] };
}

/** A failed reload: every corpus problem a moderator has to fix, and the reassurance that answers go on. */
export function renderReloadError(error: CorpusError, locale: Locale): BotMessage {
  const strings = discordStrings(locale);
  const lines = error.problems.map((p) => problemLine(p, locale));
  return {
    embeds: [
      {
        title: strings.reloadFailed,
        color: COLORS.error,
        description: fitLines(
          lines.map((l) => `• ${l}`),
          LIMITS.embedDescription,
          strings.more,
        ),
      },
    ],
  };
}
