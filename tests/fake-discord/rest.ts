/**
 * The fake REST API under `/api/v10`. Each request is parsed (JSON or multipart `payload_json`),
 * validated against Discord's spec, recorded, possibly failed on purpose (`failNext`), then answered
 * the way Discord answers — including Discord's refusals a bot must survive: 401 without the bot
 * token, 400 Invalid Form Body for bodies Discord would reject, 40060 for a second acknowledgement,
 * 10062 for an interaction answered after its 3-second window, 404 for routes the fake does not know
 * (recorded as `unexpected`, so tests can assert the bot called nothing odd).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { splitPath, validateRequestDetailed } from './openapi-validator.ts';
import { botMessage, editMessage, MessageFlag, withGuildFields, type MessageJson } from './messages.ts';
import type { RecordedFile, RecordedRequest, RequestRecorder } from './recorder.ts';
import { snowflake } from './snowflake.ts';
import { applicationJson, channelJson, findChannel, memberJson, userJson, type World } from './world.ts';

/** A failure to inject into the next matching request(s); see `FakeDiscord.failNext`. */
export interface FaultRule {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** Matched against the decoded path below `/api/v10`: substring for strings, `test` for RegExps. */
  pathPattern: string | RegExp;
  status: number;
  /** For 429: seconds to wait, sent as `Retry-After`, `X-RateLimit-Reset-After` and `retry_after` (default 1). */
  retryAfter?: number;
  /** For 429: a global rate limit (`X-RateLimit-Global: true`). */
  global?: boolean;
  /** Response body (default: Discord's body for the status). */
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests to fail (default 1). */
  times?: number;
}

/** Requests to leave unanswered; see `FakeDiscord.hangNext`. */
export interface HangRule {
  method?: string;
  pathPattern: string | RegExp;
  /**
   * Carry the request out (an interaction acknowledged, a message edited) and only then withhold
   * the answer, as when the response is lost on the way back: a client that retries gets Discord's
   * answer to a repeat (40060 for a second acknowledgement). Default false: nothing happens.
   */
  afterHandling?: boolean;
  /** How many matching requests to hang (default 1; `Infinity` for all). */
  times?: number;
}

/** Requests the fake takes longer over before it handles them; see `FakeDiscord.slowNext`. */
export interface SlowRule {
  method?: string;
  pathPattern: string | RegExp;
  /** How much longer, in milliseconds. */
  ms: number;
  /** How many matching requests to slow (default 1). */
  times?: number;
}

/** What the fake remembers about a dispatched interaction. */
export interface InteractionState {
  id: string;
  token: string;
  /** 2 application command, 3 message component (a button), 4 autocomplete. */
  type: number;
  commandName?: string;
  /** A button press: the message the button sits on (callback type 7 edits it). */
  messageId?: string;
  channelId: string;
  guildId?: string;
  userId: string;
  dispatchedAt: number;
  /** Callback type once acknowledged (4 reply, 5 deferred, 8 autocomplete, ...). */
  callbackType?: number;
  /** When the first successful callback arrived (`Date.now()`): the interaction was acknowledged in time. */
  acknowledgedAt?: number;
  /**
   * When the user first saw an answer: the type 4 (or 8) callback, or after a type 5 the first
   * successful edit of `@original`. Benchmarks read this and `dispatchedAt`.
   */
  answeredAt?: number;
  original?: MessageJson;
  followUps: MessageJson[];
}

