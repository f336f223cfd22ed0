/**
 * The fake gateway: Discord's WebSocket protocol as discord.js 14 speaks it (JSON text frames, no
 * compression). It implements what the bot relies on in production and what tends to break it:
 *
 * - HELLO → IDENTIFY (token checked, close 4004 otherwise) → READY (with `resume_gateway_url`
 *   pointing back at the fake) → GUILD_CREATE for the test guild;
 * - heartbeats (op 1 → op 11), and server-requested heartbeats;
 * - a sequence number on every dispatch, a per-session log of dispatches, and RESUME (op 6) that
 *   replays what the client missed before RESUMED — so an op 7 or a dropped socket loses nothing;
 * - intents: dispatches the bot did not subscribe to are not sent, and without the Message Content
 *   intent message text is blanked unless the bot is mentioned (as Discord does);
 * - Discord's protocol closes: 4003 before IDENTIFY, 4005 for a second IDENTIFY, 4010 for a shard
 *   outside the shard count, 4012/4002 for a wrong `v`/`encoding`, 4004 bad token, 4014 disallowed intents;
 * - sharding: IDENTIFY names `[shard_id, num_shards]`; each shard has its own session and socket;
 *   guild events go to the shard `(guild_id >> 22) % num_shards`, DMs to shard 0; the READY of a
 *   shard lists only its guilds. Identifies are checked against `max_concurrency`: two in the same
 *   bucket (`shard_id % max_concurrency`) within 5 s are recorded in `identifyViolations`;
 * - test controls: op 7 reconnect, op 9 invalid session, closing with any code, on the latest
 *   socket or on a given shard's.
 */
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';
import { snowflake } from './snowflake.ts';
import { applicationJson, guildCreateJson, Intent, userJson, type World } from './world.ts';

/** One frame that crossed the gateway, for assertions and debugging. */
export interface GatewayFrame {
  direction: 'in' | 'out';
  op: number;
  t?: string | null;
  s?: number | null;
  d: unknown;
  at: number;
  /** Which socket (1-based, in connection order). */
  connection: number;
}

interface Dispatch {
  s: number;
  t: string;
  d: unknown;
}

/** A gateway session: survives socket drops until it is invalidated, like Discord's. */
export interface GatewaySession {
  id: string;
  /** The shard it was identified for: `[shard_id, num_shards]`. */
  shard: [number, number];
  seq: number;
  intents: number;
  /** Every dispatch of the session, in order (what RESUME replays from). */
  dispatches: Dispatch[];
  resumes: number;
}

/** What a RESUME looked like, reported by `waitForResume`. */
export interface ResumeInfo {
  sessionId: string;
  /** The shard whose session was resumed. */
  shard: number;
  /** The sequence number the client said it had. */
  clientSeq: number;
  /** How many dispatches were replayed before RESUMED. */
  replayed: number;
  /** The path the client connected to (`/resume` when it used `resume_gateway_url`). */
  path: string;
}

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  /** Privileged intents allowed for this application (close 4014 if others are requested). */
  allowPrivilegedIntents: boolean;
  /** The shard count IDENTIFY must name (what `GET /gateway/bot` recommends). */
  shards: number;
  /** Identifies allowed at once: one per bucket `shard_id % maxConcurrency` every 5 s. */
  maxConcurrency: number;
}

/** Discord lets each `max_concurrency` bucket identify once per 5 seconds. */
export const IDENTIFY_WINDOW_MS = 5000;

/** The shard a guild's events go to, by Discord's formula. */
export function shardOfGuild(guildId: string, shards: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shards));
}

const PRIVILEGED = Intent.GuildMembers | Intent.MessageContent | (1 << 8); /* GUILD_PRESENCES */

