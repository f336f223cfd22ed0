/**
 * The moderators' commands end to end on the fake Discord (every body validated against Discord's
 * spec): /unanswered, /stats, /settings, /forget and /reload dry_run:True, each as a moderator,
 * as a member and in a DM; settings across a restart on the same DATA_DIR; the export parsed back.
 */
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, type VisibleReply } from '../fake-discord/server.ts';
import { snowflake } from '../fake-discord/snowflake.ts';
import type { FakeUser } from '../fake-discord/world.ts';
import { guardNetwork, type NetworkGuard } from '../fake-discord/network-guard.ts';
import { commands } from '../../commands/index.ts';
import { BotOnFake } from './bot-on-fake.ts';
import { FORGET_NO, FORGET_YES } from '../../commands/forget.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { deployCommands } from '../../src/discord/deploy.ts';
import { COLORS } from '../../src/discord/render/colors.ts';
import { setLogSink } from '../../src/log.ts';
import { DAY_MS } from '../../src/storage/guild-store.ts';
import { SqliteAnswerStore } from '../../src/storage/sqlite/sqlite-store.ts';
import { CORPUS, tempStore } from '../helpers.ts';
import { buttonIds, corpusCopy } from './setup.ts';

let fake: FakeDiscord;
let guard: NetworkGuard;
let corpus: Awaited<ReturnType<typeof corpusCopy>>;
let config: Config;
let dataDir: string;
let run: BotOnFake;
let restoreLog = () => {};

/** Another server, whose data must survive everything done in the test server. */
const OTHER_GUILD = '990000000000000001';

beforeAll(async () => {
  guard = guardNetwork();
  fake = await FakeDiscord.start();
  restoreLog = setLogSink(() => {});
  corpus = await corpusCopy();
  await writeFile(path.join(corpus.dir, 'questions.jsonl'), await readFile(path.join(CORPUS, 'questions.jsonl')));
  dataDir = (await tempStore()).dir;
  config = loadConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiBaseUrl,
    DISCORD_GUILD_ID: fake.world.guild.id,
    CORPUS_DIR: corpus.dir,
    DATA_DIR: dataDir,
    COOLDOWN_SECONDS: '0',
  });
  // Registered, so option types (channels, subcommands) come from the definitions as on Discord.
  await deployCommands(config, commands);
  run = new BotOnFake(fake, config, { ttlMs: 7 * DAY_MS });
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

const reader = (name: string): FakeUser => ({ id: snowflake(), username: name, globalName: null });

async function ask(question: string, user: FakeUser | 'alice' = 'alice'): Promise<VisibleReply> {
  return fake.sendInteraction({ command: 'ask', options: { question }, user }).reply();
}

type Extra = { subcommand?: string; options?: Record<string, string | number | boolean> };

function moderator(command: string, extra: Extra = {}): Promise<VisibleReply> {
  return fake.sendInteraction({ command, user: 'moderator', locale: 'en-US', ...extra }).reply();
}

/** Runs a command and returns the message it answered with, as it is now (to press its buttons). */
async function repliedMessage(command: string, user: 'alice' | 'moderator' | FakeUser, extra: Extra = {}) {
  const handle = fake.sendInteraction({ command, user, locale: 'en-US', ...extra });
  const reply = await handle.reply();
  return { reply, message: fake.findMessage(handle.state.original!.id)! };
}

describe('as a member and in a DM', () => {
  it('every moderator command is refused privately, saying why', async () => {
    const runs: [string, string | undefined][] = [
      ['unanswered', undefined],
      ['stats', undefined],
      ['settings', 'view'],
      ['forget', undefined],
      ['reload', undefined],
    ];
    for (const [command, subcommand] of runs) {
      const extra = subcommand ? { subcommand } : {};
      const member = await fake.sendInteraction({ command, user: 'alice', locale: 'en-US', ...extra }).reply();
      expect(member.ephemeral).toBe(true);
      expect(member.content).toMatch(/needs the Manage Server permission\.$/);
      const dm = await fake
        .sendInteraction({ command, user: 'moderator', dm: true, locale: 'en-US', ...extra })
        .reply();
      expect(dm.ephemeral).toBe(true);
      expect(dm.content).toMatch(/only in a server, not in direct messages\.$/);
    }
  });
});

