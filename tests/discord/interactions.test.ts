/**
 * The central interaction handler with /reload and /ask on a stand-in interaction: what the user
 * is told and what the log says when a command fails in different ways.
 */
import { describe, expect, it } from 'vitest';
import { DiscordAPIError, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import { commands } from '../../commands/index.ts';
import type { BotContext, Command } from '../../src/discord/command.ts';
import { AUTOCOMPLETE_BUDGET_MS, handleInteraction } from '../../src/discord/interactions.ts';
import { ServerSettings } from '../../src/discord/server-settings.ts';
import { QuestionLog } from '../../src/discord/question-log.ts';
import type { Store } from '../../src/storage/store.ts';
import { CorpusError, LiveEngine } from '../../src/engine/index.ts';
import { captureLog, visitEngine } from '../helpers.ts';

interface Sent {
  how: 'reply' | 'editReply' | 'followUp' | 'deferReply';
  payload: { content?: string; embeds?: { title?: string }[]; flags?: number };
}

/** Just enough of a chat command interaction for the handlers, recording what they send. */
function interaction(commandName: string, options: Record<string, string | boolean> = {}) {
  const sent: Sent[] = [];
  const state = { deferred: false, replied: false, ephemeral: null as boolean | null };
  const record =
    (how: Sent['how']) =>
    async (payload: Sent['payload'] = {}) => {
      sent.push({ how, payload });
      if (how === 'deferReply') {
        state.deferred = true;
        state.ephemeral = payload.flags === 64;
      } else {
        state.replied = true;
        if (how === 'reply') state.ephemeral = payload.flags === 64;
      }
    };
  const stub = {
    commandName,
    locale: 'en-US',
    guildId: '200000000000000000',
    user: { id: '100000000000000000' },
    get deferred() {
      return state.deferred;
    },
    get replied() {
      return state.replied;
    },
    get ephemeral() {
      return state.ephemeral;
    },
    isAutocomplete: () => false,
    isChatInputCommand: () => true,
    isMessageContextMenuCommand: () => false,
    isButton: () => false,
    isRepliable: () => true,
    inGuild: () => true,
    memberPermissions: { has: () => true },
    options: {
      getString: (name: string) => (options[name] as string | undefined) ?? null,
      getBoolean: (name: string) => (options[name] as boolean | undefined) ?? null,
    },
    deferReply: record('deferReply'),
    reply: record('reply'),
    editReply: record('editReply'),
    followUp: record('followUp'),
    deleteReply: async () => {},
  };
  return { interaction: stub as unknown as ChatInputCommandInteraction & Interaction, sent };
}

const live = new LiveEngine(visitEngine(), '');
/** These tests run /reload and failing commands, which never touch the store. */
const unusedStore = new Proxy({} as Store, {
  get: (_, name) => () => Promise.reject(new Error(`the store was not expected here (${String(name)})`)),
});

/** The bot's context with `commands`, and `reloadCorpus` standing in for a real reload. */
function context(reloadCorpus: BotContext['reloadCorpus'], list: readonly Command[] = commands): BotContext {
  return {
    live,
    config: { QA_CHANNEL_IDS: [], ANSWER_TTL_DAYS: 7, REPLY_BUDGET_MS: 2000 },
    commands: list,
    store: unusedStore,
    questionLog: new QuestionLog(unusedStore),
    settings: new ServerSettings(unusedStore, { QA_CHANNEL_IDS: [], COOLDOWN_SECONDS: 0, PRIVATE_ANSWERS: false }),
    commandIds: async () => new Map(),
    knownCommandIds: () => new Map(),
    reloadCorpus,
    previewCorpus: reloadCorpus,
  };
}

describe('/reload failures', () => {
  it('a broken corpus is shown to the moderator as corpus problems', async () => {
    const log = captureLog();
    const { interaction: i, sent } = interaction('reload');
    await handleInteraction(
      i,
      context(() => Promise.reject(new CorpusError([{ file: 'a.jsonl', line: 1, message: 'missing "title"' }]))),
    );
    const last = sent[sent.length - 1]!;
    expect(last.payload.embeds?.[0]?.title).toBe('The reload failed; I keep answering from the previous version.');
    expect(log.some((l) => / ERROR /.test(l))).toBe(false);
  });

  it('a programming error reaches the central handler: "something went wrong" and a logged stack', async () => {
    const log = captureLog();
    const { interaction: i, sent } = interaction('reload');
    await handleInteraction(
      i,
      context(() => Promise.reject(new TypeError('diff is undefined'))),
    );
    const last = sent[sent.length - 1]!;
    expect(last.payload.content).toBe('Something went wrong there. Try again in a moment.');
    expect(last.payload.embeds ?? []).toEqual([]);
    expect(log.some((l) => / ERROR .*\/reload .* failed TypeError: diff is undefined\n\s+at /.test(l))).toBe(true);
  });
});

describe('/ask with a question that cannot be asked', () => {
  it('answers privately at once, without a public "thinking…" first', async () => {
    for (const question of ['   ', '???']) {
      const { interaction: i, sent } = interaction('ask', { question });
      await handleInteraction(
        i,
        context(() => Promise.resolve('busy')),
      );
      expect(sent).toEqual([
        {
          how: 'reply',
          payload: expect.objectContaining({
            content: 'The question is empty. Write what you want to know about the article.',
            flags: 64,
          }),
        },
      ]);
    }
  });

  it('refuses one over the limit even if a client let it through', async () => {
    const { interaction: i, sent } = interaction('ask', { question: 'Kdo? '.repeat(300) });
    await handleInteraction(
      i,
      context(() => Promise.resolve('busy')),
    );
    expect(sent).toEqual([
      {
        how: 'reply',
        payload: expect.objectContaining({
          content: 'The question is too long (1499 characters, at most 1000). Ask something shorter.',
          flags: 64,
        }),
      },
    ]);
  });
});

describe('interactions Discord refuses', () => {
  const failing = (code: number): Command => ({
    data: { name: 'fails', description: 'x' },
    help: { sl: 'x', en: 'x' },
    execute: () =>
      Promise.reject(
        new DiscordAPIError({ code, message: 'refused' }, code, 400, 'POST', '/callback', { body: undefined }),
      ),
  });

  it('logs "already acknowledged" (40060) as an error: our code answered twice', async () => {
    const log = captureLog();
    const { interaction: i, sent } = interaction('fails');
    await handleInteraction(
      i,
      context(() => Promise.resolve('busy'), [failing(40060)]),
    );
    expect(log.some((l) => / ERROR .*acknowledged twice \(40060\)/.test(l))).toBe(true);
    expect(sent).toEqual([]);
  });

  it('logs an expired interaction (10062) as a warning only', async () => {
    const log = captureLog();
    const { interaction: i, sent } = interaction('fails');
    await handleInteraction(
      i,
      context(() => Promise.resolve('busy'), [failing(10062)]),
    );
    expect(log.some((l) => / WARN .*expired before we answered \(10062\)/.test(l))).toBe(true);
    expect(log.some((l) => / ERROR /.test(l))).toBe(false);
    expect(sent).toEqual([]);
  });
});

describe('autocomplete', () => {
  /** A stand-in autocomplete interaction for /ask, made `ageMs` ago, recording what it answers. */
  function typing(ageMs = 0) {
    const answered: unknown[] = [];
    const stub = {
      commandName: 'ask',
      locale: 'en-US',
      createdTimestamp: Date.now() - ageMs,
      responded: false,
      isAutocomplete: () => true,
      options: { getFocused: () => 'Kdo je prispel?' },
      respond: async (choices: unknown) => {
        answered.push(choices);
        stub.responded = true;
      },
    };
    return { interaction: stub as unknown as Interaction, answered };
  }

  it('suggests sentences of the article for /ask', async () => {
    const { interaction: i, answered } = typing();
    await handleInteraction(
      i,
      context(async () => 'busy'),
    );
    const [choices] = answered as { name: string; value: string }[][];
    expect(choices![0]).toEqual({ name: 'Kdo je prispel?', value: 'Kdo je prispel?' });
    expect(choices!.map((c) => c.name)).toContain('Putin je prispel v Pjongjang.');
  });

  it('answers a keystroke that waited past the budget, or whose suggestions failed, with an empty list', async () => {
    const late = typing(AUTOCOMPLETE_BUDGET_MS + 1);
    await handleInteraction(
      late.interaction,
      context(async () => 'busy'),
    );
    expect(late.answered).toEqual([[]]);
    const log = captureLog();
    const failing = typing();
    const broken = commands.map((c) =>
      c.data.name === 'ask'
        ? {
            ...c,
            autocomplete: async () => {
              throw new Error('boom');
            },
          }
        : c,
    );
    await handleInteraction(
      failing.interaction,
      context(async () => 'busy', broken),
    );
    expect(failing.answered).toEqual([[]]);
    expect(log.some((l) => / WARN +autocomplete for \/ask failed Error: boom/.test(l))).toBe(true);
  });
});
