/**
 * vitest's global set-up: every temporary file of the run (corpus folders, databases, index
 * caches, bundles, the PostgreSQL cluster) goes into one folder that is deleted when the run ends,
 * so `npm test` leaves nothing behind in the system's temp folder. It works by pointing `TMPDIR`,
 * which `os.tmpdir()` reads, at that folder before the test workers and the processes they start
 * exist. `ODLOMEK_KEEP_TEST_FILES=1` keeps the folder (its path is printed) to look into a failure.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(path.join(tmpdir(), 'odlomek-test-'));
  // Readable by other users, as the system's temp folder is: a test PostgreSQL server started
  // as root runs as the postgres user and must reach its cluster folder inside.
  chmodSync(root, 0o755);
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (process.env.ODLOMEK_KEEP_TEST_FILES === '1') console.log(`test files kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}
