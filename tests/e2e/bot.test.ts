/**
 * The bot end to end against the fake Discord on 127.0.0.1: real discord.js client, real engine,
 * real corpus copy. Every request the bot makes is validated by the fake against Discord's API
 * spec, and no connection may leave the loopback interface.
 */
import { symlink, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { FakeDiscord, type MessageHandle } from '../fake-discord/server.ts';
import { snowflake } from '../fake-discord/snowflake.ts';
import type { FakeUser } from '../fake-discord/world.ts';
import { guardNetwork, type NetworkGuard } from '../fake-discord/network-guard.ts';
import { commands } from '../../commands/index.ts';
import { loadConfig } from '../../src/config.ts';
import { startBot, type RunningBot } from '../../src/discord/bot.ts';
import { Engine, LiveEngine } from '../../src/engine/index.ts';
import { redact, setLogLevel, setLogSink } from '../../src/log.ts';
import type { Store } from '../../src/storage/store.ts';
import { tempStore } from '../helpers.ts';
import { buttonIds, corpusCopy, quoteBlock, shownText } from './setup.ts';

let fake: FakeDiscord;
let bot: RunningBot;
let guard: NetworkGuard;
let corpus: Awaited<ReturnType<typeof corpusCopy>>;
let store: Store;
const logLines: string[] = [];
let restoreLog = () => {};

beforeAll(async () => {
  guard = guardNetwork();
  fake = await FakeDiscord.start();
  corpus = await corpusCopy();
  restoreLog = setLogSink((line) => logLines.push(line));
  setLogLevel('debug');
  const config = loadConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiBaseUrl,
    CORPUS_DIR: corpus.dir,
    QA_CHANNEL_IDS: fake.world.channels.questions.id,
    COOLDOWN_SECONDS: '60',
  });
  redact(config.DISCORD_TOKEN);
  store = (await tempStore()).store;
  bot = await startBot(config, new LiveEngine(await Engine.fromDirectory(corpus.dir), corpus.dir), commands, store);
  await fake.waitForIdentify();
});

afterAll(async () => {
  await bot?.stop();
  await store?.close();
  await fake?.close();
  restoreLog();
  setLogLevel('info');
  guard?.restore();
});

afterEach(() => {
  fake.assertNoProblems();
});

const noPings = { users: [], roles: [], everyone: false, repliedUser: false };

/** A reader no earlier test has written as, so no cooldown carries over between tests. */
function newReader(name: string): FakeUser {
  return { id: snowflake(), username: name, globalName: null };
}

/** The bot's reply to `handle`'s message (its POST with a reference to it). */
function replyTo(handle: MessageHandle) {
  return fake.waitForRequest(
    (r) =>
      r.method === 'POST' &&
      (r.body as { message_reference?: { message_id: string } } | undefined)?.message_reference?.message_id ===
        handle.message.id,
    10_000,
  );
}

/**
 * Asserts the bot ignored `ignored` without waiting a guessed time: a mention question sent after
 * it in the same channel by a new reader is answered, and nothing answered `ignored` meanwhile.
 * The bot handles messages in order and posts to one channel in order, so a reply to `ignored`
 * would have come first.
 */
async function expectIgnored(ignored: MessageHandle): Promise<void> {
  const control = fake.sendMessage({
    content: `<@${fake.world.botUser.id}> kdo je Kim?`,
    author: newReader('kontrola'),
    channelId: ignored.message.channel_id,
  });
  const answered = await replyTo(control);
  const posted = fake.requests.filter(
    (r) => r.seq < answered.seq && r.method === 'POST' && r.path === `/channels/${ignored.message.channel_id}/messages`,
  );
  expect(
    posted.filter(
      (r) =>
        (r.body as { message_reference?: { message_id: string } }).message_reference?.message_id === ignored.message.id,
    ),
  ).toEqual([]);
}

