/** Everything the bot keeps, as one backend provides it: answer state and votes, each server's data, and reload coordination. */
import type { AnswerStore } from './answer-store.ts';
import type { GuildStore } from './guild-store.ts';
import type { ReloadStore } from './reload-store.ts';

export type Store = AnswerStore & GuildStore & ReloadStore;
