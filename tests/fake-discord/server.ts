/**
 * `FakeDiscord`: one HTTP server on 127.0.0.1 (random port) serving the REST API under `/api/v10`
 * and the gateway WebSocket on the same port (`/gateway`, and `/resume` as `resume_gateway_url`),
 * plus the drivers tests use to play the people on the other side (run a slash command, type in a
 * channel) and the network events a bot must survive (op 7, closes, 429, 500).
 *
 * Why a fake at all: the bot's correctness lives at this boundary (bodies Discord rejects, pings,
 * lost acknowledgements, reconnects), and the real Discord cannot be reached from CI nor should be.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { FakeGateway, type GatewayFrame, type ResumeInfo } from './gateway.ts';
import type { MessageJson } from './messages.ts';
import { pingsOf, type Pings } from './mentions.ts';
import { warmUpValidator } from './openapi-validator.ts';
import {
  applyContentIntent,
  buildIncomingMessage,
  buildInteraction,
  type InteractionOptions,
  type MessageOptions,
} from './payloads.ts';
import { RequestRecorder, type RecordedRequest, type RequestPredicate } from './recorder.ts';
import { FakeRest, type FaultRule, type HangRule, type InteractionState, type SlowRule } from './rest.ts';
import { snowflake } from './snowflake.ts';
import { createWorld, Intent, type World } from './world.ts';

export interface FakeDiscordOptions {
  /** Bot token the fake accepts (default: a fixed fake token). */
  token?: string;
  /** HELLO's heartbeat interval (default 41250 ms, Discord's). */
  heartbeatIntervalMs?: number;
  /** Whether the application may use privileged intents (default true; false → close 4014). */
  allowPrivilegedIntents?: boolean;
  /** Dispatch MESSAGE_CREATE/UPDATE for the bot's own messages, as Discord does (default true). */
  echoBotMessages?: boolean;
  /** How long an interaction may wait for its callback before Discord forgets it (default 3000 ms). */
  interactionDeadlineMs?: number;
  /**
   * Shards the bot must identify with (default 1): `GET /gateway/bot` recommends this many, and an
   * IDENTIFY naming another count is closed with 4010. The guild's events go to the last shard.
   */
  shards?: number;
  /** `session_start_limit.max_concurrency` (default 1): identifies allowed per 5 s, by bucket. */
  maxConcurrency?: number;
  /** The loopback port to listen on (default: a free one), for a Discord that comes up where a bot already looks. */
  port?: number;
}

/** The message a user ends up seeing for an interaction (callback type 4, or type 5 + edit). */
export interface VisibleReply {
  content: string;
  embeds: Record<string, unknown>[];
  flags: number;
  ephemeral: boolean;
  /** The body the bot sent (callback `data`, or the edit body). */
  body: Record<string, unknown>;
  /** The request that produced it. */
  request: RecordedRequest;
  /** Whether the bot deferred first (callback type 5). */
  deferred: boolean;
  /** The callback type: 4 a new message, 5 deferred then edited, 7 the button's message updated in place. */
  callbackType: number;
}

/** Returned by `sendInteraction`: follow everything the bot does with this one interaction. */
export interface InteractionHandle {
  id: string;
  token: string;
  /** The INTERACTION_CREATE `d` that was dispatched. */
  payload: Record<string, unknown>;
  /** Gateway sequence number of the dispatch. */
  seq: number | undefined;
  /** The first successful (2xx) callback. */
  callback(timeoutMs?: number): Promise<RecordedRequest>;
  /** What the user sees: the type 4 callback, or after a type 5 defer the first successful edit of `@original`. */
  reply(timeoutMs?: number): Promise<VisibleReply>;
  /** Autocomplete: the choices of the type 8 callback. */
  choices(timeoutMs?: number): Promise<{ name: string; value: string | number }[]>;
  /** The n-th (0-based) successful follow-up (`POST /webhooks/{app}/{token}`). */
  followUp(index?: number, timeoutMs?: number): Promise<RecordedRequest>;
  /** Any request carrying this interaction's token matching `predicate`. */
  waitFor(predicate: RequestPredicate, timeoutMs?: number): Promise<RecordedRequest>;
  /** All requests so far that carry this interaction's token. */
  readonly requests: RecordedRequest[];
  /** The fake's view: callback type, original message after edits, follow-ups. */
  readonly state: InteractionState;
}

