/**
 * One index build per corpus at a time, across processes: the shards of `start:sharded` start
 * together and each loads the corpus, and with a cold `INDEX_CACHE_DIR` each used to build the
 * same index (four shards, four builds of a large corpus, all at once). The first to create
 * `<index file>.lock` builds; the others wait for the lock to go, then read the index it saved.
 *
 * The holder touches the lock every few seconds. A lock left untouched for `STALE_AFTER_MS` is
 * stale (its builder crashed or was stopped mid-build) and is taken over, so a crash holds the
 * others up for a minute at most; no process ids are compared, which containers reuse. Two
 * processes that both take over a stale lock may both build: wasted work, never a broken index
 * (an index is written beside its file and renamed into place). A lock that cannot be made or
 * removed (a read-only folder) is no lock: the process builds, as it did before locks.
 */
import { unlinkSync } from 'node:fs';
import { open, stat, unlink, utimes } from 'node:fs/promises';

/** A lock its holder has not touched for this long is stale. */
export const STALE_AFTER_MS = 60_000;
/** How often a holder touches its lock. */
const REFRESH_MS = 5_000;
/** How often a waiting process looks whether the builder is done. */
const POLL_MS = 200;

/** A lock this process holds (or a stand-in when none could be made); `release` lets it go. */
export interface BuildLock {
  /** Another process held it first: what it built may be saved now, to be read rather than built. */
  waited: boolean;
  release(): Promise<void>;
}

const noLock = (waited: boolean): BuildLock => ({ waited, release: async () => undefined });

/** Locks this process holds, removed if it exits without releasing them (a stop mid-build). */
const held = new Set<string>();
process.once('exit', () => {
  for (const file of held)
    try {
      unlinkSync(file);
    } catch {
      // Gone already.
    }
});

/** Milliseconds since the lock was last touched, or undefined when there is no lock. */
async function ageOf(lockFile: string): Promise<number | undefined> {
  try {
    return Date.now() - (await stat(lockFile)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Waits until this process holds the lock on `lockFile` (or knows it cannot have one). */
export async function buildLock(lockFile: string): Promise<BuildLock> {
  let waited = false;
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return noLock(waited);
      waited = true;
      const age = await ageOf(lockFile);
      if (age !== undefined && age > STALE_AFTER_MS) {
        try {
          await unlink(lockFile);
        } catch (error) {
          // Not ours to remove (another user's, a read-only folder): build without it.
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return noLock(waited);
        }
      } else if (age !== undefined) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      continue;
    }
    held.add(lockFile);
    const refresh = setInterval(() => {
      const now = new Date();
      void utimes(lockFile, now, now).catch(() => undefined);
    }, REFRESH_MS);
    refresh.unref();
    return {
      waited,
      release: async () => {
        clearInterval(refresh);
        held.delete(lockFile);
        await unlink(lockFile).catch(() => undefined);
      },
    };
  }
}
