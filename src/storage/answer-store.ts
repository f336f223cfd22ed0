/**
 * What the bot keeps between messages, behind an interface narrow enough for a second backend
 * (PostgreSQL for several hosts) to sit beside SQLite: answer state for the buttons under an
 * answer, and votes. Every method returns a Promise so a networked database fits the same shape.
 *
 * Privacy: the only user ids that reach a backend are salted hashes (the asker of an answer, to
 * tell "edit my answer" from "show me a copy"; each voter, for one vote per member). No message
 * content is kept beyond the question.
 */

import type { ForgottenGuild } from './guild-store.ts';

/** Which way a member voted on an answer. */
export type Vote = 'up' | 'down';

/** What is saved when an answer is posted. */
export interface NewAnswer {
  question: string;
  /** The ranked passage ids the answer showed, best first (what "next passage" pages through). */
  passageIds: string[];
  /** The corpus version the answer came from. */
  corpusVersion: string;
  /**
   * Each passage's digest of its text (`textDigest`), in the order of `passageIds`: after a
   * reload, a passage whose id now names other text is told from one that stayed.
   */
  passageDigests?: string[];
  /** The UI language the answer was written in, so edits keep it. */
  locale: string;
  /** The server it was asked in; null in direct messages. For deleting a server's data. */
  guildId: string | null;
  /** Who asked; stored only as a salted hash. */
  askerId: string;
}

export interface StoredAnswer {
  key: string;
  question: string;
  passageIds: string[];
  corpusVersion: string;
  /** Null for an answer saved without them (before the bot stored them). */
  passageDigests: string[] | null;
  locale: string;
  guildId: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** An answer looked up for someone pressing one of its buttons. */
export interface FoundAnswer extends StoredAnswer {
  /** The person pressing is the one who asked. */
  byAsker: boolean;
}

/** What a vote did: a first vote, a changed one, or the same vote again (counted once). */
export type VoteOutcome = 'counted' | 'changed' | 'unchanged' | 'unknown-answer';

export interface AnswerStore {
  /** Saves an answer's state; returns its short key (URL-safe, at most `ANSWER_KEY_LENGTH` characters). */
  saveAnswer(answer: NewAnswer): Promise<string>;
  /** The answer under `key`, or undefined when there is none or it has expired. */
  findAnswer(key: string, viewerId: string): Promise<FoundAnswer | undefined>;
  /**
   * Records `voterId`'s vote on the answer: one per member per answer, a later one replaces it.
   * `passageId` is the passage the answer showed when the member voted; in a server the vote is
   * also counted for that answer and passage (kept without the voter, for `/stats`).
   */
  vote(key: string, voterId: string, vote: Vote, passageId?: string): Promise<VoteOutcome>;
  /** How many members voted each way on the answer. */
  voteCounts(key: string): Promise<Record<Vote, number>>;
  /**
   * Deletes everything kept about one server: its answers and their votes, its question log,
   * vote counts and settings. Returns how many rows went, table by table.
   */
  forgetGuild(guildId: string): Promise<ForgottenGuild>;
  /**
   * Deletes answers (and their votes) past their expiry, and question counts and vote counts older
   * than the statistics keep; returns how many answers went.
   */
  pruneExpired(): Promise<number>;
  close(): Promise<void>;
}

/** Longest answer key a backend may hand out: the key travels in button ids of at most 100 characters. */
export const ANSWER_KEY_LENGTH = 16;
