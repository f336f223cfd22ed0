/**
 * What the bot keeps about each server for its moderators, behind the same kind of narrow async
 * interface as `AnswerStore` (a PostgreSQL backend implements both): every question asked (its
 * level and lead passage, for `/stats`), the questions it could not answer clearly (their text,
 * for `/unanswered`), votes per answer and passage (in `AnswerStore.vote`), and the server's own
 * settings. No user ids: nothing here says who asked or who voted.
 */

/** How an answer came out, as the view's levels name it: clear, the closest passage, or "not said". */
export type AskedLevel = 'clear' | 'closest' | 'none';

/** A question asked in a server, as logged when it was answered. */
export interface AskedQuestion {
  guildId: string;
  channelId: string;
  /** The question after cleaning (Discord syntax blanked out, spaces collapsed). */
  question: string;
  level: AskedLevel;
  /** The engine's confidence in [0, 1]. */
  confidence: number;
  /** The lead passage: the one cited, or the closest when the article does not say; null when nothing relates. */
  passageId: string | null;
  /** When it was asked (ms since the epoch); when absent, the time it is written. */
  askedAt?: number;
  /**
   * Its id in the log, made once by whoever keeps it for writing (`newAnswerKey`): a batch written
   * again after a lost acknowledgement then adds nothing twice. Made here when absent.
   */
  id?: string;
}

/** One entry of a server's log of questions answered with low confidence or not at all. */
export interface UnansweredQuestion {
  question: string;
  askedAt: Date;
  channelId: string;
  confidence: number;
  passageId: string | null;
}

/** Days are counted in UTC from the Unix epoch: day `n` starts at `n * DAY_MS`. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** How many questions of one level with one lead passage a server was asked on one day. */
export interface DailyQuestions {
  day: number;
  level: AskedLevel;
  passageId: string | null;
  count: number;
}

/** Votes on the answers to one day's questions, per passage voted on. */
export interface DailyVotes {
  day: number;
  passageId: string;
  up: number;
  down: number;
}

/** What `/stats` is computed from: per-day counts, no text. */
export interface GuildActivity {
  questions: DailyQuestions[];
  votes: DailyVotes[];
}

/** A server's own settings; a missing value means "the environment's default". */
export interface StoredGuildSettings {
  qaChannelIds?: string[];
  cooldownSeconds?: number;
  privateAnswers?: boolean;
  replyLocale?: 'sl' | 'en';
}

/** How much of one server's data a deletion removed, table by table. */
export interface ForgottenGuild {
  answers: number;
  votes: number;
  questions: number;
  unanswered: number;
  ratings: number;
  settings: number;
}

export interface GuildStore {
  /**
   * Logs a question asked in a server: always counted (for `/stats`); its text is kept only when
   * the answer was not clear (level `closest` or `none`), in a log bounded per server (the oldest
   * entries go first).
   */
  recordQuestion(question: AskedQuestion): Promise<void>;
  /**
   * Logs several questions as `recordQuestion` does each, in one transaction where the backend
   * has them: one commit for a burst's questions instead of one each.
   */
  recordQuestions(questions: readonly AskedQuestion[]): Promise<void>;
  /**
   * Deletes the server's logged questions asked at or before `askedUpTo` (ms), counts and texts:
   * those a write under way landed after the server's data was deleted (`/forget`).
   */
  forgetQuestions(guildId: string, askedUpTo: number): Promise<void>;
  /** The server's log of unclear and unanswered questions, newest first; only those asked at or after `since`. */
  unansweredQuestions(guildId: string, since?: Date): Promise<UnansweredQuestion[]>;
  /** Per-day counts of questions and votes (by the day the question was asked) from `since` on. */
  guildActivity(guildId: string, since: Date): Promise<GuildActivity>;
  /** The server's own settings; `{}` when it has changed none. */
  guildSettings(guildId: string): Promise<StoredGuildSettings>;
  /** Replaces the server's settings; `{}` goes back to the defaults (and keeps no row). */
  saveGuildSettings(guildId: string, settings: StoredGuildSettings): Promise<void>;
  /** Whether any server has Q&A channels of its own (the bot then asks Discord for message content). */
  hasQaChannels(): Promise<boolean>;
}
