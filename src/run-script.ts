/**
 * How every command-line entry point (the bot, `ask`, `deploy-commands`, the dev tools) ends: with
 * the exit code its main function returns, or, on an error nothing else caught, with one line on
 * stderr instead of a stack, and exit code 1.
 */

/** What a main function returns: an exit code, or undefined to leave the process running (the bot). */
export type ExitCode = number | undefined;

/**
 * Runs `main` and sets `process.exitCode` from it. Setting the code rather than calling
 * `process.exit` lets stdout drain, so piped output is never cut short. An unexpected error goes
 * to `report`, by default as `name: message` on stderr.
 */
export function runScript(
  name: string,
  main: () => Promise<ExitCode> | ExitCode,
  report: (error: unknown) => void = (error) =>
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`),
): void {
  // A reader that stops early (`npm run ask -- --jsonl < questions.txt | head`) closes the pipe:
  // what is left to print has nowhere to go, which is no error, so no stack trace and exit 0.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  Promise.resolve()
    .then(main)
    .then(
      (code) => {
        if (code !== undefined) process.exitCode = code;
      },
      (error: unknown) => {
        report(error);
        process.exitCode = 1;
      },
    );
}