describe('/ask', () => {
  it('answers with the evidence quoted verbatim and cited', async () => {
    const handle = fake.sendInteraction({
      command: 'ask',
      options: { question: 'Kaj sta podpisala Putin in Kim?' },
      locale: 'hr',
    });
    const reply = await handle.reply();
    // Ready at once, so one reply: no "thinking…" and no edit.
    expect(reply.deferred).toBe(false);
    expect(handle.requests.map((r) => `${r.method} ${r.path.endsWith('/callback') ? 'callback' : r.path}`)).toEqual([
      'POST callback',
    ]);
    expect(reply.ephemeral).toBe(false);
    expect(reply.embeds).toHaveLength(1);
    const embed = reply.embeds[0]!;
    // Everyone sees what was asked, the article once, a short citation.
    expect(embed.title).toBe('Kaj sta podpisala Putin in Kim?');
    expect((embed.footer as { text: string }).text).toMatch(
      /^¶ \d+ · putin-kim-2024-06#\d+(\.\d+)? · 1\/\d · Putin in Kim Jong-un podpisala sporazum o strateškem partnerstvu · 2024-06$/,
    );
    const quote = quoteBlock(embed);
    expect(corpus.text).toContain(shownText(quote));
    expect(quote).toMatch(/\*\*podpisal\w*\*\*/i);
    expect(embed.description).toMatch(/\nTudi: ¶ \d+( · ¶ \d+)*$/);
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(buttonIds(reply.body)).toHaveLength(4);
  });

  it('hide makes the answer ephemeral', async () => {
    const reply = await fake
      .sendInteraction({ command: 'ask', options: { question: 'Kdo je Kim?', hide: true } })
      .reply();
    expect(reply.ephemeral).toBe(true);
  });

  it("says when the article does not answer: publicly in the server's language, privately in English for en-US", async () => {
    const question = 'Koliko stane hotel v Pjongjangu?';
    const hidden = await fake
      .sendInteraction({ command: 'ask', options: { question, hide: true }, locale: 'en-US' })
      .reply();
    expect(hidden.embeds[0]!.description).toMatch(/^\*The article does not say\. Maybe related:\*/);
    expect(hidden.embeds[0]!.description).not.toMatch(/\*\*|__/);
    const sl = await fake.sendInteraction({ command: 'ask', options: { question, hide: true }, locale: 'de' }).reply();
    expect(sl.embeds[0]!.description).toMatch(/^\*Članek tega ne pove\. Morda povezano:\*/);
    // Everyone in the channel reads a public answer: Slovenian, whatever the asker's client is set to.
    const shown = await fake.sendInteraction({ command: 'ask', options: { question }, locale: 'en-US' }).reply();
    expect(shown.ephemeral).toBe(false);
    expect(shown.embeds[0]!.description).toMatch(/^\*Članek tega ne pove\. Morda povezano:\*/);
  });

  it('a question with @everyone and a role mention pings nobody', async () => {
    const handle = fake.sendInteraction({
      command: 'ask',
      options: { question: '@everyone <@&123456789012345678> @here kdo je Kim?' },
    });
    await handle.reply();
    for (const request of handle.requests.filter((r) => r.method !== 'GET'))
      expect(fake.pingsOf(request)).toEqual(noPings);
  });

  it('survives a 429 on the interaction callback', async () => {
    fake.failNext({ method: 'POST', pathPattern: '/callback', status: 429, retryAfter: 1 });
    const handle = fake.sendInteraction({ command: 'ask', options: { question: 'Kje je Putin podpisal sporazum?' } });
    const reply = await handle.reply(15_000);
    expect(reply.embeds.length).toBeGreaterThan(0);
    expect(fake.pendingFaults).toEqual([]);
    expect(handle.requests.map((r) => r.status)).toEqual([429, 204]);
    expect(logLines.some((l) => /WARN .*rate limited \(429\) on POST/.test(l))).toBe(true);
    // And the next question is answered as usual.
    expect(
      (await fake.sendInteraction({ command: 'ask', options: { question: 'Kdo je Kim?' } }).reply()).embeds.length,
    ).toBeGreaterThan(0);
  });
});