/** Returned by `sendMessage`. */
export interface MessageHandle {
  /** The MESSAGE_CREATE `d` as built (before Message Content intent blanking). */
  message: MessageJson;
  /** Gateway sequence number, or `undefined` when the bot's intents filter the event out. */
  seq: number | undefined;
  /** The bot's next `POST /channels/{channel}/messages` in that channel after this message. */
  reply(timeoutMs?: number): Promise<RecordedRequest>;
  /** Resolves if the bot posts nothing in that channel for `ms`; rejects with what it posted otherwise. */
  expectNoReply(ms?: number): Promise<void>;
}

/**
 * How the gateway treats new connections: `open` serves them; `refuse` drops each at once (a
 * firewall that lets REST through but not WebSockets: discord.js retries every 0.5 s); `silent`
 * accepts the TCP connection and never answers the upgrade (a proxy that swallows it: discord.js
 * waits out its 30 s handshake timeout).
 */
export type GatewayMode = 'open' | 'refuse' | 'silent';

export const DEFAULT_TOKEN = 'MTAxMDEwMTAxMDEwMTAxMDEw.FakeDc.fake-discord-test-token-not-a-real-one';

export class FakeDiscord {
  readonly world: World;
  readonly recorder = new RequestRecorder();
  readonly interactions = new Map<string, InteractionState>();
  readonly messages = new Map<string, MessageJson>();
  /** Commands as last written by the bot: key `global` or the guild id. */
  readonly commandStore = new Map<string, Record<string, unknown>[]>();
  readonly gateway: FakeGateway;
  /** Bugs in the fake itself (a handler threw; the bot got a 500). `assertNoProblems` fails on them. */
  readonly internalErrors: string[] = [];
  private readonly rest: FakeRest;
  private readonly server: Server;
  private port = 0;
  private gatewayMode: GatewayMode = 'open';
  /** Upgrade sockets held open by `silent`, closed with the fake. */
  private readonly heldSockets = new Set<Duplex>();