describe('/unanswered', () => {
  it('lists similar unanswered questions with counts and attaches the whole log, which parses back', async () => {
    await ask('Koliko stane hotel v Pjongjangu?');
    await ask(`koliko stanejo hoteli v pjongjangu <@${fake.world.users.alice.id}>`);
    await ask('Kdo je podpisal sporazum?');
    // A thank-you is told, privately and in the member's language, what the bot is for, and is no unanswered question.
    const thanks = await ask('Hvala!');
    expect(thanks.ephemeral).toBe(true);
    expect(thanks.content).toMatch(/^I answer questions about the article: /);
    const reply = await moderator('unanswered');
    expect(reply.ephemeral).toBe(true);
    const description = String(reply.embeds[0]!.description);
    expect(description).toMatch(/^• \*\*2×\*\* koliko stanejo hoteli v pjongjangu — <t:\d+:R>$/m);
    // Groups are counted as groups, with the questions in them: nothing of the log is left out.
    expect(description).toMatch(
      /^All questions in the log \(2 questions\), similar ones grouped: 1 group\. The whole log is attached\./,
    );
    expect(description).not.toContain('podpisal');
    const file = reply.request.files.find((f) => f.filename.endsWith('.jsonl'))!;
    expect(file.filename).toMatch(new RegExp(`^unanswered-${fake.world.guild.id}-\\d{4}-\\d{2}-\\d{2}\\.jsonl$`));
    const lines = file.data
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    // Newest first, the question cleaned of the mention, and nothing about who asked.
    expect(lines[0]).toEqual({
      question: 'koliko stanejo hoteli v pjongjangu',
      time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
      channel_id: fake.world.channels.general.id,
      confidence: expect.any(Number),
      passage_id: expect.stringMatching(/^putin-kim-2024-06#\d+$/),
    });
    expect(file.data.toString()).not.toContain(fake.world.users.alice.id);
  });
});

describe('/stats', () => {
  it('counts questions and votes, and attaches a chart once there is more than a week of data', async () => {
    const { message } = await repliedMessage('ask', 'alice', {
      options: { question: 'Kdaj je Rusija vložila veto?' },
    });
    const up = buttonIds(message).find((id) => id.startsWith('o1.up.'))!;
    expect((await fake.pressButton({ message, customId: up }).reply()).content).toBe('Thanks for the rating!');
    const recent = await moderator('stats');
    expect(recent.ephemeral).toBe(true);
    const fields = recent.embeds[0]!.fields as { name: string; value: string }[];
    expect(fields.map((f) => f.name)).toEqual([
      'Last 7 days',
      'Passages cited most',
      'Questions asked most without a clear answer',
      'Last 30 days',
      'Passages cited most',
      'Questions asked most without a clear answer',
    ]);
    expect(fields[0]!.value).toMatch(
      /^Questions: \*\*\d+\*\*\nanswered \d+ % \(clearly \d+ %\) · not answered \d+ %\nRatings: 👍 1 · 👎 0$/,
    );
    // Each with its first words, to tell which passage it is.
    expect(fields[1]!.value).toMatch(
      /putin-kim-2024-06#8 — \d+× · 👍 1 · 👎 0\n„Rusija in Severna Koreja sta namreč .*…“/,
    );
    expect(fields[2]!.value).toMatch(/^\*\*2×\*\* koliko stanejo hoteli v pjongjangu/);
    expect(recent.request.files).toEqual([]);
    // Ten days ago, as another process writing to the same database would.
    const past = SqliteAnswerStore.open(dataDir, { ttlMs: DAY_MS, now: () => Date.now() - 10 * DAY_MS });
    await past.recordQuestion({
      guildId: fake.world.guild.id,
      channelId: fake.world.channels.general.id,
      question: 'Kdo je Kim?',
      level: 'clear',
      confidence: 0.9,
      passageId: 'putin-kim-2024-06#1',
    });
    await past.close();
    const withChart = await moderator('stats');
    const png = withChart.request.files.find((f) => f.filename === 'questions-per-day.png')!;
    expect(png.data.subarray(1, 4).toString()).toBe('PNG');
    expect(withChart.embeds[0]!.image).toEqual({ url: 'attachment://questions-per-day.png' });
  });
});

describe('/settings', () => {
  it('validates values: only text channels of this server, a cooldown of 0–3600 s', async () => {
    const voice = await moderator('settings', {
      subcommand: 'channel-add',
      options: { channel: fake.world.channels.voice.id },
    });
    expect(voice.content).toBe('That is not a text channel of this server. Pick a text channel from the list.');
    const elsewhere = await moderator('settings', { subcommand: 'channel-add', options: { channel: snowflake() } });
    expect(elsewhere.content).toBe(voice.content);
    // Discord's client enforces max_value; the handler does not rely on it.
    const long = await moderator('settings', { subcommand: 'cooldown', options: { seconds: 5000 } });
    expect(long.content).toBe('The wait must be a whole number of seconds from 0 to 3600.');
    const view = await moderator('settings', { subcommand: 'view' });
    expect(view.ephemeral).toBe(true);
    expect((view.embeds[0]!.fields as { value: string }[]).map((f) => f.value)).toEqual([
      'none (I answer mentions) (default)',
      '0 s (default)',
      'no (default)',
      'Slovenian (default)',
    ]);
  });

  it('are used at once and kept across a restart on the same DATA_DIR', async () => {
    const general = fake.world.channels.general.id;
    const added = await moderator('settings', { subcommand: 'channel-add', options: { channel: general } });
    // Without Q&A channels at the start, the bot did not ask for message content: it says a restart is needed.
    expect(added.embeds[0]!.description).toMatch(/^Saved\.\n.*Message Content intent.*\nThe server's settings:$/);
    await moderator('settings', { subcommand: 'private', options: { value: true } });
    await moderator('settings', { subcommand: 'language', options: { value: 'sl' } });
    await moderator('settings', { subcommand: 'cooldown', options: { seconds: 120 } });
    // Private by default now, unless the member says otherwise.
    expect((await ask('Kdo je Kim?')).ephemeral).toBe(true);
    expect(
      (await fake.sendInteraction({ command: 'ask', options: { question: 'Kdo je Kim?', hide: false } }).reply())
        .ephemeral,
    ).toBe(false);

    await run.stop();
    await run.start();
    const view = await moderator('settings', { subcommand: 'view' });
    expect((view.embeds[0]!.fields as { value: string }[]).map((f) => f.value)).toEqual([
      `<#${general}>`,
      '120 s',
      'yes',
      'Slovenian',
    ]);
    // The Q&A channel is read now (message content asked for), answered in Slovenian in an
    // English server, and the server's cooldown holds.
    const member = reader('bralka');
    const answered = await fake
      .sendMessage({ content: 'Koliko stane hotel v Pjongjangu?', author: member, channelId: general })
      .reply();
    expect((answered.body as { embeds: { description: string }[] }).embeds[0]!.description).toMatch(
      /^\*Članek tega ne pove\./,
    );
    const wait = await fake.sendMessage({ content: 'Kdo je Kim?', author: member, channelId: general }).reply();
    expect((wait.body as { content: string }).content).toMatch(/^Počasi, prosim: .* čez (11\d s|2 min)\.$/);
    const reset = await moderator('settings', { subcommand: 'reset' });
    expect(reset.embeds[0]!.description).toBe(
      "Saved.\nAll settings are back to their defaults.\nThe server's settings:",
    );
  });
});

describe('/reload with check questions', () => {
  it('a dry run shows the diff and the check question that got worse, reports a bad line, and swaps nothing', async () => {
    const version = run.bot.live.engine.version;
    const questions = path.join(corpus.dir, 'questions.jsonl');
    const shipped = await readFile(questions, 'utf8');
    await appendFile(questions, '{"question": "Brez pričakovanja"}\n');
    const changed = corpus.text.replace(
      'Rusija je tudi marca v Varnostnem svetu ZN vložila veto na predlog resolucije za podaljšanje mandata panelu strokovnjakov, ki pomaga nadzirati izvajanje sankcij proti Severni Koreji.',
      'Več o tem v prihodnjih dneh.',
    );
    expect(changed).not.toBe(corpus.text);
    await writeFile(corpus.article, changed);
    try {
      const dry = await moderator('reload', { options: { dry_run: true } });
      expect(dry.ephemeral).toBe(true);
      const embed = dry.embeds[0]!;
      // Worse answers are said in the title, in amber, not reported under a green "done".
      expect(embed.title).toBe('Dry run: nothing was swapped ⚠ 1 check question got worse');
      expect(embed.color).toBe(COLORS.closest);
      const fields = embed.fields as { name: string; value: string }[];
      expect(fields.map((f) => f.name)).toEqual([
        'Added: 0',
        'Removed: 0',
        'Changed: 1',
        'Check questions',
        'Worse: 1',
        'Check question lines not read: 1',
      ]);
      expect(fields[2]!.value).toBe('putin-kim-2024-06#8');
      // One check question fewer is answered right than before (how many were depends on the engine).
      const [, before, after] = /^Hit@1: (\d+)\/10 → (\d+)\/10\nNot answered: 2 → \d+ \(expected 2\)$/.exec(
        fields[3]!.value,
      )!;
      expect(Number(after)).toBe(Number(before) - 1);
      expect(fields[4]!.value).toMatch(
        /^„Kdaj je Rusija preprečila podaljšanje mandata strokovnjakom\?“ — putin-kim-2024-06#8 → /,
      );
      const lineNumber = shipped.trim().split('\n').length + 1;
      expect(fields[5]!.value).toBe(
        `• questions.jsonl:${lineNumber}: must be a JSON object with "question" and "expect"`,
      );
      expect(run.bot.live.engine.version).toBe(version);

      // A plain reload swaps, and shows the same scores after it.
      const real = await moderator('reload');
      expect(real.embeds[0]!.title).toBe('The corpus was reloaded. ⚠ 1 check question got worse');
      expect((real.embeds[0]!.fields as { value: string }[])[3]!.value).toBe(fields[3]!.value);
      expect(run.bot.live.engine.version).not.toBe(version);
    } finally {
      await writeFile(corpus.article, corpus.text);
      await writeFile(questions, shipped);
      await run.bot.live.reload();
    }
  });

  it('tells a passage that only moved to a new id from a worse answer, and names an expected id that does not exist', async () => {
    const questions = path.join(corpus.dir, 'questions.jsonl');
    const shipped = await readFile(questions, 'utf8');
    await appendFile(questions, '{"question": "Kdo je podpisal sporazum?", "expect": "putin-kim-2024-06#99"}\n');
    // A correction above the first paragraph: every paragraph keeps its text under the next id.
    await writeFile(corpus.article, corpus.text.replace('---\nRuski predsednik', '---\nPopravek.\n\nRuski predsednik'));
    try {
      const embed = (await moderator('reload', { options: { dry_run: true } })).embeds[0]!;
      expect(embed.title).toBe('Dry run: nothing was swapped');
      const fields = embed.fields as { name: string; value: string }[];
      const names = fields.map((f) => f.name);
      // The passage diff says the text only moved: one paragraph added, none changed.
      expect(fields.slice(0, 4)).toEqual([
        { name: 'Added: 1', value: 'putin-kim-2024-06#1' },
        { name: 'Removed: 0', value: '—' },
        { name: 'Changed: 0', value: '—' },
        { name: 'Moved to a new id: 11', value: 'putin-kim-2024-06#1–11 → #2–12' },
      ]);
      expect(names).not.toContainEqual(expect.stringMatching(/^Worse/));
      // Answered with the same text as before, only under the next id: still hits, not alarming misses.
      expect(fields.find((f) => f.name === 'Check questions')!.value).toBe(
        'Hit@1: 10/11 → 10/11 (10 under new ids)\nNot answered: 2 → 2 (expected 2)',
      );
      expect(names).toContainEqual(expect.stringMatching(/^Same text under a new id \(update questions.jsonl\): \d+$/));
      expect(fields.find((f) => f.name.startsWith('Same text'))!.value).toMatch(
        /— putin-kim-2024-06#8 → putin-kim-2024-06#9/,
      );
      const unknown = fields.find((f) => f.name.startsWith('Expected passages in neither'))!;
      expect(unknown.name).toBe('Expected passages in neither the old nor the new corpus: 1');
      expect(unknown.value).toBe('„Kdo je podpisal sporazum?“ — putin-kim-2024-06#99');
    } finally {
      await writeFile(corpus.article, corpus.text);
      await writeFile(questions, shipped);
    }
  });
});

describe('/forget', () => {
  it('asks first, then leaves nothing of this server and everything of another', async () => {
    const here = fake.world.guild.id;
    // Another server's data, kept in the same database.
    const key = await run.store.saveAnswer({
      question: 'Kdo?',
      passageIds: ['putin-kim-2024-06#1'],
      corpusVersion: 'v',
      locale: 'sl',
      guildId: OTHER_GUILD,
      askerId: '100000000000000001',
    });
    await run.store.vote(key, '100000000000000002', 'down', 'putin-kim-2024-06#1');
    await run.store.recordQuestion({
      guildId: OTHER_GUILD,
      channelId: '1',
      question: 'Kje?',
      level: 'none',
      confidence: 0.1,
      passageId: null,
    });
    await run.store.saveGuildSettings(OTHER_GUILD, { cooldownSeconds: 7 });
    await moderator('settings', { subcommand: 'cooldown', options: { seconds: 30 } });
    await ask('Koliko stane hotel v Pjongjangu?');

    const { reply: confirm, message: confirmation } = await repliedMessage('forget', 'moderator');
    expect(confirm.ephemeral).toBe(true);
    expect(buttonIds(confirm.body)).toEqual([FORGET_YES, FORGET_NO]);
    // A member who gets hold of the button is refused.
    const byMember = await fake
      .pressButton({ message: confirmation, customId: FORGET_YES, user: 'alice', locale: 'en-US' })
      .reply();
    expect(byMember.content).toBe('This command needs the Manage Server permission.');
    const cancelled = await fake
      .pressButton({ message: confirmation, customId: FORGET_NO, user: 'moderator', locale: 'en-US' })
      .reply();
    expect(cancelled.content).toBe('Nothing was deleted.');
    expect(await run.store.unansweredQuestions(here)).not.toEqual([]);

    const again = (await repliedMessage('forget', 'moderator')).message;
    const done = await fake
      .pressButton({ message: again, customId: FORGET_YES, user: 'moderator', locale: 'en-US' })
      .reply();
    expect(done.content).toMatch(/^Deleted: .*questions? in the unanswered log.* and the settings\.$/);
    expect(done.body.components).toEqual([]);
    expect(await run.store.unansweredQuestions(here)).toEqual([]);
    expect(await run.store.guildActivity(here, new Date(0))).toEqual({ questions: [], votes: [] });
    expect(await run.store.guildSettings(here)).toEqual({});
    const db = (await import('better-sqlite3')).default;
    const file = new db(path.join(dataDir, 'odlomek.sqlite3'), { readonly: true });
    for (const table of ['answers', 'questions', 'unanswered', 'ratings', 'guild_settings'])
      expect(file.prepare(`SELECT count(*) AS n FROM ${table} WHERE guild_id = ?`).get(here)).toEqual({ n: 0 });
    file.close();
    // The other server keeps all of it.
    expect(await run.store.unansweredQuestions(OTHER_GUILD)).toHaveLength(1);
    expect((await run.store.guildActivity(OTHER_GUILD, new Date(0))).votes).toHaveLength(1);
    expect(await run.store.guildSettings(OTHER_GUILD)).toEqual({ cooldownSeconds: 7 });
    expect(await run.store.voteCounts(key)).toEqual({ up: 0, down: 1 });
  });
});
