/** Everything the bot keeps, as one backend provides it: answer state and votes, and each server's data. */
import type { AnswerStore } from './answer-store.ts';
import type { GuildStore } from './guild-store.ts';

export type Store = AnswerStore & GuildStore;
