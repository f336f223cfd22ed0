/**
 * The real entry points as child processes (`node launch/main.mjs`, `tsx src/deploy-commands.ts`),
 * pointed at the fake Discord through DISCORD_API_URL: what `npm start` and
 * `npm run deploy-commands` do on a real machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fake-discord/server.ts';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DATABASE_FILE } from '../../src/storage/sqlite/sqlite-store.ts';
import { holdDataDir } from '../../src/storage/data-dir-hold.ts';
import { CORPUS, REPO, corpusDir, tempStore } from '../helpers.ts';
import { ARTICLE, corpusCopy, logLinesAt, plainGuard, run, withLogOf } from './setup.ts';
import { commands } from '../../commands/index.ts';

/** What the deploy registers: every command of commands/, the message command included. */
/** What the deploy sends: every command of commands/ (their list is checked in tests/discord/commands.test.ts). */
const DEPLOYED = commands.map((c) => c.data.name);

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake?.close();
});

// Tests that change nothing on the shared fake run side by side (it.concurrent): each is its own
// process, and vitest gives this file one worker.
describe('npm start', () => {
  it('runs the bot against DISCORD_API_URL, answers, and exits 0 on SIGTERM', async () => {
    const corpus = await corpusCopy();
    // DATA_DIR does not exist yet: the first start creates it and the database in it.
    const dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'odlomek-data-')), 'new', 'data');
    // As `npm start` runs it: plain node on the launcher, which bundles src/ when it changed.
    const bot = run(
      'launch/main.mjs',
      {
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiBaseUrl,
        CORPUS_DIR: corpus.dir,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'debug',
      },
      undefined,
      { guard: await plainGuard() },
    );
    try {
      await fake.waitForIdentify(30_000);
      const reply = await fake.sendInteraction({ command: 'ask', options: { question: 'Kdo je Kim?' } }).reply(15_000);
      expect(reply.embeds.length).toBeGreaterThan(0);
      // Without QA channels no privileged intent is asked for, and mentions are still answered.
      const identify = fake.gatewayFrames.find((f) => f.direction === 'in' && f.op === 2)!;
      expect((identify.d as { intents: number }).intents & (1 << 15)).toBe(0);
      const answer = await fake
        .sendMessage({ content: `<@${fake.world.botUser.id}> kdo je podpisal sporazum?` })
        .reply();
      expect((answer.body as { embeds: unknown[] }).embeds.length).toBeGreaterThan(0);
    } finally {
      bot.child.kill('SIGTERM');
    }
    expect(await bot.exit).toBe(0);
    expect(bot.stderr()).toMatch(/ready as odlomek-test \(\d+\) in 1 server; corpus/);
    expect(bot.stderr()).toMatch(/SIGTERM: disconnecting/);
    expect(bot.stderr() + bot.stdout()).not.toContain(fake.token);
    expect(bot.stderr()).not.toContain('network guard');
    expect(fake.commands.global).toEqual([]); // starting never registers commands
    expect(existsSync(path.join(dataDir, DATABASE_FILE))).toBe(true);
    // The log names the database, made by this first start.
    expect(bot.stderr()).toContain(`database: SQLite file ${path.join(dataDir, DATABASE_FILE)} (created)`);
    fake.assertNoProblems();
  }, 60_000);

  it.concurrent(
    'on SIGTERM sends the answers still in flight before it disconnects',
    async ({ expect }) => {
      const own = await FakeDiscord.start();
      // Plain node with tsx loaded: the tsx command kills a child slow to report a relayed signal.
      const bot = run('src/main.ts', { DISCORD_TOKEN: own.token, DISCORD_API_URL: own.apiBaseUrl }, undefined, {
        node: true,
      });
      try {
        await withLogOf(bot, own.waitForIdentify(30_000));
        // Rate-limited: discord.js waits a second before it sends the answer again (2 s left too
        // little of Discord's 3 on a loaded machine).
        own.failNext({ method: 'POST', pathPattern: '/callback', status: 429, retryAfter: 1 });
        const asked = own.sendInteraction({ command: 'ask', options: { question: 'Kdo je Kim?' } });
        await own.waitForRequest((r) => r.status === 429, 10_000);
        bot.child.kill('SIGTERM');
        const reply = await withLogOf(bot, asked.reply(10_000));
        expect(reply.embeds.length).toBeGreaterThan(0);
        expect(await bot.exit).toBe(0);
        expect(bot.stderr()).toMatch(/stopping: finishing 1 answer in flight \(at most 5 s\)/);
      } finally {
        bot.child.kill('SIGKILL');
        await own.close();
      }
    },
    60_000,
  );

  it.concurrent(
    'stopped while it indexes, exits 0, and the next start indexes at once instead of waiting for the lock it left',
    async ({ expect }) => {
      // About 20 000 passages: seconds of indexing, in a worker thread.
      const text = (await readFile(path.join(CORPUS, ARTICLE), 'utf8')).replace(/^---[\s\S]*?---\n/, '');
      const lines = Array.from({ length: 1800 }, (_, i) =>
        JSON.stringify({ id: `kopija-${i}`, title: `Kopija ${i}`, date: '2024-06', text: `${text}\n\nŠtevilka ${i}.` }),
      );
      const corpus = await corpusDir({ 'kopije.jsonl': `${lines.join('\n')}\n` });
      const cache = await mkdtemp(path.join(tmpdir(), 'odlomek-cache-'));
      const own = await FakeDiscord.start();
      const env = {
        DISCORD_TOKEN: own.token,
        DISCORD_API_URL: own.apiBaseUrl,
        CORPUS_DIR: corpus,
        INDEX_CACHE_DIR: cache,
      };
      try {
        const first = run('src/main.ts', env, undefined, { node: true });
        for (let waited = 0; !(await readdir(cache)).some((f) => f.endsWith('.lock')) && waited < 30_000; waited += 50)
          await new Promise((resolve) => setTimeout(resolve, 50));
        first.child.kill('SIGTERM');
        expect(await first.exit).toBe(0);
        expect(first.stderr()).toContain('SIGTERM: disconnecting from Discord');
        const again = run('src/main.ts', env, undefined, { node: true });
        try {
          // Well inside the minute after which a lock nobody touches counts as stale.
          await withLogOf(again, own.waitForIdentify(45_000));
        } finally {
          again.child.kill('SIGTERM');
        }
        expect(await again.exit).toBe(0);
        expect(again.stderr()).toContain('corpus: indexed it');
        expect(again.stderr()).not.toContain('waiting for another process');
      } finally {
        await own.close();
      }
    },
    120_000,
  );

  it.concurrent(
    'stopped while it still waits for its database, exits 0 rather than by the signal',
    async ({ expect }) => {
      // A database server that accepts the connection and never answers.
      const silent = createServer(() => {});
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const connected = new Promise<void>((resolve) => silent.once('connection', () => resolve()));
      const { port } = silent.address() as AddressInfo;
      try {
        const bot = run(
          'src/main.ts',
          { DISCORD_TOKEN: fake.token, DATABASE_URL: `postgres://odlomek:secret@127.0.0.1:${port}/odlomek` },
          undefined,
          { node: true },
        );
        await withLogOf(bot, connected);
        bot.child.kill('SIGTERM');
        expect(await bot.exit).toBe(0);
        expect(bot.stderr()).toContain('SIGTERM: disconnecting from Discord');
      } finally {
        silent.close();
      }
    },
    60_000,
  );

  it.concurrent(
    'refuses a second start on the same DATA_DIR while the first runs, and starts once it was killed',
    async ({ expect }) => {
      const own = await FakeDiscord.start();
      const env = {
        DISCORD_TOKEN: own.token,
        DISCORD_API_URL: own.apiBaseUrl,
        DATA_DIR: await mkdtemp(path.join(tmpdir(), 'odlomek-data-')),
      };
      // Plain node with tsx loaded, so the pid is the bot's own (the tsx command runs it as a child).
      const first = run('src/main.ts', env, undefined, { node: true });
      try {
        await withLogOf(first, own.waitForIdentify(30_000));
        const second = run('src/main.ts', env, undefined, { node: true });
        expect(await second.exit).toBe(1);
        expect(logLinesAt(second, 'ERROR')).toEqual([
          expect.stringMatching(
            new RegExp(
              `DATA_DIR ${env.DATA_DIR} is in use by another odlomek with the same token \\(pid ${first.child.pid}, npm start since .*\\): two bots on one token would answer every question twice`,
            ),
          ),
        ]);
        // Killed without a chance to clean up: the hold goes with the process.
        first.child.kill('SIGKILL');
        await first.exit;
        const third = run('src/main.ts', env, undefined, { node: true });
        try {
          for (let waited = 0; !/ready as /.test(third.stderr()) && waited < 30_000; waited += 100)
            await new Promise((resolve) => setTimeout(resolve, 100));
          expect(third.stderr()).toMatch(/ready as /);
        } finally {
          third.child.kill('SIGTERM');
        }
        expect(await third.exit).toBe(0);
      } finally {
        first.child.kill('SIGKILL');
        await own.close();
      }
    },
    60_000,
  );

  it.concurrent(
    'start:sharded of every shard is refused on a DATA_DIR in use too; a host with SHARD_IDS is not',
    async ({ expect }) => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'odlomek-data-'));
      // This test's process plays the bot already running there.
      const running = holdDataDir(dataDir, fake.token, 'npm start');
      try {
        const vars = { DISCORD_TOKEN: fake.token, DATA_DIR: dataDir, SHARD_COUNT: '2' };
        const manager = run('src/sharded.ts', vars);
        expect(await manager.exit).toBe(1);
        expect(manager.stderr()).toContain(
          `DATA_DIR ${dataDir} is in use by another odlomek with the same token (pid ${process.pid}, npm start since`,
        );
        // A host running only some shards goes on to Discord (here the discard port, so it fails there).
        const part = run('src/sharded.ts', { ...vars, SHARD_IDS: '1', DISCORD_CONNECT_TIMEOUT_SECONDS: '1' });
        expect(await part.exit).toBe(1);
        expect(part.stderr()).not.toContain('is in use by another odlomek');
      } finally {
        if (running.held) running.release();
      }
    },
    60_000,
  );

  it.concurrent(
    'exits 1 with a hint when Discord refuses the Message Content intent (4014)',
    async ({ expect }) => {
      const strict = await FakeDiscord.start({ allowPrivilegedIntents: false });
      try {
        const bot = run('src/main.ts', {
          DISCORD_TOKEN: strict.token,
          DISCORD_API_URL: strict.apiBaseUrl,
          QA_CHANNEL_IDS: strict.world.channels.questions.id,
        });
        expect(await bot.exit).toBe(1);
        expect(bot.stderr()).toMatch(/enable it for the bot in the Developer Portal, or leave QA_CHANNEL_IDS empty/);
        expect(bot.stderr()).not.toContain(strict.token);
      } finally {
        await strict.close();
      }
    },
    60_000,
  );

  it.concurrent(
    "starts without the Message Content intent when Discord refuses it and only servers' own Q&A channels asked for it",
    async ({ expect }) => {
      const strict = await FakeDiscord.start({ allowPrivilegedIntents: false });
      // A moderator chose a Q&A channel with /settings channel-add; QA_CHANNEL_IDS stays empty.
      const { store, dir } = await tempStore();
      await store.saveGuildSettings(strict.world.guild.id, { qaChannelIds: [strict.world.channels.questions.id] });
      await store.close();
      const bot = run(
        'launch/main.mjs',
        { DISCORD_TOKEN: strict.token, DISCORD_API_URL: strict.apiBaseUrl, DATA_DIR: dir },
        undefined,
        { guard: await plainGuard() },
      );
      try {
        await withLogOf(bot, strict.waitForIdentify(30_000));
        // Identified without the privileged intent, after Discord refused the first identify with it.
        const identifies = strict.gatewayFrames.filter((f) => f.direction === 'in' && f.op === 2);
        expect(identifies.length).toBe(2);
        expect((identifies[0]!.d as { intents: number }).intents & (1 << 15)).not.toBe(0);
        expect((identifies[1]!.d as { intents: number }).intents & (1 << 15)).toBe(0);
        // Mentions are still answered.
        const answer = await withLogOf(
          bot,
          strict.sendMessage({ content: `<@${strict.world.botUser.id}> kdo je podpisal sporazum?` }).reply(15_000),
        );
        expect((answer.body as { embeds: unknown[] }).embeds.length).toBeGreaterThan(0);
      } finally {
        bot.child.kill('SIGTERM');
        await strict.close();
      }
      expect(await bot.exit).toBe(0);
      const warnings = logLinesAt(bot, 'WARN');
      expect(warnings).toEqual([
        expect.stringMatching(
          /Discord refused the Message Content intent, asked for because servers chose Q&A channels of their own .*not read until the intent is enabled .*mentions and the commands still work$/,
        ),
      ]);
      expect(bot.stderr()).not.toMatch(/ ERROR |QA_CHANNEL_IDS/);
      expect(bot.stderr()).toContain(`database: SQLite file ${path.join(dir, DATABASE_FILE)} (opened)`);
    },
    60_000,
  );

  it.concurrent(
    'without a token says so in one line and answers on the console, each piped question above its answer',
    async ({ expect }) => {
      const app = run('src/main.ts', {}, 'Kdo je Kim?\n');
      expect(await app.exit).toBe(0);
      expect(app.stderr()).toBe(
        'DISCORD_TOKEN ni nastavljen, zato se bot za Discord ne zažene; vprašanja zastavi tukaj (konec s Ctrl-D).\n',
      );
      expect(app.stdout()).toMatch(/^\? Kdo je Kim\?\n\[1\] ¶ \d+ · .* · putin-kim-2024-06#\d+\n/);
      expect(app.stdout()).toContain('Najboljši stavek');
    },
    30_000,
  );

  it.concurrent(
    'without a token and with /dev/null for standard input (a service) says so in one line and exits 1, from any folder',
    async ({ expect }) => {
      const guard = await plainGuard();
      const launcher = path.join(REPO, 'launch/main.mjs');
      // No CORPUS_DIR: the repository's corpus/, wherever the bot starts.
      // A service's usual language setting: the line is in English all the same, as the bot's log is.
      const app = run(launcher, { CORPUS_DIR: '', LANG: 'C.UTF-8' }, 'dev-null', { guard, cwd: '/' });
      expect(await app.exit).toBe(1);
      expect(app.stderr()).toBe(
        `DISCORD_TOKEN is not set (neither in the environment nor in .env here or in ${REPO}), so the Discord bot cannot start, and standard input brings no questions (it is neither a terminal nor a file or pipe): copy .env.example to ${path.join(REPO, '.env')} and set DISCORD_TOKEN in it (README, "Running the Discord bot", step 2)\n`,
      );
      expect(app.stdout()).toBe('');
      // Questions piped in are still answered there.
      const piped = run(launcher, { CORPUS_DIR: '' }, 'Kdo je Kim?\n', { guard, cwd: '/' });
      expect(await piped.exit).toBe(0);
      expect(piped.stdout()).toMatch(/^\? Kdo je Kim\?\n\[1\] ¶ \d+ · /);
    },
    60_000,
  );

  it.concurrent(
    'masks the token in the lines saying the corpus cannot be loaded',
    async ({ expect }) => {
      // The token pasted into CORPUS_DIR instead of DISCORD_TOKEN's line, and set there too.
      const missing = path.join(await mkdtemp(path.join(tmpdir(), 'odlomek-corpus-')), fake.token);
      const app = run('src/main.ts', { DISCORD_TOKEN: fake.token, CORPUS_DIR: missing });
      expect(await app.exit).toBe(1);
      // The bot's log is English, with time and level, whatever the system's language.
      expect(logLinesAt(app, 'ERROR')).toEqual([
        expect.stringMatching(
          new RegExp(`ERROR {1,2}The corpus in ${path.dirname(missing)}/\\[redacted\\] cannot be loaded:$`),
        ),
        expect.stringMatching(/ERROR .*\S/),
        expect.stringMatching(
          /ERROR {1,2}corpus: nothing to answer from: mend the folder and start again \(with INDEX_CACHE_DIR set/,
        ),
      ]);
      expect(app.stderr() + app.stdout()).not.toContain(fake.token);
    },
    30_000,
  );

  it.concurrent(
    'says whether it read the saved index from INDEX_CACHE_DIR or indexed the corpus',
    async ({ expect }) => {
      const cache = await mkdtemp(path.join(tmpdir(), 'odlomek-cache-'));
      const first = run('src/main.ts', { INDEX_CACHE_DIR: cache, LANG: 'en_GB.UTF-8' }, 'Kdo je Kim?\n');
      expect(await first.exit).toBe(0);
      expect(first.stderr()).toContain(`corpus: indexed it (${cache} had no saved index of the corpus as it is now)`);
      const again = run('src/main.ts', { INDEX_CACHE_DIR: cache, LANG: 'en_GB.UTF-8' }, 'Kdo je Kim?\n');
      expect(await again.exit).toBe(0);
      expect(again.stderr()).toContain(`corpus: read its saved index from ${cache} (unchanged since it was indexed)`);
      expect(again.stdout()).toBe(first.stdout());
    },
    60_000,
  );

  it.concurrent(
    'started again after an edit broke the corpus, answers from the last index that loaded and says so',
    async ({ expect }) => {
      const corpus = await corpusCopy();
      const cache = await mkdtemp(path.join(tmpdir(), 'odlomek-cache-'));
      // A fake of its own: the second start must identify again before it is asked.
      const fakes = [await FakeDiscord.start(), await FakeDiscord.start()];
      const env = (fake: FakeDiscord) => ({
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiBaseUrl,
        CORPUS_DIR: corpus.dir,
        INDEX_CACHE_DIR: cache,
        DATA_DIR: dataDir,
      });
      const dataDir = await mkdtemp(path.join(tmpdir(), 'odlomek-data-'));
      const question = { command: 'ask', options: { question: 'Kdo je podpisal sporazum?' } };
      const first = run('src/main.ts', env(fakes[0]!), undefined, { node: true });
      let before: unknown;
      try {
        await withLogOf(first, fakes[0]!.waitForIdentify(30_000));
        before = (await withLogOf(first, fakes[0]!.sendInteraction(question).reply(15_000))).embeds;
      } finally {
        first.child.kill('SIGTERM');
      }
      expect(await first.exit).toBe(0);
      // A moderator's edit leaves a line without a title, and the machine restarts before a /reload.
      await writeFile(path.join(corpus.dir, 'novo.jsonl'), '{"id": "x"}\n');
      const again = run('src/main.ts', env(fakes[1]!), undefined, { node: true });
      try {
        await withLogOf(again, fakes[1]!.waitForIdentify(30_000));
        const after = await withLogOf(again, fakes[1]!.sendInteraction(question).reply(15_000));
        expect(after.embeds).toEqual(before);
      } finally {
        again.child.kill('SIGTERM');
        await Promise.all(fakes.map((f) => f.close()));
      }
      expect(await again.exit).toBe(0);
      expect(again.stderr()).toMatch(/ERROR {3}novo.jsonl:1: missing "title"/);
      expect(logLinesAt(again, 'WARN')).toContainEqual(
        expect.stringMatching(
          /corpus: answering from the last index that loaded \(.*\.odx, last used .*\) until the folder is mended and \/reload succeeds$/,
        ),
      );
    },
    90_000,
  );

  it.concurrent(
    'speaks English on the console when the system locale is English, and refuses an over-long question',
    async ({ expect }) => {
      const app = run('src/main.ts', { LANG: 'en_GB.UTF-8' }, `Kdo je Kim?\n${'Kim '.repeat(400)}\n`);
      expect(await app.exit).toBe(0);
      expect(app.stderr()).toBe(
        'DISCORD_TOKEN is not set, so the Discord bot is not starting; ask questions here instead (Ctrl-D ends).\n',
      );
      expect(app.stdout()).toContain('Best sentence');
      expect(app.stdout()).toContain(
        'The question is too long (1599 characters, at most 1000). Ask something shorter.',
      );
      expect(app.stdout()).not.toMatch(/Najboljši|Vprašanje/);
    },
    30_000,
  );

  it.concurrent(
    'prints one line per bad variable and exits 1, without a stack or the token',
    async ({ expect }) => {
      const app = run('src/main.ts', {
        DISCORD_TOKEN: `${fake.token} oops`,
        LOG_LEVEL: 'loud',
        QA_CHANNEL_IDS: 'general',
      });
      expect(await app.exit).toBe(1);
      expect(app.stderr().trim().split('\n')).toEqual([
        'DISCORD_TOKEN: must be a single word without spaces',
        'QA_CHANNEL_IDS: must be comma-separated Discord channel ids',
        'LOG_LEVEL: must be one of debug, info, warn, error',
      ]);
      expect(app.stdout()).toBe('');
    },
    30_000,
  );
});

