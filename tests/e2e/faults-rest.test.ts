/**
 * What Discord's REST API does to answers, end to end on the fake: rate limits (429 with
 * Retry-After), server errors (500, 502), requests that hang past the timeout, an interaction
 * Discord already forgot (10062) or already saw acknowledged (40060), on each request an answer
 * makes: the interaction callback, the edit of a deferred reply, and the private follow-up a
 * failed answer gets. No crash, and no answer lost that could still be given.
 *
 * (An interaction Discord already forgot, 10062, and a 429 on a direct reply are in bot.test.ts.)
 *
 * Two bots, each on its own fake: `direct` answers with one reply (the usual way); `deferring`
 * (REPLY_BUDGET_MS=0) always defers and edits, so the edit and the follow-up are exercised too.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fake-discord/server.ts';
import type { RecordedRequest } from '../fake-discord/recorder.ts';
import { commands } from '../../commands/index.ts';
import { loadConfig } from '../../src/config.ts';
import { startBot, type RunningBot } from '../../src/discord/bot.ts';
import { Engine, LiveEngine } from '../../src/engine/index.ts';
import { setLogLevel, setLogSink } from '../../src/log.ts';
import { CORPUS, tempStore } from '../helpers.ts';

interface Setup {
  fake: FakeDiscord;
  bot: RunningBot;
}
let direct: Setup;
let deferring: Setup;
const logLines: string[] = [];
let restoreLog = () => {};

async function setUp(vars: Record<string, string>): Promise<Setup> {
  const fake = await FakeDiscord.start();
  const config = loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiBaseUrl, ...vars });
  const { store } = await tempStore();
  const bot = await startBot(config, new LiveEngine(await Engine.fromDirectory(CORPUS), CORPUS), commands, store);
  await fake.waitForIdentify();
  return { fake, bot };
}

beforeAll(async () => {
  restoreLog = setLogSink((line) => logLines.push(line));
  setLogLevel('debug');
  // A one-second REST timeout, so a hanging edit is retried within the test's patience.
  [direct, deferring] = await Promise.all([
    setUp({}),
    setUp({ REPLY_BUDGET_MS: '0', DISCORD_REST_TIMEOUT_SECONDS: '1' }),
  ]);
});

afterAll(async () => {
  for (const s of [direct, deferring]) {
    await s?.bot.stop();
    await s?.fake.close();
  }
  restoreLog();
  setLogLevel('info');
});

afterEach(() => {
  for (const s of [direct, deferring]) {
    expect(s.fake.pendingFaults).toEqual([]);
    s.fake.assertNoProblems();
  }
});

const question = { command: 'ask', options: { question: 'Kje je Putin podpisal sporazum?' }, locale: 'en-US' };
const statuses = (requests: RecordedRequest[], match: (r: RecordedRequest) => boolean) =>
  requests.filter(match).map((r) => r.status);
const isCallback = (r: RecordedRequest) => r.path.endsWith('/callback');
const isEdit = (r: RecordedRequest) => r.method === 'PATCH' && r.path.endsWith('/messages/@original');
const isFollowUp = (r: RecordedRequest) => r.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(r.path);

describe('the interaction callback', () => {
  for (const status of [500, 502])
    it(`retries a ${status} and answers`, async () => {
      direct.fake.failNext({ method: 'POST', pathPattern: '/callback', status });
      const handle = direct.fake.sendInteraction(question);
      expect((await handle.reply()).embeds.length).toBeGreaterThan(0);
      expect(statuses(handle.requests, isCallback)).toEqual([status, 204]);
    });

  it('waits out a 429 with Retry-After on the defer, then edits the answer in', async () => {
    deferring.fake.failNext({ method: 'POST', pathPattern: '/callback', status: 429, retryAfter: 1 });
    const handle = deferring.fake.sendInteraction(question);
    const reply = await handle.reply(10_000);
    expect(reply.deferred).toBe(true);
    expect(reply.embeds.length).toBeGreaterThan(0);
    expect(statuses(handle.requests, isCallback)).toEqual([429, 204]);
  });

  it('aborts a callback that hangs after about a second and retries it within Discord’s 3 s', async () => {
    direct.fake.hangNext({ method: 'POST', pathPattern: '/callback' });
    const handle = direct.fake.sendInteraction(question);
    const reply = await handle.reply(10_000);
    expect(reply.embeds.length).toBeGreaterThan(0);
    expect(statuses(handle.requests, isCallback)).toEqual([0, 204]);
    expect(reply.request.at - handle.state.dispatchedAt).toBeLessThan(3000);
  });

  it('a callback that got through but whose answer was lost: the retry meets 40060 and the reply is edited', async () => {
    direct.fake.hangNext({ method: 'POST', pathPattern: '/callback', afterHandling: true });
    const handle = direct.fake.sendInteraction(question);
    const edit = await handle.waitFor((r) => isEdit(r) && r.status === 200, 10_000);
    expect(statuses(handle.requests, isCallback)).toEqual([0, 400]);
    expect((edit.body as { embeds: unknown[] }).embeds.length).toBeGreaterThan(0);
    expect((handle.state.original?.embeds as unknown[] | undefined)?.length).toBeGreaterThan(0);
    expect(logLines.some((l) => /WARN .*already acknowledged \(40060\).*editing the reply/.test(l))).toBe(true);
  });

  it('40060 on the first callback (another process answered): the reply is edited, nothing crashes', async () => {
    direct.fake.failNext({
      method: 'POST',
      pathPattern: '/callback',
      status: 400,
      body: { message: 'Interaction has already been acknowledged.', code: 40060 },
    });
    // The fake answered 40060 without acknowledging: the edit finds no reply to edit (10015) and the
    // failure ends, logged, in the central handler; the bot goes on.
    const handle = direct.fake.sendInteraction(question);
    await handle.waitFor((r) => isEdit(r), 10_000);
    expect((await direct.fake.sendInteraction(question).reply()).embeds.length).toBeGreaterThan(0);
  });
});

describe('the edit of a deferred reply', () => {
  for (const fault of [{ status: 429, retryAfter: 1 }, { status: 500 }, { status: 502 }])
    it(`survives a ${fault.status} on the edit`, async () => {
      deferring.fake.failNext({ method: 'PATCH', pathPattern: '@original', ...fault });
      const handle = deferring.fake.sendInteraction(question);
      const reply = await handle.reply(10_000);
      expect(reply.embeds.length).toBeGreaterThan(0);
      expect(statuses(handle.requests, isEdit)).toEqual([fault.status, 200]);
    });

  it('retries an edit that hangs past the REST timeout', async () => {
    deferring.fake.hangNext({ method: 'PATCH', pathPattern: '@original' });
    const handle = deferring.fake.sendInteraction(question);
    expect((await handle.reply(10_000)).embeds.length).toBeGreaterThan(0);
    expect(statuses(handle.requests, isEdit)).toEqual([0, 200]);
  });
});

describe('the private follow-up after a failed answer', () => {
  // The edit fails for good (four 500s: discord.js retries three times), so the user is told privately.
  for (const fault of [{ status: 429, retryAfter: 1 }, { status: 500 }, { status: 502 }, null])
    it(`tells the user privately${fault ? `, surviving a ${fault.status} on the follow-up` : ''}`, async () => {
      deferring.fake.failNext({ method: 'PATCH', pathPattern: '@original', status: 500, times: 4 });
      if (fault) deferring.fake.failNext({ method: 'POST', pathPattern: /^\/webhooks\/\d+\/[^/]+$/, ...fault });
      const handle = deferring.fake.sendInteraction(question);
      const followUp = await handle.followUp(0, 20_000);
      expect(followUp.body).toMatchObject({
        content: 'Something went wrong there. Try again in a moment.',
        flags: 64,
        allowed_mentions: { parse: [] },
      });
      expect(statuses(handle.requests, isFollowUp)).toEqual(fault ? [fault.status, 200] : [200]);
      expect(logLines.some((l) => /ERROR .*\/ask in \d+ failed/.test(l))).toBe(true);
      // Who asked stays out of the log (the README's privacy promise): no line names the user.
      const asker = handle.state.userId;
      expect(logLines.filter((l) => l.includes(asker))).toEqual([]);
    }, 30_000);
});
