/**
 * `npm run start:sharded` end to end, as plain node runs it through the launcher: discord.js's
 * ShardingManager runs the bot (`launch/main.mjs`, the bundled `src/main.ts`) once per shard
 * against a fake Discord that expects two shards (its guild lives on shard 1, DMs go to shard 0).
 * One host running both shards; two hosts running one shard each (SHARD_IDS).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fake-discord/server.ts';
import { corpusCopy, plainGuard, run, shownText, withLogOf, type Run } from './setup.ts';

const fakes: FakeDiscord[] = [];
const runs: Run[] = [];
let guard: string;
beforeAll(async () => {
  guard = await plainGuard();
});
afterAll(async () => {
  for (const r of runs) if (r.child.exitCode === null) r.child.kill('SIGKILL');
  await Promise.all(fakes.map((f) => f.close()));
});

async function fakeWith(options: { shards: number; maxConcurrency: number }): Promise<FakeDiscord> {
  const fake = await FakeDiscord.start(options);
  fakes.push(fake);
  return fake;
}

function sharded(fake: FakeDiscord, vars: Record<string, string>): Run {
  // As `npm run start:sharded` runs it: plain node on the launcher, signals straight to the manager.
  const app = run(
    'launch/sharded.mjs',
    { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiBaseUrl, ...vars },
    undefined,
    {
      guard,
    },
  );
  runs.push(app);
  return app;
}

/** Lines of a run's log that a given shard process wrote. */
const linesOf = (app: Run, shard: number) =>
  app
    .stderr()
    .split('\n')
    .filter((l) => l.includes(`[shard ${shard}]`));

const question = { command: 'ask', options: { question: 'Kam bo Putin odpotoval po obisku v Pjongjangu?' } };

