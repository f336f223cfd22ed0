/**
 * Two hosts of one bot sharing one PostgreSQL database, end to end: two `npm run start:sharded`
 * processes (SHARD_IDS 0 and 1 of 2, HOST_NAME host-a and host-b) against a fake Discord that
 * expects two shards (its guild lives on shard 1, DMs go to shard 0). A `/reload` in the guild
 * reaches host-a's shard through a reload request row, and the reply names each shard and its
 * host. Needs the run's test PostgreSQL server; skipped (saying why) without it.
 */
import { writeFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fake-discord/server.ts';
import { postgresAdminUrl, postgresSkip } from '../storage/backends.ts';
import { adminQuery, freshDatabase } from '../storage/postgres-server.ts';
import { corpusCopy, run, shownText, withLogOf, type Run } from './setup.ts';

const runs: Run[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const r of runs) if (r.child.exitCode === null) r.child.kill('SIGKILL');
  for (const cleanup of cleanups) await cleanup();
});

const question = { command: 'ask', options: { question: 'Kam bo Putin odpotoval po obisku v Pjongjangu?' } };

describe.skipIf(postgresSkip !== undefined)(
  postgresSkip ? `two hosts on one PostgreSQL: skipped: ${postgresSkip}` : 'two hosts on one PostgreSQL',
  () => {
    it('a /reload on one host reloads the other host through the database, and the reply names shard and host', async () => {
      const fake = await FakeDiscord.start({ shards: 2, maxConcurrency: 2 });
      cleanups.push(() => fake.close());
      const database = await freshDatabase(postgresAdminUrl());
      cleanups.push(database.drop);
      // Each host reads its own copy of the corpus, as hosts on separate machines would.
      const [corpusA, corpusB] = await Promise.all([corpusCopy(), corpusCopy()]);
      const host = (name: string, shard: string, corpus: string) => {
        const app = run(
          'src/sharded.ts',
          {
            DISCORD_TOKEN: fake.token,
            DISCORD_API_URL: fake.apiBaseUrl,
            SHARD_COUNT: '2',
            SHARD_IDS: shard,
            HOST_NAME: name,
            DATABASE_URL: database.url,
            CORPUS_DIR: corpus,
          },
          undefined,
          { node: true },
        );
        runs.push(app);
        return app;
      };
      const hostA = host('host-a', '0', corpusA.dir);
      const hostB = host('host-b', '1', corpusB.dir);
      await withLogOf(hostA, withLogOf(hostB, fake.waitForIdentify(60_000)));
      await expect.poll(() => fake.gateway.identifies.length, { timeout: 60_000 }).toBe(2);
      // Both hosts announced themselves before anyone reloads.
      await expect
        .poll(async () => (await adminQuery(database.url, 'SELECT host FROM hosts ORDER BY host')).rows, {
          timeout: 30_000,
        })
        .toEqual([{ host: 'host-a' }, { host: 'host-b' }]);

      // The same change on both machines; the moderator's /reload lands on shard 1 (host-b).
      const changed = corpusA.text.replace('dvodnevni obisk v Vietnamu', 'tridnevni obisk v Laosu');
      await Promise.all([writeFile(corpusA.article, changed), writeFile(corpusB.article, changed)]);
      const reply = await fake.sendInteraction({ command: 'reload', user: 'moderator', locale: 'en-US' }).reply(90_000);
      const embed = reply.embeds[0]!;
      const version = /→ `(\w+)`/.exec(embed.description as string)![1]!;
      const fields = embed.fields as { name: string; value: string }[];
      expect(fields.find((f) => f.name === 'Shards')!.value.split('\n')).toEqual([
        `✓ #1 (host-b): reloaded \`${version}\``,
        `✓ #0 (host-a): reloaded \`${version}\``,
      ]);
      // The request went through the database, with the version, and host-a reported on it.
      const requests = await adminQuery(database.url, 'SELECT id, corpus_version, requested_by FROM reload_requests');
      expect(requests.rows).toEqual([{ id: expect.anything(), corpus_version: version, requested_by: 'host-b' }]);
      const reports = await adminQuery(database.url, 'SELECT host FROM reload_reports');
      expect(reports.rows).toEqual([{ host: 'host-a' }]);
      expect(hostA.stderr()).toMatch(
        /\[manager\] reload: host host-b asks for version \w+; reloading this host's shards/,
      );

      // A DM goes to shard 0 on host-a: it answers from the new text.
      const answer = await fake.sendInteraction({ ...question, dm: true }).reply(15_000);
      expect(shownText(answer.embeds[0]!.description as string)).toContain('tridnevni obisk v Laosu');

      hostA.child.kill('SIGTERM');
      hostB.child.kill('SIGTERM');
      expect(await hostA.exit).toBe(0);
      expect(await hostB.exit).toBe(0);
      expect(hostA.stderr() + hostB.stderr()).not.toContain('network guard');
      fake.assertNoProblems();
    }, 180_000);
  },
);
