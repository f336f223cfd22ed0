/**
 * Self-test of the fake Discord: a plain discord.js Client logs in against it, answers an
 * interaction, survives op 7 and a 429, and the validator catches what real Discord (or our
 * no-pings policy) would refuse. If this passes, the fake is fit for the bot's end-to-end tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  AttachmentBuilder,
  Client,
  Events,
  GatewayIntentBits,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type Interaction,
  type Message,
} from 'discord.js';
import { guardNetwork, startFakeDiscord, validateRequest, type FakeDiscord, type NetworkGuard } from './index.ts';

const APP = '123456789012345678';
const CALLBACK = `/api/v10/interactions/${APP}/tok/callback`;
const EDIT = `/api/v10/webhooks/${APP}/tok/messages/%40original`;
const quiet = { allowed_mentions: { parse: [] } };

describe('validator', () => {
  it('accepts a reply with allowed_mentions.parse = []', () => {
    expect(validateRequest('POST', CALLBACK, { type: 4, data: { content: 'Odgovor', ...quiet } })).toEqual([]);
    expect(validateRequest('POST', CALLBACK, { type: 5 })).toEqual([]);
    expect(validateRequest('PATCH', EDIT, { content: 'Uredi', ...quiet })).toEqual([]);
  });

  it('lists every problem of an invalid body, not just the first it met', () => {
    const errors = validateRequest('POST', CALLBACK, { type: 4, data: { content: 123, tts: 'yes', ...quiet } }).join(
      '\n',
    );
    expect(errors).toMatch(/\/data\/content must be string/);
    expect(errors).toMatch(/\/data\/tts must be boolean/);
  });

  it('reports a message body without allowed_mentions', () => {
    const errors = validateRequest('POST', CALLBACK, { type: 4, data: { content: 'hi' } });
    expect(errors.join('\n')).toMatch(/allowed_mentions is missing/);
    expect(
      validateRequest('POST', `/channels/${APP}/messages`, {
        content: 'hi',
        allowed_mentions: { parse: ['users'] },
      }).join('\n'),
    ).toMatch(/parse must be \[\]/);
  });

  it('reports content over 2000 characters, also where the spec says 4000', () => {
    expect(
      validateRequest('POST', CALLBACK, { type: 4, data: { content: 'x'.repeat(2001), ...quiet } }).join('\n'),
    ).toMatch(/2001 characters/);
    expect(
      validateRequest('POST', `/channels/${APP}/messages`, { content: 'x'.repeat(2001), ...quiet }).join('\n'),
    ).toMatch(/2001 characters/);
    expect(validateRequest('POST', CALLBACK, { type: 4, data: { content: 'x'.repeat(2000), ...quiet } })).toEqual([]);
  });

  it('reports embed limits the spec cannot express', () => {
    const field = { name: 'n', value: 'v'.repeat(1025) };
    expect(validateRequest('PATCH', EDIT, { embeds: [{ fields: [field] }], ...quiet }).join('\n')).toMatch(
      /value is 1025/,
    );
    const big = { description: 'd'.repeat(4000) };
    expect(validateRequest('PATCH', EDIT, { embeds: [big, big], ...quiet }).join('\n')).toMatch(/total 8000/);
    expect(
      validateRequest('PATCH', EDIT, { embeds: [{ description: 'd'.repeat(4097) }], ...quiet }).join('\n'),
    ).toMatch(/4096/);
  });

  it('reports autocomplete choices over 100 characters', () => {
    const errors = validateRequest('POST', CALLBACK, {
      type: 8,
      data: { choices: [{ name: 'ok', value: 'v'.repeat(101) }] },
    });
    expect(errors.join('\n')).toMatch(/value is 101/);
  });

  it('checks command definitions, accepting default_member_permissions as a string', () => {
    const ask = {
      name: 'ask',
      description: 'Vprašaj',
      type: 1,
      default_member_permissions: '32',
      options: [{ type: 3, name: 'question', description: 'q', required: true }],
    };
    expect(validateRequest('PUT', `/applications/${APP}/commands`, [ask])).toEqual([]);
    expect(validateRequest('PUT', `/applications/${APP}/commands`, [{ ...ask, name: 'Ask' }]).join('\n')).toMatch(
      /lower-case/,
    );
    expect(
      validateRequest('PUT', `/applications/${APP}/commands`, [
        { ...ask, options: [{ type: 99, name: 'q', description: 'q' }] },
      ]).length,
    ).toBeGreaterThan(0);
  });

  it('reports a body sent to a route Discord does not have, and takes multipart payload_json bodies as JSON', () => {
    expect(validateRequest('POST', '/api/v10/nonsense/route', {})).toHaveLength(1);
    expect(validateRequest('GET', '/api/v10/users/@me', undefined)).toEqual([]);
  });
});

describe('fake Discord with a discord.js client', () => {
  let fake: FakeDiscord;
  let client: Client;
  let guard: NetworkGuard;
  const seen: Interaction[] = [];
  /** Errors thrown by the handlers (discord.js rejections the fake caused on purpose, or bugs). */
  const errors: unknown[] = [];
  /** Message contents the handlers got back with `withResponse: true`. */
  const responses: string[] = [];

  beforeAll(async () => {
    guard = guardNetwork();
    fake = await startFakeDiscord();
    client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
      rest: { ...fake.restOptions, retries: 3 },
      allowedMentions: { parse: [] },
    });
    client.on(
      Events.InteractionCreate,
      (interaction) => void onInteraction(interaction).catch((e: unknown) => errors.push(e)),
    );
    const onInteraction = async (interaction: Interaction) => {
      seen.push(interaction);
      if (interaction.isAutocomplete()) {
        await interaction.respond([{ name: 'Prvi odstavek', value: 'clanek#1' }]);
        return;
      }
      if (interaction.isButton()) {
        await interaction.update({ content: `Pritisnjeno: ${interaction.customId}`, allowedMentions: { parse: [] } });
        return;
      }
      if (interaction.isMessageContextMenuCommand()) {
        await interaction.reply({
          content: `Citat: ${interaction.targetMessage.content}`,
          allowedMentions: { parse: [] },
        });
        return;
      }
      if (!interaction.isChatInputCommand()) return;
      if (interaction.commandName === 'ask') {
        const q = interaction.options.getString('question', true);
        await interaction.reply({ content: `Vprašanje: ${q}`, allowedMentions: { parse: [] } });
      } else if (interaction.commandName === 'who') {
        const person = interaction.options.getUser('person', true);
        await interaction.reply({ content: person.username, allowedMentions: { parse: [] } });
      } else if (interaction.commandName === 'file') {
        const file = new AttachmentBuilder(Buffer.from('odlomek'), { name: 'odlomek.txt' });
        const res = await interaction.reply({
          content: 'Priloga',
          files: [file],
          allowedMentions: { parse: [] },
          withResponse: true,
        });
        responses.push(res.resource?.message?.content ?? '');
      } else if (interaction.commandName === 'slow') {
        await interaction.deferReply();
        await interaction.editReply({ content: 'Počasen odgovor', allowedMentions: { parse: [] } });
        await interaction.followUp({ content: 'Še nekaj', allowedMentions: { parse: [] } });
      }
    };
    client.on(Events.MessageCreate, async (message: Message) => {
      if (message.author.bot) return;
      if (message.mentions.users.has(client.user!.id))
        await message.reply({ content: 'Tukaj sem', allowedMentions: { parse: [], repliedUser: false } });
    });
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(fake.token);
    await ready;
  }, 20_000);

  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
    guard?.restore();
  });

  it('logs in: GET /gateway/bot, IDENTIFY, READY, GUILD_CREATE', async () => {
    expect(client.isReady()).toBe(true);
    expect(client.user?.id).toBe(fake.world.botUser.id);
    expect(client.guilds.cache.get(fake.world.guild.id)?.channels.cache.size).toBe(3);
    expect(fake.requests.some((r) => r.path === '/gateway/bot')).toBe(true);
    expect(fake.gateway.connectionUrls[0]).toBe('/gateway?v=10&encoding=json');
    expect(fake.gatewayFrames.find((f) => f.direction === 'in' && f.op === 2)).toBeDefined();
    const app = await client.application!.fetch();
    expect(app.id).toBe(fake.world.application.id);
    expect(fake.requests.find((r) => r.path === '/applications/@me')?.headers.authorization).toBe(`Bot ${fake.token}`);
  });

  it('takes a bulk command overwrite from discord.js as valid and returns the commands with ids', async () => {
    const ask = new SlashCommandBuilder()
      .setName('ask')
      .setDescription('Vprašaj o članku')
      .addStringOption((o) =>
        o.setName('question').setDescription('Vprašanje').setRequired(true).setAutocomplete(true),
      );
    const reload = new SlashCommandBuilder()
      .setName('reload')
      .setDescription('Ponovno naloži korpus')
      .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);
    const set = await client.application!.commands.set([ask.toJSON(), reload.toJSON()], fake.world.guild.id);
    expect([...set.values()].map((c) => c.name).sort()).toEqual(['ask', 'reload']);
    const put = fake.requests.find(
      (r) => r.method === 'PUT' && r.operationId === 'bulk_set_guild_application_commands',
    );
    expect(put?.validationErrors).toEqual([]);
    expect(fake.commands.guild.map((c) => c.id)).toEqual([...set.keys()]);
    // Commands run afterwards carry the registered id.
    const handle = fake.sendInteraction({ command: 'ask', options: { question: 'id?' } });
    expect((handle.payload.data as { id: string }).id).toBe(set.find((c) => c.name === 'ask')?.id);
    await handle.reply();
  });

  it('types options from the registered command and refuses options it does not declare', () => {
    expect(() => fake.sendInteraction({ command: 'ask', options: { vprasanje: 'x' } })).toThrow(
      /no option "vprasanje"/,
    );
    const withUser = fake.sendInteraction({
      command: 'who',
      options: [{ name: 'person', type: 6, value: fake.world.users.alice.id }],
    });
    const data = withUser.payload.data as {
      resolved?: { users?: Record<string, unknown>; members?: Record<string, unknown> };
    };
    expect(Object.keys(data.resolved?.users ?? {})).toEqual([fake.world.users.alice.id]);
    expect(Object.keys(data.resolved?.members ?? {})).toEqual([fake.world.users.alice.id]);
  });

  it('parses multipart bodies (files) by payload_json, and answers with_response=true with the message', async () => {
    const handle = fake.sendInteraction({ command: 'file' });
    const cb = await handle.callback();
    expect(cb.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(cb.files.map((f) => f.filename)).toEqual(['odlomek.txt']);
    expect((cb.body as { data: { content: string } }).data.content).toBe('Priloga');
    expect(cb.validationErrors).toEqual([]);
    expect(cb.status).toBe(200);
    await expect.poll(() => responses).toContain('Priloga');
  });

  it('answers an interaction with a valid callback body', async () => {
    // However long the fake takes over the callback, it counts from when the callback arrived.
    fake.slowNext({ method: 'POST', pathPattern: '/callback', ms: 50 });
    const handle = fake.sendInteraction({ command: 'ask', options: { question: 'Kdo je @everyone?' } });
    const reply = await handle.reply();
    expect(reply.content).toBe('Vprašanje: Kdo je @everyone?');
    expect(reply.request.status).toBe(204);
    expect(reply.request.validationErrors).toEqual([]);
    expect(fake.pingsOf(reply.request)).toEqual({ users: [], roles: [], everyone: false, repliedUser: false });
    expect(handle.state.original?.content).toBe('Vprašanje: Kdo je @everyone?');
    // Acknowledged when the callback arrived, as Discord's clock counts, not when the fake had checked it.
    expect(handle.state.acknowledgedAt).toBe(reply.request.at);
    expect(handle.state.answeredAt).toBe(reply.request.at);
    // The fake took 50 ms over it before it answered; the stamp is from before that.
    expect(Date.now() - handle.state.acknowledgedAt!).toBeGreaterThanOrEqual(45);
  });

  it('follows a deferred reply through its edit and follow-up', async () => {
    fake.slowNext({ method: 'PATCH', pathPattern: '@original', ms: 50 });
    const handle = fake.sendInteraction({ command: 'slow', dm: true });
    const reply = await handle.reply();
    expect(reply.deferred).toBe(true);
    expect(reply.content).toBe('Počasen odgovor');
    expect(reply.request.rawPath).toContain('/messages/%40original');
    expect(handle.state.answeredAt).toBe(reply.request.at);
    expect(Date.now() - handle.state.answeredAt!).toBeGreaterThanOrEqual(45);
    const follow = await handle.followUp();
    expect(follow.query.wait).toBe('true');
    expect((follow.response as { id: string }).id).toMatch(/^\d{17,19}$/);
    expect(handle.requests.every((r) => r.validationErrors.length === 0)).toBe(true);
  });

  it('takes a button press on an answer as callback 7 and edits that answer in place', async () => {
    const asked = fake.sendInteraction({ command: 'ask', options: { question: 'Kdo?' } });
    await asked.reply();
    const message = asked.state.original!;
    const press = await fake.pressButton({ message, customId: 'gumb-1' }).reply();
    expect(press.callbackType).toBe(7);
    expect(press.request.validationErrors).toEqual([]);
    expect(fake.findMessage(message.id)!.content).toBe('Pritisnjeno: gumb-1');
  });

  it('runs a message command on a message, with the message resolved', async () => {
    const target = fake.sendMessage({ content: 'Kaj je rekel Putin?' }).message;
    const reply = await fake.runMessageCommand({ name: 'Citiraj', target }).reply();
    expect(reply.content).toBe('Citat: Kaj je rekel Putin?');
    expect((reply.request.body as { type: number }).type).toBe(4);
  });

  it('answers autocomplete with type 8', async () => {
    const handle = fake.sendInteraction({ command: 'ask', kind: 'autocomplete', options: { question: 'prv' } });
    expect(await handle.choices()).toEqual([{ name: 'Prvi odstavek', value: 'clanek#1' }]);
  });

  it('delivers channel messages with Discord-computed mentions and sees the reply', async () => {
    const msg = fake.sendMessage({ content: `<@${fake.world.botUser.id}> si tu?` });
    expect(msg.message.mentions).toHaveLength(1);
    const reply = await msg.reply();
    expect((reply.body as { content: string }).content).toBe('Tukaj sem');
    expect(reply.validationErrors).toEqual([]);
    await fake.sendMessage({ content: 'brez omembe', author: 'otherBot' }).expectNoReply(300);
  });

  it('computes role and @everyone mentions like Discord, honouring who may use @everyone', () => {
    const { readers } = fake.world.roles;
    const byMod = fake.sendMessage({
      content: `@everyone <@&${readers.id}> <@${fake.world.users.alice.id}>`,
      author: 'moderator',
    });
    expect(byMod.message.mention_everyone).toBe(true);
    expect(byMod.message.mention_roles).toEqual([readers.id]);
    expect((byMod.message.mentions as { id: string }[]).map((u) => u.id)).toEqual([fake.world.users.alice.id]);
    expect(fake.sendMessage({ content: '@everyone', author: 'alice' }).message.mention_everyone).toBe(false);
  });

  it('resumes after op 7 and still handles interactions, with missed events replayed', async () => {
    const resumed = fake.waitForResume();
    const closed = fake.waitForGatewayClose();
    fake.requestReconnect();
    expect((await closed).code).toBe(4200);
    // Sent while the bot is disconnected: must arrive through RESUME's replay.
    const during = fake.sendInteraction({ command: 'ask', options: { question: 'med ponovno povezavo' } });
    const info = await resumed;
    expect(info.path).toBe('/resume');
    expect(info.replayed).toBe(1);
    expect(fake.gatewayFrames.filter((f) => f.direction === 'in' && f.op === 2)).toHaveLength(1);
    expect((await during.reply()).content).toBe('Vprašanje: med ponovno povezavo');
    const after = fake.sendInteraction({ command: 'ask', options: { question: 'po' } });
    expect((await after.reply()).content).toBe('Vprašanje: po');
  });

  it('resumes after Discord closes the socket with 4000', async () => {
    const resumed = fake.waitForResume();
    fake.closeGateway(4000, 'Unknown error');
    await resumed;
    expect((await fake.sendInteraction({ command: 'ask', options: { question: 'spet' } }).reply()).content).toBe(
      'Vprašanje: spet',
    );
  });

  it('survives one 500 on an edit (discord.js retries 5xx)', async () => {
    fake.failNext({ method: 'PATCH', pathPattern: '/messages/@original', status: 500 });
    const handle = fake.sendInteraction({ command: 'slow' });
    expect((await handle.reply()).content).toBe('Počasen odgovor');
    expect(handle.requests.filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([500, 200]);
  });

  it('retries a 429 on the callback after Retry-After and then succeeds', async () => {
    fake.failNext({ method: 'POST', pathPattern: '/callback', status: 429, retryAfter: 1 });
    const started = Date.now();
    const handle = fake.sendInteraction({ command: 'ask', options: { question: 'omejitev' } });
    const reply = await handle.reply();
    expect(reply.content).toBe('Vprašanje: omejitev');
    const callbacks = handle.requests.filter((r) => r.path.endsWith('/callback'));
    expect(callbacks.map((r) => r.status)).toEqual([429, 204]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fake.pendingFaults).toEqual([]);
  });

  it('reports an invalid body the bot sends, and refuses it like Discord', async () => {
    const handle = fake.sendInteraction({ command: 'ask', options: { question: 'x'.repeat(1990) } });
    const cb = await handle.waitFor((r) => r.path.endsWith('/callback'));
    expect(cb.status).toBe(400);
    expect(cb.validationErrors.join('\n')).toMatch(/2000/);
    await expect.poll(() => errors.length).toBe(1);
    expect(String(errors.pop())).toMatch(/Invalid Form Body/);
    // Remove it from the shared list so the final check covers everything else.
    cb.validationErrors.length = 0;
  });

  it('rejects bot routes without the token', async () => {
    const res = await fetch(`${fake.apiBaseUrl}/v10/users/@me`, {
      headers: { 'user-agent': 'DiscordBot (https://example.test, 1.0)' },
    });
    expect(res.status).toBe(401);
    const wrong = await fetch(`${fake.apiBaseUrl}/v10/users/@me`, {
      headers: { authorization: 'Bot nope', 'user-agent': 'DiscordBot (https://example.test, 1.0)' },
    });
    expect(wrong.status).toBe(401);
    expect(fake.requests.filter((r) => r.path === '/users/@me').map((r) => r.validationErrors)).toEqual([[], []]);
  });

  it('the network guard refuses anything but loopback', async () => {
    const inner = guardNetwork();
    try {
      await expect(fetch('https://discord.com/api/v10/gateway')).rejects.toThrow();
      expect(inner.blocked).toEqual(['discord.com:443']);
    } finally {
      inner.restore();
    }
  });

  it('saw nothing invalid or unexpected, and nothing left loopback', () => {
    expect(errors).toEqual([]);
    expect(fake.validationErrors).toEqual([]);
    expect(fake.unexpectedRequests).toEqual([]);
    expect(guard.blocked).toEqual([]);
  });
});

