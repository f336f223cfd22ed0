/**
 * `npm start` when Discord cannot be reached: a firewall that lets REST through but not the
 * gateway, a proxy that swallows WebSocket upgrades, a REST API that never answers, a gateway
 * lost after the start. The bot must give up within DISCORD_CONNECT_TIMEOUT_SECONDS with one
 * line saying why, and exit 1 so a supervisor restarts it.
 */
import { describe, it } from 'vitest';
import { FakeDiscord } from '../fake-discord/server.ts';
import { run, type Run } from './setup.ts';

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
  const errorLines = (bot: Run) =>
    bot
      .stderr()
      .split('\n')
      .filter((l) => / ERROR /.test(l));

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
});
