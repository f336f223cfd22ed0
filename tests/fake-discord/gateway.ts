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
 *   other than [0, 1], 4012/4002 for a wrong `v`/`encoding`, 4004 bad token, 4014 disallowed intents;
 * - test controls: op 7 reconnect, op 9 invalid session, closing with any code.
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
  seq: number;
  intents: number;
  /** Every dispatch of the session, in order (what RESUME replays from). */
  dispatches: Dispatch[];
  resumes: number;
}

/** What a RESUME looked like, reported by `waitForResume`. */
export interface ResumeInfo {
  sessionId: string;
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
}

const PRIVILEGED = Intent.GuildMembers | Intent.MessageContent | (1 << 8); /* GUILD_PRESENCES */

export class FakeGateway extends EventEmitter {
  readonly wss = new WebSocketServer({ noServer: true });
  readonly frames: GatewayFrame[] = [];
  readonly sessions = new Map<string, GatewaySession>();
  /** The session the bot currently holds (latest IDENTIFY or RESUME). */
  session: GatewaySession | undefined;
  socket: WebSocket | undefined;
  /** The socket that identified or resumed: live dispatches go only there (never mid-handshake). */
  private live: { ws: WebSocket; connection: number } | undefined;
  private connections = 0;
  /** Set to false to stop answering heartbeats (op 11), to test the client's zombie-connection handling. */
  ackHeartbeats = true;
  /** URL query of every connection, to check `v=10&encoding=json`. */
  readonly connectionUrls: string[] = [];

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
      if (this.live?.ws === ws) this.live = undefined;
      this.emit('close', { connection, code });
    });
  }

  private onPayload(ws: WebSocket, connection: number, path: string, payload: { op: number; d: unknown }): void {
    const d = (payload.d ?? {}) as Record<string, unknown>;
    const authenticated = this.live?.ws === ws;
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
        if (d.token !== this.world.token) {
          ws.close(4004, 'Authentication failed.');
          return;
        }
        const shard = d.shard as [number, number] | undefined;
        if (shard && (shard[1] !== 1 || shard[0] !== 0)) {
          ws.close(4010, 'Invalid shard.');
          return;
        }
        const intents = Number(d.intents ?? 0);
        if (intents & PRIVILEGED && !this.options.allowPrivilegedIntents) {
          ws.close(4014, 'Disallowed intent(s).');
          return;
        }
        const session: GatewaySession = {
          id: snowflake().slice(-16).padStart(32, 'f'),
          seq: 0,
          intents,
          dispatches: [],
          resumes: 0,
        };
        this.sessions.set(session.id, session);
        this.session = session;
        this.live = { ws, connection };
        this.emit('identify', d);
        this.dispatch('READY', {
          v: 10,
          user: { ...userJson(this.world.botUser), verified: true, mfa_enabled: false, email: null },
          guilds: [{ id: this.world.guild.id, unavailable: true }],
          session_id: session.id,
          session_type: 'normal',
          resume_gateway_url: `${this.baseWsUrl()}/resume`,
          shard: [0, 1],
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
        if (intents & Intent.Guilds) this.dispatch('GUILD_CREATE', guildCreateJson(this.world));
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
        this.live = { ws, connection };
        session.resumes++;
        const clientSeq = Number(d.seq ?? 0);
        const missed = session.dispatches.filter((x) => x.s > clientSeq);
        for (const x of missed) this.send(ws, connection, { op: 0, t: x.t, s: x.s, d: x.d });
        // RESUMED gets a sequence number but is not logged for replay (a later RESUME must not replay it).
        this.send(ws, connection, { op: 0, t: 'RESUMED', s: ++session.seq, d: { _trace: ['["fake-gateway",{}]'] } });
        const info: ResumeInfo = { sessionId: session.id, clientSeq, replayed: missed.length, path };
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
   * Sends a dispatch on the current session (queued for RESUME replay if the socket is down).
   * Returns its sequence number, or `undefined` if the bot's intents filter it out.
   */
  dispatch(t: string, d: unknown): number | undefined {
    const session = this.session;
    if (!session) throw new Error(`fake gateway: cannot dispatch ${t}: the bot has not identified yet`);
    if (!this.wants(session, t, d)) return undefined;
    const s = ++session.seq;
    session.dispatches.push({ s, t, d });
    if (this.live) this.send(this.live.ws, this.live.connection, { op: 0, t, s, d });
    return s;
  }

  /** Sends a raw opcode frame (7 reconnect, 9 invalid session, 1 heartbeat request). */
  sendOp(op: number, d: unknown = null): void {
    if (!this.socket) throw new Error('fake gateway: no open connection');
    this.send(this.socket, this.connections, { op, d });
  }

  /** Closes the current socket from the server side with `code`. */
  close(code: number, reason = ''): void {
    this.socket?.close(code, reason);
  }

  async shutdown(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
