import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The run's own temp folder, deleted at the end (first, so everything else lands in it), and
    // one PostgreSQL server for the run when the binaries are there (tests/storage/postgres-server.ts).
    globalSetup: ['tests/temp-setup.ts', 'tests/postgres-setup.ts'],
    // vitest's default is one worker less than the cores: one on a two-core machine. The slowest
    // files mostly wait on the child processes they start, so two workers overlap that waiting.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
