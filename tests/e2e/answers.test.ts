/**
 * Answers read at a glance, end to end on the fake Discord: the buttons under an answer (pressed
 * by the asker and by another member), stale buttons, buttons after a restart on the same
 * DATA_DIR, the "Ask the article" message command, autocomplete on /ask, and the hint every
 * path gives a question without letters. Every body is validated against Discord's spec.
 */
import { PermissionFlagsBits } from 'discord.js';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, type InteractionHandle } from '../fake-discord/server.ts';
import { snowflake } from '../fake-discord/snowflake.ts';
import type { MessageJson } from '../fake-discord/messages.ts';
import type { FakeUser } from '../fake-discord/world.ts';
import { guardNetwork, type NetworkGuard } from '../fake-discord/network-guard.ts';
import { commands } from '../../commands/index.ts';
import { BotOnFake } from './bot-on-fake.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { deployCommands } from '../../src/discord/deploy.ts';
import { setLogSink } from '../../src/log.ts';
import { tempStore } from '../helpers.ts';
import { ARTICLE, buttonIds, corpusCopy, quoteBlock, shownText } from './setup.ts';

const DAY = 24 * 3600 * 1000;
const URL_OF_ARTICLE = 'https://example.si/novice/putin-kim';

let fake: FakeDiscord;
let guard: NetworkGuard;
let corpus: Awaited<ReturnType<typeof corpusCopy>>;
let config: Config;
let dataDir: string;
let run: BotOnFake;
/** The store's clock: tests move it to make answers expire. */
let clockOffset = 0;
const now = () => Date.now() + clockOffset;
let restoreLog = () => {};

beforeAll(async () => {
  guard = guardNetwork();
  fake = await FakeDiscord.start();
  restoreLog = setLogSink(() => {});
  corpus = await corpusCopy();
  // The article gets an address, so answers link to it and have a source button.
  await writeFile(corpus.article, corpus.text.replace('lang: sl\n', `lang: sl\nurl: ${URL_OF_ARTICLE}\n`));
  dataDir = (await tempStore()).dir;
  config = loadConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiBaseUrl,
    DISCORD_GUILD_ID: fake.world.guild.id,
    CORPUS_DIR: corpus.dir,
    DATA_DIR: dataDir,
    QA_CHANNEL_IDS: fake.world.channels.questions.id,
    COOLDOWN_SECONDS: '0',
  });
  // Registered like `npm run deploy-commands` does, so commands have ids (for /help's links).
  await deployCommands(config, commands);
  run = new BotOnFake(fake, config, { ttlMs: 7 * DAY, now });
  await run.start();
});

afterAll(async () => {
  await run?.stop();
  await fake?.close();
  restoreLog();
  guard?.restore();
});

afterEach(() => {
  fake.assertNoProblems();
});

/** Another member than the asker (alice). */
const bob = 'moderator' as const;
/** Someone writing in a channel (messages need no membership in the fake). */
const writer: FakeUser = { id: snowflake(), username: 'pisec', globalName: null };

/** The answer message of an /ask, as it is now in the fake. */
async function askedMessage(question: string, user: 'alice' | 'moderator' = 'alice'): Promise<MessageJson> {
  const handle = fake.sendInteraction({ command: 'ask', options: { question }, user });
  await handle.reply();
  return fake.findMessage(handle.state.original!.id)!;
}

/** Presses the button whose custom id starts with `o1.<action>.` under `message`. */
function press(
  message: MessageJson,
  action: string,
  user: 'alice' | 'moderator' | FakeUser = 'alice',
): InteractionHandle {
  const customId = buttonIds(message).find((id) => id.startsWith(`o1.${action}.`));
  if (!customId) throw new Error(`no ${action} button under ${message.id}`);
  return fake.pressButton({ message, customId, user });
}

const embedOf = (message: Record<string, unknown>) => (message.embeds as Record<string, unknown>[])[0]!;
const footerOf = (message: Record<string, unknown>) => (embedOf(message).footer as { text: string }).text;
const keyOf = (message: MessageJson) => buttonIds(message)[0]!.split('.')[2]!;

