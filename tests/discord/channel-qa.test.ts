import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelQuestion, channelReply, type IncomingMessage } from '../../src/discord/channel-qa.ts';
import type { CommandContext } from '../../src/discord/command.ts';
import { ServerSettings } from '../../src/discord/server-settings.ts';
import { QuestionLog } from '../../src/discord/question-log.ts';
import { Cooldown } from '../../src/discord/cooldown.ts';
import { waitText } from '../../src/discord/strings.ts';
import { LiveEngine, MAX_QUESTION_LENGTH } from '../../src/engine/index.ts';
import type { Locale } from '../../src/view/strings.ts';
import type { Store } from '../../src/storage/store.ts';
import { tempStore, visitEngine } from '../helpers.ts';

const BOT = '111111111111111111';
const QA = '222222222222222222';
const OTHER = '333333333333333333';

function message(content: string, over: Partial<IncomingMessage> = {}): IncomingMessage {
  return {
    content,
    channelId: OTHER,
    author: { id: '444444444444444444', bot: false },
    webhookId: null,
    mentionsBot: false,
    repliesToOther: false,
    ...over,
  };
}

describe('channelQuestion', () => {
  it('answers a user mention of the bot, without the mention', () => {
    expect(channelQuestion(message(`<@${BOT}> kdaj je prišel Putin?`), BOT, [])).toBe('kdaj je prišel Putin?');
    expect(channelQuestion(message(`Kdo je Kim, <@!${BOT}>`), BOT, [])).toBe('Kdo je Kim,');
  });

  it('answers a pinging reply to the bot (mentioned, but no <@id> in the text) anywhere', () => {
    expect(channelQuestion(message('In kdaj je bil podpis', { mentionsBot: true }), BOT, [])).toBe(
      'In kdaj je bil podpis',
    );
    expect(channelQuestion(message('In kdaj je bil podpis', { mentionsBot: false }), BOT, [])).toBeNull();
    expect(
      channelQuestion(
        message('In kdaj?', { mentionsBot: true, author: { id: '666666666666666666', bot: true } }),
        BOT,
        [],
      ),
    ).toBeNull();
  });

  it('ignores @everyone, @here, roles and other users', () => {
    for (const text of [
      '@everyone kdo je Kim?',
      '@here kdo je Kim?',
      `<@&${BOT}> kdo je Kim?`,
      '<@555555555555555555> kdo je Kim?',
    ]) {
      expect(channelQuestion(message(text), BOT, [])).toBeNull();
    }
  });

  it('ignores bots, webhooks and itself', () => {
    const text = `<@${BOT}> kdo je Kim?`;
    expect(channelQuestion(message(text, { author: { id: '666666666666666666', bot: true } }), BOT, [QA])).toBeNull();
    expect(channelQuestion(message(text, { author: { id: BOT, bot: false } }), BOT, [QA])).toBeNull();
    expect(channelQuestion(message(text, { webhookId: '777777777777777777' }), BOT, [QA])).toBeNull();
  });

  it('answers questions in Q&A channels only', () => {
    expect(channelQuestion(message('Kdo je podpisal sporazum?', { channelId: QA }), BOT, [QA])).toBe(
      'Kdo je podpisal sporazum?',
    );
    expect(channelQuestion(message('kdaj je bil obisk', { channelId: QA }), BOT, [QA])).toBe('kdaj je bil obisk');
    expect(channelQuestion(message('Hvala, super.', { channelId: QA }), BOT, [QA])).toBeNull();
    expect(channelQuestion(message('Kdo je podpisal sporazum?'), BOT, [QA])).toBeNull();
    // A question to another member in the channel is theirs to answer.
    expect(
      channelQuestion(message('<@888888888888888888> ali si prebral članek?', { channelId: QA }), BOT, [QA]),
    ).toBeNull();
  });

  it('stays out of members greeting each other in a Q&A channel, but answers a greeting addressed to it', () => {
    for (const text of ['Živjo vsem, kako ste kaj?', 'kaj dogaja?', 'Hvala! Kako gre?'])
      expect(channelQuestion(message(text, { channelId: QA }), BOT, [QA]), text).toBeNull();
    // Said to the bot, it is told what the bot is for; so is a call for help, which asks the bot.
    expect(channelQuestion(message(`<@${BOT}> kako si?`, { channelId: QA }), BOT, [QA])).toBe('kako si?');
    expect(channelQuestion(message('pomoč?', { channelId: QA }), BOT, [QA])).toBe('pomoč?');
  });

  it('leaves thanks in reply to its answer unanswered, but answers thanks that name it', () => {
    expect(channelQuestion(message('hvala!', { mentionsBot: true }), BOT, [])).toBeNull();
    expect(channelQuestion(message('ok, super', { mentionsBot: true, channelId: QA }), BOT, [QA])).toBeNull();
    expect(channelQuestion(message(`<@${BOT}> hvala!`, { mentionsBot: true }), BOT, [])).toBe('hvala!');
    // A question in reply is answered.
    expect(channelQuestion(message('zakaj pa?', { mentionsBot: true }), BOT, [])).toBe('zakaj pa?');
  });

  it('leaves a pinging reply that asks nothing alone ("aha, razumem"), and answers requests without "?" in a Q&A channel', () => {
    for (const text of ['aha, razumem', 'ni res', 'to ni odgovor na moje vprašanje', '👍'])
      expect(channelQuestion(message(text, { mentionsBot: true }), BOT, []), text).toBeNull();
    for (const text of ['tl;dr', 'povzemi članek', 'pomoč'])
      expect(channelQuestion(message(text, { channelId: QA }), BOT, [QA]), text).toBe(text);
    // A reply that asks, though not as a question starts: a question word anywhere, a request.
    for (const text of ['Hvala, kdaj pa je bil podpis', 'Povej več o sankcijah', 'ok, pa kje'])
      expect(channelQuestion(message(text, { mentionsBot: true }), BOT, []), text).toBe(text);
    // A statement that only starts like a follow-up is no question.
    for (const text of ['No kdo bi si mislil.', 'Pa kaj, saj ni pomembno.'])
      expect(channelQuestion(message(text, { channelId: QA }), BOT, [QA]), text).toBeNull();
  });

  it("leaves a reply to another member's message in a Q&A channel to them", () => {
    expect(channelQuestion(message('a res?', { channelId: QA, repliesToOther: true }), BOT, [QA])).toBeNull();
    expect(
      channelQuestion(message('kje si to prebral?', { channelId: QA, repliesToOther: true }), BOT, [QA]),
    ).toBeNull();
    // Unless it names the bot.
    expect(
      channelQuestion(
        message(`<@${BOT}> kje je to?`, { channelId: QA, repliesToOther: true, mentionsBot: true }),
        BOT,
        [QA],
      ),
    ).toBe('kje je to?');
  });

  it('passes on a bare mention and very long questions, for the reply to say what is wrong', () => {
    expect(channelQuestion(message(`<@${BOT}>`), BOT, [])).toBe('');
    const long = `${'beseda '.repeat(1000)}?`;
    expect(channelQuestion(message(`<@${BOT}> ${long}`), BOT, [])).toBe(long.replace(/\s+/g, ' ').trim());
    expect(channelQuestion(message(long, { channelId: QA }), BOT, [QA])).not.toBeNull();
  });

  it('passes "???" in a Q&A channel on, so it gets the same hint as an empty /ask', () => {
    expect(channelQuestion(message('???', { channelId: QA }), BOT, [QA])).toBe('???');
  });

  it('answers what reads as a question in a Q&A channel: a "?" at the end or a Slovenian question word first', () => {
    const inQa = (text: string) => channelQuestion(message(text, { channelId: QA }), BOT, [QA]);
    for (const question of [
      'Ali je Rusija pomagala?',
      'zakaj sankcije',
      'A je Kim podpisal',
      'Čigava je bila pobuda',
      'kakšen sporazum',
    ])
      expect(inQa(question)).toBe(question);
    // English starters are not questions: "do", "is", "can" … open Slovenian statements too.
    for (const statement of ['Do petka bo sporazum podpisan.', 'What did Putin say', 'Zanimiv članek.'])
      expect(inQa(statement)).toBeNull();
  });
});

