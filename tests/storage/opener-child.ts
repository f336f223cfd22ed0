/**
 * Child process for the "open at once" test: loads the store, says `ready`, waits for a line on
 * stdin, then opens the database in the folder argv[2] and prints `opened` or the error's message.
 * The parent starts several and lets them all go at the same moment.
 */
import { SqliteAnswerStore } from '../../src/storage/sqlite/sqlite-store.ts';

process.stdout.write('ready\n');
process.stdin.once('data', () => {
  try {
    const store = SqliteAnswerStore.open(process.argv[2]!, { ttlMs: 24 * 3600 * 1000 });
    process.stdout.write('opened\n');
    void store.close().then(() => process.exit(0));
  } catch (error) {
    process.stdout.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
});
