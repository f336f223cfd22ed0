/**
 * One index build per corpus at a time, across processes: the shards of `start:sharded` start
 * together and each loads the corpus, and with a cold `INDEX_CACHE_DIR` each used to build the
 * same index (four shards, four builds of a large corpus, all at once). The first to create
 * `<index file>.lock` builds; the others wait for the lock to go and read the index it saved.
 *
 * A lock holds the builder's pid: one whose process is gone (it crashed mid-build) is stale and
 * taken over at once, and so is one older than `STALE_AFTER_MS`, so a crash never leaves the
 * others waiting for good. The cache folder is a local one (the pid means nothing elsewhere).
 */
import { open, readFile, stat, unlink } from 'node:fs/promises';

/** A lock older than this is stale whatever its pid says: no build of a corpus takes that long. */
export const STALE_AFTER_MS = 30 * 60_000;
/** How often a waiting process looks whether the builder is done. */
const POLL_MS = 200;

/** A held lock; `release` removes it (best effort). */
export interface BuildLock {
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process is there, run by another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function stale(lockFile: string): Promise<boolean> {
  try {
    const [text, info] = await Promise.all([readFile(lockFile, 'utf8'), stat(lockFile)]);
    return !alive(Number(text.trim())) || Date.now() - info.mtimeMs > STALE_AFTER_MS;
  } catch {
    // Gone meanwhile (the builder finished) or unreadable: not ours to wait for.
    return false;
  }
}

/**
 * Takes the lock, or waits while another live process holds it. Resolves to the lock when this
 * process should build, or to undefined when another process held it and has let go (the caller
 * then reads what it saved). A lock that cannot be made (the folder is read-only) is no lock:
 * the caller builds, as it did before locks.
 */
export async function buildLock(lockFile: string): Promise<BuildLock | undefined> {
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => unlink(lockFile).catch(() => undefined) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return { release: async () => undefined };
    }
    if (await stale(lockFile)) {
      await unlink(lockFile).catch(() => undefined);
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    // The builder let go: what it saved is there to read (or it failed, and the caller builds).
    if (
      !(await stat(lockFile).then(
        () => true,
        () => false,
      ))
    )
      return undefined;
  }
}