describe('/passage, /about, /help', () => {
  it('autocompletes ids with their first words', async () => {
    const choices = await fake
      .sendInteraction({
        command: 'passage',
        kind: 'autocomplete',
        options: { id: 'putin-kim-2024-06#1' },
        focused: 'id',
      })
      .choices();
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]!.value).toBe('putin-kim-2024-06#1');
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.name.startsWith(`${c.value} — `)).toBe(true);
    }
  });

  it('shows one passage in full with its citation', async () => {
    const reply = await fake.sendInteraction({ command: 'passage', options: { id: 'putin-kim-2024-06#2' } }).reply();
    const embed = reply.embeds[0]!;
    expect((embed.footer as { text: string }).text).toBe(
      '¶ 2 · putin-kim-2024-06#2 · Putin in Kim Jong-un podpisala sporazum o strateškem partnerstvu · 2024-06',
    );
    expect(corpus.text).toContain(shownText(embed.description as string));
    expect((embed.description as string).length).toBeGreaterThan(200);
  });

  it('tells privately when the id does not exist', async () => {
    const reply = await fake
      .sendInteraction({ command: 'passage', options: { id: 'ni-takega#99' }, locale: 'en-GB' })
      .reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('There is no passage');
    // A backtick typed in the id cannot end the code span early, and still looks like one.
    const typed = await fake
      .sendInteraction({ command: 'passage', options: { id: 'clanek`7' }, locale: 'en-GB' })
      .reply();
    expect(typed.content).toMatch(/^There is no passage `clanekˋ7`\./);
  });

  it('names the articles a paragraph number alone may mean, and suggests their paragraphs first', async () => {
    const second = path.join(corpus.dir, 'vrh-2024-07.md');
    await writeFile(second, '---\ntitle: Vrh\ndate: 2024-07\n---\n\nPrvi odstavek o vrhu.\n\nDrugi odstavek o vrhu.\n');
    onTestFinished(async () => {
      await unlink(second);
      await bot.live.reload();
    });
    await bot.live.reload();
    const reply = await fake.sendInteraction({ command: 'passage', options: { id: '¶ 2' }, locale: 'en-GB' }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe(
      'That paragraph number is in several articles: `putin-kim-2024-06#2`, `vrh-2024-07#2`. Type the id with its article, e.g. `putin-kim-2024-06#2`, or pick it from the list.',
    );
    const choices = await fake
      .sendInteraction({ command: 'passage', kind: 'autocomplete', options: { id: '2' }, focused: 'id' })
      .choices();
    expect(choices.slice(0, 2).map((c) => c.value)).toEqual(['putin-kim-2024-06#2', 'vrh-2024-07#2']);
  });

  it('/about lists documents, passages, version and load time', async () => {
    const reply = await fake.sendInteraction({ command: 'about' }).reply();
    const embed = reply.embeds[0]!;
    expect(embed.description).toContain('Putin in Kim Jong-un podpisala sporazum o strateškem partnerstvu');
    const fields = embed.fields as { name: string; value: string }[];
    expect(fields.map((f) => f.name)).toEqual(['Passages', 'Version', 'Loaded']);
    expect(fields[1]!.value).toBe(`\`${bot.live.engine.version}\``);
    expect(fields[2]!.value).toMatch(/^<t:\d+:f>$/);
  });

  it('/help answers privately', async () => {
    const reply = await fake.sendInteraction({ command: 'help', locale: 'hr' }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds[0]!.title).toBe('Pomoč');
  });
});

