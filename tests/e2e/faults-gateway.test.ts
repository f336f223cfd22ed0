/**
 * What Discord's gateway does to a running bot, end to end on the fake: reconnect requests,
 * invalidated sessions, closes with each kind of code, a connection that stops acknowledging
 * heartbeats, a token refused. The bot must come back (resuming when it may, identifying anew when
 * it must), lose no answer that Discord replays, and stop with one clear line when it cannot go on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fake-discord/server.ts';
import { commands } from '../../commands/index.ts';
import { loadConfig } from '../../src/config.ts';
import { startBot, type RunningBot } from '../../src/discord/bot.ts';
import { Engine, LiveEngine } from '../../src/engine/index.ts';
import { setLogLevel, setLogSink } from '../../src/log.ts';
import { run } from './setup.ts';
import { CORPUS, tempStore } from '../helpers.ts';
import type { Store } from '../../src/storage/store.ts';

let fake: FakeDiscord;
let bot: RunningBot;
let store: Store;
const logLines: string[] = [];
let restoreLog = () => {};

beforeAll(async () => {
  // Heartbeats every 400 ms: a connection that stops acknowledging them is noticed within a second.
  fake = await FakeDiscord.start({ heartbeatIntervalMs: 400 });
  restoreLog = setLogSink((line) => logLines.push(line));
  setLogLevel('debug');
  const config = loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiBaseUrl });
  store = (await tempStore()).store;
  bot = await startBot(config, new LiveEngine(await Engine.fromDirectory(CORPUS), CORPUS), commands, store);
  await fake.waitForIdentify();
});

afterAll(async () => {
  await bot?.stop();
  await store?.close();
  await fake?.close();
  restoreLog();
  setLogLevel('info');
});

const ask = (question = 'Kdo je podpisal sporazum?') => fake.sendInteraction({ command: 'ask', options: { question } });

/** A question asked while the bot is away: Discord keeps it in the session and replays it on RESUME. */
async function answeredAfterResume(fault: () => void): Promise<void> {
  const resumed = fake.waitForResume();
  fault();
  const meanwhile = ask('Kje je Putin podpisal sporazum?');
  await resumed;
  expect((await meanwhile.reply()).embeds.length).toBeGreaterThan(0);
  expect((await ask().reply()).embeds.length).toBeGreaterThan(0);
}

/** The bot identifies anew (a new session) and answers again. */
async function answersAfterIdentify(fault: () => void): Promise<void> {
  const before = fake.gateway.session!.id;
  const identified = new Promise<void>((resolve) => fake.gateway.once('identify', () => resolve()));
  fault();
  // discord.js waits out Discord's 5 s between identifies of one bucket.
  await identified;
  expect(fake.gateway.session!.id).not.toBe(before);
  expect((await ask().reply()).embeds.length).toBeGreaterThan(0);
}

describe('gateway faults', () => {
  it('op 9 with d: true: resumes the session on the same connection, replaying what it missed', async () => {
    await answeredAfterResume(() => fake.invalidateSession(true));
  });

  it('close 4009 (session timed out): resumes, as discord.js does for it', async () => {
    await answeredAfterResume(() => fake.closeGateway(4009, 'Session timed out.'));
  });

  it('a connection that stops acknowledging heartbeats (zombie): reconnects and resumes', async () => {
    fake.gateway.ackHeartbeats = false;
    try {
      await answeredAfterResume(() => {});
    } finally {
      fake.gateway.ackHeartbeats = true;
    }
    expect(logLines.some((l) => /Zombie connection/.test(l))).toBe(true);
  });

  it('op 9 with d: false: identifies a new session and answers again', async () => {
    await answersAfterIdentify(() => fake.invalidateSession(false));
  }, 20_000);

  it('close 1000: identifies a new session and answers again, and the log says when it is back', async () => {
    const from = logLines.length;
    await answersAfterIdentify(() => fake.closeGateway(1000, 'Normal closure'));
    const shown = logLines.slice(from).filter((l) => / (INFO|WARN) /.test(l) && /gateway/.test(l));
    expect(shown).toEqual([
      expect.stringMatching(/INFO {2}gateway shard 0 reconnecting$/),
      expect.stringMatching(/INFO {2}gateway shard 0 connected again with a new session/),
    ]);
  }, 20_000);

  it('kept every answer valid and never gave up', () => {
    expect(logLines.filter((l) => / ERROR /.test(l))).toEqual([]);
    fake.assertNoProblems();
  });
});

describe('authentication failed (4004)', () => {
  it.concurrent(
    'stops with one clear line and exit code 1 when Discord closes with 4004 while it runs',
    async ({ expect }) => {
      const own = await FakeDiscord.start();
      try {
        const app = run('src/main.ts', { DISCORD_TOKEN: own.token, DISCORD_API_URL: own.apiBaseUrl });
        await own.waitForIdentify(30_000);
        own.gateway.refuseIdentify = true;
        own.closeGateway(4004, 'Authentication failed.');
        expect(await app.exit).toBe(1);
        const errors = app
          .stderr()
          .split('\n')
          .filter((l) => / (ERROR|WARN) /.test(l));
        expect(errors).toEqual([
          expect.stringMatching(
            / ERROR Discord refused DISCORD_TOKEN at the gateway \(4004 Authentication failed\): reset the token in the Developer Portal and update it$/,
          ),
        ]);
      } finally {
        await own.close();
      }
    },
    60_000,
  );

  it.concurrent(
    'stops with one clear line and exit code 1 when the gateway refuses the token at the start',
    async ({ expect }) => {
      const own = await FakeDiscord.start();
      own.gateway.refuseIdentify = true;
      try {
        const app = run('src/main.ts', { DISCORD_TOKEN: own.token, DISCORD_API_URL: own.apiBaseUrl });
        expect(await app.exit).toBe(1);
        expect(
          app
            .stderr()
            .split('\n')
            .filter((l) => / (ERROR|WARN) /.test(l)),
        ).toEqual([
          expect.stringMatching(
            / ERROR could not connect to Discord: Discord refused DISCORD_TOKEN at the gateway \(4004 Authentication failed\)/,
          ),
        ]);
      } finally {
        await own.close();
      }
    },
    60_000,
  );
});
