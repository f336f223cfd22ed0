/**
 * Answering within Discord's 3 s: one reply when the answer is ready within the time budget, a
 * defer and an edit when it is not, on a stand-in interaction that records what is sent.
 */
import { describe, expect, it } from 'vitest';
import type { ChatInputCommandInteraction } from 'discord.js';
import { interactionAge, respondInTime } from '../../src/discord/respond.ts';
import type { BotMessage } from '../../src/discord/render/payload.ts';

type How = 'reply' | 'deferReply' | 'editReply';

/** An interaction created `ageMs` ago that records each call with the time it was made. */
function interaction(ageMs: number) {
  const calls: { how: How; flags?: number; content?: string }[] = [];
  const state = { deferred: false, replied: false };
  const record =
    (how: How) =>
    async (payload: { flags?: number; content?: string } = {}) => {
      calls.push({ how, flags: payload.flags, content: payload.content });
      if (how === 'deferReply') state.deferred = true;
      else state.replied = true;
    };
  const stub = {
    createdTimestamp: Date.now() - ageMs,
    get deferred() {
      return state.deferred;
    },
    get replied() {
      return state.replied;
    },
    reply: record('reply'),
    deferReply: record('deferReply'),
    editReply: record('editReply'),
  };
  return { interaction: stub as unknown as ChatInputCommandInteraction, calls };
}

const answer: BotMessage = { content: 'odgovor', embeds: [] };
const later = (ms: number) => new Promise<BotMessage>((resolve) => setTimeout(() => resolve(answer), ms));

describe('respondInTime', () => {
  it('replies once when the answer is ready at once', async () => {
    const { interaction: i, calls } = interaction(10);
    expect(await respondInTime(i, () => answer, { budgetMs: 2000 })).toBe('replied');
    expect(calls).toEqual([{ how: 'reply', flags: undefined, content: 'odgovor' }]);
  });

  it('replies once, hidden, when an answer that takes a moment is ready within the budget', async () => {
    const { interaction: i, calls } = interaction(0);
    expect(await respondInTime(i, () => later(5), { budgetMs: 2000, ephemeral: true })).toBe('replied');
    expect(calls).toEqual([{ how: 'reply', flags: 64, content: 'odgovor' }]);
  });

  it('defers when the answer is not ready when the budget runs out, then edits it in', async () => {
    const { interaction: i, calls } = interaction(0);
    expect(await respondInTime(i, () => later(200), { budgetMs: 20, ephemeral: true })).toBe('deferred');
    expect(calls).toEqual([
      { how: 'deferReply', flags: 64, content: undefined },
      { how: 'editReply', flags: undefined, content: 'odgovor' },
    ]);
  });

  it('defers before working when the interaction is already older than the budget (the bot is behind)', async () => {
    const { interaction: i, calls } = interaction(2500);
    let deferredFirst = false;
    const produce = () => {
      deferredFirst = calls.some((c) => c.how === 'deferReply');
      return answer;
    };
    expect(await respondInTime(i, produce, { budgetMs: 2000 })).toBe('deferred');
    expect(deferredFirst).toBe(true);
    expect(calls.map((c) => c.how)).toEqual(['deferReply', 'editReply']);
  });

  it('passes an error of the answer on, deferred or not', async () => {
    const fresh = interaction(0);
    await expect(
      respondInTime(fresh.interaction, () => Promise.reject(new Error('no')), { budgetMs: 2000 }),
    ).rejects.toThrow('no');
    expect(fresh.calls).toEqual([]);
    const slow = interaction(0);
    const failing = () => new Promise<BotMessage>((_, reject) => setTimeout(() => reject(new Error('late no')), 50));
    await expect(respondInTime(slow.interaction, failing, { budgetMs: 5 })).rejects.toThrow('late no');
    expect(slow.calls.map((c) => c.how)).toEqual(['deferReply']);
  });

  it('takes the age from Discord’s clock and never below 0', () => {
    expect(interactionAge({ createdTimestamp: 1_000 }, 1_500)).toBe(500);
    expect(interactionAge({ createdTimestamp: 2_000 }, 1_500)).toBe(0);
  });
});