describe('channel Q&A', () => {
  it('answers a mention of the bot as a reply that pings nobody', async () => {
    const handle = fake.sendMessage({
      content: `<@${fake.world.botUser.id}> kdo je podpisal sporazum?`,
      author: 'alice',
    });
    const request = await handle.reply();
    const body = request.body as { message_reference?: { message_id: string }; embeds?: unknown[] };
    expect(body.message_reference?.message_id).toBe(handle.message.id);
    expect(body.embeds?.length).toBeGreaterThan(0);
    expect(fake.pingsOf(request)).toEqual(noPings);
  });

  /**
   * Until the bot has its reply's id back (the fake sees the reply before the bot sees the
   * response). Asked in the Q&A channel, whose "answered" line no test before logs late.
   */
  const answeredInQa = (from: number) =>
    expect
      .poll(() =>
        logLines
          .slice(from)
          .some((l) => l.endsWith(`channel question in ${fake.world.channels.questions.id} answered`)),
      )
      .toBe(true);

  it('edits its answer when the question is edited, and deletes it with the question', async () => {
    const author = newReader('popravljalka');
    const mention = `<@${fake.world.botUser.id}>`;
    const from = logLines.length;
    const channelId = fake.world.channels.questions.id;
    const asked = fake.sendMessage({ content: `${mention} kdo je podpisal sporazum?`, author, channelId });
    const answer = await asked.reply();
    await answeredInQa(from);
    const answerId = (answer.response as { id: string }).id;
    const titleOf = (body: unknown) => (body as { embeds: { title: string }[] }).embeds[0]!.title;
    expect(titleOf(answer.body)).toBe('kdo je podpisal sporazum?');

    // Corrected: the same reply now answers the new wording (no cooldown: it is the same question).
    fake.editUserMessage(asked.message, { content: `${mention} kam bo Putin odpotoval po obisku?`, author, channelId });
    const edit = await fake.waitForRequest(
      (r) => r.method === 'PATCH' && r.path === `/channels/${asked.message.channel_id}/messages/${answerId}`,
    );
    expect(titleOf(edit.body)).toBe('kam bo Putin odpotoval po obisku?');
    expect(fake.pingsOf(edit)).toEqual(noPings);
    // A preview added to the message (the question as it was) changes nothing: still the one edit.
    const edits = () =>
      fake.requests.filter(
        (r) => r.method === 'PATCH' && r.path === `/channels/${asked.message.channel_id}/messages/${answerId}`,
      ).length;
    fake.editUserMessage(asked.message, { content: `${mention} kam bo Putin odpotoval po obisku?`, author, channelId });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(edits()).toBe(1);

    // Deleted: the answer goes too.
    fake.deleteUserMessage(asked.message);

    await fake.waitForRequest(
      (r) => r.method === 'DELETE' && r.path === `/channels/${asked.message.channel_id}/messages/${answerId}`,
    );
  });

  it('deletes its answer when the question is edited into no question to it', async () => {
    const author = newReader('premislila');
    const from = logLines.length;
    const channelId = fake.world.channels.questions.id;
    const asked = fake.sendMessage({ content: `<@${fake.world.botUser.id}> kdo je Kim?`, author, channelId });
    const answerId = ((await asked.reply()).response as { id: string }).id;
    await answeredInQa(from);
    fake.editUserMessage(asked.message, { content: 'nič, sem že našla', author, channelId });
    await fake.waitForRequest(
      (r) => r.method === 'DELETE' && r.path === `/channels/${asked.message.channel_id}/messages/${answerId}`,
    );
  });

  it('answers a reply to its answer that pings it, with no mention in the text', async () => {
    const reader = newReader('bralec');
    const first = await fake
      .sendMessage({ content: `<@${fake.world.botUser.id}> kdo je podpisal sporazum?`, author: reader })
      .reply();
    const answerId = (first.response as { id: string }).id;
    // A later question of the same reader would get the cooldown notice; another reader follows up.
    const followUp = fake.sendMessage({
      content: 'In kje je bil podpisan',
      author: newReader('bralka'),
      replyTo: answerId,
      replyPing: true,
    });
    const request = await replyTo(followUp);
    expect((request.body as { embeds: unknown[] }).embeds.length).toBeGreaterThan(0);
    expect(fake.pingsOf(request)).toEqual(noPings);
  });

  it('reads a follow-up replying to its answer with the question it follows, saying so in the title', async () => {
    const first = await fake
      .sendMessage({ content: `<@${fake.world.botUser.id}> Kdaj je Rusija vložila veto?`, author: newReader('prva') })
      .reply();
    const followUp = fake.sendMessage({
      content: 'zakaj pa?',
      author: newReader('druga'),
      replyTo: (first.response as { id: string }).id,
      replyPing: true,
    });
    const request = await replyTo(followUp);
    const [embed] = (request.body as { embeds: { title: string; description: string }[] }).embeds;
    expect(embed!.title).toBe('Kdaj je Rusija vložila veto: zakaj pa?');
    expect(shownText(embed!.description)).toContain('Rusija je tudi marca v Varnostnem svetu');
  });

  it("leaves a reply to another member's message in a Q&A channel, and thanks in reply to its answer, alone", async () => {
    const channelId = fake.world.channels.questions.id;
    const said = fake.sendMessage({
      content: 'Mislim, da je Putin obiskal tudi Vietnam.',
      author: newReader('miha'),
      channelId,
    });
    await expectIgnored(
      fake.sendMessage({ content: 'a res?', author: newReader('eva'), channelId, replyTo: said.message.id }),
    );
    // A reply to one's own message goes on asking.
    const author = newReader('jan');
    const own = fake.sendMessage({ content: 'Sporazum me zanima.', author, channelId });
    const request = await replyTo(
      fake.sendMessage({ content: 'kdo ga je podpisal?', author, channelId, replyTo: own.message.id }),
    );
    expect((request.body as { embeds: unknown[] }).embeds.length).toBeGreaterThan(0);
    const answer = await fake
      .sendMessage({ content: `<@${fake.world.botUser.id}> kdo je Kim?`, author: newReader('ana') })
      .reply();
    await expectIgnored(
      fake.sendMessage({
        content: 'hvala!',
        author: newReader('ana2'),
        replyTo: (answer.response as { id: string }).id,
        replyPing: true,
      }),
    );
  });

  it('ignores @everyone, roles and bots', async () => {
    await expectIgnored(fake.sendMessage({ content: '@everyone kdo je podpisal sporazum?', author: newReader('vsi') }));
    await expectIgnored(
      fake.sendMessage({
        content: `<@&${fake.world.roles.bot.id}> kdo je podpisal sporazum?`,
        author: newReader('vloga'),
      }),
    );
    await expectIgnored(
      fake.sendMessage({ content: `<@${fake.world.botUser.id}> kdo je podpisal sporazum?`, author: 'otherBot' }),
    );
    await expectIgnored(
      fake.sendMessage({
        content: 'Kdo je podpisal sporazum?',
        author: 'otherBot',
        channelId: fake.world.channels.questions.id,
      }),
    );
  });

  it('answers any question in a Q&A channel, then gives one cooldown notice', async () => {
    const questions = fake.world.channels.questions.id;
    const reader = newReader('vprasalka');
    const first = await replyTo(fake.sendMessage({ content: 'Kdo je Kim?', author: reader, channelId: questions }));
    expect((first.body as { embeds: unknown[] }).embeds.length).toBeGreaterThan(0);
    const notice = await replyTo(fake.sendMessage({ content: 'Kaj pa Putin?', author: reader, channelId: questions }));
    // Channel replies are in Slovenian, though the test server's preferred locale is en-US (as every server's is).
    expect((notice.body as { content: string }).content).toMatch(/^Počasi, prosim/);
    expect(fake.pingsOf(notice)).toEqual(noPings);
    await expectIgnored(fake.sendMessage({ content: 'In sankcije?', author: reader, channelId: questions }));
  });

  it('quotes mentions in a question without pinging', async () => {
    const question = fake.sendMessage({
      content: `<@${fake.world.botUser.id}> @everyone <@&${fake.world.roles.readers.id}> @here kdo je Kim?`,
      author: newReader('omenjalka'),
      canMentionEveryone: true,
    });
    const request = await replyTo(question);
    expect((request.body as { embeds: unknown[] }).embeds.length).toBeGreaterThan(0);
    expect(fake.pingsOf(request)).toEqual(noPings);
  });
});

