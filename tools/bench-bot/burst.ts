/**
 * One burst of `/ask`: `size` interactions dispatched at once on the fake's gateway, then every
 * acknowledgement and answer timed from the fake's side (dispatch to the first successful
 * callback; dispatch to the first moment the user sees an answer: a type 4 reply, or the edit
 * after a type 5 defer).
 */
import type { FakeDiscord } from '../../tests/fake-discord/server.ts';
import { percentile } from '../bench/measure.ts';

/** Discord forgets an interaction that is not acknowledged within 3 s. */
export const ACK_DEADLINE_MS = 3000;

export interface BurstResult {
  size: number;
  /** Dispatch to visible answer, of the interactions answered. */
  answerP50Ms: number;
  answerP99Ms: number;
  /** Dispatch to the first successful callback. */
  ackP50Ms: number;
  ackP99Ms: number;
  /** Share of the burst acknowledged within Discord's 3 s. */
  ackedInTime: number;
  /** Share answered with one reply (callback type 4) rather than defer and edit. */
  direct: number;
  /** Interactions never answered (expired, or still pending at the end). */
  unanswered: number;
  /** Dispatch of the first to the last answer. */
  spanMs: number;
}

/** Waits until every interaction is answered, or nothing changed for `quietMs` after the deadline. */
async function settle(fake: FakeDiscord, tokens: string[], maxMs: number, quietMs = 3000): Promise<void> {
  const start = Date.now();
  let lastCount = -1;
  let lastChange = Date.now();
  for (;;) {
    const answered = tokens.filter((t) => fake.interactions.get(t)?.answeredAt !== undefined).length;
    if (answered === tokens.length) return;
    if (answered !== lastCount) {
      lastCount = answered;
      lastChange = Date.now();
    }
    const now = Date.now();
    if (now - start > maxMs) return;
    if (now - start > ACK_DEADLINE_MS && now - lastChange > quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Fires `size` `/ask` interactions (questions taken in turn from `questions`) and times them. */
export async function runBurst(fake: FakeDiscord, size: number, questions: readonly string[]): Promise<BurstResult> {
  const tokens: string[] = [];
  for (let i = 0; i < size; i++)
    tokens.push(
      fake.sendInteraction({ command: 'ask', options: { question: questions[i % questions.length]! } }).token,
    );
  // Deferred answers are edited through a route discord.js throttles to 50 requests a second.
  await settle(fake, tokens, 30_000 + size * 40);
  const states = tokens.map((t) => fake.interactions.get(t)!);
  const answers = states.filter((s) => s.answeredAt !== undefined).map((s) => s.answeredAt! - s.dispatchedAt);
  const acks = states.filter((s) => s.acknowledgedAt !== undefined).map((s) => s.acknowledgedAt! - s.dispatchedAt);
  const first = Math.min(...states.map((s) => s.dispatchedAt));
  const last = Math.max(...states.map((s) => s.answeredAt ?? 0));
  return {
    size,
    answerP50Ms: percentile(answers, 50),
    answerP99Ms: percentile(answers, 99),
    ackP50Ms: percentile(acks, 50),
    ackP99Ms: percentile(acks, 99),
    ackedInTime: acks.filter((ms) => ms <= ACK_DEADLINE_MS).length / size,
    direct: states.filter((s) => s.callbackType === 4).length / size,
    unanswered: size - answers.length,
    spanMs: last - first,
  };
}