/** Hooks from the REST side into the rest of the fake (gateway echo, shared stores). */
export interface RestContext {
  world: World;
  recorder: RequestRecorder;
  interactions: Map<string, InteractionState>;
  /** Every message in the fake's channels (sent by people via the test or by the bot), by id. */
  messages: Map<string, MessageJson>;
  /** Global (`global`) and guild (guild id) command lists as last written by the bot. */
  commands: Map<string, Record<string, unknown>[]>;
  gatewayUrl: () => string;
  /** What `GET /gateway/bot` recommends: shard count and identify concurrency. */
  shards: number;
  maxConcurrency: number;
  /** Sends a gateway dispatch if the bot is connected (used to echo the bot's own messages). */
  dispatch: (t: string, d: unknown) => void;
  echoBotMessages: boolean;
  /** Discord forgets an interaction that is not acknowledged within 3 s. */
  interactionDeadlineMs: number;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Marks documented requirements the fake reports without refusing the request. */
export const PROTOCOL = '[protocol] ';

const json = (status: number, body?: unknown, headers?: Record<string, string>): Reply => ({ status, body, headers });
const error = (status: number, code: number, message: string): Reply => json(status, { message, code });
const NOT_FOUND = (): Reply => json(404, { message: '404: Not Found', code: 0 });

const DEFAULT_BODIES: Record<number, unknown> = {
  400: { message: '400: Bad Request', code: 0 },
  401: { message: '401: Unauthorized', code: 0 },
  403: { message: 'Missing Permissions', code: 50013 },
  404: { message: '404: Not Found', code: 0 },
  500: { message: '500: Internal Server Error', code: 0 },
  502: { message: '502: Bad Gateway', code: 0 },
  503: { message: '503: Service Unavailable', code: 0 },
};

export class FakeRest {
  private faults: (FaultRule & { remaining: number; hang?: true; afterHandling?: boolean })[] = [];
  private slow: (SlowRule & { remaining: number })[] = [];
  private seq = 0;

  constructor(private readonly ctx: RestContext) {}

  /** Queues a fault; it answers the next `times` matching requests instead of the normal handler. */
  failNext(rule: FaultRule): void {
    this.faults.push({ ...rule, remaining: rule.times ?? 1 });
  }

  /**
   * Queues a delay: the fake takes `ms` longer over the next `times` matching requests, after they
   * arrived and were numbered. A rule no request used stays for the next test; a delay past the
   * client's request timeout (15 s for discord.js) makes it send the request again.
   */
  slowNext(rule: SlowRule): void {
    this.slow.push({ ...rule, remaining: rule.times ?? 1 });
  }

  /** Queues a hang: the next `times` matching requests are recorded (status 0) and never answered. */
  hangNext(rule: HangRule): void {
    this.faults.push({ ...rule, status: 0, hang: true, remaining: rule.times ?? 1 });
  }