describe('buttons under an answer', () => {
  it('shows next passage, full paragraph, source and votes, with short custom ids', async () => {
    const message = await askedMessage('Kdo je podpisal sporazum?');
    const buttons = (message.components as { components: Record<string, unknown>[] }[])[0]!.components;
    // A public answer, in the server's language (Slovenian), whatever the asker's client says.
    expect(buttons.map((b) => b.label ?? (b.emoji as { name: string }).name)).toEqual([
      'Naslednji odlomek',
      'Cel odstavek',
      'Vir',
      '👍',
      '👎',
    ]);
    expect(buttons[2]!.url).toBe(URL_OF_ARTICLE);
    expect(embedOf(message).url).toBe(URL_OF_ARTICLE);
    for (const id of buttonIds(message)) expect(id.length).toBeLessThanOrEqual(100);
  });

  it("next passage: edits the asker's answer in place, and sends anyone else a private copy", async () => {
    const message = await askedMessage('Kdo je podpisal sporazum?');
    expect(footerOf(message)).toMatch(/ · 1\/5 · /);
    const byAsker = await press(message, 'next').reply();
    expect(byAsker.callbackType).toBe(7);
    const edited = fake.findMessage(message.id)!;
    expect(footerOf(edited)).toMatch(/ · 2\/5 · /);
    expect(embedOf(edited).title).toBe('Kdo je podpisal sporazum?');
    expect(corpus.text).toContain(shownText(quoteBlock(embedOf(edited))));

    const other = press(edited, 'next', bob);
    const byOther = await other.reply();
    expect(byOther.callbackType).toBe(4);
    expect(byOther.ephemeral).toBe(true);
    expect(footerOf(byOther.body)).toMatch(/ · 3\/5 · /);
    // The answer everyone sees did not move.
    expect(footerOf(fake.findMessage(message.id)!)).toMatch(/ · 2\/5 · /);
    // The copy's own buttons change the copy, not the answer.
    const copy = other.state.original!;
    expect(buttonIds(copy).every((id) => id.endsWith('.p'))).toBe(true);
    const again = await press(copy, 'next', bob).reply();
    expect(again.callbackType).toBe(7);
    expect(footerOf(fake.findMessage(copy.id)!)).toMatch(/ · 4\/5 · /);
    expect(footerOf(fake.findMessage(message.id)!)).toMatch(/ · 2\/5 · /);
  });

  it('full paragraph: privately, to the asker and to anyone else', async () => {
    const message = await askedMessage('Kdo je podpisal sporazum?');
    for (const user of ['alice', bob] as const) {
      const reply = await press(message, 'full', user).reply();
      expect(reply.ephemeral).toBe(true);
      const embed = reply.embeds[0]!;
      expect(corpus.text).toContain(shownText(embed.description as string));
      expect((embed.footer as { text: string }).text).toMatch(/^¶ \d+ · putin-kim-2024-06#\d+/);
    }
  });

  it('votes: one per member per answer, with a private thank-you', async () => {
    const message = await askedMessage('Kdaj je Rusija vložila veto?');
    const said = async (action: string, user: 'alice' | 'moderator') => {
      const reply = await press(message, action, user).reply();
      expect(reply.ephemeral).toBe(true);
      return reply.content;
    };
    expect(await said('up', 'alice')).toBe('Thanks for the rating!');
    expect(await said('up', 'alice')).toBe('Your rating is already recorded; it counts once.');
    expect(await said('down', bob)).toBe('Thanks for the rating!');
    expect(await said('up', bob)).toBe('Thanks, I changed your rating.');
    expect(await run.store.voteCounts(keyOf(message))).toEqual({ up: 2, down: 0 });
  });
});

describe('what an answer keeps', () => {
  it('no user id from a mention in the question, and its buttons still work', async () => {
    const message = await askedMessage('<@222222222222222222> kdo je podpisal sporazum?');
    const stored = await run.store.findAnswer(keyOf(message), 'someone');
    expect(stored!.question).toBe('kdo je podpisal sporazum?');
    await press(message, 'next').reply();
    expect(embedOf(fake.findMessage(message.id)!).title).toBe('kdo je podpisal sporazum?');
  });
});

describe('stale buttons', () => {
  it('an expired answer, an unknown key and an old button format get a polite private note', async () => {
    const message = await askedMessage('Kdo je Kim?');
    clockOffset = 8 * DAY;
    try {
      const expired = await press(message, 'next').reply();
      expect(expired.ephemeral).toBe(true);
      expect(expired.content).toMatch(
        /^This answer's buttons no longer work: it is more than 7 days old, or this server's data was deleted/,
      );
    } finally {
      clockOffset = 0;
    }
    const unknown = await fake.pressButton({ message, customId: 'o1.up.nosuchanswer.0' }).reply();
    expect(unknown.content).toMatch(
      /^This answer's buttons no longer work: it is more than 7 days old, or this server's data was deleted/,
    );
    const old = await fake.pressButton({ message, customId: 'o0.next.abc.1' }).reply();
    expect(old.ephemeral).toBe(true);
    expect(old.content).toMatch(/^This button is from an older version/);
  });

  it('a passage the article lost since the answer gets a note, not an error', async () => {
    const message = await askedMessage('Kdo je podpisal sporazum?');
    const before = corpus.text;
    try {
      // Keep only the first paragraph: the answer's other passages are gone.
      const firstParagraph = before.slice(0, before.indexOf('\n\n', before.indexOf('---\n', 4) + 5));
      await writeFile(corpus.article, `${firstParagraph}\n`);
      await run.bot.live.reload();
      const reply = await press(message, 'next').reply();
      expect(reply.ephemeral).toBe(true);
      expect(reply.content).toMatch(/^The article has changed since this answer, so I cannot show its other passages/);
    } finally {
      await writeFile(corpus.article, before.replace('lang: sl\n', `lang: sl\nurl: ${URL_OF_ARTICLE}\n`));
      await run.bot.live.reload();
    }
  });
});

describe('buttons after a reload', () => {
  const withUrl = () => corpus.text.replace('lang: sl\n', `lang: sl\nurl: ${URL_OF_ARTICLE}\n`);

  it('follow a passage whose text moved to a new id, not the other text now under its old one', async () => {
    const message = await askedMessage('Kdaj je Rusija vložila veto?');
    try {
      // A correction above the first paragraph: every paragraph keeps its text but moves down one id.
      const corrected = withUrl().replace(
        '---\nRuski predsednik',
        '---\nPopravek: članek smo dopolnili.\n\nRuski predsednik',
      );
      await writeFile(corpus.article, corrected);
      await run.bot.live.reload();
      const full = await press(message, 'full').reply();
      expect(shownText(full.embeds[0]!.description as string)).toContain('vložila veto');
      expect((await press(message, 'up').reply()).content).toBe('Thanks for the rating!');
      // Its second page (¶ 9 before) is ¶ 10 now, and the footer says so.
      const next = await press(message, 'next').reply();
      expect(next.callbackType).toBe(7);
      expect(footerOf(fake.findMessage(message.id)!)).toMatch(/^¶ 10 · putin-kim-2024-06#10 · 2\/\d /);
    } finally {
      await writeFile(corpus.article, withUrl());
      await run.bot.live.reload();
    }
  });

  it('say why the other pages cannot be shown when a passage of the answer lost its text', async () => {
    const message = await askedMessage('Kdo je podpisal sporazum?');
    try {
      // Its ¶ 2 reworded: the lead is as it was, a later page is not.
      await writeFile(corpus.article, withUrl().replace('Danes podpisan sporazum', 'Danes sklenjen sporazum'));
      await run.bot.live.reload();
      const full = await press(message, 'full').reply();
      expect(shownText(full.embeds[0]!.description as string)).toContain('podpisala sporazum');
      expect((await press(message, 'up').reply()).content).toBe('Thanks for the rating!');
      expect((await press(message, 'next').reply()).content).toBe(
        'The article has changed since this answer, so I cannot show its other passages. Ask again with /ask.',
      );
    } finally {
      await writeFile(corpus.article, withUrl());
      await run.bot.live.reload();
    }
  });

  it('keep working when the reload left their passages as they were, whatever else changed', async () => {
    const message = await askedMessage('Kdaj je Rusija vložila veto?');
    try {
      // A paragraph added at the end and the title corrected: the answer's passages say the same.
      const edited = withUrl().replace(/^title: (.*)$/m, 'title: $1 (popravljeno)');
      await writeFile(corpus.article, `${edited.trimEnd()}\n\nDodatek na koncu članka.\n`);
      await run.bot.live.reload();
      const reply = await press(message, 'full').reply();
      expect(reply.ephemeral).toBe(true);
      expect(shownText(reply.embeds[0]!.description as string)).toContain('vložila veto');
      expect((await press(message, 'up').reply()).content).not.toMatch(/no longer in the article/);
    } finally {
      await writeFile(corpus.article, withUrl());
      await run.bot.live.reload();
    }
  });
});

describe('after a restart', () => {
  it('buttons of an answer from before still work (same DATA_DIR)', async () => {
    const message = await askedMessage('Kaj predvideva sporazum?');
    await run.stop();
    await run.start();
    const reply = await press(message, 'next').reply();
    expect(reply.callbackType).toBe(7);
    expect(footerOf(fake.findMessage(message.id)!)).toMatch(/ · 2\/5 · /);
    const vote = await press(message, 'up', bob).reply();
    expect(vote.content).toBe('Thanks for the rating!');
  });
});

describe('"Ask the article" on a message', () => {
  it('answers a message with text as a reply to it, pinging nobody', async () => {
    const target = fake.sendMessage({ content: 'A kdo je sploh podpisal ta sporazum?', author: writer }).message;
    const handle = fake.runMessageCommand({ name: 'Vprašaj članek', target, user: 'alice' });
    const posted = await fake.waitForRequest(
      (r) =>
        r.method === 'POST' &&
        (r.body as { message_reference?: { message_id: string } } | undefined)?.message_reference?.message_id ===
          target.id,
    );
    const body = posted.body as Record<string, unknown>;
    expect(embedOf(body).title).toBe('A kdo je sploh podpisal ta sporazum?');
    expect(fake.pingsOf(posted)).toEqual({ users: [], roles: [], everyone: false, repliedUser: false });
    expect(buttonIds(body)).toHaveLength(4);
    // The private "thinking…" is removed once the answer is in the channel.
    await handle.waitFor((r) => r.method === 'DELETE' && r.path.endsWith('/messages/@original'));
    const callback = (await handle.callback()).body as { type: number; data: { flags: number } };
    expect(callback.type).toBe(5);
    expect(callback.data.flags & 64).toBe(64);
  });

  it("answers privately, in the asker's language, where the bot may not post", async () => {
    const target = fake.sendMessage({ content: 'Kdo je podpisal sporazum?', author: writer }).message;
    // Everything a reply needs but Send Messages (a read-only announcements channel).
    const readOnly =
      PermissionFlagsBits.ViewChannel | PermissionFlagsBits.ReadMessageHistory | PermissionFlagsBits.EmbedLinks;
    const handle = fake.runMessageCommand({
      name: 'Vprašaj članek',
      target,
      locale: 'en-GB',
      appPermissions: readOnly,
    });
    const reply = await handle.reply();
    expect(reply.ephemeral).toBe(true);
    expect(embedOf(reply.body).title).toBe('Kdo je podpisal sporazum?');
    expect((reply.body.components as { components: { label: string }[] }[])[0]!.components[0]!.label).toBe(
      'Next passage',
    );
    // No post was tried in the channel.
    const posted = fake.requests.filter(
      (r) => r.method === 'POST' && r.path === `/channels/${target.channel_id}/messages`,
    );
    expect(
      posted.map((r) => (r.body as { message_reference?: { message_id: string } }).message_reference?.message_id),
    ).not.toContain(target.id);
  });

  it('reads a message that follows up one of its answers with the question it follows', async () => {
    const answer = await askedMessage('Kdaj je Rusija vložila veto?');
    const target = fake.sendMessage({ content: 'zakaj pa?', author: writer, replyTo: answer.id }).message;
    fake.runMessageCommand({ name: 'Vprašaj članek', target, user: bob });
    const posted = await fake.waitForRequest(
      (r) =>
        r.method === 'POST' &&
        (r.body as { message_reference?: { message_id: string } } | undefined)?.message_reference?.message_id ===
          target.id,
    );
    expect(embedOf(posted.body as Record<string, unknown>).title).toBe('Kdaj je Rusija vložila veto: zakaj pa?');
  });

  it('tells the one who ran it what the bot is for, privately, when the message is a greeting', async () => {
    const target = fake.sendMessage({ content: 'živjo vsi :)', author: writer }).message;
    const reply = await fake.runMessageCommand({ name: 'Vprašaj članek', target, locale: 'en-GB' }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe(
      'I answer questions about the article: ask what you want to know (who, what, when, where …).',
    );
    const replies = fake.requests.filter(
      (r) =>
        r.method === 'POST' &&
        (r.body as { message_reference?: { message_id: string } } | undefined)?.message_reference?.message_id ===
          target.id,
    );
    expect(replies).toEqual([]);
  });

  it('gives a private hint for a message with no text', async () => {
    const target = fake.sendMessage({ content: '', author: writer }).message;
    const reply = await fake.runMessageCommand({ name: 'Vprašaj članek', target, locale: 'en-GB' }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe('The question is empty. Write what you want to know about the article.');
  });
});

describe('a question without letters gets the same hint on every path', () => {
  // Privately in the asker's language (their client is en-US); in the channel in the server's (Slovenian by default).
  const hint = 'The question is empty. Write what you want to know about the article.';
  const channelHint = 'Vprašanje je prazno. Napiši, kaj te zanima o članku.';

  it('/ask, a mention, a Q&A channel and the message command', async () => {
    const ask = await fake.sendInteraction({ command: 'ask', options: { question: '???' } }).reply();
    expect(ask.ephemeral).toBe(true);
    expect(ask.content).toBe(hint);
    const mention = await fake.sendMessage({ content: `<@${fake.world.botUser.id}> ???`, author: writer }).reply();
    expect((mention.body as { content: string }).content).toBe(channelHint);
    const qa = await fake
      .sendMessage({ content: '???', author: writer, channelId: fake.world.channels.questions.id })
      .reply();
    expect((qa.body as { content: string }).content).toBe(channelHint);
    const target = fake.sendMessage({ content: '?!', author: writer }).message;
    const menu = await fake.runMessageCommand({ name: 'Vprašaj članek', target }).reply();
    expect(menu.content).toBe(hint);
  });

  it('a bare mention gets a short how-to instead', async () => {
    const reply = await fake.sendMessage({ content: `<@${fake.world.botUser.id}>`, author: writer }).reply();
    expect((reply.body as { content: string }).content).toMatch(/^Vprašaj me o članku: napiši <@\d+> in/);
    expect(fake.pingsOf(reply)).toEqual({ users: [], roles: [], everyone: false, repliedUser: false });
  });
});

describe("channel replies speak the server's language", () => {
  it('Slovenian, though Discord calls every server en-US, unless its moderators choose English', async () => {
    // The fake's server is en-US, as Discord makes every server; so is the asker's client.
    const mention = () => fake.sendMessage({ content: `<@${fake.world.botUser.id}>`, author: writer }).reply();
    // The first button's label: what the public answer says around the article's words.
    const publicAnswer = async () =>
      (
        (await fake.sendInteraction({ command: 'ask', options: { question: 'Kdo je Kim?' } }).reply()).body
          .components as { components: { label: string }[] }[]
      )[0]!.components[0]!.label;
    expect(((await mention()).body as { content: string }).content).toMatch(/^Vprašaj me o članku/);
    expect(await publicAnswer()).toBe('Naslednji odlomek');
    const language = (value: string) =>
      fake
        .sendInteraction({ command: 'settings', subcommand: 'language', options: { value }, user: 'moderator' })
        .reply();
    await language('en');
    try {
      expect(((await mention()).body as { content: string }).content).toMatch(/^Ask me/);
      expect(await publicAnswer()).toBe('Next passage');
    } finally {
      await language('sl');
    }
  });
});

describe('autocomplete on /ask question', () => {
  it("acknowledges every keystroke of a burst of 50 once, each within Discord's 3 s", async () => {
    const question = 'Kdo je podpisal sporazum o strateškem partnerstvu med Rusijo in Severno Korejo?';
    const typed = Array.from({ length: 50 }, (_, i) => question.slice(0, Math.ceil(((i + 1) * question.length) / 50)));
    const handles = typed.map((text) =>
      fake.sendInteraction({ command: 'ask', kind: 'autocomplete', options: { question: text }, focused: 'question' }),
    );
    const callbacks = await Promise.all(handles.map((h) => h.callback(10_000)));
    // Every keystroke was acknowledged once (a late one would have met 10062, a second 40060).
    expect(callbacks.map((c) => c.status)).toEqual(handles.map(() => 204));
    const callbackRequests = fake.requests.filter(
      (r) => r.path.endsWith('/callback') && handles.some((h) => r.path.includes(h.token)),
    );
    const answered = callbackRequests.filter((r) => r.status === 204);
    expect(new Set(answered.map((r) => r.path)).size).toBe(50);
    expect(answered).toHaveLength(50);
    // On a busy machine a callback may outlast the bot's one-second callback timeout and be sent
    // again; Discord (the fake) then says it was already acknowledged, and nothing else happens.
    for (const retry of callbackRequests.filter((r) => r.status !== 204))
      expect(retry.response).toMatchObject({ code: 40060 });
    // Arrival order is not checked: discord.js sends the 50 callbacks (one route each) over
    // parallel connections, so they overtake each other on the way (by up to a dozen places here).
    for (const [i, c] of callbacks.entries()) expect(c.at - handles[i]!.state.dispatchedAt).toBeLessThan(3000);
    const last = await handles[49]!.choices();
    expect(last.length).toBeGreaterThan(1);
    expect(last.length).toBeLessThanOrEqual(25);
    expect(last[0]!.value).toBe(question);
    for (const choice of last) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(String(choice.value).length).toBeLessThanOrEqual(100);
    }
    expect(last.slice(1).some((c) => /podpisal/.test(c.name))).toBe(true);
  });

  it("offers the article's opening sentences before anything is typed", async () => {
    const choices = await fake
      .sendInteraction({ command: 'ask', kind: 'autocomplete', options: { question: '' }, focused: 'question' })
      .choices();
    expect(choices.length).toBeGreaterThan(0);
    expect(choices[0]!.name).toMatch(/^Ruski predsednik Vladimir Putin/);
  });
});

describe('/help', () => {
  it('links the slash commands by their registered ids', async () => {
    const reply = await fake.sendInteraction({ command: 'help' }).reply();
    const ids = new Map(fake.commands.guild.map((c) => [c.name as string, c.id as string]));
    expect(reply.embeds[0]!.description).toContain(`</ask:${ids.get('ask')}>`);
    expect(reply.embeds[0]!.description).toContain(`</passage:${ids.get('passage')}>`);
  });

  it('is a link in an answer that found nothing, so the member can open it', async () => {
    const reply = await fake.sendInteraction({ command: 'ask', options: { question: 'banana?' } }).reply();
    const help = fake.commands.guild.find((c) => c.name === 'help')!.id as string;
    expect(reply.content).toBe(
      `V članku ni ničesar, kar bi bilo povezano s tem vprašanjem. Poskusi z drugimi besedami ali poglej </help:${help}>.`,
    );
  });

  it("names the server's Q&A channel, and lists the moderator commands to moderators only", async () => {
    const helpFor = async (user: 'alice' | 'moderator') =>
      (await fake.sendInteraction({ command: 'help', user }).reply()).embeds[0]!.description as string;
    const member = await helpFor('alice');
    expect(member).toContain(`In <#${fake.world.channels.questions.id}> I answer every question.`);
    expect(member).not.toMatch(/reload|settings|unanswered/);
    expect(await helpFor('moderator')).toMatch(/reload/);
  });
});

describe('/about', () => {
  it('answers privately', async () => {
    const reply = await fake.sendInteraction({ command: 'about' }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(path.basename(ARTICLE)).toBe('putin-kim-2024-06.md');
  });
});