describe('one host, two shards', () => {
  it('asks Discord for the shard count, spaces identifies by max_concurrency, answers on both shards, reloads both', async () => {
    const fake = await fakeWith({ shards: 2, maxConcurrency: 1 });
    const corpus = await corpusCopy();
    const cache = await mkdtemp(path.join(tmpdir(), 'odlomek-cache-'));
    const app = sharded(fake, { CORPUS_DIR: corpus.dir, INDEX_CACHE_DIR: cache });
    await withLogOf(app, fake.waitForIdentify(60_000));
    // Through DISCORD_API_URL, not discord.com: the count came from the fake's GET /gateway/bot.
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
    const [first, second] = fake.gateway.identifies;
    expect([first!.shard, second!.shard].sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    // One bucket (max_concurrency 1): five seconds apart at least, as Discord requires.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(5000);
    expect(fake.gateway.identifyViolations).toEqual([]);

    // The guild's interactions go to shard 1, DMs to shard 0: both answer.
    expect((await fake.sendInteraction(question).reply(15_000)).embeds.length).toBeGreaterThan(0);
    expect((await fake.sendInteraction({ ...question, dm: true }).reply(15_000)).embeds.length).toBeGreaterThan(0);
    await expect.poll(() => linesOf(app, 1).some((l) => /\/ask in \d+/.test(l))).toBe(true);
    await expect.poll(() => linesOf(app, 0).some((l) => /\/ask in DM/.test(l))).toBe(true);

    // /reload on shard 1 reloads shard 0 too, to the same version, and says so per shard.
    await writeFile(corpus.article, corpus.text.replace('dvodnevni obisk v Vietnamu', 'tridnevni obisk v Laosu'));
    const reply = await fake.sendInteraction({ command: 'reload', user: 'moderator', locale: 'en-US' }).reply(60_000);
    const embed = reply.embeds[0]!;
    const version = /→ `(\w+)`/.exec(embed.description as string)![1]!;
    const fields = embed.fields as { name: string; value: string }[];
    expect(fields.find((f) => f.name === 'Shards')!.value.split('\n')).toEqual([
      `✓ #1: reloaded \`${version}\``,
      `✓ #0: reloaded \`${version}\``,
    ]);
    for (const dm of [false, true]) {
      const answer = await fake.sendInteraction({ ...question, dm }).reply(15_000);
      expect(shownText(answer.embeds[0]!.description as string)).toContain('tridnevni obisk v Laosu');
    }

    const beforeStop = app.stderr().length;
    app.child.kill('SIGTERM');
    expect(await app.exit).toBe(0);
    expect(app.stderr().trimEnd().split('\n').at(-1)).toMatch(/INFO +\[manager\] stopped$/);
    expect(app.stderr()).not.toContain('network guard');
    // Its own stop is not an outage: no shard says it is reconnecting or was disconnected.
    expect(app.stderr().slice(beforeStop)).not.toMatch(/reconnecting|disconnected/);
    fake.assertNoProblems();
  }, 120_000);
});

describe('one host, stopped or crashing', () => {
  it('finishes an answer in flight when Ctrl-C reaches the manager and its shards at once', async () => {
    const fake = await fakeWith({ shards: 2, maxConcurrency: 2 });
    const app = run('launch/sharded.mjs', { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiBaseUrl }, undefined, {
      guard,
      group: true,
    });
    runs.push(app);
    await withLogOf(app, fake.waitForIdentify(60_000));
    await expect.poll(() => fake.gateway.identifies.length, { timeout: 30_000 }).toBe(2);
    // Rate-limited: discord.js waits a second before it sends the answer again.
    fake.failNext({ method: 'POST', pathPattern: '/callback', status: 429, retryAfter: 1 });
    const asked = fake.sendInteraction(question);
    await fake.waitForRequest((r) => r.status === 429, 10_000);
    // What a terminal does on Ctrl-C: the signal to every process of the group.
    process.kill(-app.child.pid!, 'SIGINT');
    expect((await withLogOf(app, asked.reply(10_000))).embeds.length).toBeGreaterThan(0);
    expect(await app.exit).toBe(0);
    expect(app.stderr()).not.toMatch(/again: stopping now/);
  }, 120_000);

  it('starts a shard that crashed again, saying so in the log, while the other keeps answering', async () => {
    const fake = await fakeWith({ shards: 2, maxConcurrency: 2 });
    const app = run('launch/sharded.mjs', { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiBaseUrl }, undefined, {
      guard,
      preloads: [path.join(import.meta.dirname, 'crash-on-signal.mjs')],
    });
    runs.push(app);
    await withLogOf(app, fake.waitForIdentify(60_000));
    await expect.poll(() => fake.gateway.identifies.length, { timeout: 30_000 }).toBe(2);
    const [shard] = childrenOf(app.child.pid!);
    process.kill(shard!, 'SIGUSR2');
    await withLogOf(app, expect.poll(() => fake.gateway.identifies.length, { timeout: 30_000 }).toBe(3));
    expect(app.stderr()).toMatch(/ERROR +\[shard \d\] crashed Error: a bug this shard met/);
    expect(app.stderr()).toMatch(/shard \d exited \(code 1\); starting it again/);
    expect(app.stderr()).not.toMatch(/stopping this host/);
    for (const dm of [false, true])
      expect((await fake.sendInteraction({ ...question, dm }).reply(15_000)).embeds.length).toBeGreaterThan(0);
    app.child.kill('SIGTERM');
    expect(await app.exit).toBe(0);
  }, 120_000);
});

/** The ids of the processes whose parent is `pid` (read from /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // "pid (comm) state ppid …": comm may hold spaces, so read after its closing parenthesis.
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('two hosts, one shard each', () => {
  it('runs the shards SHARD_IDS names, identifying at once in separate buckets', async () => {
    const fake = await fakeWith({ shards: 2, maxConcurrency: 2 });
    const vars = { SHARD_COUNT: '2' };
    const hostA = sharded(fake, { ...vars, SHARD_IDS: '0' });
    const hostB = sharded(fake, { ...vars, SHARD_IDS: '1' });
    await withLogOf(hostA, withLogOf(hostB, fake.waitForIdentify(60_000)));
    expect(fake.gateway.identifies.map((i) => i.shard[0]).sort()).toEqual([0, 1]);
    expect((await fake.sendInteraction(question).reply(15_000)).embeds.length).toBeGreaterThan(0);
    expect((await fake.sendInteraction({ ...question, dm: true }).reply(15_000)).embeds.length).toBeGreaterThan(0);
    await expect.poll(() => linesOf(hostB, 1).some((l) => /\/ask in \d+/.test(l))).toBe(true);
    await expect.poll(() => linesOf(hostA, 0).some((l) => /\/ask in DM/.test(l))).toBe(true);
    expect(linesOf(hostA, 1)).toEqual([]);
    // They share no database: each says so, and a reload names the shard it cannot reach.
    for (const host of [hostA, hostB])
      expect(host.stderr()).toMatch(/this host runs 1 of 2 shards with no DATABASE_URL/);
    const reload = await fake.sendInteraction({ command: 'reload', user: 'moderator', locale: 'en-US' }).reply(60_000);
    const fields = reload.embeds[0]!.fields as { name: string; value: string }[];
    expect(fields.find((f) => f.name === 'Shards')!.value.split('\n')).toEqual([
      expect.stringMatching(/^✓ #1: reloaded `\w+`$/),
      '✗ #0: on another host, which a reload cannot reach without a shared database (DATABASE_URL)',
    ]);
    // A manager killed outright takes its shard with it (discord.js would leave it running).
    const closed = fake.waitForGatewayClose(30_000);
    hostB.child.kill('SIGKILL');
    await closed;
    await expect
      .poll(() => linesOf(hostB, 1).some((l) => /the shard manager is gone: stopping this shard/.test(l)))
      .toBe(true);
    hostA.child.kill('SIGTERM');
    expect(await hostA.exit).toBe(0);
    fake.assertNoProblems();
  }, 120_000);

  it('refuses shard ids the bot does not have, in one line, before starting anything', async () => {
    const fake = await fakeWith({ shards: 2, maxConcurrency: 1 });
    const app = sharded(fake, { SHARD_COUNT: '2', SHARD_IDS: '1-2' });
    expect(await app.exit).toBe(1);
    // After the line naming where the settings came from, one line says why.
    expect(app.stderr().trim().split('\n')).toEqual([
      expect.stringMatching(/INFO +\[manager\] settings: /),
      expect.stringMatching(
        /ERROR \[manager\] could not start the shards: SHARD_IDS names shard 2 but there are 2 shards \(ids 0 to 1\)$/,
      ),
    ]);
    expect(fake.gateway.identifies).toEqual([]);
  }, 60_000);
});
