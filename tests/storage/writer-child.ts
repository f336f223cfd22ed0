/**
 * Child process for the durability test: opens the store in the folder given as argv[2] and
 * writes answers and votes as fast as it can, printing `ack <key>` on stdout after each write
 * has returned (committed). The parent kills it with SIGKILL in the middle of this.
 */
import { SqliteAnswerStore } from '../../src/storage/sqlite/sqlite-store.ts';

const store = SqliteAnswerStore.open(process.argv[2]!, { ttlMs: 24 * 3600 * 1000 });
for (let i = 0; ; i++) {
  const key = await store.saveAnswer({
    question: `Vprašanje številka ${i}?`,
    passageIds: ['a#1', 'a#2', 'a#3'],
    corpusVersion: 'v',
    locale: 'sl',
    guildId: '300000000000000001',
    askerId: String(100000000000000000n + BigInt(i)),
  });
  await store.vote(key, '100000000000000001', i % 2 === 0 ? 'up' : 'down');
  process.stdout.write(`ack ${key}\n`);
}