describe('npm run forget-guild', () => {
  it("deletes one server's answers and votes from DATA_DIR", async () => {
    const { store, dir } = await tempStore();
    const guildId = fake.world.guild.id;
    const key = await store.saveAnswer({
      question: 'Kdo?',
      passageIds: ['a#1'],
      corpusVersion: 'v',
      locale: 'sl',
      guildId,
      askerId: '100000000000000001',
    });
    await store.vote(key, '100000000000000002', 'up');
    await store.close();
    const app = run('src/forget-guild.ts', { DATA_DIR: dir }, undefined, { args: [guildId] });
    expect(await app.exit).toBe(0);
    expect(app.stdout()).toBe(`Deleted 1 answer and 1 vote of server ${guildId} from ${dir}.\n`);
    const usage = run('src/forget-guild.ts', { DATA_DIR: dir }, undefined, { args: ['not-an-id'] });
    expect(await usage.exit).toBe(2);
    expect(usage.stderr()).toMatch(/^Usage: npm run forget-guild/);
  }, 30_000);

  it('leaves a DATA_DIR the bot never used as it was, creating no database', async () => {
    const { dir } = await tempStore();
    const unused = path.join(dir, 'never-used');
    const app = run('src/forget-guild.ts', { DATA_DIR: unused }, undefined, { args: [fake.world.guild.id] });
    expect(await app.exit).toBe(0);
    expect(app.stdout()).toBe(`Nothing stored in ${unused}: the bot has not run with this DATA_DIR.\n`);
    expect(existsSync(unused)).toBe(false);
  }, 30_000);
});

