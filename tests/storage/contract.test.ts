/**
 * The storage contract, run word for word against both backends on real databases (no mocks):
 * answer state and votes, the per-server question log, vote counts and settings, forgetting a
 * server, and the coordination of reloads across hosts. The PostgreSQL half needs a server (the
 * run starts one from Debian's binaries when they are installed); without one it is skipped, and
 * the first test below says why.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ANSWER_KEY_LENGTH } from '../../src/storage/answer-store.ts';
import { DAY_MS } from '../../src/storage/guild-store.ts';
import {
  IDENTIFY_TURNS_STEP,
  PASSAGE_DIGESTS_STEP,
  SERVER_DATA_STEP,
  RELOAD_SHARED_STEP,
} from '../../src/storage/shared-migrations.ts';
import { TRIM_EVERY } from '../../src/storage/limits.ts';
import { ALICE, BOB, GUILD, OTHER, sampleAnswer, sampleQuestion } from './samples.ts';
import { BACKENDS, closeStores, dropDatabases, postgresSkip, type CommonOptions } from './backends.ts';

const answer = sampleAnswer;
const question = sampleQuestion;

afterEach(closeStores);
afterAll(dropDatabases);

describe('PostgreSQL for these tests', () => {
  it('is there, or the reason it is not is said (and CI, which installs it, fails without it)', () => {
    if (postgresSkip === undefined) return;
    console.warn(`PostgreSQL storage tests skipped: ${postgresSkip}`);
    // CI installs and uses PostgreSQL (.ci/run): a silent skip there would hide a broken backend.
    if (process.env.CI && process.env.ODLOMEK_NO_POSTGRES !== '1')
      expect.fail(`CI must run the PostgreSQL tests: ${postgresSkip}`);
  });
});

describe('the schema steps both backends run', () => {
  it('are plain SQL: nothing either engine would refuse', () => {
    for (const step of [SERVER_DATA_STEP, RELOAD_SHARED_STEP, IDENTIFY_TURNS_STEP, PASSAGE_DIGESTS_STEP]) {
      expect(step).not.toMatch(
        /\bSTRICT\b|\bAUTOINCREMENT\b|\bINSERT OR\b|\bdatetime\(|\bstrftime\(|\bjson_|\bSERIAL\b|\bIDENTITY\b|::/i,
      );
      expect(step).not.toMatch(/\bINTEGER\b[^,\n]*\bat\b/); // timestamps are BIGINT (ms overflow INTEGER in PostgreSQL)
    }
  });
});

describe.each(BACKENDS)('$name store', (backend) => {
  const title = backend.skip ? `skipped: ${backend.skip}` : 'on a real database';
  const open = (options: Partial<CommonOptions> = {}) => backend.open(options);

  describe.skipIf(backend.skip !== undefined)(title, () => {
    describe('answers and votes', () => {
      it('saves an answer under a short key and finds it again, telling the asker from others', async () => {
        const { store } = await open();
        const key = await store.saveAnswer(answer());
        expect(key.length).toBeLessThanOrEqual(ANSWER_KEY_LENGTH);
        expect(key).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(await store.findAnswer(key, ALICE)).toMatchObject({
          key,
          question: 'Kdo je podpisal sporazum?',
          passageIds: ['a#1', 'a#2'],
          corpusVersion: 'v1',
          locale: 'sl',
          guildId: GUILD,
          byAsker: true,
        });
        expect((await store.findAnswer(key, BOB))!.byAsker).toBe(false);
        expect((await store.findAnswer(key, ALICE))!.passageDigests).toBeNull();
        const withDigests = await store.saveAnswer({ ...answer(), passageDigests: ['00ff', 'abcd'] });
        expect((await store.findAnswer(withDigests, ALICE))!.passageDigests).toEqual(['00ff', 'abcd']);
        expect(await store.findAnswer('nothere', ALICE)).toBeUndefined();
        expect(await store.findAnswer("'; DROP TABLE answers; --", ALICE)).toBeUndefined();
      });

      it('never stores a user id, only salted hashes', async () => {
        const { store, rows } = await open();
        const key = await store.saveAnswer(answer());
        await store.vote(key, BOB, 'up', 'a#1');
        const dump = JSON.stringify([await rows('answers'), await rows('votes'), await rows('ratings')]);
        expect(dump).not.toContain(ALICE);
        expect(dump).not.toContain(BOB);
      });

      it('saves answers asked for at the same moment, each under its own key', async () => {
        const { store } = await open();
        const keys = await Promise.all(
          Array.from({ length: 30 }, (_, i) => store.saveAnswer({ ...answer(), question: `Vprašanje ${i}?` })),
        );
        expect(new Set(keys).size).toBe(30);
        for (const [i, key] of keys.entries())
          expect((await store.findAnswer(key, ALICE))?.question).toBe(`Vprašanje ${i}?`);
      });

      it('counts one vote per member per answer; a later vote replaces the earlier one', async () => {
        const { store } = await open();
        const key = await store.saveAnswer(answer());
        expect(await store.vote(key, ALICE, 'up')).toBe('counted');
        expect(await store.vote(key, ALICE, 'up')).toBe('unchanged');
        expect(await store.vote(key, BOB, 'up')).toBe('counted');
        expect(await store.voteCounts(key)).toEqual({ up: 2, down: 0 });
        expect(await store.vote(key, ALICE, 'down')).toBe('changed');
        expect(await store.voteCounts(key)).toEqual({ up: 1, down: 1 });
        expect(await store.vote('nothere', ALICE, 'up')).toBe('unknown-answer');
      });

      it('counts votes cast at the same moment once each', async () => {
        const { store } = await open();
        const key = await store.saveAnswer(answer());
        const voters = Array.from({ length: 20 }, (_, i) => `1000000000000001${String(i).padStart(2, '0')}`);
        const outcomes = await Promise.all(voters.map((v) => store.vote(key, v, 'up', 'a#1')));
        expect(outcomes.every((o) => o === 'counted')).toBe(true);
        expect(await store.voteCounts(key)).toEqual({ up: 20, down: 0 });
        expect((await store.guildActivity(GUILD, new Date(0))).votes[0]).toMatchObject({ up: 20, down: 0 });
      });

      it('forgets answers after their expiry, and prunes them with their votes', async () => {
        let now = 1_000_000;
        const { store } = await open({ now: () => now });
        const key = await store.saveAnswer(answer());
        await store.vote(key, BOB, 'down');
        now += 7 * DAY_MS - 1;
        expect(await store.findAnswer(key, ALICE)).toBeDefined();
        now += 1;
        expect(await store.findAnswer(key, ALICE)).toBeUndefined();
        expect(await store.vote(key, BOB, 'up')).toBe('unknown-answer');
        expect(await store.pruneExpired()).toBe(1);
        expect(await store.voteCounts(key)).toEqual({ up: 0, down: 0 });
      });

      it('keeps everything across a reopen, with the same salt (a voter is still recognised)', async () => {
        const { store, reopen } = await open();
        const key = await store.saveAnswer(answer());
        await store.vote(key, BOB, 'up');
        await store.close();
        const reopened = await reopen();
        expect((await reopened.findAnswer(key, ALICE))!.byAsker).toBe(true);
        expect(await reopened.vote(key, BOB, 'up')).toBe('unchanged');
      });

      it('lets two connections on one database share answers and agree on the salt', async () => {
        const { store, reopen } = await open();
        const second = await reopen();
        const key = await store.saveAnswer(answer());
        expect((await second.findAnswer(key, ALICE))!.byAsker).toBe(true);
        expect(await second.vote(key, BOB, 'up')).toBe('counted');
        expect(await store.vote(key, BOB, 'up')).toBe('unchanged');
      });
    });

    describe('the question log', () => {
      it('counts every question and keeps the text of the unclear and unanswered ones, newest first', async () => {
        let now = 10 * DAY_MS;
        const { store, rows } = await open({ now: () => now });
        await store.recordQuestion(
          question({ level: 'clear', question: 'Kdo je Kim?', confidence: 0.9, passageId: 'a#1' }),
        );
        now += 1000;
        await store.recordQuestion(question({ level: 'closest', question: 'Kje je Pjongjang?', confidence: 0.5 }));
        now += 1000;
        await store.recordQuestion(question({ passageId: null }));
        expect(await store.unansweredQuestions(GUILD)).toEqual([
          {
            question: 'Koliko stane hotel?',
            askedAt: new Date(10 * DAY_MS + 2000),
            channelId: '400000000000000001',
            confidence: 0.2,
            passageId: null,
          },
          {
            question: 'Kje je Pjongjang?',
            askedAt: new Date(10 * DAY_MS + 1000),
            channelId: '400000000000000001',
            confidence: 0.5,
            passageId: 'a#3',
          },
        ]);
        expect(await store.unansweredQuestions(GUILD, new Date(10 * DAY_MS + 1500))).toHaveLength(1);
        expect(await store.unansweredQuestions(OTHER)).toEqual([]);
        const activity = await store.guildActivity(GUILD, new Date(0));
        expect(activity.questions).toHaveLength(3);
        expect(activity.questions.every((q) => q.day === 10 && q.count === 1)).toBe(true);
        expect(Object.keys((await rows('unanswered'))[0]!)).not.toContain('user_id');
      });

      it('logs a batch of questions as it logs each, at the times they were asked, trimming as it goes', async () => {
        const { store } = await open({ now: () => 50 * DAY_MS, unansweredLimit: 3 });
        const batch = [1, 2, 3, 4, 5].map((i) =>
          question({ question: `vprašanje ${i}`, askedAt: 10 * DAY_MS + i * 1000 }),
        );
        await store.recordQuestions([...batch, question({ level: 'clear', askedAt: 11 * DAY_MS })]);
        const kept = await store.unansweredQuestions(GUILD);
        expect(kept.map((q) => q.question)).toEqual(['vprašanje 5', 'vprašanje 4', 'vprašanje 3']);
        expect(kept[0]!.askedAt).toEqual(new Date(10 * DAY_MS + 5000));
        const days = (await store.guildActivity(GUILD, new Date(0))).questions;
        expect(days.filter((d) => d.day === 10).reduce((n, d) => n + d.count, 0)).toBe(5);
        expect(days.filter((d) => d.day === 11).reduce((n, d) => n + d.count, 0)).toBe(1);
        await store.recordQuestions([]);
      });

      it('adds nothing twice when a batch is written again under the same ids (its first commit was not acknowledged)', async () => {
        const { store } = await open({ now: () => 50 * DAY_MS });
        const batch = [1, 2].map((i) => question({ question: `vprašanje ${i}`, askedAt: 10 * DAY_MS, id: `id-${i}` }));
        await store.recordQuestions(batch);
        await store.recordQuestions(batch);
        expect((await store.unansweredQuestions(GUILD)).map((q) => q.question).sort()).toEqual([
          'vprašanje 1',
          'vprašanje 2',
        ]);
        const days = (await store.guildActivity(GUILD, new Date(0))).questions;
        expect(days.reduce((n, d) => n + d.count, 0)).toBe(2);
      });

      it("deletes a server's questions asked up to a time, and nothing else", async () => {
        const { store } = await open({ now: () => 50 * DAY_MS });
        await store.recordQuestions([
          question({ question: 'prej', askedAt: 10 * DAY_MS }),
          question({ question: 'potem', askedAt: 12 * DAY_MS }),
          question({ guildId: OTHER, question: 'drugje', askedAt: 10 * DAY_MS }),
        ]);
        await store.forgetQuestions(GUILD, 11 * DAY_MS);
        expect((await store.unansweredQuestions(GUILD)).map((q) => q.question)).toEqual(['potem']);
        expect((await store.guildActivity(GUILD, new Date(0))).questions.reduce((n, d) => n + d.count, 0)).toBe(1);
        expect((await store.unansweredQuestions(OTHER)).map((q) => q.question)).toEqual(['drugje']);
      });

      it('keeps at most the configured number of unanswered questions per server, dropping the oldest', async () => {
        let now = DAY_MS;
        const { store } = await open({ now: () => now++, unansweredLimit: 3 });
        for (let i = 1; i <= 5; i++) await store.recordQuestion(question({ question: `vprašanje ${i}` }));
        await store.recordQuestion(question({ guildId: OTHER, question: 'drugje' }));
        expect((await store.unansweredQuestions(GUILD)).map((q) => q.question)).toEqual([
          'vprašanje 5',
          'vprašanje 4',
          'vprašanje 3',
        ]);
        expect(await store.unansweredQuestions(OTHER)).toHaveLength(1);
        // The counts for /stats are not bounded by the log.
        expect((await store.guildActivity(GUILD, new Date(0))).questions.reduce((n, q) => n + q.count, 0)).toBe(5);
      });

      it('keeps the stored log near its limit however many questions come', async () => {
        let now = DAY_MS;
        const limit = 20;
        const { store, rows } = await open({ now: () => now++, unansweredLimit: limit });
        let most = 0;
        for (let i = 1; i <= 10 * limit; i++) {
          await store.recordQuestion(question({ question: `vprašanje ${i}` }));
          most = Math.max(most, (await rows('unanswered')).length);
        }
        // Trimmed every TRIM_EVERY entries, not each time: never more than that over the limit.
        expect(most).toBeGreaterThanOrEqual(limit);
        expect(most).toBeLessThan(limit + TRIM_EVERY);
        expect(await store.unansweredQuestions(GUILD)).toHaveLength(limit);
      });

      it('prunes question and vote counts older than the statistics keep, but not the unanswered log', async () => {
        let now = 100 * DAY_MS;
        const { store } = await open({ now: () => now, statsRetentionMs: 30 * DAY_MS, ttlMs: 400 * DAY_MS });
        await store.recordQuestion(question());
        const key = await store.saveAnswer(answer());
        await store.vote(key, BOB, 'up', 'a#1');
        now += 31 * DAY_MS;
        await store.pruneExpired();
        expect(await store.guildActivity(GUILD, new Date(0))).toEqual({ questions: [], votes: [] });
        expect(await store.unansweredQuestions(GUILD)).toHaveLength(1);
      });
    });

    describe('vote counts per answer and passage', () => {
      it('counts votes on the passage shown, moves a changed vote, and outlives the answer', async () => {
        let now = 20 * DAY_MS;
        const { store } = await open({ now: () => now, ttlMs: DAY_MS });
        const key = await store.saveAnswer(answer());
        await store.vote(key, ALICE, 'up', 'a#1');
        await store.vote(key, BOB, 'up', 'a#1');
        await store.vote(key, BOB, 'up', 'a#2'); // the same vote again: counted once, where it was
        expect((await store.guildActivity(GUILD, new Date(0))).votes).toEqual([
          { day: 20, passageId: 'a#1', up: 2, down: 0 },
        ]);
        await store.vote(key, BOB, 'down', 'a#2');
        const votes = (await store.guildActivity(GUILD, new Date(0))).votes;
        expect(votes).toEqual(
          expect.arrayContaining([
            { day: 20, passageId: 'a#1', up: 1, down: 0 },
            { day: 20, passageId: 'a#2', up: 0, down: 1 },
          ]),
        );
        expect(votes).toHaveLength(2);
        now += 2 * DAY_MS;
        expect(await store.pruneExpired()).toBe(1);
        expect((await store.guildActivity(GUILD, new Date(0))).votes).toHaveLength(2);
      });

      it('keeps no counts for answers in direct messages', async () => {
        const { store } = await open();
        const key = await store.saveAnswer(answer({ guildId: null }));
        expect(await store.vote(key, ALICE, 'down', 'a#1')).toBe('counted');
        expect((await store.guildActivity(GUILD, new Date(0))).votes).toEqual([]);
      });
    });

    describe('server settings', () => {
      it('starts empty, saves, replaces, and goes back to the defaults, across a reopen', async () => {
        const { store, reopen } = await open();
        expect(await store.guildSettings(GUILD)).toEqual({});
        expect(await store.hasQaChannels()).toBe(false);
        await store.saveGuildSettings(GUILD, { qaChannelIds: ['1', '2'], cooldownSeconds: 0, privateAnswers: false });
        await store.saveGuildSettings(OTHER, { replyLocale: 'en' });
        expect(await store.guildSettings(GUILD)).toEqual({
          qaChannelIds: ['1', '2'],
          cooldownSeconds: 0,
          privateAnswers: false,
        });
        expect(await store.hasQaChannels()).toBe(true);
        await store.close();
        const reopened = await reopen();
        expect(await reopened.guildSettings(OTHER)).toEqual({ replyLocale: 'en' });
        await reopened.saveGuildSettings(GUILD, {});
        expect(await reopened.guildSettings(GUILD)).toEqual({});
        expect(await reopened.hasQaChannels()).toBe(false);
      });
    });

    describe('forgetting a server', () => {
      it('deletes its answers, votes, question log, vote counts and settings, and nothing of another server', async () => {
        const { store } = await open();
        const dm = await store.saveAnswer(answer({ guildId: null }));
        for (const guildId of [GUILD, OTHER]) {
          const key = await store.saveAnswer(answer({ guildId }));
          await store.vote(key, BOB, 'up', 'a#1');
          await store.recordQuestion(question({ guildId }));
          await store.saveGuildSettings(guildId, { cooldownSeconds: 5 });
        }
        expect(await store.forgetGuild(GUILD)).toEqual({
          answers: 1,
          votes: 1,
          questions: 1,
          unanswered: 1,
          ratings: 1,
          settings: 1,
        });
        expect(await store.unansweredQuestions(GUILD)).toEqual([]);
        expect(await store.guildActivity(GUILD, new Date(0))).toEqual({ questions: [], votes: [] });
        expect(await store.guildSettings(GUILD)).toEqual({});
        expect(await store.unansweredQuestions(OTHER)).toHaveLength(1);
        expect((await store.guildActivity(OTHER, new Date(0))).votes).toHaveLength(1);
        expect(await store.guildSettings(OTHER)).toEqual({ cooldownSeconds: 5 });
        expect(await store.findAnswer(dm, ALICE)).toBeDefined();
      });
    });

    describe('reload coordination', () => {
      it('numbers requests in order, lists those after an id, and keeps each host report', async () => {
        let now = 5 * DAY_MS;
        const { store, reopen } = await open({ now: () => now });
        const other = await reopen({ now: () => now });
        expect(await store.latestReloadRequestId()).toBe(0);
        const first = await store.requestReload('v1', 'host-a');
        now += 1000;
        const second = await other.requestReload('v2', 'host-b');
        expect(second.id).toBeGreaterThan(first.id);
        expect(await store.latestReloadRequestId()).toBe(second.id);
        expect(await other.reloadRequestsAfter(0)).toEqual([
          { id: first.id, corpusVersion: 'v1', requestedBy: 'host-a', requestedAt: new Date(5 * DAY_MS) },
          { id: second.id, corpusVersion: 'v2', requestedBy: 'host-b', requestedAt: new Date(5 * DAY_MS + 1000) },
        ]);
        expect((await store.reloadRequestsAfter(first.id)).map((r) => r.id)).toEqual([second.id]);
        await other.reportReload(first.id, 'host-b', [{ shards: [1], outcome: { kind: 'busy' } }]);
        await other.reportReload(first.id, 'host-b', [{ shards: [1], outcome: { kind: 'unreachable' } }]);
        await store.reportReload(first.id, 'host-a', []);
        expect(await store.reloadReports(first.id)).toEqual([
          { host: 'host-a', report: [], reportedAt: new Date(now) },
          { host: 'host-b', report: [{ shards: [1], outcome: { kind: 'unreachable' } }], reportedAt: new Date(now) },
        ]);
        expect(await store.reloadReports(second.id)).toEqual([]);
      });

      it('knows which hosts announced themselves lately, with their shards', async () => {
        let now = 5 * DAY_MS;
        const { store } = await open({ now: () => now });
        await store.announceHost('host-a', [0, 1]);
        now += 10_000;
        await store.announceHost('host-b', [2, 3]);
        await store.announceHost('host-a', [0, 1, 4]);
        expect(await store.liveHosts(new Date(now - 5000))).toEqual([
          { host: 'host-a', shards: [0, 1, 4], seenAt: new Date(now) },
          { host: 'host-b', shards: [2, 3], seenAt: new Date(now) },
        ]);
        now += 10_000;
        await store.announceHost('host-b', [2, 3]);
        expect((await store.liveHosts(new Date(now - 5000))).map((h) => h.host)).toEqual(['host-b']);
      });

      it('gives identify turns a window apart per bucket, whichever host (connection) reserves them', async () => {
        let now = 5 * DAY_MS;
        const { store, reopen } = await open({ now: () => now });
        const other = await reopen({ now: () => now });
        const turns = await Promise.all([
          store.reserveIdentifyTurn(0, 5500),
          other.reserveIdentifyTurn(0, 5500),
          store.reserveIdentifyTurn(0, 5500),
        ]);
        expect(turns.map((t) => t.getTime() - now).sort((a, b) => a - b)).toEqual([0, 5500, 11_000]);
        // Another bucket has turns of its own.
        expect((await other.reserveIdentifyTurn(1, 5500)).getTime()).toBe(now);
        // Once the window has passed, a bucket's next turn is now.
        now += 60_000;
        expect((await store.reserveIdentifyTurn(0, 5500)).getTime()).toBe(now);
      });

      it('prunes old requests and their reports but keeps the newest, so ids keep growing', async () => {
        let now = 5 * DAY_MS;
        const { store } = await open({ now: () => now });
        const old = await store.requestReload('v1', 'host-a');
        await store.reportReload(old.id, 'host-a', []);
        const newest = await store.requestReload('v2', 'host-a');
        await store.announceHost('host-a', [0]);
        now += 2 * DAY_MS;
        await store.pruneExpired();
        expect((await store.reloadRequestsAfter(0)).map((r) => r.id)).toEqual([newest.id]);
        expect(await store.reloadReports(old.id)).toEqual([]);
        expect(await store.liveHosts(new Date(0))).toEqual([]);
        expect((await store.requestReload('v3', 'host-a')).id).toBeGreaterThan(newest.id);
      });
    });
  });
});