describe('/reload', () => {
  it('is refused without Manage Server and in DMs', async () => {
    const member = await fake.sendInteraction({ command: 'reload', user: 'alice', locale: 'en-US' }).reply();
    expect(member.ephemeral).toBe(true);
    expect(member.content).toBe('Reloading needs the Manage Server permission.');
    const dm = await fake.sendInteraction({ command: 'reload', user: 'moderator', dm: true, locale: 'en-US' }).reply();
    expect(dm.ephemeral).toBe(true);
    expect(dm.content).toBe('Reloading works only in a server, not in direct messages.');
  });

  it('reports the diff after a corpus change, and answers then quote the new text', async () => {
    const oldVersion = bot.live.engine.version;
    await writeFile(corpus.article, corpus.text.replace('dvodnevni obisk v Vietnamu', 'tridnevni obisk v Laosu'));
    // Put the shipped text back afterwards, so later tests see the corpus they started with.
    onTestFinished(async () => {
      await writeFile(corpus.article, corpus.text);
      await bot.live.reload();
    });
    const reply = await fake.sendInteraction({ command: 'reload', user: 'moderator', locale: 'en-US' }).reply();
    expect(reply.ephemeral).toBe(true);
    const embed = reply.embeds[0]!;
    expect(embed.description).toBe(`Version \`${oldVersion}\` → \`${bot.live.engine.version}\``);
    const fields = embed.fields as { name: string; value: string }[];
    expect(fields.map((f) => f.name)).toEqual(['Added: 0', 'Removed: 0', 'Changed: 1']);
    expect(fields[2]!.value).toMatch(/^putin-kim-2024-06#\d+$/);
    const answer = await fake
      .sendInteraction({ command: 'ask', options: { question: 'Kam bo Putin odpotoval po obisku v Pjongjangu?' } })
      .reply();
    expect(shownText(answer.embeds[0]!.description as string)).toContain('tridnevni obisk v Laosu');
  });

  it('reports a broken corpus file while the old index keeps answering', async () => {
    const version = bot.live.engine.version;
    const question = { command: 'ask', options: { question: 'Kam bo Putin odpotoval po obisku v Pjongjangu?' } };
    const before = await fake.sendInteraction(question).reply();
    const broken = path.join(corpus.dir, 'broken.jsonl');
    await writeFile(broken, '{"id": "x"}\n');
    try {
      const reply = await fake.sendInteraction({ command: 'reload', user: 'moderator', locale: 'en-US' }).reply();
      expect(reply.embeds[0]!.title).toBe('The reload failed; I keep answering from the previous version.');
      expect(reply.embeds[0]!.description).toContain('broken.jsonl:1: missing "title"');
      expect(logLines).toContainEqual(
        expect.stringMatching(
          /WARN {2}corpus reload failed, still serving the previous version: Corpus problem: broken\.jsonl:1: missing "title"/,
        ),
      );
      expect(bot.live.engine.version).toBe(version);
      const after = await fake.sendInteraction(question).reply();
      expect(after.embeds).toEqual(before.embeds);
    } finally {
      await unlink(broken);
    }
  });
});

describe('/reload and files that are not articles', () => {
  it('lists the files of the corpus folder it did not read', async () => {
    const docx = path.join(corpus.dir, 'clanek.docx');
    const link = path.join(corpus.dir, 'povezava.md');
    await writeFile(docx, 'not an article');
    await symlink(corpus.article, link);
    try {
      const reply = await fake.sendInteraction({ command: 'reload', user: 'moderator', locale: 'en-US' }).reply();
      const fields = reply.embeds[0]!.fields as { name: string; value: string }[];
      expect(fields).toEqual([
        {
          name: 'Files not read: 2',
          value: 'clanek.docx — not .md, .txt or .jsonl\npovezava.md — a symbolic link, not followed',
        },
      ]);
    } finally {
      await unlink(docx);
      await unlink(link);
    }
  });

  it('refuses unclosed front matter and a file of NUL bytes, naming file and line', async () => {
    const version = bot.live.engine.version;
    const open = path.join(corpus.dir, 'odprt.md');
    const nul = path.join(corpus.dir, 'nic.txt');
    await writeFile(open, '---\ntitle: Naslov\ndate: 2024-06\n\nBesedilo članka.\n');
    await writeFile(nul, Buffer.alloc(128));
    try {
      const reply = await fake.sendInteraction({ command: 'reload', user: 'moderator', locale: 'en-US' }).reply();
      expect(shownText(reply.embeds[0]!.description as string).split('\n')).toEqual([
        '• nic.txt:1: contains the control character U+0000; only tabs and line breaks are allowed in plain text',
        '• odprt.md:1: front matter opened with "---" is never closed: end it with a line "---"',
      ]);
      expect(bot.live.engine.version).toBe(version);
    } finally {
      await unlink(open);
      await unlink(nul);
    }
  });
});

describe('Discord errors', () => {
  it('logs an interaction Discord already forgot (10062) and keeps answering', async () => {
    fake.failNext({
      method: 'POST',
      pathPattern: '/callback',
      status: 404,
      body: { message: 'Unknown interaction', code: 10062 },
    });
    const lost = fake.sendInteraction({ command: 'ask', options: { question: 'Kdo je Kim?' } });
    await lost.waitFor((r) => r.status === 404);
    await expect
      .poll(() => logLines.some((l) => /WARN .*\/ask .*expired before we answered \(10062\)/.test(l)))
      .toBe(true);
    // Nothing more is tried for the lost one (no error message to a dead token)...
    expect(lost.requests.filter((r) => r.method !== 'GET')).toHaveLength(1);
    // ...and the next one is answered.
    expect((await fake.sendInteraction({ command: 'about' }).reply()).embeds).toHaveLength(1);
  });
});

describe('Discord errors in channels', () => {
  it('says in one line without a stack that the bot may not post in a channel, and warns once about a 429', async () => {
    const mention = `<@${fake.world.botUser.id}> kdo je podpisal sporazum?`;
    const from = logLines.length;
    fake.failNext({
      method: 'POST',
      pathPattern: /^\/channels\/\d+\/messages$/,
      status: 403,
      body: { message: 'Missing Permissions', code: 50013 },
    });
    const refused = fake.sendMessage({ content: mention, author: newReader('brez-pravic') });
    await refused.reply();
    await expect.poll(() => logLines.slice(from).some((l) => / not answered: /.test(l))).toBe(true);
    expect(logLines.slice(from).filter((l) => /WARN|ERROR/.test(l))).toEqual([
      expect.stringMatching(
        /WARN {2}channel question in \d+ of server \d+ not answered: the bot may not post there \(50013 Missing Permissions\): allow it Send Messages \(in a thread: Send Messages in Threads\), Embed Links and Read Message History in that channel$/,
      ),
    ]);

    const later = logLines.length;
    fake.failNext({ method: 'POST', pathPattern: /^\/channels\/\d+\/messages$/, status: 429, retryAfter: 1 });
    const first = await fake.sendMessage({ content: mention, author: newReader('potrpezljiva') }).reply();
    expect(first.status).toBe(429);
    // discord.js waits out the Retry-After and sends it again.
    await expect
      .poll(() => logLines.slice(later).some((l) => /channel question in \d+ answered/.test(l)), { timeout: 5000 })
      .toBe(true);
    expect(logLines.slice(later).filter((l) => /WARN|ERROR/.test(l))).toEqual([
      expect.stringMatching(/WARN {2}rate limited \(429\) on POST \/channels\/:id\/messages: retrying after 1 s$/),
    ]);
  });
});

describe('gateway', () => {
  it('resumes after the gateway drops the connection (4000) and keeps answering', async () => {
    const resumed = fake.waitForResume();
    fake.closeGateway(4000, 'unknown error');
    await resumed;
    expect(
      (await fake.sendInteraction({ command: 'ask', options: { question: 'Kdo je Kim?' } }).reply()).embeds.length,
    ).toBeGreaterThan(0);
  });

  it('resumes after op 7 RECONNECT and answers the next question', async () => {
    const resumed = fake.waitForResume();
    fake.requestReconnect();
    const info = await resumed;
    expect(info.path).toBe('/resume');
    const reply = await fake.sendInteraction({ command: 'ask', options: { question: 'Kdo je Kim?' } }).reply();
    expect(reply.embeds.length).toBeGreaterThan(0);
  });
});

describe('hygiene', () => {
  it('never logs the token, not even a part of it at debug level, and never leaves 127.0.0.1', () => {
    expect(logLines.some((l) => / DEBUG /.test(l))).toBe(true);
    const all = logLines.join('\n');
    expect(all).not.toContain(fake.token);
    // discord.js prints "Provided token: <first>.<second>.****" at debug; the first part is the bot's id.
    for (const part of fake.token.split('.')) expect(all).not.toContain(part);
    expect(guard.blocked).toEqual([]);
  });
});

// Last: after a 401, discord.js drops the token, and nothing more can be sent.
describe('a token reset while the bot runs', () => {
  it('says in one line what to do when Discord refuses the token while the bot runs (401)', async () => {
    fake.failNext({ method: 'POST', pathPattern: '/messages', status: 401 });
    const mark = logLines.length;
    fake.sendMessage({ content: `<@${fake.world.botUser.id}> kdo je podpisal sporazum?`, author: 'alice' });
    await expect
      .poll(() => logLines.slice(mark).find((l) => / ERROR /.test(l)), { timeout: 10_000 })
      .toMatch(
        /ERROR +channel question in \d+ of server \d+ failed: Discord refused DISCORD_TOKEN \(401\): it was reset or revoked; reset the token in the Developer Portal, update it and restart the bot$/,
      );
    expect(fake.pendingFaults).toEqual([]);
    // discord.js has dropped the token: the next question fails before it reaches Discord, said the same way.
    const next = logLines.length;
    // Asked by someone new, so no cooldown stands in its way.
    fake.sendMessage({
      content: `<@${fake.world.botUser.id}> kdo je Kim?`,
      author: { id: snowflake(), username: 'bralka', globalName: null },
    });
    await expect
      .poll(() => logLines.slice(next).find((l) => / ERROR /.test(l)), { timeout: 10_000 })
      .toMatch(/failed: Discord refused DISCORD_TOKEN \(401\): it was reset or revoked; .*restart the bot$/);
  });
});
