/**
 * `npm start` when Discord cannot be reached: a firewall that lets REST through but not the
 * gateway, a proxy that swallows WebSocket upgrades, a REST API that never answers, a gateway
 * lost after the start. The bot must give up within DISCORD_CONNECT_TIMEOUT_SECONDS with one
 * line saying why, and exit 1 so a supervisor restarts it.
 */
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'vitest';
import { FakeDiscord } from '../fake-discord/server.ts';
import { logLinesAt, plainGuard, run, withLogOf, type Run } from './setup.ts';

/** A loopback port nothing listens on (for now): connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once `text` is in the bot's log (checked every 50 ms). */
async function logged(bot: Run, text: RegExp): Promise<void> {
  while (!text.test(bot.stderr())) await sleep(50);
}

// Each test runs its own bot against its own fake and mostly waits out a deadline: run them side by side.
describe.concurrent('npm start when Discord cannot be reached', () => {
  /** A bot started against its own fake, giving up after `seconds`; returns the run and the fake. */
  async function startAgainst(
    prepare: (fake: FakeDiscord) => void,
    seconds: number,
  ): Promise<{ bot: Run; fake: FakeDiscord }> {
    const own = await FakeDiscord.start();
    prepare(own);
    return {
      fake: own,
      bot: run('src/main.ts', {
        DISCORD_TOKEN: own.token,
        DISCORD_API_URL: own.apiBaseUrl,
        DISCORD_CONNECT_TIMEOUT_SECONDS: String(seconds),
      }),
    };
  }
  const errorLines = (bot: Run) => logLinesAt(bot, 'ERROR');

  // A minute each: a process start under tsx takes seconds on a busy machine; the bot's own timeouts are 2 s.
  it('gives up with one line and exits 1 when the gateway refuses connections but REST works', async ({ expect }) => {
    const { bot, fake: blocked } = await startAgainst((f) => f.setGatewayMode('refuse'), 2);
    try {
      expect(await bot.exit).toBe(1);
      expect(errorLines(bot)).toEqual([
        expect.stringMatching(
          /could not connect to Discord: timed out: no connection to the Discord gateway at ws:\/\/127\.0\.0\.1:\d+\/gateway within 2 s, although its REST API answers \(a firewall or proxy may block WebSocket connections\)$/,
        ),
      ]);
      // discord.js retried every half second meanwhile; the log says so once, not every time.
      expect(bot.stderr().match(/ INFO .*reconnecting/g)?.length ?? 0).toBeLessThanOrEqual(1);
    } finally {
      await blocked.close();
    }
  }, 60_000);

  it('gives up when the gateway handshake never completes', async ({ expect }) => {
    const { bot, fake: silent } = await startAgainst((f) => f.setGatewayMode('silent'), 2);
    try {
      expect(await bot.exit).toBe(1);
      expect(errorLines(bot)).toEqual([
        expect.stringMatching(/timed out: no connection to the Discord gateway .* within 2 s/),
      ]);
    } finally {
      await silent.close();
    }
  }, 60_000);

  it('says "timed out" when the REST API accepts connections but never answers', async ({ expect }) => {
    const { bot, fake: hanging } = await startAgainst(
      (f) => f.hangNext({ pathPattern: '/gateway/bot', times: Infinity }),
      2,
    );
    try {
      expect(await bot.exit).toBe(1);
      expect(errorLines(bot)).toEqual([
        expect.stringMatching(
          new RegExp(
            `could not connect to Discord: timed out: Discord's API at ${hanging.apiBaseUrl.replace(/[.]/g, '\\.')} did not answer within 2 s`,
          ),
        ),
      ]);
      expect(bot.stderr()).not.toMatch(/aborted/i);
    } finally {
      await hanging.close();
    }
  }, 60_000);

  it('exits 1 when the gateway is lost after the start and does not come back in time', async ({ expect }) => {
    // Long enough for the start itself on a busy machine: the deadline also covers the first login.
    const { bot, fake: lost } = await startAgainst(() => {}, 8);
    try {
      await lost.waitForIdentify(30_000);
      lost.setGatewayMode('refuse');
      lost.closeGateway(4000);
      expect(await bot.exit).toBe(1);
      expect(errorLines(bot)).toEqual([
        expect.stringMatching(
          /timed out: lost the connection to the Discord gateway and could not reconnect within 8 s$/,
        ),
      ]);
    } finally {
      await lost.close();
    }
  }, 60_000);

  it('keeps trying while the API refuses connections, then gives up naming DISCORD_API_URL', async ({ expect }) => {
    // A REST proxy that is down: connections to it are refused at once.
    const apiUrl = `http://127.0.0.1:${await closedPort()}/api`;
    const startedAt = Date.now();
    const bot = run('src/main.ts', {
      DISCORD_TOKEN: 'MTExMTExMTExMTExMTExMTEx.Refuse.connections-test-token',
      DISCORD_API_URL: apiUrl,
      DISCORD_CONNECT_TIMEOUT_SECONDS: '4',
    });
    expect(await bot.exit).toBe(1);
    // It waited out the deadline rather than exiting on the first refusal.
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(4000);
    const url = apiUrl.replace(/[.]/g, '\\.');
    expect(errorLines(bot)).toEqual([
      expect.stringMatching(
        new RegExp(
          `could not connect to Discord: timed out: could not connect to Discord's API at ${url} \\(DISCORD_API_URL\\) within 4 s: connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+ \\(\\d+ attempts\\)$`,
        ),
      ),
    ]);
    // The first refusal is logged; the retries after it are not, each.
    const warnings = logLinesAt(bot, 'WARN');
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `cannot reach Discord's API at ${url} \\(DISCORD_API_URL\\): connect ECONNREFUSED .*trying again, with growing pauses up to 30 s, for up to 4 s \\(DISCORD_CONNECT_TIMEOUT_SECONDS\\)$`,
        ),
      ),
    ]);
  }, 60_000);

  it('with DISCORD_CONNECT_TIMEOUT_SECONDS=0 waits for an API that is down at boot, and runs once it is up', async ({
    expect,
  }) => {
    const port = await closedPort();
    const bot = run(
      'src/main.ts',
      {
        DISCORD_TOKEN: 'MTExMTExMTExMTExMTExMTEx.Comes.up-later-test-token',
        DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
        DISCORD_CONNECT_TIMEOUT_SECONDS: '0',
      },
      undefined,
      { node: true },
    );
    let late: FakeDiscord | undefined;
    try {
      await withLogOf(
        bot,
        logged(bot, /cannot reach Discord's API .*until it answers \(DISCORD_CONNECT_TIMEOUT_SECONDS=0\)/),
      );
      // The proxy comes up where the bot looks.
      late = await FakeDiscord.start({ port, token: 'MTExMTExMTExMTExMTExMTEx.Comes.up-later-test-token' });
      await withLogOf(bot, late.waitForIdentify(45_000));
      const reply = await late.sendInteraction({ command: 'ask', options: { question: 'Kdo je Kim?' } }).reply(15_000);
      expect(reply.embeds.length).toBeGreaterThan(0);
      // Its stop closes the gateway connection it made after waiting (a client logged in again
      // after a failed login left it open: discord.js had marked its gateway destroyed).
      const closed = late.waitForGatewayClose(10_000);
      bot.child.kill('SIGTERM');
      await closed;
    } finally {
      bot.child.kill('SIGTERM');
      await late?.close();
    }
    expect(await bot.exit).toBe(0);
    expect(bot.stderr()).toMatch(/reached Discord's API at .* \(DISCORD_API_URL\) after \d+ attempts/);
    expect(bot.stderr()).not.toMatch(/ ERROR /);
  }, 90_000);

  it('start:sharded also keeps asking for the shard count while the API refuses connections, then gives up', async ({
    expect,
  }) => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}/api`;
    const startedAt = Date.now();
    const manager = run(
      'launch/sharded.mjs',
      {
        DISCORD_TOKEN: 'MTExMTExMTExMTExMTExMTEx.Refuse.sharded-test-token',
        DISCORD_API_URL: apiUrl,
        DISCORD_CONNECT_TIMEOUT_SECONDS: '4',
      },
      undefined,
      { guard: await plainGuard() },
    );
    expect(await manager.exit).toBe(1);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(4000);
    const url = apiUrl.replace(/[.]/g, '\\.');
    expect(errorLines(manager)).toEqual([
      expect.stringMatching(
        new RegExp(
          `\\[manager\\] could not start the shards: timed out: could not connect to Discord's API at ${url} \\(DISCORD_API_URL\\) within 4 s: connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+ \\(\\d+ attempts\\)$`,
        ),
      ),
    ]);
    expect(manager.stderr().match(/ WARN /g)?.length).toBe(1);
  }, 60_000);
});