export class FakeGateway extends EventEmitter {
  readonly wss = new WebSocketServer({ noServer: true });
  readonly frames: GatewayFrame[] = [];
  readonly sessions = new Map<string, GatewaySession>();
  /** The session the bot most recently identified or resumed (of any shard). */
  session: GatewaySession | undefined;
  /** The most recent connection (before or after it identified). */
  socket: WebSocket | undefined;
  /** Each shard's current session and the socket that holds it: live dispatches go only there. */
  private readonly shards = new Map<
    number,
    { session: GatewaySession; live?: { ws: WebSocket; connection: number } }
  >();
  private connections = 0;
  /** Set to false to stop answering heartbeats (op 11), to test the client's zombie-connection handling. */
  ackHeartbeats = true;
  /** URL query of every connection, to check `v=10&encoding=json`. */
  readonly connectionUrls: string[] = [];
  /** Every IDENTIFY that was accepted: which shard, when. */
  readonly identifies: { shard: [number, number]; at: number }[] = [];
  /** Identifies that broke `max_concurrency` (same bucket within 5 s); `assertNoProblems` fails on them. */
  readonly identifyViolations: string[] = [];
  /** Set to make every IDENTIFY fail with 4004 (a token revoked while the bot runs), although REST accepts it. */
  refuseIdentify = false;