describe('npm run deploy-commands', () => {
  it('bulk-overwrites the guild commands with a valid body', async () => {
    const app = run('src/deploy-commands.ts', {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiBaseUrl,
      DISCORD_GUILD_ID: fake.world.guild.id,
    });
    expect(await app.exit).toBe(0);
    expect(app.stdout()).toMatch(new RegExp(`^Registered ${DEPLOYED.length} commands for server \\d+\\.\\n$`));
    const put = await fake.waitForRequest((r) => r.method === 'PUT');
    expect(put.path).toBe(`/applications/${fake.world.application.id}/guilds/${fake.world.guild.id}/commands`);
    expect(fake.commands.guild.map((c) => c.name)).toEqual(DEPLOYED);
    expect(app.stderr()).not.toContain('network guard');
    fake.assertNoProblems();
  }, 30_000);

  it('deploys globally without DISCORD_GUILD_ID, using DISCORD_APPLICATION_ID when given', async () => {
    const app = run('src/deploy-commands.ts', {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiBaseUrl,
      DISCORD_APPLICATION_ID: fake.world.application.id,
    });
    expect(await app.exit).toBe(0);
    expect(fake.commands.global.map((c) => c.name)).toEqual(DEPLOYED);
    fake.assertNoProblems();
  }, 30_000);

  it.concurrent(
    'names DISCORD_API_URL when nothing answers at its address',
    async ({ expect }) => {
      // The discard port: nothing listens there, so the connection is refused.
      const app = run('src/deploy-commands.ts', {
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: 'http://127.0.0.1:9/api',
      });
      expect(await app.exit).toBe(1);
      expect(app.stderr()).toMatch(
        /^deploy-commands failed: cannot reach Discord's API at http:\/\/127\.0\.0\.1:9\/api \(DISCORD_API_URL\): .*ECONNREFUSED.*; check the address and that it is up, then run it again\n$/,
      );
    },
    30_000,
  );

  it.concurrent(
    'exits non-zero with the same hint as npm start when Discord refuses the token',
    async ({ expect }) => {
      const wrong = 'MTExMTExMTExMTExMTExMTEx.Wrong0.not-the-token-the-fake-accepts';
      const app = run('src/deploy-commands.ts', { DISCORD_TOKEN: wrong, DISCORD_API_URL: fake.apiBaseUrl });
      expect(await app.exit).not.toBe(0);
      expect(app.stderr()).toBe(
        'deploy-commands failed: Discord refused DISCORD_TOKEN: reset the token in the Developer Portal and update it\n',
      );
      expect(app.stderr()).not.toContain(wrong);
    },
    30_000,
  );

  it.concurrent(
    'says that "Bot " is not part of a pasted token, before asking Discord',
    async ({ expect }) => {
      const app = run('src/deploy-commands.ts', {
        DISCORD_TOKEN: `Bot ${fake.token}`,
        DISCORD_API_URL: fake.apiBaseUrl,
      });
      expect(await app.exit).toBe(1);
      expect(app.stderr()).toBe(
        'DISCORD_TOKEN: must not start with "Bot ": paste only the token, the part after "Bot "\n',
      );
    },
    30_000,
  );

  it.concurrent(
    'says "timed out" when the API never answers',
    async ({ expect }) => {
      const hanging = await FakeDiscord.start();
      hanging.hangNext({ pathPattern: '/applications/@me', times: Infinity });
      try {
        const app = run('src/deploy-commands.ts', {
          DISCORD_TOKEN: hanging.token,
          DISCORD_API_URL: hanging.apiBaseUrl,
          DISCORD_CONNECT_TIMEOUT_SECONDS: '2',
        });
        expect(await app.exit).toBe(1);
        expect(app.stderr()).toBe(
          `deploy-commands failed: timed out: Discord's API at ${hanging.apiBaseUrl} did not answer within 2 s (a proxy or firewall may hold the connection)\n`,
        );
      } finally {
        await hanging.close();
      }
    },
    30_000,
  );
});
