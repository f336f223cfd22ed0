/**
 * One index build per corpus at a time, across processes: the shards of `start:sharded` start
 * together and each loads the corpus, and with a cold `INDEX_CACHE_DIR` each used to build the
 * same index (four shards, four builds of a large corpus, all at once). The first to create
 * `<index file>.lock` builds; the others wait for the lock to go, then read the index it saved.
 *
 * The holder touches the lock every few seconds, and writes its process id and the machine's boot
 * id in it. A lock whose process is gone (same boot, no such process; or written before the last
 * boot) was left by a builder that crashed or was stopped mid-build, and is taken over at once, so
 * a restart after a kill does not wait; one left untouched for `STALE_AFTER_MS` is taken over
 * too, as process ids can mislead (a container's are reused after its restart, and another
 * container's are not visible). Two processes that both take over a stale lock may both build:
 * wasted work, never a broken index (an index is written beside its file and renamed into place).
 * A lock that cannot be made or removed (a read-only folder) is no lock: the process builds, as it
 * did before locks.
 */
import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, stat, unlink, utimes } from 'node:fs/promises';

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

/** This boot of the machine (Linux), so a lock from before a reboot is known as stale; empty elsewhere. */
const BOOT_ID = (() => {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '';
  }
})();

/**
 * A lock still without its process id this long after it was made was left by a process stopped
 * between making it and writing the id (a stop right as indexing began).
 */
const UNSIGNED_AFTER_MS = 2_000;

/**
 * Whether the process that wrote `lockFile` (`age` ms ago) is certainly gone: a reboot since, no
 * such process, or no id written in time.
 */
async function holderGone(lockFile: string, age: number): Promise<boolean> {
  const [pidLine = '', boot = ''] = (await readFile(lockFile, 'utf8').catch(() => '')).split('\n');
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0) return age > UNSIGNED_AFTER_MS;
  if (boot && BOOT_ID && boot !== BOOT_ID) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Milliseconds since the lock was last touched, or undefined when there is no lock. */
async function ageOf(lockFile: string): Promise<number | undefined> {
  try {
    return Date.now() - (await stat(lockFile)).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * Waits until this process holds the lock on `lockFile` (or knows it cannot have one). `onWait`
 * is called once if another process holds it, so a start that waits can say why.
 */
export async function buildLock(lockFile: string, onWait: () => void = () => {}): Promise<BuildLock> {
  let waited = false;
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(`${process.pid}\n${BOOT_ID}\n`);
      await handle.close();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return noLock(waited);
      const age = await ageOf(lockFile);
      if (age !== undefined && (age > STALE_AFTER_MS || (await holderGone(lockFile, age)))) {
        try {
          await unlink(lockFile);
        } catch (error) {
          // Not ours to remove (another user's, a read-only folder): build without it.
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return noLock(waited);
        }
        waited = true;
      } else if (age !== undefined) {
        if (!waited) onWait();
        waited = true;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      } else waited = true; // released just now: what it built may be saved
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
