/**
 * The tables' rows as both backends read and write them, and their mapping to and from what the
 * interfaces hand out: one place for it, so SQLite and PostgreSQL cannot come to disagree on what
 * a column means (JSON arrays as text, booleans as 0/1, times as milliseconds since the epoch).
 */
import type { NewAnswer, StoredAnswer, Vote } from './answer-store.ts';
import type { StoredGuildSettings, UnansweredQuestion } from './guild-store.ts';
import type { HostReloadReport, LiveHost, ReloadRequest } from './reload-store.ts';

export const VOTE_VALUE: Record<Vote, number> = { up: 1, down: -1 };

export interface AnswerRow {
  key: string;
  guild_id: string | null;
  asker_hash: string;
  question: string;
  passage_ids: string;
  corpus_version: string;
  passage_digests: string | null;
  locale: string;
  created_at: number;
  expires_at: number;
}

/**
 * A new answer's columns, in the order both backends insert them (key, guild_id, asker_hash,
 * question, passage_ids, corpus_version, locale, created_at, expires_at, passage_digests).
 */
export function answerValues(
  key: string,
  answer: NewAnswer,
  askerHash: string,
  now: number,
  ttlMs: number,
): (string | number | null)[] {
  return [
    key,
    answer.guildId,
    askerHash,
    answer.question,
    JSON.stringify(answer.passageIds),
    answer.corpusVersion,
    answer.locale,
    now,
    now + ttlMs,
    answer.passageDigests ? JSON.stringify(answer.passageDigests) : null,
  ];
}

export function toStoredAnswer(row: AnswerRow): StoredAnswer {
  return {
    key: row.key,
    question: row.question,
    passageIds: JSON.parse(row.passage_ids) as string[],
    corpusVersion: row.corpus_version,
    passageDigests: row.passage_digests === null ? null : (JSON.parse(row.passage_digests) as string[]),
    locale: row.locale,
    guildId: row.guild_id,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
  };
}

export interface UnansweredRow {
  asked_at: number;
  channel_id: string;
  question: string;
  confidence: number;
  passage_id: string | null;
}

export function toUnanswered(r: UnansweredRow): UnansweredQuestion {
  return {
    question: r.question,
    askedAt: new Date(r.asked_at),
    channelId: r.channel_id,
    confidence: r.confidence,
    passageId: r.passage_id,
  };
}

export interface SettingsRow {
  qa_channel_ids: string | null;
  cooldown_seconds: number | null;
  private_answers: number | null;
  reply_locale: string | null;
}

export function toSettings(row: SettingsRow | undefined): StoredGuildSettings {
  if (!row) return {};
  return {
    ...(row.qa_channel_ids !== null ? { qaChannelIds: JSON.parse(row.qa_channel_ids) as string[] } : {}),
    ...(row.cooldown_seconds !== null ? { cooldownSeconds: row.cooldown_seconds } : {}),
    ...(row.private_answers !== null ? { privateAnswers: row.private_answers === 1 } : {}),
    ...(row.reply_locale === 'sl' || row.reply_locale === 'en' ? { replyLocale: row.reply_locale } : {}),
  };
}

/** The settings' columns (qa_channel_ids, cooldown_seconds, private_answers, reply_locale); all null: no row. */
export function settingsValues(s: StoredGuildSettings): (string | number | null)[] {
  return [
    s.qaChannelIds === undefined ? null : JSON.stringify(s.qaChannelIds),
    s.cooldownSeconds ?? null,
    s.privateAnswers === undefined ? null : s.privateAnswers ? 1 : 0,
    s.replyLocale ?? null,
  ];
}

export interface ReloadRequestRow {
  id: number;
  corpus_version: string;
  requested_by: string;
  requested_at: number;
}

export function toReloadRequest(r: ReloadRequestRow): ReloadRequest {
  return {
    id: r.id,
    corpusVersion: r.corpus_version,
    requestedBy: r.requested_by,
    requestedAt: new Date(r.requested_at),
  };
}

export interface ReloadReportRow {
  host: string;
  report: string;
  reported_at: number;
}

export function toReloadReport(r: ReloadReportRow): HostReloadReport {
  return { host: r.host, report: JSON.parse(r.report) as unknown, reportedAt: new Date(r.reported_at) };
}

export interface HostRow {
  host: string;
  shards: string;
  seen_at: number;
}

export function toLiveHost(r: HostRow): LiveHost {
  return { host: r.host, shards: JSON.parse(r.shards) as number[], seenAt: new Date(r.seen_at) };
}
