/** Ids and sample records the storage tests share: two servers, two members, an answer and a question. */
import type { NewAnswer } from '../../src/storage/answer-store.ts';
import type { AskedQuestion } from '../../src/storage/guild-store.ts';

export const GUILD = '300000000000000001';
export const OTHER = '300000000000000002';
export const ALICE = '100000000000000001';
export const BOB = '100000000000000002';

/** An answer alice got in GUILD, with `over` changed. */
export const sampleAnswer = (over: Partial<NewAnswer> = {}): NewAnswer => ({
  question: 'Kdo je podpisal sporazum?',
  passageIds: ['a#1', 'a#2'],
  corpusVersion: 'v1',
  locale: 'sl',
  guildId: GUILD,
  askerId: ALICE,
  ...over,
});

/** A question GUILD asked that the article does not answer, with `over` changed. */
export const sampleQuestion = (over: Partial<AskedQuestion> = {}): AskedQuestion => ({
  guildId: GUILD,
  channelId: '400000000000000001',
  question: 'Koliko stane hotel?',
  level: 'none',
  confidence: 0.2,
  passageId: 'a#3',
  ...over,
});