  /** Faults not yet consumed (a test can assert that its injected failure was actually hit). */
  get pendingFaults(): FaultRule[] {
    return this.faults.filter((f) => f.remaining > 0);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const prefix = url.pathname.match(/^\/api\/v(\d+)(?=\/)/);
    const rawPath = prefix ? url.pathname.slice(prefix[0].length) : url.pathname;
    const raw = await readBody(req);
    // When the request arrived: what Discord's clock counts (the 3 s to acknowledge, what a user
    // waits), before the fake's own work on it. Validating a body against the spec takes the fake
    // several times longer for an answer with buttons than for "pong", on the CPU the bot shares.
    const receivedAt = Date.now();
    const contentType = String(req.headers['content-type'] ?? '');
    const { body, files, parseError } = await parseBody(raw, contentType);
    const method = (req.method ?? 'GET').toUpperCase();
    const path = '/' + splitPath(rawPath).join('/');
    const validation = validateRequestDetailed(method, rawPath, body);
    const validationErrors = [...validation.errors];
    if (parseError) validationErrors.push(parseError);
    if (!prefix) validationErrors.push(`request outside /api/v10: ${url.pathname}`);
    else if (prefix[1] !== '10') validationErrors.push(`API version v${prefix[1]} used; the bot must use v10`);
    // Discord documents this User-Agent as required; a hand-rolled fetch without it gets blocked in production.
    if (!/^DiscordBot \(\S+, \S+\)/.test(String(req.headers['user-agent'] ?? ''))) {
      validationErrors.push(
        `${PROTOCOL}User-Agent must look like "DiscordBot (url, version)", got ${JSON.stringify(req.headers['user-agent'] ?? null)}`,
      );
    }

    const record: RecordedRequest = {
      seq: ++this.seq,
      at: receivedAt,
      method,
      path,
      rawPath,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]),
      ),
      body,
      rawBody: raw.toString('utf8'),
      files,
      operationId: validation.operationId,
      route: validation.template,
      validationErrors,
      status: 0,
      response: undefined,
      injected: false,
      unexpected: false,
    };

    let reply: Reply;
    const fault = this.faults.find((f) => f.remaining > 0 && appliesTo(f, method, path));
    // Numbered and matched to its fault as it arrived; only then does the fake take its time.
    const slow = this.slow.find((r) => r.remaining > 0 && appliesTo(r, method, path));
    if (slow) {
      slow.remaining--;
      await new Promise((resolve) => setTimeout(resolve, slow.ms));
    }
    if (fault?.hang && fault.afterHandling) {
      fault.remaining--;
      record.injected = true;
      if (this.authorized(path, record.headers.authorization) && !validation.rejected && !parseError) {
        const handled = this.route(method, splitPath(rawPath), record);
        record.response = handled?.body;
      }
      this.ctx.recorder.add(record);
      return;
    }
    if (fault?.hang) {
      // Accepted and never answered: the socket stays open until the client gives up or the fake closes.
      fault.remaining--;
      record.injected = true;
      this.ctx.recorder.add(record);
      return;
    }
    if (fault) {
      fault.remaining--;
      record.injected = true;
      reply = faultReply(fault, `${method} ${record.route ?? path}`);
    } else if (!this.authorized(path, record.headers.authorization)) {
      reply = error(401, 0, '401: Unauthorized');
    } else if (validation.rejected || parseError) {
      reply = json(400, {
        message: 'Invalid Form Body',
        code: 50035,
        errors: { _errors: validationErrors.map((message) => ({ code: 'BASE_TYPE_INVALID', message })) },
      });
    } else {
      reply = this.route(method, splitPath(rawPath), record) ?? NOT_FOUND();
      if (reply.status === 404 && (reply.body as { code?: number } | undefined)?.code === 0) record.unexpected = true;
    }

    record.status = reply.status;
    record.response = reply.body;
    // Like Discord, a 204 has no body and no content-type (discord.js would try to parse JSON otherwise).
    const hasBody = reply.status !== 204 && reply.body !== undefined;
    const headers: Record<string, string> = {
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
      via: '1.1 fake-discord',
      ...reply.headers,
    };
    res.writeHead(reply.status, headers);
    res.end(hasBody ? JSON.stringify(reply.body) : undefined);
    this.ctx.recorder.add(record);
  }

  /** Bot routes need `Authorization: Bot <token>`; interaction and webhook-token routes do not. */
  private authorized(path: string, authorization: string | undefined): boolean {
    const segs = path.split('/').filter(Boolean);
    if (segs[0] === 'interactions') return true;
    if (segs[0] === 'webhooks' && segs.length >= 3) return true;
    if (segs[0] === 'gateway' && segs.length === 1) return true;
    return authorization === `Bot ${this.ctx.world.token}`;
  }

  private route(method: string, s: string[], r: RecordedRequest): Reply | undefined {
    const { world } = this.ctx;
    const key = `${method} /${s.map((x, i) => (isParam(s, i) ? ':' : x)).join('/')}`;
    switch (key) {
      case 'GET /gateway':
        return json(200, { url: this.ctx.gatewayUrl() });
      case 'GET /gateway/bot':
        return json(200, {
          url: this.ctx.gatewayUrl(),
          shards: this.ctx.shards,
          session_start_limit: {
            total: 1000,
            remaining: 999,
            reset_after: 14_400_000,
            max_concurrency: this.ctx.maxConcurrency,
          },
        });
      case 'GET /users/@me':
        return json(200, {
          ...userJson(world.botUser),
          verified: true,
          mfa_enabled: false,
          locale: 'en-US',
          email: null,
        });
      case 'GET /applications/@me':
        return json(200, applicationJson(world, true));
      case 'PUT /applications/:/commands':
      case 'PUT /applications/:/guilds/:/commands':
      case 'GET /applications/:/commands':
      case 'GET /applications/:/guilds/:/commands':
      case 'POST /applications/:/commands':
      case 'POST /applications/:/guilds/:/commands':
      case 'DELETE /applications/:/commands/:':
      case 'DELETE /applications/:/guilds/:/commands/:':
        return this.commands(method, s, r.body);
      case 'POST /interactions/:/:/callback':
        return this.callback(s[1]!, s[2]!, r);
      case 'POST /webhooks/:/:':
      case 'GET /webhooks/:/:/messages/@original':
      case 'PATCH /webhooks/:/:/messages/@original':
      case 'DELETE /webhooks/:/:/messages/@original':
      case 'GET /webhooks/:/:/messages/:':
      case 'PATCH /webhooks/:/:/messages/:':
      case 'DELETE /webhooks/:/:/messages/:':
        return this.webhook(method, s, r);
      case 'GET /channels/:':
        return this.channel(s[1]!) ?? error(404, 10003, 'Unknown Channel');
      case 'POST /channels/:/messages':
        return this.createMessage(s[1]!, r.body);
      case 'POST /channels/:/typing':
        return this.channel(s[1]!) ? json(204) : error(404, 10003, 'Unknown Channel');
      case 'GET /channels/:/messages/:': {
        const m = this.ctx.messages.get(s[3]!);
        return m && m.channel_id === s[1] ? json(200, m) : error(404, 10008, 'Unknown Message');
      }
      case 'PATCH /channels/:/messages/:':
      case 'DELETE /channels/:/messages/:':
        return this.changeOwnMessage(method, s[1]!, s[3]!, r.body);
      case 'PUT /channels/:/messages/:/reactions/:/@me':
      case 'DELETE /channels/:/messages/:/reactions/:/@me':
        return this.ctx.messages.has(s[3]!) ? json(204) : error(404, 10008, 'Unknown Message');
      case 'GET /guilds/:/members/:': {
        const m = s[1] === world.guild.id ? memberJson(world, s[3]!) : undefined;
        return m ? json(200, m) : error(404, 10007, 'Unknown Member');
      }
      default:
        return undefined;
    }
  }

  private channel(id: string): Reply | undefined {
    const c = findChannel(this.ctx.world, id);
    return c ? json(200, channelJson(this.ctx.world, c)) : undefined;
  }

  private commands(method: string, s: string[], body: unknown): Reply {
    const { world } = this.ctx;
    if (s[1] !== world.application.id)
      return error(403, 20012, 'You are not authorized to perform this action on this application');
    const guildId = s[2] === 'guilds' ? s[3] : undefined;
    if (guildId !== undefined && guildId !== world.guild.id) return error(403, 50001, 'Missing Access');
    const scope = guildId ?? 'global';
    const current = this.ctx.commands.get(scope) ?? [];
    const toStored = (c: Record<string, unknown>): Record<string, unknown> => {
      const same = current.find((x) => x.name === c.name && (x.type ?? 1) === (c.type ?? 1));
      return {
        id: same?.id ?? snowflake(),
        application_id: world.application.id,
        version: snowflake(),
        type: 1,
        name_localizations: null,
        description: '',
        description_localizations: null,
        default_member_permissions: null,
        dm_permission: true,
        nsfw: false,
        contexts: null,
        integration_types: [0],
        ...c,
        ...(guildId ? { guild_id: guildId } : {}),
      };
    };
    if (method === 'GET') return json(200, current);
    if (method === 'PUT') {
      const next = (Array.isArray(body) ? body : []).map((c) => toStored(c as Record<string, unknown>));
      this.ctx.commands.set(scope, next);
      return json(200, next);
    }
    if (method === 'POST') {
      const stored = toStored((body ?? {}) as Record<string, unknown>);
      const existed = current.some((x) => x.id === stored.id);
      this.ctx.commands.set(scope, [...current.filter((x) => x.id !== stored.id), stored]);
      return json(existed ? 200 : 201, stored);
    }
    const id = s[s.length - 1];
    if (!current.some((x) => x.id === id)) return error(404, 10063, 'Unknown application command');
    this.ctx.commands.set(
      scope,
      current.filter((x) => x.id !== id),
    );
    return json(204);
  }

  private callback(id: string, token: string, r: RecordedRequest): Reply {
    const it = this.ctx.interactions.get(token);
    if (!it || it.id !== id) return error(404, 10062, 'Unknown interaction');
    if (it.callbackType !== undefined) return error(400, 40060, 'Interaction has already been acknowledged.');
    if (r.at - it.dispatchedAt > this.ctx.interactionDeadlineMs) return error(404, 10062, 'Unknown interaction');
    const body = (r.body ?? {}) as { type?: number; data?: Record<string, unknown> };
    const type = Number(body.type);
    if (it.type === 4 && type !== 8)
      return error(400, 50035, 'Invalid Form Body (autocomplete interactions take callback type 8)');
    if (it.type !== 4 && type === 8)
      return error(400, 50035, 'Invalid Form Body (callback type 8 is for autocomplete only)');
    if (it.type !== 3 && (type === 6 || type === 7))
      return error(400, 50035, 'Invalid Form Body (callback types 6 and 7 are for message components only)');
    it.callbackType = type;
    it.acknowledgedAt = r.at;
    if (type !== 5) it.answeredAt = it.acknowledgedAt;
    if (type === 7) return this.updateComponentMessage(it, body.data, r.query.with_response === 'true');
    if (type === 6) return json(204);
    const ephemeral = (Number(body.data?.flags ?? 0) & MessageFlag.Ephemeral) !== 0;
    if (type === 4 || type === 5) {
      it.original = botMessage(
        this.ctx.world,
        type === 4 ? body.data : { flags: body.data?.flags, allowed_mentions: { parse: [] } },
        {
          id: snowflake(),
          channelId: it.channelId,
          webhookId: this.ctx.world.application.id,
          interaction: {
            id: it.id,
            type: it.type,
            userId: it.userId,
            ...(it.commandName ? { name: it.commandName } : {}),
          },
          extraFlags: type === 5 ? MessageFlag.Loading : 0,
        },
      );
      if (!ephemeral) this.echo('MESSAGE_CREATE', it.original, it.guildId);
    }
    if (r.query.with_response !== 'true') return json(204);
    return json(200, {
      interaction: {
        id: it.id,
        type: it.type,
        activity_instance_id: null,
        response_message_id: it.original?.id ?? null,
        response_message_loading: type === 5,
        response_message_ephemeral: ephemeral,
      },
      resource: { type, ...(type === 4 && it.original ? { message: it.original } : {}) },
    });
  }

  /**
   * Callback type 7: the message the pressed button sits on is edited, whether it is another
   * interaction's response (then that one's `@original`) or a channel message.
   */
  private updateComponentMessage(it: InteractionState, data: unknown, withResponse: boolean): Reply {
    const owner = [...this.ctx.interactions.values()].find((x) => x.original?.id === it.messageId);
    const target = owner?.original ?? (it.messageId ? this.ctx.messages.get(it.messageId) : undefined);
    if (!target) return error(404, 10008, 'Unknown Message');
    const edited = editMessage(target, data);
    if (owner) owner.original = edited;
    else this.ctx.messages.set(edited.id, edited);
    it.original = edited;
    if ((edited.flags & MessageFlag.Ephemeral) === 0) this.echo('MESSAGE_UPDATE', edited, it.guildId);
    if (!withResponse) return json(204);
    return json(200, {
      interaction: { id: it.id, type: it.type, activity_instance_id: null, response_message_id: edited.id },
      resource: { type: 7, message: edited },
    });
  }

  private webhook(method: string, s: string[], r: RecordedRequest): Reply {
    const [, webhookId, token, , messageId] = s as [string, string, string, string?, string?];
    const it = this.ctx.interactions.get(token);
    if (webhookId !== this.ctx.world.application.id || !it) return error(404, 10015, 'Unknown Webhook');
    if (it.callbackType === undefined) return error(404, 10015, 'Unknown Webhook');
    if (r.at - it.dispatchedAt > 15 * 60_000) return error(401, 50027, 'Invalid Webhook Token');

    if (method === 'POST' && messageId === undefined) {
      const ephemeral = (Number((r.body as { flags?: number } | undefined)?.flags ?? 0) & MessageFlag.Ephemeral) !== 0;
      const msg = botMessage(this.ctx.world, r.body, {
        id: snowflake(),
        channelId: it.channelId,
        webhookId,
        interaction: { id: it.id, type: it.type, userId: it.userId },
      });
      it.followUps.push(msg);
      if (!ephemeral) this.echo('MESSAGE_CREATE', msg, it.guildId);
      return r.query.wait === 'true' ? json(200, msg) : json(204);
    }

    const isOriginal = messageId === '@original';
    const target = isOriginal ? it.original : it.followUps.find((m) => m.id === messageId);
    if (!target) return error(404, 10008, 'Unknown Message');
    const ephemeral = (target.flags & MessageFlag.Ephemeral) !== 0;
    if (method === 'GET') return json(200, target);
    if (method === 'DELETE') {
      if (isOriginal) it.original = undefined;
      else it.followUps = it.followUps.filter((m) => m !== target);
      if (!ephemeral)
        this.ctx.dispatch('MESSAGE_DELETE', {
          id: target.id,
          channel_id: target.channel_id,
          ...(it.guildId ? { guild_id: it.guildId } : {}),
        });
      return json(204);
    }
    const edited = editMessage(target, r.body, MessageFlag.Loading);
    if (isOriginal) {
      it.original = edited;
      it.answeredAt ??= r.at;
    } else it.followUps = it.followUps.map((m) => (m === target ? edited : m));
    if (!ephemeral) this.echo('MESSAGE_UPDATE', edited, it.guildId);
    return json(200, edited);
  }

  private createMessage(channelId: string, body: unknown): Reply {
    const { world } = this.ctx;
    const channel = findChannel(world, channelId);
    if (!channel) return error(404, 10003, 'Unknown Channel');
    const b = (body ?? {}) as { message_reference?: { message_id?: string; fail_if_not_exists?: boolean } };
    let referenced: MessageJson | undefined;
    if (b.message_reference?.message_id) {
      referenced = this.ctx.messages.get(b.message_reference.message_id);
      if (!referenced && b.message_reference.fail_if_not_exists !== false) {
        return json(400, {
          message: 'Invalid Form Body',
          code: 50035,
          errors: {
            message_reference: { _errors: [{ code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }] },
          },
        });
      }
    }
    const msg = botMessage(world, body, { id: snowflake(), channelId, ...(referenced ? { referenced } : {}) });
    const guildId = channel.type !== 1 ? world.guild.id : undefined;
    this.ctx.messages.set(msg.id, msg);
    this.echo('MESSAGE_CREATE', msg, guildId);
    return json(200, msg);
  }

  private changeOwnMessage(method: string, channelId: string, messageId: string, body: unknown): Reply {
    const { world } = this.ctx;
    const msg = this.ctx.messages.get(messageId);
    if (!msg || msg.channel_id !== channelId) return error(404, 10008, 'Unknown Message');
    const channel = findChannel(world, channelId);
    const guildId = channel && channel.type !== 1 ? world.guild.id : undefined;
    if (method === 'DELETE') {
      this.ctx.messages.delete(messageId);
      this.ctx.dispatch('MESSAGE_DELETE', {
        id: messageId,
        channel_id: channelId,
        ...(guildId ? { guild_id: guildId } : {}),
      });
      return json(204);
    }
    if ((msg.author as { id: string }).id !== world.botUser.id)
      return error(403, 50005, 'Cannot edit a message authored by another user');
    const edited = editMessage(msg, body);
    this.ctx.messages.set(messageId, edited);
    this.echo('MESSAGE_UPDATE', edited, guildId);
    return json(200, edited);
  }

  private echo(t: string, msg: MessageJson, guildId: string | undefined): void {
    if (this.ctx.echoBotMessages) this.ctx.dispatch(t, withGuildFields(this.ctx.world, msg, guildId));
  }
}

