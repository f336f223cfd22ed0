/** Where the repository and its shipped corpus are, wherever a command is started from. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The shipped corpus folder: the default of `CORPUS_DIR` (bot) and `--corpus` (`npm run ask`). */
export const DEFAULT_CORPUS_DIR = path.join(REPO_ROOT, 'corpus');

/** The default of `DATA_DIR`: `data/` in the repository (git-ignored), where the database lives. */
export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, 'data');

/**
 * A path the user typed, from the folder they typed it in. npm runs a script from the repository
 * root and says where it was started in INIT_CWD: `cd tests && npm run ask -- --corpus ../corpus`
 * means the folder beside tests/, not one above the repository.
 */
export function fromStartFolder(typed: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), typed);
}
