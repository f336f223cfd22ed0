/**
 * The figures of `/stats` from a server's per-day counts: questions asked, the shares answered and
 * abstained, votes, the passages cited most and the unanswered questions asked most, for the last
 * 7 and 30 days; and questions per day for the chart. Pure: the store gives counts, this adds them
 * up, so the arithmetic is tested without a database.
 */
import { DAY_MS, type GuildActivity, type UnansweredQuestion } from '../storage/guild-store.ts';
import { groupSimilarQuestions, mostAsked, type QuestionGroup } from './group-questions.ts';

/** The windows `/stats` shows, in days ending today (UTC). */
export const STATS_WINDOWS = [7, 30] as const;

/** How many cited passages and unanswered topics a window names. */
export const TOP_ENTRIES = 5;

export interface CitedPassage {
  passageId: string;
  /** Answers that cited it first. */
  count: number;
  /** Votes on answers while they showed it. */
  up: number;
  down: number;
}

export interface WindowStats {
  days: number;
  asked: number;
  /** Questions the engine answered (clear or closest) and abstained on; they add up to `asked`. */
  answered: number;
  clear: number;
  abstained: number;
  up: number;
  down: number;
  cited: CitedPassage[];
  topics: QuestionGroup[];
}

/** The day number (days since the epoch, UTC) of a time. */
export function dayOf(time: Date | number): number {
  return Math.floor((typeof time === 'number' ? time : time.getTime()) / DAY_MS);
}

/** The first day of a window of `days` days ending on `today`. */
export function windowStart(today: number, days: number): number {
  return today - days + 1;
}

/**
 * The figures of the `days` days ending on `today`. `activity` and `unanswered` may cover more
 * (the longest window): what falls before the window is left out.
 */
export function windowStats(
  activity: GuildActivity,
  unanswered: readonly UnansweredQuestion[],
  today: number,
  days: number,
): WindowStats {
  const from = windowStart(today, days);
  const inWindow = (day: number) => day >= from && day <= today;
  const stats: WindowStats = {
    days,
    asked: 0,
    answered: 0,
    clear: 0,
    abstained: 0,
    up: 0,
    down: 0,
    cited: [],
    topics: [],
  };
  const cited = new Map<string, CitedPassage>();
  const passage = (id: string) => {
    let entry = cited.get(id);
    if (!entry) cited.set(id, (entry = { passageId: id, count: 0, up: 0, down: 0 }));
    return entry;
  };
  for (const row of activity.questions) {
    if (!inWindow(row.day)) continue;
    stats.asked += row.count;
    if (row.level === 'none') {
      stats.abstained += row.count;
      continue;
    }
    stats.answered += row.count;
    if (row.level === 'clear') stats.clear += row.count;
    if (row.passageId !== null) passage(row.passageId).count += row.count;
  }
  for (const row of activity.votes) {
    if (!inWindow(row.day)) continue;
    stats.up += row.up;
    stats.down += row.down;
    const entry = passage(row.passageId);
    entry.up += row.up;
    entry.down += row.down;
  }
  stats.cited = [...cited.values()]
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || b.up - b.down - (a.up - a.down) || (a.passageId < b.passageId ? -1 : 1))
    .slice(0, TOP_ENTRIES);
  const unansweredInWindow = unanswered.filter((q) => inWindow(dayOf(q.askedAt)));
  stats.topics = mostAsked(groupSimilarQuestions(unansweredInWindow), TOP_ENTRIES);
  return stats;
}

/** `part` of `whole` in whole percent (0 when there is no whole). */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

export interface DayCount {
  day: number;
  answered: number;
  abstained: number;
}

/** Questions per day over the `days` days ending on `today`, one entry per day (zero on quiet days). */
export function questionsPerDay(activity: GuildActivity, today: number, days: number): DayCount[] {
  const from = windowStart(today, days);
  const counts = Array.from({ length: days }, (_, i): DayCount => ({ day: from + i, answered: 0, abstained: 0 }));
  for (const row of activity.questions) {
    const entry = counts[row.day - from];
    if (!entry) continue;
    if (row.level === 'none') entry.abstained += row.count;
    else entry.answered += row.count;
  }
  return counts;
}

/** Whether the counts reach back more than a week before `today` (the chart is drawn only then). */
export function moreThanAWeek(activity: GuildActivity, today: number): boolean {
  return activity.questions.some((row) => row.day < windowStart(today, 7));
}
