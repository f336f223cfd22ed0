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
          /WARN .*stopping: the database did not take the question log within 0\.05 s; the last questions \(2 waiting\) are not in the statistics/,
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
    expect(written.map((batch) => batch.map((q) => q.question))).toEqual([
      ['first'],
      ['other server, queued'],
      ['other server, waiting'],
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
      log.record(question('b'));
      await log.flush();
      await vi.advanceTimersByTimeAsync(RETRY_AFTER_MS * 3);
      expect(batches).toEqual([]);
      away = false;
      await vi.advanceTimersByTimeAsync(RETRY_AFTER_MS);
      expect(batches.flat()).toEqual(['a', 'b']);
      expect(lines.filter((l) => / (WARN|ERROR) /.test(l))).toEqual([
        expect.stringMatching(
          /WARN .*could not log 1 question\(s\) for the statistics \(PostgreSQL is unreachable .*\): kept in memory and written once the database is back/,
        ),
      ]);
      expect(lines.at(-1)).toMatch(/INFO .*the question log caught up: 2 question\(s\) written after \d+ s/);
    } finally {
      restore();
    }
  });
});