  constructor(
    private readonly world: World,
    private readonly baseWsUrl: () => string,
    private readonly options: GatewayOptions,
  ) {
    super();
    this.wss.on('connection', (ws: WebSocket, req: IncomingMessage) => this.onConnection(ws, req));
  }

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const connection = ++this.connections;
    const url = new URL(req.url ?? '/', 'ws://fake');
    this.connectionUrls.push(req.url ?? '');
    this.socket = ws;
    this.emit('connection', { connection, path: url.pathname });
    if (url.searchParams.get('v') !== '10') {
      ws.close(4012, 'Invalid API version');
      return;
    }
    if (url.searchParams.get('encoding') !== 'json') {
      ws.close(4002, 'Decode error');
      return;
    }
    this.send(ws, connection, {
      op: 10,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['["fake-gateway",{}]'] },
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        ws.close(4002, 'Decode error');
        return;
      }
      let payload: { op: number; d: unknown };
      try {
        payload = JSON.parse(data.toString()) as { op: number; d: unknown };
      } catch {
        ws.close(4002, 'Decode error');
        return;
      }
      this.frames.push({ direction: 'in', op: payload.op, d: payload.d, at: Date.now(), connection });
      this.onPayload(ws, connection, url.pathname, payload);
    });
    ws.on('close', (code) => {
      if (this.socket === ws) this.socket = undefined;
      for (const state of this.shards.values()) if (state.live?.ws === ws) state.live = undefined;
      this.emit('close', { connection, code });
    });
  }

  /** The shard a socket holds, if it identified or resumed. */
  private shardOf(ws: WebSocket): number | undefined {
    for (const [shard, state] of this.shards) if (state.live?.ws === ws) return shard;
    return undefined;
  }

  /** The shard count sessions use (as identified; the configured one before any). */
  get shardCount(): number {
    return this.session?.shard[1] ?? this.options.shards;
  }

  /** The current session of `shard`, if it identified. */
  sessionOf(shard: number): GatewaySession | undefined {
    return this.shards.get(shard)?.session;
  }

  /** The shard that gets an event about `guildId` (DMs and guild-less events: shard 0). */
  shardFor(guildId: string | undefined): number {
    return guildId === undefined ? 0 : shardOfGuild(guildId, this.shardCount);
  }

  private onPayload(ws: WebSocket, connection: number, path: string, payload: { op: number; d: unknown }): void {
    const d = (payload.d ?? {}) as Record<string, unknown>;
    const authenticated = this.shardOf(ws) !== undefined;
    if (![1, 2, 6].includes(payload.op) && !authenticated) {
      ws.close(4003, 'Not authenticated.');
      return;
    }
    if ((payload.op === 2 || payload.op === 6) && authenticated) {
      ws.close(4005, 'Already authenticated.');
      return;
    }
    switch (payload.op) {
      case 1: // heartbeat
        if (this.ackHeartbeats) this.send(ws, connection, { op: 11 });
        this.emit('heartbeat');
        return;
      case 2: {
        // identify
        if (d.token !== this.world.token || this.refuseIdentify) {
          ws.close(4004, 'Authentication failed.');
          return;
        }
        const shard = (d.shard as [number, number] | undefined) ?? [0, 1];
        if (shard[1] !== this.options.shards || shard[0] < 0 || shard[0] >= shard[1]) {
          ws.close(4010, 'Invalid shard.');
          return;
        }
        const intents = Number(d.intents ?? 0);
        if (intents & PRIVILEGED && !this.options.allowPrivilegedIntents) {
          ws.close(4014, 'Disallowed intent(s).');
          return;
        }
        this.checkConcurrency(shard);
        const session: GatewaySession = {
          id: snowflake().slice(-16).padStart(32, 'f'),
          shard,
          seq: 0,
          intents,
          dispatches: [],
          resumes: 0,
        };
        this.sessions.set(session.id, session);
        this.session = session;
        this.shards.set(shard[0], { session, live: { ws, connection } });
        this.emit('identify', d);
        const guilds = this.shardFor(this.world.guild.id) === shard[0] ? [this.world.guild.id] : [];
        this.dispatchTo(shard[0], 'READY', {
          v: 10,
          user: { ...userJson(this.world.botUser), verified: true, mfa_enabled: false, email: null },
          guilds: guilds.map((id) => ({ id, unavailable: true })),
          session_id: session.id,
          session_type: 'normal',
          resume_gateway_url: `${this.baseWsUrl()}/resume`,
          shard,
          application: applicationJson(this.world, false),
          private_channels: [],
          relationships: [],
          presences: [],
          guild_join_requests: [],
          geo_ordered_rtc_regions: [],
          user_settings: {},
          auth_session_id_hash: 'fake',
          _trace: ['["fake-gateway",{}]'],
        });
        if (guilds.length > 0 && intents & Intent.Guilds)
          this.dispatchTo(shard[0], 'GUILD_CREATE', guildCreateJson(this.world));
        return;
      }
      case 6: {
        // resume
        const session = this.sessions.get(String(d.session_id));
        if (!session || d.token !== this.world.token) {
          this.send(ws, connection, { op: 9, d: false });
          return;
        }
        this.session = session;
        this.shards.set(session.shard[0], { session, live: { ws, connection } });
        session.resumes++;
        const clientSeq = Number(d.seq ?? 0);
        const missed = session.dispatches.filter((x) => x.s > clientSeq);
        for (const x of missed) this.send(ws, connection, { op: 0, t: x.t, s: x.s, d: x.d });
        // RESUMED gets a sequence number but is not logged for replay (a later RESUME must not replay it).
        this.send(ws, connection, { op: 0, t: 'RESUMED', s: ++session.seq, d: { _trace: ['["fake-gateway",{}]'] } });
        const info: ResumeInfo = {
          sessionId: session.id,
          shard: session.shard[0],
          clientSeq,
          replayed: missed.length,
          path,
        };
        this.emit('resume', info);
        return;
      }
      default:
        // op 3 presence, op 4 voice, op 8 request members: accepted and recorded in `frames`.
        return;
    }
  }

  private send(
    ws: WebSocket,
    connection: number,
    frame: { op: number; t?: string | null; s?: number | null; d?: unknown },
  ): void {
    const full = { op: frame.op, d: frame.d ?? null, s: frame.s ?? null, t: frame.t ?? null };
    this.frames.push({ direction: 'out', op: full.op, t: full.t, s: full.s, d: full.d, at: Date.now(), connection });
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(full));
  }

  /** Whether the session's intents let Discord send this event (INTERACTION_CREATE needs none). */
  private wants(session: GatewaySession, t: string, d: unknown): boolean {
    const guildId = (d as { guild_id?: unknown } | null)?.guild_id;
    if (t.startsWith('MESSAGE_'))
      return (session.intents & (guildId ? Intent.GuildMessages : Intent.DirectMessages)) !== 0;
    if (t.startsWith('GUILD_') || t.startsWith('CHANNEL_') || t.startsWith('THREAD_'))
      return (session.intents & Intent.Guilds) !== 0;
    return true;
  }

  /**
   * Forgets past identifies, for a test that stops the bot and starts it again at once: a new
   * process cannot know when the last one identified, and Discord would answer its early identify
   * with an invalid session that discord.js waits out (tested with op 9 in the gateway faults).
   */
  forgetIdentifies(): void {
    this.identifies.length = 0;
  }

  /** Records an IDENTIFY that comes within 5 s of another in its `max_concurrency` bucket. */
  private checkConcurrency(shard: [number, number]): void {
    const now = Date.now();
    const bucket = shard[0] % this.options.maxConcurrency;
    const previous = [...this.identifies]
      .reverse()
      .find((i) => i.shard[0] % this.options.maxConcurrency === bucket && now - i.at < IDENTIFY_WINDOW_MS);
    if (previous)
      this.identifyViolations.push(
        `shard ${shard[0]} identified ${now - previous.at} ms after shard ${previous.shard[0]} in the same max_concurrency bucket (${bucket} of ${this.options.maxConcurrency})`,
      );
    this.identifies.push({ shard, at: now });
  }

  /**
   * Sends a dispatch on the session of the shard it belongs to (guild events: the guild's shard;
   * DMs and the rest: shard 0), queued for RESUME replay if that shard's socket is down. Returns
   * its sequence number, or `undefined` if the bot's intents filter it out.
   */
  dispatch(t: string, d: unknown): number | undefined {
    const data = d as { guild_id?: unknown; id?: unknown } | null;
    const guildId =
      typeof data?.guild_id === 'string'
        ? data.guild_id
        : t === 'GUILD_CREATE' && typeof data?.id === 'string'
          ? data.id
          : undefined;
    return this.dispatchTo(this.shardFor(guildId), t, d);
  }

  /** `dispatch`, doing nothing when the shard it belongs to has not identified (echoes of the bot's own messages). */
  dispatchIfConnected(t: string, d: unknown): void {
    const data = d as { guild_id?: unknown } | null;
    const shard = this.shardFor(typeof data?.guild_id === 'string' ? data.guild_id : undefined);
    if (this.shards.has(shard)) this.dispatchTo(shard, t, d);
  }

  /**
   * Takes the socket of `shard` (or the most recent one) back to unauthenticated: after an op 9 the
   * client must IDENTIFY or RESUME again, on this socket or a new one; dispatches wait for it.
   */
  deauthenticate(shard: number | undefined): void {
    const ws = this.target(shard);
    for (const state of this.shards.values()) if (state.live?.ws === ws) state.live = undefined;
  }

  /** Forgets `shard`'s session (op 9 with `d: false`): a RESUME of it is refused from now on. */
  forgetSession(shard: number | undefined): void {
    const session = shard === undefined ? this.session : this.shards.get(shard)?.session;
    if (session) this.sessions.delete(session.id);
  }

  /** Sends a dispatch on `shard`'s session. */
  dispatchTo(shard: number, t: string, d: unknown): number | undefined {
    const state = this.shards.get(shard);
    if (!state) throw new Error(`fake gateway: cannot dispatch ${t}: shard ${shard} has not identified yet`);
    const { session } = state;
    if (!this.wants(session, t, d)) return undefined;
    const s = ++session.seq;
    session.dispatches.push({ s, t, d });
    if (state.live) this.send(state.live.ws, state.live.connection, { op: 0, t, s, d });
    return s;
  }

  /** The socket ops go to: `shard`'s, or the most recent connection. */
  private target(shard: number | undefined): WebSocket | undefined {
    return shard === undefined ? this.socket : this.shards.get(shard)?.live?.ws;
  }

  /** Sends a raw opcode frame (7 reconnect, 9 invalid session, 1 heartbeat request). */
  sendOp(op: number, d: unknown = null, shard?: number): void {
    const ws = this.target(shard);
    if (!ws) throw new Error(`fake gateway: no open connection${shard === undefined ? '' : ` for shard ${shard}`}`);
    this.send(ws, this.connections, { op, d });
  }

  /** Closes the current socket (or `shard`'s) from the server side with `code`. */
  close(code: number, reason = '', shard?: number): void {
    this.target(shard)?.close(code, reason);
  }

  /** Resolves when every shard of the configured count has identified. */
  get allShardsIdentified(): boolean {
    for (let shard = 0; shard < this.options.shards; shard++) if (!this.shards.has(shard)) return false;
    return true;
  }

  async shutdown(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