describe('channelReply', () => {
  const live = new LiveEngine(visitEngine(), '');
  /** The context channel questions are answered in, as commands are. */
  let store: Store;
  beforeAll(async () => {
    store = (await tempStore()).store;
  });
  afterAll(() => store.close());
  const context = (locale: Locale = 'sl'): CommandContext => ({
    live,
    config: { QA_CHANNEL_IDS: [QA], ANSWER_TTL_DAYS: 7, REPLY_BUDGET_MS: 2000 },
    commands: [],
    store,
    questionLog: new QuestionLog(store),
    settings: new ServerSettings(store, { QA_CHANNEL_IDS: [QA], COOLDOWN_SECONDS: 10, PRIVATE_ANSWERS: false }),
    commandIds: async () => new Map(),
    knownCommandIds: () => new Map(),
    reloadCorpus: async () => 'busy',
    previewCorpus: async () => 'busy',
    locale,
  });
  const asker = { userId: 'u', guildId: null, channelId: OTHER, botId: BOT };

  it('answers with buttons, then gives one cooldown notice, then stays quiet', async () => {
    let now = 0;
    const cooldown = new Cooldown(10_000, () => now);
    const first = await channelReply('Kdo je prispel v Pjongjang?', asker, context('sl'), cooldown);
    expect(first!.embeds.length).toBe(1);
    expect(first!.components?.length).toBe(1);
    now = 2_000;
    expect((await channelReply('Še eno?', asker, context('sl'), cooldown))!.content).toBe(
      'Počasi, prosim: naslednje vprašanje lahko zastaviš čez 8 s.',
    );
    expect(await channelReply('In še eno?', asker, context('sl'), cooldown)).toBeNull();
  });

  it('takes thanks right after an answer as a hint: no cooldown notice, and the next question still has its turn', async () => {
    let now = 0;
    const cooldown = new Cooldown(10_000, () => now);
    expect((await channelReply('Kdo je prispel v Pjongjang?', asker, context('sl'), cooldown))!.embeds).toHaveLength(1);
    now = 1_000;
    expect((await channelReply('hvala!', asker, context('sl'), cooldown))!.content).toMatch(/^Odgovarjam na vprašanja/);
    now = 11_000;
    expect((await channelReply('Kdo ga je pričakal?', asker, context('sl'), cooldown))!.embeds).toHaveLength(1);
  });

  it('lets the question that follows a how-to or a refusal through, while repeated hints get nothing', async () => {
    let now = 0;
    const cooldown = new Cooldown(30_000, () => now);
    expect((await channelReply('', asker, context('en'), cooldown))!.content).toMatch(/^Ask me about the article/);
    // Not "slow down, ask again in 30 s": a real question now would be answered.
    expect(await channelReply('???', asker, context('en'), cooldown)).toBeNull();
    now = 1_000;
    const answered = await channelReply('Kdo je prispel v Pjongjang?', asker, context('sl'), cooldown);
    expect(answered!.embeds.length).toBe(1);
  });

  it('says a long wait in minutes or hours, never shorter than it is', () => {
    expect([59, 119, 120, 121, 3599, 3600, 5400].map((s) => waitText('sl', s))).toEqual([
      '59 s',
      '119 s',
      '2 min',
      '3 min',
      '1 h',
      '1 h',
      '1 h 30 min',
    ]);
  });

  it('answers a bare mention with a short how-to naming the bot', async () => {
    const reply = await channelReply('', asker, context('en'), new Cooldown(0));
    expect(reply!.content).toMatch(new RegExp(`^Ask me about the article: write <@${BOT}> and your question`));
  });

  it("refuses a letter-free or over-long question in one line, in the reader's language, without asking the engine", async () => {
    const cooldown = new Cooldown(0);
    expect((await channelReply('???', asker, context('sl'), cooldown))!.content).toBe(
      'Vprašanje je prazno. Napiši, kaj te zanima o članku.',
    );
    const long = 'Kdo je prispel v Pjongjang? '.repeat(250);
    const refused = (await channelReply(long, asker, context('en'), cooldown))!;
    expect(refused.embeds).toEqual([]);
    expect(refused.content).toBe(
      `The question is too long (${long.trim().length} characters, at most ${MAX_QUESTION_LENGTH}). Ask something shorter.`,
    );
    // At the limit it is still answered.
    const atLimit = `${'Kdo je prispel v Pjongjang? '.repeat(40).slice(0, MAX_QUESTION_LENGTH - 1)}?`;
    expect(atLimit).toHaveLength(MAX_QUESTION_LENGTH);
    expect((await channelReply(atLimit, asker, context('sl'), cooldown))!.embeds.length).toBeGreaterThan(0);
  });
});
