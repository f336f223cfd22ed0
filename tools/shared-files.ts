/** The dev tools read data from the shared folder beside the repository; without it they say so in one line. */
import { existsSync } from 'node:fs';

/** True, after one line on stderr naming the first missing file, when any of `files` is missing. */
export function missingSharedFile(tool: string, files: readonly string[]): boolean {
  const missing = files.find((file) => !existsSync(file));
  if (missing) console.error(`${tool}: ${missing} not found (the shared folder must sit beside the repository)`);
  return missing !== undefined;
}
