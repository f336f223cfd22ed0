import { describe, expect, it } from 'vitest';
import { MessageReferenceType, type Message } from 'discord.js';
import { inContextOf, questionRepliedTo } from '../../src/discord/follow-up.ts';
import { encodeButtonId } from '../../src/discord/custom-id.ts';
import { MAX_QUESTION_LENGTH } from '../../src/engine/index.ts';
import type { FoundAnswer } from '../../src/storage/answer-store.ts';
import { visitEngine } from '../helpers.ts';

describe('a follow-up to an answer', () => {
  const engine = visitEngine();
  const previous = 'Kdo je prispel v Pjongjang?';
  const before = async () => previous;

  it('that names nothing itself is read with the question it follows, which introduces it', async () => {
    expect(await inContextOf(engine, 'kje pa?', before)).toBe('Kdo je prispel v Pjongjang: kje pa?');
    // The bot then answers it from the article.
    expect(engine.ask(await inContextOf(engine, 'in kdaj?', before)).passages[0]?.passage.id).toBe('a#1');
  });

  it('that leans on the answer is read with the question it follows, though it finds something alone', async () => {
    const leaning = { ask: engine.ask.bind(engine), leansOnPrevious: (q: string) => q === 'Kdo ga je pričakal?' };
    expect(engine.ask('Kdo ga je pričakal?').passages.length).toBeGreaterThan(0);
    expect(await inContextOf(leaning, 'Kdo ga je pričakal?', before)).toBe(
      'Kdo je prispel v Pjongjang: Kdo ga je pričakal?',
    );
    // Its signature does not end up amid the two questions.
    expect(await inContextOf(engine, 'kje pa? lp, Ana', before)).toBe('Kdo je prispel v Pjongjang: kje pa?');
  });

  it('of a follow-up answer, follows the question that one followed, so chains do not grow', async () => {
    const merged = async () => 'Kdo je prispel v Pjongjang: kje pa?';
    expect(await inContextOf(engine, 'in kdaj?', merged)).toBe('Kdo je prispel v Pjongjang: in kdaj?');
    // A question with a colon of its own stays whole.
    const colon = async () => 'Pa še nekaj: kdo je prispel v Pjongjang?';
    expect(await inContextOf(engine, 'in kdaj?', colon)).toBe('Pa še nekaj: kdo je prispel v Pjongjang: in kdaj?');
  });

  it('after "o čem je članek?" asks about the opening sentence it was answered with', async () => {
    expect(await inContextOf(engine, 'kje pa?', async () => 'o čem je članek?')).toBe(
      'Putin je prispel v Pjongjang: kje pa?',
    );
  });

  it('takes only the last question the earlier answer was for, without its signature', async () => {
    const followed = async () => 'Pišem o obisku. Kdo je Kim? Kdo je prispel v Pjongjang? lp, Ana';
    expect(await inContextOf(engine, 'in kdaj?', followed)).toBe('Kdo je prispel v Pjongjang: in kdaj?');
  });

  it('that finds something on its own, or is small talk, is read on its own, without looking the other up', async () => {
    const looked: string[] = [];
    const watched = async () => (looked.push('looked'), previous);
    expect(await inContextOf(engine, 'Kdo je pričakal Putina?', watched)).toBe('Kdo je pričakal Putina?');
    expect(await inContextOf(engine, 'hvala!', watched)).toBe('hvala!');
    expect(looked).toEqual([]);
    expect(await inContextOf(engine, 'kje pa?', async () => undefined)).toBe('kje pa?');
    // A question that replies to nothing is read as it is.
    expect(await inContextOf(engine, 'kje pa?', undefined)).toBe('kje pa?');
  });

  it('is read on its own when both together would be too long to ask', async () => {
    const long = `${'zakaj '.repeat(Math.ceil(MAX_QUESTION_LENGTH / 6) - 2)}pa?`;
    expect(long.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
    expect(await inContextOf(engine, long, before)).toBe(long);
  });
});

describe('the question of the answer a message replies to', () => {
  const BOT = '100000000000000001';
  const GUILD = '200000000000000002';
  const MEMBER = '600000000000000006';
  const key = 'AbCdEfGhIjKl';
  const button = (customId: string) => ({ components: [{ components: [{ customId }] }] });
  /** A reply (or a forward) in GUILD to a message by `author` with `components`. */
  const reply = (
    author: string,
    components = button(encodeButtonId({ action: 'next', key, page: 1, privateCopy: false })),
    type = MessageReferenceType.Default,
  ) =>
    ({
      guildId: GUILD,
      author: { id: MEMBER },
      reference: { messageId: '300000000000000003', type },
      fetchReference: async () => ({ author: { id: author }, content: `<@${BOT}> Kdo je prišel?`, ...components }),
    }) as unknown as Message;
  const storeWith = (answer: Partial<FoundAnswer> | undefined, delayMs = 0) => ({
    findAnswer: async (k: string) => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return k === key && answer
        ? ({ question: 'Kdo je podpisal?', guildId: GUILD, ...answer } as FoundAnswer)
        : undefined;
    },
  });

  it("is found through the bot's answer's buttons", async () => {
    expect(await questionRepliedTo(reply(BOT), BOT, storeWith({}))).toBe('Kdo je podpisal?');
    // Discord may leave a reply's reference type out.
    const untyped = { ...reply(BOT), reference: { messageId: '300000000000000003' } } as unknown as Message;
    expect(await questionRepliedTo(untyped, BOT, storeWith({}))).toBe('Kdo je podpisal?');
  });

  it("is the member's own question when they reply to it, without its mention of the bot", async () => {
    expect(await questionRepliedTo(reply(MEMBER), BOT, storeWith({}))).toBe('Kdo je prišel?');
  });

  it("is none for someone else's message, a forward, another server's answer, stale buttons or none", async () => {
    expect(await questionRepliedTo(reply('400000000000000004'), BOT, storeWith({}))).toBeUndefined();
    expect(
      await questionRepliedTo(reply(BOT, undefined, MessageReferenceType.Forward), BOT, storeWith({})),
    ).toBeUndefined();
    expect(await questionRepliedTo(reply(BOT), BOT, storeWith({ guildId: '500000000000000005' }))).toBeUndefined();
    expect(await questionRepliedTo(reply(BOT, button('o0.next.x.1')), BOT, storeWith({}))).toBeUndefined();
    expect(await questionRepliedTo(reply(BOT, { components: [] }), BOT, storeWith({}))).toBeUndefined();
    expect(await questionRepliedTo(reply(BOT), BOT, storeWith(undefined))).toBeUndefined();
  });

  it('is none, without waiting on, when the database is slow or failing', async () => {
    expect(await questionRepliedTo(reply(BOT), BOT, storeWith({}, 3000))).toBeUndefined();
    const failing = { findAnswer: async () => Promise.reject(new Error('database down')) };
    expect(await questionRepliedTo(reply(BOT), BOT, failing)).toBeUndefined();
  });
});
