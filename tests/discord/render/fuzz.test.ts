/**
 * Fuzzing the Discord face's rendering (fast-check, 10 000 cases per property): any text a reader
 * or an article can bring (any Unicode, Markdown, mentions, zero-width and right-to-left marks,
 * lone surrogates, up to 6 000 characters) must come out as a message Discord accepts, within
 * every limit, pinging nobody, without throwing. The engine runs once for a real answer; the
 * cases vary what the renderers are given (the passages' texts, marks, headings and citations,
 * the questions and ids echoed in notices), since a question reaches the message only through
 * them. Every body is checked by the fake Discord's validator (Discord's spec, its limits, the
 * no-pings policy) as it would be on the wire.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { checkQuestion, Engine, mergeSpans, type Answer, type Passage, type Span } from '../../../src/engine/index.ts';
import { renderAnswer, renderPassage } from '../../../src/discord/render/answer.ts';
import { renderNotice } from '../../../src/discord/render/notice.ts';
import { passageChoices } from '../../../src/discord/render/choices.ts';
import { toPayload, type BotMessage } from '../../../src/discord/render/payload.ts';
import { escapeQuoted } from '../../../src/discord/render/markdown.ts';
import { discordStrings } from '../../../src/discord/strings.ts';
import { channelQuestion } from '../../../src/discord/channel-qa.ts';
import { LIMITS } from '../../../src/discord/limits.ts';
import { refusalText, type Locale } from '../../../src/view/strings.ts';
import { escapeMarkdown } from 'discord.js';
import { validateRequest, warmUpValidator } from '../../fake-discord/openapi-validator.ts';
import { pingsOf } from '../../fake-discord/mentions.ts';
import { CORPUS, visitEngine } from '../../helpers.ts';

const RUNS = 10_000;
const MAX_TEXT = 6000;

/** Pieces of hostile text: anything, and the things Discord gives meaning to. */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '**',
      '__',
      '*',
      '_',
      '~~',
      '||',
      '`',
      '```',
      '> ',
      '>>> ',
      '-# ',
      '# ',
      '## ',
      '1. ',
      '- ',
      '\\',
      '[x](https://example.com)',
      '<https://example.com>',
      'https://discord.gg/x',
      '<@123456789012345678>',
      '<@!123456789012345678>',
      '<@&123456789012345678>',
      '<#123456789012345678>',
      '@everyone',
      '@here',
      '<t:1700000000:f>',
      '<:emoji:123456789012345678>',
      '<a:e:123456789012345678>',
      '\u200b',
      '\u200c',
      '\u200d',
      '\u2060',
      '\ufeff',
      '\u202e',
      '\u202d',
      '\u200f',
      '\u061c',
      '\u2067',
      '\ud83d',
      '\ude42',
      '🙂',
      'čšž',
      'Ǆ',
      'ß',
      '\n',
      '\n\n',
      '\r\n',
      '\t',
      ' ',
      '   ',
      '.',
      '?',
    ),
  },
);

/** Text of up to 6 000 characters, now and then the full length. */
const text = fc.oneof(
  { weight: 5, arbitrary: fc.array(piece, { maxLength: 60 }).map((p) => p.join('').slice(0, MAX_TEXT)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.array(piece, { minLength: 1, maxLength: 20 }), fc.integer({ min: 1000, max: MAX_TEXT }))
      .map(([p, length]) =>
        p
          .join('')
          .repeat(Math.ceil(length / Math.max(1, p.join('').length)))
          .slice(0, length),
      ),
  },
);

const locale = fc.constantFrom<Locale>('sl', 'en');

/** Spans inside `length`: sorted, merged, never empty, as the engine gives them. */
function spansWithin(length: number) {
  return fc
    .array(fc.tuple(fc.nat({ max: Math.max(0, length) }), fc.nat({ max: 200 })), { maxLength: 12 })
    .map((pairs) =>
      mergeSpans(
        pairs.map(([start, size]) => ({ start, end: Math.min(length, start + size) })).filter((s) => s.end > s.start),
      ),
    );
}

/** A real answer from the shipped article, whose passages the cases fill with hostile text. */
let template: Answer;
/** A real answer from a two-sentence article: cheap to render, for the cases that vary the question. */
let short: Answer;
let engine: Engine;
beforeAll(async () => {
  warmUpValidator();
  template = (await Engine.fromDirectory(CORPUS)).ask('Kdo je podpisal sporazum o strateškem partnerstvu?');
  engine = visitEngine();
  short = engine.ask('Kdo je prispel v Pjongjang?');
  expect(template.passages.length).toBeGreaterThan(0);
  expect(short.passages.length).toBeGreaterThan(0);
});

/**
 * Article text as a corpus can hold it: passages up to 2 000 characters (long paragraphs are
 * split at sentences), titles and headings up to 500, ids and dates as the loader checks them
 * (short). Within those, anything.
 */
const passageText = fc.array(piece, { maxLength: 60 }).map((p) => p.join('').slice(0, 2000));
const shortText = (max: number) => fc.array(piece, { maxLength: 12 }).map((p) => p.join('').slice(0, max));

/** A passage like the engine's, with hostile text everywhere a passage has text. */
const passage = fc
  .record({
    text: passageText,
    heading: fc.option(shortText(500), { nil: null }),
    title: shortText(500),
    id: shortText(100),
    date: shortText(10),
  })
  .map((p) => ({ ...template.passages[0]!.passage, ...p }) as Passage);

const rankedPassage = passage.chain((p) =>
  fc.record({
    passage: fc.constant(p),
    score: fc.double({ noNaN: true }),
    highlights: spansWithin(p.text.length),
    bestSentence: fc
      .tuple(fc.nat({ max: p.text.length }), fc.nat({ max: p.text.length }))
      .map(([a, b]): Span => ({ start: Math.min(a, b), end: Math.max(a, b) })),
  }),
);