describe('gateway protocol, raw', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => {
    await fake?.close();
  });

  /** Opens a raw socket and collects frames until it closes. */
  function connect(query: string): {
    ws: WebSocket;
    frames: { op: number; t: string | null }[];
    closed: Promise<number>;
    hello: Promise<void>;
  } {
    const ws = new WebSocket(`${fake.gatewayUrl}${query}`);
    const frames: { op: number; t: string | null }[] = [];
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    const hello = new Promise<void>((resolve) =>
      ws.on('message', (data: Buffer) => {
        const f = JSON.parse(data.toString()) as { op: number; t: string | null };
        frames.push(f);
        if (f.op === 10) resolve();
      }),
    );
    return { ws, frames, closed, hello };
  }

  it('closes 4012 without v=10', async () => {
    expect(await connect('?v=9&encoding=json').closed).toBe(4012);
  });

  it('acks heartbeats, refuses payloads before IDENTIFY (4003) and a bad token (4004)', async () => {
    const a = connect('?v=10&encoding=json');
    await a.hello;
    a.ws.send(JSON.stringify({ op: 1, d: null }));
    await expect.poll(() => a.frames.map((f) => f.op)).toEqual([10, 11]);
    a.ws.send(JSON.stringify({ op: 3, d: { status: 'online', since: null, activities: [], afk: false } }));
    expect(await a.closed).toBe(4003);
    const b = connect('?v=10&encoding=json');
    await b.hello;
    b.ws.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } }));
    expect(await b.closed).toBe(4004);
  });
});

