/**
 * The question log waits while answers wait for their turn and then writes what it holds in one
 * batch; it does not wait for ever, and a clean stop (`flush`) writes what is left.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_DELAY_MS, QuestionLog, RETRY_AFTER_MS } from '../../src/discord/question-log.ts';
import type { AskedQuestion } from '../../src/storage/guild-store.ts';
import { setLogSink } from '../../src/log.ts';

const question = (text: string): AskedQuestion => ({
  guildId: '1',
  channelId: '2',
  question: text,
  level: 'none',
  confidence: 0.1,
  passageId: null,
});

function recordingStore(fail = false) {
  const batches: AskedQuestion[][] = [];
  return {
    batches,
    store: {
      recordQuestions: async (list: readonly AskedQuestion[]) => {
        if (fail) throw new Error('disk full');
        batches.push([...list]);
      },
    },
  };
}

afterEach(() => vi.useRealTimers());

describe('QuestionLog', () => {
  it('writes the questions of a burst in one batch once no answer waits, each with the time it was asked', async () => {
    vi.useFakeTimers({ now: 1000 });
    let busy = true;
    const { store, batches } = recordingStore();
    const log = new QuestionLog(store, { busy: () => busy });
    log.record(question('a'));
    vi.setSystemTime(1100);
    log.record(question('b'));
    await vi.advanceTimersByTimeAsync(500);
    expect(batches).toEqual([]);
    busy = false;
    await vi.advanceTimersByTimeAsync(100);
    expect(batches.map((b) => b.map((q) => [q.question, q.askedAt]))).toEqual([
      [
        ['a', 1000],
        ['b', 1100],
      ],
    ]);
  });

  it('writes after MAX_DELAY_MS even while answers keep coming, and flush writes what is left', async () => {
    vi.useFakeTimers();
    const { store, batches } = recordingStore();
    const log = new QuestionLog(store, { busy: () => true });
    log.record(question('a'));
    await vi.advanceTimersByTimeAsync(MAX_DELAY_MS + 100);
    expect(batches).toHaveLength(1);
    log.record(question('b'));
    await log.flush();
    expect(batches.map((b) => b.map((q) => q.question))).toEqual([['a'], ['b']]);
  });

  it('logs a batch the database refused in one line, and never rejects', async () => {
    const lines: string[] = [];
    const restore = setLogSink((line) => lines.push(line));
    try {
      const log = new QuestionLog(recordingStore(true).store, { busy: () => false });
      log.record(question('a'));
      log.record(question('b'));
      await log.flush();
      expect(lines.filter((l) => /ERROR could not log 2 questions for the statistics/.test(l))).toHaveLength(1);
    } finally {
      restore();
    }
  });

  it('lets a stop go on when the database does not take the last batch in time, saying what is lost', async () => {
    const lines: string[] = [];
    const restore = setLogSink((line) => lines.push(line));
    try {
      // A database that is away: its write is retried far longer than a stop may take.
      const log = new QuestionLog({ recordQuestions: () => new Promise<void>(() => {}) }, { busy: () => false });
      log.record(question('a'));
      log.record(question('b'));
      await log.flushBefore(50);
      expect(lines).toEqual([
        expect.stringMatching(
          /WARN .*stopping: the database did not take the question log within 0\.05 s; the last 2 question\(s\) are not in the statistics/,
        ),
      ]);
    } finally {
      restore();
    }
  });

  it("leaves out a forgotten server's questions, waiting or queued behind a write, and keeps the others", async () => {
    const written: AskedQuestion[][] = [];
    let finishFirst = () => {};
    const store = {
      recordQuestions: async (list: readonly AskedQuestion[]) => {
        written.push([...list]);
        // The first batch is slow: the next ones queue behind it.
        if (written.length === 1) await new Promise<void>((resolve) => (finishFirst = resolve));
      },
    };
    let busy = true;
    const log = new QuestionLog(store, { busy: () => busy });
    const inGuild = (guildId: string, text: string) => ({ ...question(text), guildId });
    log.record(inGuild('1', 'first'));
    void log.flush();
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toHaveLength(1);
    // Queued behind the slow write, then forgotten.
    log.record(inGuild('1', 'queued'));
    log.record(inGuild('9', 'other server, queued'));
    void log.flush();
    log.record(inGuild('1', 'waiting'));
    log.record(inGuild('9', 'other server, waiting'));
    const forgetting = log.forget('1');
    finishFirst();
    await forgetting;
    busy = false;
    await log.flush();
    // One write at a time: what waited meanwhile goes together.
    expect(written.map((batch) => batch.map((q) => q.question))).toEqual([
      ['first'],
      ['other server, queued', 'other server, waiting'],
    ]);
  });

  it('keeps the questions while the database is away, however long, and writes them once it is back', async () => {
    vi.useFakeTimers({ now: 1000 });
    const lines: string[] = [];
    const restore = setLogSink((line) => lines.push(line));
    try {
      let away = true;
      const batches: string[][] = [];
      const store = {
        recordQuestions: async (list: readonly AskedQuestion[]) => {
          // What PostgreSQL's retries give up with after half a minute.
          if (away) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
          batches.push(list.map((q) => q.question));
        },
      };
      const log = new QuestionLog(store, { busy: () => false });
      log.record(question('a'));
      await log.flush();
      // Asked while the database is away: it waits for the next try.
      log.record(question('b'));
      await vi.advanceTimersByTimeAsync(RETRY_AFTER_MS * 3);
      expect(batches).toEqual([]);
      away = false;
      await vi.advanceTimersByTimeAsync(RETRY_AFTER_MS);
      expect(batches.flat()).toEqual(['a', 'b']);
      expect(lines.filter((l) => / (WARN|ERROR) /.test(l))).toEqual([
        expect.stringMatching(
          /WARN .*could not log 1 question\(s\) for the statistics \(PostgreSQL is unreachable .*\): kept in memory \(at most 10000\) and written once the database is back/,
        ),
      ]);
      expect(lines.at(-1)).toMatch(/INFO .*the question log caught up: 2 question\(s\) written after \d+ s/);
    } finally {
      restore();
    }
  });

  it('holds at most MAX_KEPT questions through a long outage, writing once at a time, each question under one id', async () => {
    vi.useFakeTimers({ now: 1000 });
    const lines: string[] = [];
    const restore = setLogSink((line) => lines.push(line));
    try {
      let away = true;
      let writes = 0;
      let running = 0;
      let mostAtOnce = 0;
      const ids = new Map<string, Set<string>>();
      const store = {
        recordQuestions: async (list: readonly AskedQuestion[]) => {
          writes++;
          mostAtOnce = Math.max(mostAtOnce, ++running);
          for (const q of list) ids.set(q.question, (ids.get(q.question) ?? new Set()).add(q.id!));
          // A write takes PostgreSQL's half minute of retries before it gives up.
          await new Promise((resolve) => setTimeout(resolve, 30_000));
          running--;
          if (away) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        },
      };
      const log = new QuestionLog(store, { busy: () => false });
      // Forty minutes of questions, one a tenth of a second.
      for (let i = 0; i < 24_000; i++) {
        log.record(question(`q${i}`));
        await vi.advanceTimersByTimeAsync(100);
      }
      expect(mostAtOnce).toBe(1);
      expect(writes).toBeLessThan(200);
      away = false;
      await vi.advanceTimersByTimeAsync(120_000);
      expect(lines.filter((l) => / ERROR /.test(l))).toEqual([
        expect.stringMatching(/the database does not keep up and 10000 questions wait for it: the oldest are dropped/),
      ]);
      expect(lines.at(-1)).toMatch(
        /the question log caught up: \d+ question\(s\) written after \d+ s; \d+ dropped meanwhile/,
      );
      // The newest were kept, and a question tried again kept its id.
      expect(ids.has('q23999')).toBe(true);
      expect([...ids.values()].every((set) => set.size === 1 && [...set][0] !== undefined)).toBe(true);
      // Tried again after a pause, not back to back: one write a pause and a half minute of retries.
      expect(writes).toBeLessThan((40 * 60) / 40 + 5);
    } finally {
      restore();
    }
  });

  it("deletes a forgotten server's questions again, and only those, when a write under way lands after the deletion", async () => {
    vi.useFakeTimers({ now: 1000 });
    const deleted: string[] = [];
    const store = {
      // A database that takes its time (restarting): the write lands after five seconds.
      recordQuestions: () => new Promise<void>((resolve) => setTimeout(resolve, 5000)),
      forgetQuestions: async (guildId: string, askedUpTo: number) => {
        deleted.push(`${guildId} up to ${askedUpTo}`);
      },
    };
    const log = new QuestionLog(store, { busy: () => false });
    log.record(question('a'));
    void log.flush();
    const forgetting = log.forget('1');
    await vi.advanceTimersByTimeAsync(1000);
    await forgetting;
    // The caller deletes now; the write lands later, and this deletes again after it.
    expect(deleted).toEqual([]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(deleted).toEqual(['1 up to 1000']);
  });

  it("leaves a forgotten server's questions out of a write under way that fails and is kept for later", async () => {
    vi.useFakeTimers({ now: 1000 });
    const restore = setLogSink(() => {});
    try {
      let away = true;
      const written: string[] = [];
      const deleted: string[] = [];
      const store = {
        recordQuestions: async (list: readonly AskedQuestion[]) => {
          await new Promise((resolve) => setTimeout(resolve, 5000));
          if (away) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
          written.push(...list.map((q) => `${q.guildId}:${q.question}`));
        },
        forgetQuestions: async (guildId: string) => void deleted.push(guildId),
      };
      const log = new QuestionLog(store, { busy: () => false });
      log.record({ ...question('secret of A'), guildId: 'A' });
      log.record({ ...question('of B'), guildId: 'B' });
      void log.flush();
      const forgetting = log.forget('A');
      await vi.advanceTimersByTimeAsync(1000);
      await forgetting;
      // The writes fail and are kept, a try every 15 s; between two of them, ten minutes on,
      // another server is forgotten, which clears A's entry, and the database comes back.
      await vi.advanceTimersByTimeAsync(10 * 60_000 + 7000);
      await log.forget('C');
      away = false;
      await vi.advanceTimersByTimeAsync(60_000);
      expect(written).toEqual(['B:of B']);
      // Nothing of A landed, so nothing of A was deleted again.
      expect(deleted).toEqual([]);
    } finally {
      restore();
    }
  });
});
