/**
 * vitest's global set-up: one throwaway PostgreSQL server for the whole run (not one per test
 * file: a cluster takes a second or two to make), handed to the tests through `inject('postgres')`
 * with its admin URL, or with the reason there is none. Stopped and deleted when the run ends.
 */
import type { TestProject } from 'vitest/node';
import { postgresUnavailable, TestCluster, type PostgresForTests } from './storage/postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresForTests;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const reason = postgresUnavailable();
  if (reason) {
    project.provide('postgres', { reason });
    return undefined;
  }
  const external = process.env.ODLOMEK_TEST_DATABASE_URL;
  if (external) {
    project.provide('postgres', { url: external });
    return undefined;
  }
  const cluster = await TestCluster.create();
  project.provide('postgres', { url: cluster.url });
  return () => cluster.destroy();
}