/** Which path segments are parameters: everything that is not a fixed word of Discord's routes. */
function isParam(s: string[], i: number): boolean {
  const fixed = new Set([
    'gateway',
    'bot',
    'users',
    '@me',
    'applications',
    'commands',
    'guilds',
    'interactions',
    'callback',
    'webhooks',
    'messages',
    '@original',
    'channels',
    'typing',
    'reactions',
    'members',
  ]);
  const seg = s[i]!;
  if (seg === '@original' || seg === '@me') return false;
  // Reactions take an emoji where a word could be; ids and tokens are never these words.
  if (s[i - 1] === 'reactions') return true;
  return !fixed.has(seg);
}

function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? path.includes(pattern) : pattern.test(path);
}

/** Whether a fault or delay rule is for this request: its method (any when none) and path. */
function appliesTo(rule: { method?: string; pathPattern: string | RegExp }, method: string, path: string): boolean {
  return (!rule.method || rule.method.toUpperCase() === method) && matches(rule.pathPattern, path);
}

/** `bucketKey` gives each route its own `X-RateLimit-Bucket`, as Discord's per-route buckets. */
function faultReply(f: FaultRule, bucketKey: string): Reply {
  if (f.status === 429) {
    const after = f.retryAfter ?? 1;
    return json(
      429,
      f.body ?? { message: 'You are being rate limited.', retry_after: after, global: f.global === true },
      {
        'retry-after': String(after),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String((Date.now() / 1000 + after).toFixed(3)),
        'x-ratelimit-reset-after': String(after),
        'x-ratelimit-bucket': createHash('sha1').update(bucketKey).digest('hex').slice(0, 32),
        'x-ratelimit-scope': f.global ? 'global' : 'user',
        ...(f.global ? { 'x-ratelimit-global': 'true' } : {}),
        ...f.headers,
      },
    );
  }
  return json(f.status, f.body ?? DEFAULT_BODIES[f.status] ?? { message: `${f.status}`, code: 0 }, f.headers);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON bodies as is; multipart bodies by their `payload_json` field, with files listed. */
async function parseBody(
  raw: Buffer,
  contentType: string,
): Promise<{ body: unknown; files: RecordedFile[]; parseError?: string }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType.startsWith('application/json')) {
    try {
      return { body: JSON.parse(raw.toString('utf8')), files: [] };
    } catch (e) {
      return { body: undefined, files: [], parseError: `body is not valid JSON: ${(e as Error).message}` };
    }
  }
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const files: RecordedFile[] = [];
    let body: unknown;
    let parseError: string | undefined;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') {
          try {
            body = JSON.parse(value);
          } catch (e) {
            parseError = `payload_json is not valid JSON: ${(e as Error).message}`;
          }
        }
      } else {
        const data = Buffer.from(await value.arrayBuffer());
        files.push({ field, filename: value.name, size: value.size, contentType: value.type, data });
      }
    }
    return { body, files, ...(parseError ? { parseError } : {}) };
  }
  return {
    body: raw.toString('utf8'),
    files: [],
    parseError: `unsupported content-type ${JSON.stringify(contentType)} (discord.js sends JSON or multipart)`,
  };
}
