/**
 * `npm run forget-guild -- <server id>`: deletes everything the database (DATA_DIR's SQLite file,
 * or PostgreSQL with DATABASE_URL) keeps about
 * one Discord server (its answers' state and votes, its question log, vote counts and settings),
 * for a server that asks for it (moderators can also use `/forget`). The bot
 * does the same by itself when it is removed from a server. Safe while the bot runs (either
 * database serialises the writes).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readConfig } from './config.ts';
import { DATABASE_FILE } from './storage/sqlite/sqlite-store.ts';
import { describeStoreLocation, openAnswerStore } from './storage/open-store.ts';
import { runScript } from './run-script.ts';
import { describeForgotten } from './view/forgotten.ts';

const SNOWFLAKE = /^\d{17,20}$/;

async function main(): Promise<number> {
  const guildId = process.argv[2] ?? '';
  if (!SNOWFLAKE.test(guildId) || process.argv.length > 3) {
    console.error('Usage: npm run forget-guild -- <server id (17–20 digits)>');
    return 2;
  }
  const config = readConfig();
  if (!config) return 1;
  // Opening SQLite would create the file (and DATA_DIR) only to find nothing in it.
  if (!config.DATABASE_URL && !existsSync(path.join(config.DATA_DIR, DATABASE_FILE))) {
    console.log(`Nothing stored in ${config.DATA_DIR}: the bot has not run with this DATA_DIR.`);
    return 0;
  }
  const store = await openAnswerStore(config);
  try {
    const gone = await store.forgetGuild(guildId);
    const where = config.DATABASE_URL ? describeStoreLocation(config) : config.DATA_DIR;
    console.log(`Deleted ${describeForgotten(gone)} of server ${guildId} from ${where}.`);
    return 0;
  } finally {
    await store.close();
  }
}

runScript('forget-guild', main);