describe('unreachable Discord, simulated', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('hangNext holds a REST request open without answering, and records it with status 0', async () => {
    fake.hangNext({ method: 'GET', pathPattern: '/gateway/bot' });
    const hung = fetch(`${fake.apiBaseUrl}/v10/gateway/bot`, { signal: AbortSignal.timeout(300) });
    await expect(hung).rejects.toThrow(/aborted|timeout/i);
    expect((await fake.waitForRequest((r) => r.path === '/gateway/bot')).status).toBe(0);
    // Only the next one: the following request is answered again.
    expect(
      (await fetch(`${fake.apiBaseUrl}/v10/gateway/bot`, { headers: { authorization: `Bot ${fake.token}` } })).status,
    ).toBe(200);
  });

  it('refuses gateway connections at once, or leaves the upgrade unanswered, as set', async () => {
    const open = (): Promise<string> =>
      new Promise((resolve) => {
        const ws = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`, { handshakeTimeout: 300 });
        ws.on('open', () => {
          ws.close();
          resolve('open');
        });
        ws.on('error', (error) => resolve(/timed out/i.test(error.message) ? 'timed out' : 'refused'));
      });
    fake.setGatewayMode('refuse');
    expect(await open()).toBe('refused');
    fake.setGatewayMode('silent');
    expect(await open()).toBe('timed out');
    fake.setGatewayMode('open');
    expect(await open()).toBe('open');
  });
});