  private constructor(options: FakeDiscordOptions) {
    const shards = options.shards ?? 1;
    const maxConcurrency = options.maxConcurrency ?? 1;
    this.world = createWorld(options.token ?? DEFAULT_TOKEN, shards);
    this.gateway = new FakeGateway(this.world, () => `ws://127.0.0.1:${this.port}`, {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      allowPrivilegedIntents: options.allowPrivilegedIntents ?? true,
      shards,
      maxConcurrency,
    });
    this.rest = new FakeRest({
      world: this.world,
      recorder: this.recorder,
      interactions: this.interactions,
      messages: this.messages,
      commands: this.commandStore,
      gatewayUrl: () => this.gatewayUrl,
      shards,
      maxConcurrency,
      dispatch: (t, d) => this.gateway.dispatchIfConnected(t, d),
      echoBotMessages: options.echoBotMessages ?? true,
      interactionDeadlineMs: options.interactionDeadlineMs ?? 3000,
    });
    this.server = createServer((req, res) => {
      this.rest.handle(req, res).catch((e: unknown) => {
        this.internalErrors.push(
          `${req.method} ${req.url}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `fake-discord crashed: ${String(e)}`, code: 0 }));
      });
    });
    this.server.on('upgrade', (req, socket, head) => {
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      if (path !== '/gateway' && path !== '/resume') {
        socket.destroy();
        return;
      }
      this.gateway.emit('attempt', { mode: this.gatewayMode, path });
      if (this.gatewayMode === 'refuse') {
        socket.destroy();
        return;
      }
      if (this.gatewayMode === 'silent') {
        this.heldSockets.add(socket);
        socket.on('close', () => this.heldSockets.delete(socket));
        return;
      }
      this.gateway.wss.handleUpgrade(req, socket, head, (ws) => this.gateway.wss.emit('connection', ws, req));
    });
  }

  /** Starts a fake on a random (or the given) loopback port (and compiles the spec validator once per process). */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    warmUpValidator();
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve, reject) => {
      fake.server.once('error', reject);
      fake.server.listen(options.port ?? 0, '127.0.0.1', resolve);
    });
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  get token(): string {
    return this.world.token;
  }
  /** For `new Client({ rest: { api: fake.apiBaseUrl } })`: `http://127.0.0.1:PORT/api`. */
  get apiBaseUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }
  /** Every URL option of discord.js REST pointed at the fake: spread into `rest`. */
  get restOptions(): { api: string; cdn: string; mediaProxy: string } {
    return {
      api: this.apiBaseUrl,
      cdn: `http://127.0.0.1:${this.port}/cdn`,
      mediaProxy: `http://127.0.0.1:${this.port}/media`,
    };
  }
  /** What `GET /gateway/bot` returns as `url`. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }
  /** Every REST request so far, in arrival order. */
  get requests(): RecordedRequest[] {
    return this.recorder.requests;
  }
  /** All validation problems so far, as `METHOD /path: problem` lines (empty when everything was valid). */
  get validationErrors(): string[] {
    return this.requests.flatMap((r) => r.validationErrors.map((e) => `${r.method} ${r.path}: ${e}`));
  }
  /** Requests no fake route handled (answered 404): the bot called something it should not. */
  get unexpectedRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.unexpected);
  }
  /** Every gateway frame both ways. */
  get gatewayFrames(): GatewayFrame[] {
    return this.gateway.frames;
  }
  /** Commands the bot registered: global and for the test guild. */
  get commands(): { global: Record<string, unknown>[]; guild: Record<string, unknown>[] } {
    return { global: this.commandStore.get('global') ?? [], guild: this.commandStore.get(this.world.guild.id) ?? [] };
  }

  /** First request (past or future) matching `predicate`, after the fake answered it. */
  waitForRequest(predicate: RequestPredicate, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.recorder.waitFor(predicate, timeoutMs);
  }

  /**
   * Makes the next matching request(s) fail: e.g. `{ method: 'POST', pathPattern: '/callback',
   * status: 429, retryAfter: 1 }` or `{ method: 'PATCH', pathPattern: '@original', status: 500 }`.
   * discord.js retries 429 after `Retry-After` without limit and 5xx up to `rest.retries` (3) times.
   */
  failNext(rule: FaultRule): void {
    this.rest.failNext(rule);
  }

  /**
   * Makes the fake take `ms` longer over the next matching request(s) after they arrived, as a
   * slow check of their bodies would: what the fake's clock says of the bot must not change.
   */
  slowNext(rule: SlowRule): void {
    this.rest.slowNext(rule);
  }

  /**
   * Makes the next matching request(s) hang: recorded (status 0, `injected`) and never answered,
   * like an API behind a proxy that accepts connections but never answers. discord.js aborts such
   * a request after its REST `timeout` (15 s) and retries it. E.g. `{ pathPattern: '/gateway/bot',
   * times: Infinity }`. With `afterHandling: true` the request is carried out first and only its
   * answer withheld (a response lost on the way back): a retried callback then gets 40060.
   */
  hangNext(rule: HangRule): void {
    this.rest.hangNext(rule);
  }

  /** Sets how new gateway connections are treated (see `GatewayMode`); open ones are not touched. */
  setGatewayMode(mode: GatewayMode): void {
    this.gatewayMode = mode;
  }

  /** Resolves with the next attempt to open a gateway connection (whatever the mode does to it). */
  waitForGatewayAttempt(timeoutMs = 10_000): Promise<{ mode: GatewayMode; path: string }> {
    return this.onceGateway('attempt', timeoutMs) as Promise<{ mode: GatewayMode; path: string }>;
  }

  /** Injected faults not yet hit. */
  get pendingFaults(): FaultRule[] {
    return this.rest.pendingFaults;
  }

  /** Resolves once every shard has identified and READY (+ GUILD_CREATE) was sent. */
  async waitForIdentify(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.gateway.allShardsIdentified) await this.onceGateway('identify', Math.max(1, deadline - Date.now()));
  }

  /** Sends any dispatch; returns its sequence number (`undefined` if the bot's intents exclude it). */
  dispatch(t: string, d: unknown): number | undefined {
    return this.gateway.dispatch(t, d);
  }

  /** Dispatches a slash command (or autocomplete) as a person in the guild or in DMs. */
  sendInteraction(options: InteractionOptions): InteractionHandle {
    const commandType = options.kind === 'message-command' ? 3 : 1;
    const existing =
      options.kind === 'button'
        ? undefined
        : [...this.commands.guild, ...this.commands.global].find(
            (c) => c.name === options.command && (c.type ?? 1) === commandType,
          );
    const commandId = typeof existing?.id === 'string' ? existing.id : snowflake();
    const { payload, place, user } = buildInteraction(this.world, options, commandId, existing);
    const token = payload.token as string;
    const state: InteractionState = {
      id: payload.id as string,
      token,
      type: payload.type as number,
      ...(options.kind === 'button' ? { messageId: options.message!.id } : { commandName: options.command }),
      channelId: place.channel.id,
      ...(place.guildId ? { guildId: place.guildId } : {}),
      userId: user.id,
      dispatchedAt: Date.now(),
      followUps: [],
    };
    this.interactions.set(token, state);
    const mark = this.requests.length ? this.requests[this.requests.length - 1]!.seq : 0;
    const seq = this.gateway.dispatch('INTERACTION_CREATE', payload);
    const mine = (r: RecordedRequest) => r.path.includes(`/${token}`);
    const ok = (r: RecordedRequest) => r.status >= 200 && r.status < 300;
    const isCallback = (r: RecordedRequest) => mine(r) && r.path.endsWith('/callback') && r.method === 'POST';
    const wait = (p: RequestPredicate, t: number) => this.recorder.waitFor(p, t, mark);
    const all = () => this.requests.filter(mine);
    const handle: InteractionHandle = {
      id: state.id,
      token,
      payload,
      seq,
      callback: (t = 5000) => wait((r) => isCallback(r) && ok(r), t),
      reply: async (t = 10_000) => {
        const cb = await wait((r) => isCallback(r) && ok(r), t);
        const cbBody = (cb.body ?? {}) as { type?: number; data?: Record<string, unknown> };
        let request = cb;
        let body = cbBody.data ?? {};
        const deferred = cbBody.type === 5;
        const callbackType = Number(cbBody.type);
        if (deferred) {
          request = await wait(
            (r) => mine(r) && r.method === 'PATCH' && r.path.endsWith('/messages/@original') && ok(r),
            t,
          );
          body = (request.body ?? {}) as Record<string, unknown>;
        } else if (cbBody.type !== 4 && cbBody.type !== 7) {
          throw new Error(
            `fake-discord: interaction answered with callback type ${String(cbBody.type)}, not a message`,
          );
        }
        const flags = Number(
          (deferred ? cbBody.data?.flags : callbackType === 7 ? handle.state.original?.flags : body.flags) ?? 0,
        );
        return {
          content: typeof body.content === 'string' ? body.content : '',
          embeds: Array.isArray(body.embeds) ? (body.embeds as Record<string, unknown>[]) : [],
          flags,
          ephemeral: (flags & 64) !== 0,
          body,
          request,
          deferred,
          callbackType,
        };
      },
      choices: async (t = 5000) => {
        const cb = await wait((r) => isCallback(r) && ok(r), t);
        const body = (cb.body ?? {}) as {
          type?: number;
          data?: { choices?: { name: string; value: string | number }[] };
        };
        if (body.type !== 8)
          throw new Error(`fake-discord: autocomplete answered with callback type ${String(body.type)}`);
        return body.data?.choices ?? [];
      },
      followUp: async (index = 0, t = 5000) => {
        let n = -1;
        return wait((r) => mine(r) && r.method === 'POST' && r.path.endsWith(`/${token}`) && ok(r) && ++n === index, t);
      },
      waitFor: (predicate, t = 5000) => wait((r) => mine(r) && predicate(r), t),
      get requests() {
        return all();
      },
      state,
    };
    return handle;
  }

  /** A person presses the button `customId` under `message` (a message the bot sent; see `findMessage`). */
  pressButton(
    options: { message: MessageJson; customId: string } & Pick<InteractionOptions, 'user' | 'locale' | 'dm'>,
  ): InteractionHandle {
    return this.sendInteraction({
      ...options,
      kind: 'button',
      command: '',
      channelId: options.message.channel_id,
    });
  }

  /** A person runs the message (context-menu) command `name` on `target` (a message from `sendMessage`). */
  runMessageCommand(
    options: { name: string; target: MessageJson } & Pick<InteractionOptions, 'user' | 'locale' | 'appPermissions'>,
  ): InteractionHandle {
    return this.sendInteraction({
      ...options,
      kind: 'message-command',
      command: options.name,
      channelId: options.target.channel_id,
    });
  }

  /**
   * A message as it is now, by id: one sent in a channel (by a person or the bot), or an
   * interaction's response or follow-up (after every edit).
   */
  findMessage(id: string): MessageJson | undefined {
    const sent = this.messages.get(id);
    if (sent) return sent;
    for (const it of this.interactions.values()) {
      if (it.original?.id === id) return it.original;
      const followUp = it.followUps.find((m) => m.id === id);
      if (followUp) return followUp;
    }
    return undefined;
  }

  /**
   * Dispatches MESSAGE_CREATE as a person (or another bot) writing in a channel, with mentions
   * computed like Discord. The message is stored, so the bot can reply to it with a reference.
   */
  sendMessage(options: MessageOptions): MessageHandle {
    const { payload, place } = buildIncomingMessage(this.world, options, { get: (id) => this.findMessage(id) });
    this.messages.set(payload.id, payload);
    const mark = this.requests.length ? this.requests[this.requests.length - 1]!.seq : 0;
    const session = this.gateway.sessionOf(this.gateway.shardFor(place.guildId));
    const hasContentIntent = ((session?.intents ?? 0) & Intent.MessageContent) !== 0;
    const seq = this.gateway.dispatch('MESSAGE_CREATE', applyContentIntent(this.world, payload, hasContentIntent));
    const postsHere = (r: RecordedRequest) =>
      r.method === 'POST' && r.path === `/channels/${place.channel.id}/messages`;
    return {
      message: payload,
      seq,
      reply: (t = 10_000) => this.recorder.waitFor(postsHere, t, mark),
      expectNoReply: async (ms = 500) => {
        await new Promise((r) => setTimeout(r, ms));
        const posted = this.requests.filter((r) => r.seq > mark && postsHere(r));
        if (posted.length)
          throw new Error(
            `fake-discord: expected no reply, but the bot posted: ${posted.map((r) => JSON.stringify(r.body)).join('; ')}`,
          );
      },
    };
  }

  /**
   * Dispatches MESSAGE_UPDATE for a person's message (from `sendMessage`) edited to `options`
   * (its new content; author and channel as before), mentions computed again, as Discord does.
   */
  editUserMessage(original: MessageJson, options: MessageOptions): void {
    const { payload, place } = buildIncomingMessage(this.world, options, { get: (id) => this.findMessage(id) });
    const edited = {
      ...payload,
      id: original.id,
      timestamp: original.timestamp,
      edited_timestamp: new Date().toISOString(),
    };
    this.messages.set(original.id, edited);
    const session = this.gateway.sessionOf(this.gateway.shardFor(place.guildId));
    const hasContentIntent = ((session?.intents ?? 0) & Intent.MessageContent) !== 0;
    this.gateway.dispatch('MESSAGE_UPDATE', applyContentIntent(this.world, edited, hasContentIntent));
  }

  /** Dispatches MESSAGE_DELETE for a person's message, as when its author deletes it. */
  deleteUserMessage(message: MessageJson): void {
    this.messages.delete(message.id);
    this.gateway.dispatch('MESSAGE_DELETE', {
      id: message.id,
      channel_id: message.channel_id,
      ...(message.guild_id ? { guild_id: message.guild_id } : {}),
    });
  }

  /**
   * Sends op 7 RECONNECT: discord.js closes with 4200 and RESUMEs on `resume_gateway_url`. Each
   * control goes to the most recent connection, or to `shard`'s.
   */
  requestReconnect(shard?: number): void {
    this.gateway.sendOp(7, null, shard);
  }

  /**
   * Sends op 9 INVALID_SESSION. `resumable` true: the client may RESUME (and the session is kept);
   * false: the session is forgotten, as Discord does, and the client must IDENTIFY anew.
   */
  invalidateSession(resumable = false, shard?: number): void {
    if (!resumable) this.gateway.forgetSession(shard);
    this.gateway.sendOp(9, resumable, shard);
    this.gateway.deauthenticate(shard);
  }

  /** Sends op 1: the client must answer with a heartbeat at once. */
  requestHeartbeat(shard?: number): void {
    this.gateway.sendOp(1, null, shard);
  }

  /** Closes the gateway socket from Discord's side (4000–4009 resume; 4004, 4010–4014 are fatal). */
  closeGateway(code: number, reason = '', shard?: number): void {
    this.gateway.close(code, reason, shard);
  }

  /** The next RESUME the bot performs (after it, missed dispatches were replayed and RESUMED sent). */
  waitForResume(timeoutMs = 10_000): Promise<ResumeInfo> {
    return this.onceGateway('resume', timeoutMs) as Promise<ResumeInfo>;
  }

  /** The next time a gateway socket closes (either side), with its close code. */
  waitForGatewayClose(timeoutMs = 10_000): Promise<{ connection: number; code: number }> {
    return this.onceGateway('close', timeoutMs) as Promise<{ connection: number; code: number }>;
  }

  /** Whom a body the bot sent would notify (see `pingsOf`). */
  pingsOf(request: RecordedRequest): Pings {
    const b = request.body as { type?: number; data?: unknown } | undefined;
    return pingsOf(request.path.endsWith('/callback') ? b?.data : b);
  }

  /** Throws, listing them, if any request was invalid or unexpected. Handy in `afterEach`. */
  assertNoProblems(): void {
    const lines = [
      ...this.gateway.identifyViolations.map((v) => `[gateway] ${v}`),
      ...this.validationErrors,
      ...this.unexpectedRequests.map((r) => `unexpected request ${r.method} ${r.path}`),
      ...this.internalErrors.map((e) => `fake-discord internal error: ${e}`),
    ];
    if (lines.length) throw new Error(`fake-discord saw problems:\n${lines.join('\n')}`);
  }

  async close(): Promise<void> {
    for (const socket of this.heldSockets) socket.destroy();
    await this.gateway.shutdown();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onceGateway(event: string, timeoutMs: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.gateway.off(event, on);
        reject(new Error(`fake-discord: no gateway ${event} within ${timeoutMs} ms`));
      }, timeoutMs);
      const on = (info: unknown) => {
        clearTimeout(timer);
        resolve(info);
      };
      this.gateway.once(event, on);
    });
  }
}

/** Shorthand for `FakeDiscord.start(options)`. */
export function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return FakeDiscord.start(options);
}