/** An answer as the bot asks for them: up to 3 passages (DEFAULT_PASSAGES_PER_ANSWER). */
const answer = fc.record({
  question: text,
  answered: fc.boolean(),
  passages: fc.array(rankedPassage, { maxLength: 3 }),
  confidence: fc.double({ min: 0, max: 1, noNaN: true }),
});

/** Text inside inline code spans is shown as written: no mention renders there. */
const outsideCode = (markdown: string) => markdown.replace(/`[^`]*`/g, '');

/**
 * Every check a message must pass: Discord's spec and limits on the wire, our own 6 000, no
 * pings, no raw mention. Plain checks that throw with what failed (vitest's `expect` would cost
 * more than the rendering in a loop of 10 000).
 */
function expectSendable(message: BotMessage): void {
  const payload = toPayload(message);
  const data = {
    content: payload.content,
    embeds: payload.embeds,
    allowed_mentions: { parse: payload.allowedMentions.parse, replied_user: payload.allowedMentions.repliedUser },
  };
  const problems = [
    ...validateRequest('POST', '/interactions/123456789012345678/token/callback', { type: 4, data }),
    ...validateRequest('POST', '/channels/123456789012345678/messages', data),
  ];
  const pings = pingsOf(data);
  if (pings.users.length + pings.roles.length > 0 || pings.everyone || pings.repliedUser)
    problems.push(`would ping: ${JSON.stringify(pings)}`);
  if (payload.content.length > LIMITS.content) problems.push(`content of ${payload.content.length}`);
  if (payload.embeds.length > LIMITS.embedsPerMessage) problems.push(`${payload.embeds.length} embeds`);
  const total = payload.content.length + payload.embeds.reduce((n, e) => n + embedText(e).length, 0);
  if (total > LIMITS.messageTotal) problems.push(`${total} characters in all`);
  // Mentions render (as names, pinging nobody) in content, descriptions and field values, from an
  // unescaped `<`: every one the renderer wrote there is escaped. Titles, footers and author names
  // are shown as plain text, and so is inline code.
  for (const shown of [
    payload.content,
    ...payload.embeds.flatMap((e) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)]),
  ])
    if (/(^|[^\\])<[@#]/.test(outsideCode(shown))) problems.push(`a raw mention in ${JSON.stringify(shown)}`);
  if (problems.length > 0) throw new Error(`not sendable:\n${problems.join('\n')}`);
}

function embedText(e: APIEmbed): string {
  return [e.title, e.description, e.footer?.text, e.author?.name, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]
    .filter((s) => s !== undefined)
    .join('');
}

describe('rendering for Discord, fuzzed', () => {
  it('takes any question: a notice when it cannot be asked, an answer Discord accepts, ids and autocomplete from it', () => {
    const botId = '123456789012345678';
    fc.assert(
      fc.property(text, locale, fc.boolean(), (question, l, mention) => {
        const check = checkQuestion(question);
        if (!check.ok) expectSendable(renderNotice(refusalText(check, l)));
        // The engine answered once; the question travels with its answer to the renderer.
        expectSendable(renderAnswer({ ...short, question }, l));
        // /passage echoes an id it cannot find inside a code span, its backticks replaced (Discord
        // holds the id to the option's max_length, 100).
        const id = question.slice(0, LIMITS.choiceValue).replace(/`/g, "'");
        expectSendable(renderNotice(discordStrings(l).passageNotFound(id)));
        // Autocomplete: the question as what is typed, and as a passage's id and text.
        for (const passages of [
          engine.suggest(question),
          [{ ...short.passages[0]!.passage, id: question, text: question }],
        ]) {
          const problems = validateRequest('POST', '/interactions/123456789012345678/token/callback', {
            type: 8,
            data: { choices: passageChoices(passages) },
          });
          if (problems.length > 0) throw new Error(`autocomplete not sendable:\n${problems.join('\n')}`);
        }
        // Reading a channel message never throws, whatever it holds.
        channelQuestion(
          {
            content: mention ? `<@${botId}> ${question}` : question,
            channelId: '1',
            author: { id: '2', bot: false },
            mentionsBot: mention,
            repliesToOther: false,
          },
          botId,
          ['1'],
        );
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('renders answers whose passages hold anything, within every limit, pinging nobody', () => {
    fc.assert(
      fc.property(answer, locale, (a, l) => expectSendable(renderAnswer(a, l))),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('renders any passage in full within every limit', () => {
    fc.assert(
      fc.property(passage, locale, (p, l) => expectSendable(renderPassage(p, l))),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('escapes like discord.js does, skipping its emphasis passes only where they would change nothing', () => {
    // Shorter texts: discord.js's full escape is quadratic in the length, and short ones cover every branch.
    const short = fc.array(piece, { maxLength: 20 }).map((p) => p.join(''));
    // `<`, `*` and `_` are escaped by us (see escapeQuoted), every other pass by discord.js.
    const ours = [
      ['<', '\uE000'],
      ['*', '\uE001'],
      ['_', '\uE002'],
    ] as const;
    fc.assert(
      fc.property(short, (t) => {
        let hidden = t;
        for (const [char, standIn] of ours) hidden = hidden.replaceAll(char, standIn);
        let full = escapeMarkdown(hidden, { heading: true, bulletedList: true, numberedList: true })
          .replace(/[[\]]/g, (c) => `\\${c}`)
          .replace(/^(\s*)(>|-#)/gm, '$1\\$2');
        for (const [char, standIn] of ours) full = full.replaceAll(standIn, `\\${char}`);
        if (escapeQuoted(t) !== full) throw new Error(`escaped differently: ${JSON.stringify(escapeQuoted(t))}`);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
