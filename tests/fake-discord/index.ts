/**
 * # Fake Discord for end-to-end tests
 *
 * A protocol-faithful stand-in for Discord (REST API v10 + gateway) on 127.0.0.1, for running the
 * real bot — or any discord.js 14 `Client` — offline. Every REST body the bot sends is validated
 * against Discord's OpenAPI spec (`tests/fixtures/discord-api-spec/openapi.json`) plus the limits the
 * spec cannot express and the project's "never ping anyone" rule. Nothing here reaches discord.com.
 *
 * ## Starting it and pointing discord.js at it
 * ```ts
 * import { startFakeDiscord, guardNetwork } from './fake-discord/index.ts';
 * const guard = guardNetwork();                 // optional: refuse any non-loopback socket
 * const fake = await startFakeDiscord();        // FakeDiscordOptions, all optional
 * const client = new Client({ intents, rest: fake.restOptions, allowedMentions: { parse: [] } });
 * //   or rest: { api: fake.apiBaseUrl }   (apiBaseUrl = http://127.0.0.1:PORT/api; REST adds /v10)
 * await client.login(fake.token);               // GET /gateway/bot → ws://127.0.0.1:PORT/gateway
 * await fake.waitForIdentify();                 // READY + GUILD_CREATE sent (client 'clientReady' follows)
 * ...
 * fake.assertNoProblems();                      // throws on invalid bodies, unexpected routes, fake bugs
 * await client.destroy(); await fake.close(); guard.restore();
 * ```
 * For the bot as a child process: `DISCORD_API_URL=fake.apiBaseUrl`, `DISCORD_TOKEN=fake.token`.
 *
 * ## A scenario
 * ```ts
 * it('answers /ask without pinging anyone, surviving a 429', async () => {
 *   fake.failNext({ method: 'POST', pathPattern: '/callback', status: 429, retryAfter: 1 });
 *   const ask = fake.sendInteraction({ command: 'ask', options: { question: 'Kdaj je bil obisk?' } });
 *   const reply = await ask.reply();              // type 4 data, or type 5 + first PATCH @original
 *   expect(reply.content + JSON.stringify(reply.embeds)).toMatch(/junij/);
 *   expect(reply.request.validationErrors).toEqual([]);
 *   expect(fake.pingsOf(reply.request)).toEqual({ users: [], roles: [], everyone: false, repliedUser: false });
 *   expect(ask.requests.filter((r) => r.path.endsWith('/callback')).map((r) => r.status)).toEqual([429, 204]);
 *   fake.assertNoProblems();
 * });
 * ```
 *
 * ## API (all exported from this file)
 * - `startFakeDiscord(options?: FakeDiscordOptions): Promise<FakeDiscord>` (= `FakeDiscord.start`).
 *   Options: `token` (default `DEFAULT_TOKEN`), `heartbeatIntervalMs` (41250), `allowPrivilegedIntents`
 *   (true; false → IDENTIFY with Message Content/Members/Presences is closed with 4014),
 *   `echoBotMessages` (true: the bot's own messages come back as MESSAGE_CREATE/UPDATE, as on Discord),
 *   `interactionDeadlineMs` (3000: a later first callback gets 404 10062 Unknown interaction),
 *   `shards` (1: the count `GET /gateway/bot` recommends and IDENTIFY must name, else 4010; the
 *   guild's id is chosen so its events go to the last shard, DMs go to shard 0), `maxConcurrency`
 *   (1: `session_start_limit.max_concurrency`; two identifies of one bucket within 5 s are recorded
 *   in `gateway.identifyViolations`, which `assertNoProblems` reports), `port` (a free one: the
 *   loopback port to listen on, for a Discord that comes up where a bot already looks).
 * - `FakeDiscord` properties: `token`, `apiBaseUrl`, `restOptions` ({api, cdn, mediaProxy}),
 *   `gatewayUrl`, `world` (ids: `world.application.id`, `world.botUser`, `world.guild.id`,
 *   `world.channels.general|questions|voice` (voice: type 2, for refusals), `world.roles.everyone|readers|moderator|bot`,
 *   `world.users.alice|moderator|otherBot`), `requests: RecordedRequest[]`,
 *   `validationErrors: string[]` ("METHOD /path: problem"), `unexpectedRequests`, `internalErrors`,
 *   `gatewayFrames: GatewayFrame[]`, `commands: {global, guild}` (as last PUT/POSTed, with ids),
 *   `pendingFaults`, `interactions` / `messages` (the fake's state), `gateway` (`FakeGateway`:
 *   `sessions`, `sessionOf(shard)`, `identifies` ({shard, at}), `identifyViolations`, `connectionUrls`,
 *   `ackHeartbeats = false` to test zombie detection, `refuseIdentify = true` to close every IDENTIFY
 *   with 4004 although REST accepts the token, as for a token reset while the bot runs).
 * - REST: `waitForRequest(predicate, timeoutMs = 5000): Promise<RecordedRequest>` (past or future,
 *   resolved after the fake answered); `failNext({ method?, pathPattern: string | RegExp, status,
 *   retryAfter?, global?, body?, headers?, times? = 1 })` — 429 answers carry `Retry-After`,
 *   `X-RateLimit-Limit/Remaining/Reset/Reset-After/Bucket/Scope` and Discord's JSON body; other
 *   statuses Discord's default body. `pathPattern` matches the decoded path below /api/v10
 *   (`/messages/@original`, `/callback`, `/channels/<id>/messages`).
 *   `hangNext({ method?, pathPattern, times? = 1, afterHandling? })` — matching requests are
 *   recorded (status 0, `injected`) and never answered, as behind a proxy that holds connections
 *   (`times: Infinity` for all of them); with `afterHandling` they are carried out first and only
 *   the answer is lost (a retried callback then meets 40060).
 *   `slowNext({ method?, pathPattern, ms, times? = 1 })` — the fake takes `ms` longer over
 *   matching requests after they arrived, as a slow check would; its time stamps do not move.
 * - Drivers: `sendInteraction(InteractionOptions): InteractionHandle` with options `command`,
 *   `kind: 'command' | 'autocomplete' | 'message-command' | 'button'` (a message command takes
 *   `target`, the message it runs on, sent as `data.target_id` + `data.resolved.messages`; a button
 *   takes `message` and `customId`, dispatched as interaction type 3 with the whole message, as
 *   Discord does), `options` ({name: value} or `RawOption[]`), `subcommand`,
 *   `focused`, `user: 'alice' | 'moderator' | 'otherBot' | FakeUser`, `dm`, `channelId`,
 *   `permissions` (bigint | string; default from roles: alice has no Manage Guild, moderator does),
 *   `appPermissions`, `locale` (must be a Discord locale; default `en-US` — `sl` does not exist).
 *   When the bot registered the command through the fake, `data.id`/`data.guild_id` are the registered
 *   ones, option types come from the definition and an undeclared option name throws; user, role and
 *   channel options get `data.resolved`.
 *   Shorthands: `pressButton({ message, customId, user?, locale? })`,
 *   `runMessageCommand({ name, target, user?, locale? })`; `findMessage(id)` is any message as it is
 *   now (a channel message, or an interaction's response or follow-up after every edit).
 *   `InteractionHandle`: `id`, `token`, `payload`, `seq`, `callback(t?)`, `reply(t?): VisibleReply`
 *   ({content, embeds, flags, ephemeral, deferred, callbackType, body, request}: callback 4, 5 then
 *   the first edit, or 7 — the button's message updated in place), `choices(t?)`,
 *   `followUp(index?, t?)`, `waitFor(pred, t?)`, `requests`, `state` (callbackType, original message
 *   after edits, followUps; `dispatchedAt`, `acknowledgedAt` (first successful callback) and
 *   `answeredAt` (type 4 reply, or the first edit after a type 5) as `Date.now()` when that
 *   request arrived, before the fake checked it, which `npm run bench:bot` times bursts with:
 *   `fake.interactions.get(token)`).
 *   Multipart requests keep their files, bytes included (`RecordedRequest.files[i].data`).
 *   `sendMessage(MessageOptions): MessageHandle` with `content`, `channelId`, `dm`, `author`,
 *   `replyTo` (message id, e.g. the bot's answer `(reply.response as {id}).id`), `replyPing`,
 *   `canMentionEveryone`, `webhook`. `MessageHandle`: `message`, `seq` (`undefined` if the bot's
 *   intents exclude it), `reply(t?)` (next POST to that channel), `expectNoReply(ms = 500)`.
 *   `dispatch(t, d)` for any other event.
 * - Gateway controls: `setGatewayMode('open' | 'refuse' | 'silent')` for new connections (`refuse`
 *   drops them at once like a firewall, `silent` never answers the upgrade like a proxy that
 *   swallows it), `waitForGatewayAttempt(t?)` ({mode, path}), `requestReconnect(shard?)` (op 7),
 *   `waitForResume(t?): ResumeInfo` ({sessionId, shard, clientSeq, replayed, path}),
 *   `waitForGatewayClose(t?)` ({connection, code}), `closeGateway(code, reason?, shard?)`,
 *   `invalidateSession(resumable?, shard?)` (op 9; `false` also forgets the session, so a RESUME of it
 *   is refused), `requestHeartbeat(shard?)` (op 1), `waitForIdentify(t?)` (every shard identified).
 *   Controls go to the most recent connection, or to `shard`'s.
 * - Checks: `validateRequest(method, path, body): string[]`, `validateRequestDetailed` (+ `rejected`,
 *   `operationId`, `template`), `matchOperation`, `warmUpValidator()`, `messageProblems`,
 *   `commandProblems`, `pingsOf(body): Pings`, `fake.pingsOf(request)`, `assertNoProblems()`,
 *   `guardNetwork(onBlocked?): NetworkGuard` ({blocked, restore}); for child processes
 *   `NETWORK_GUARD_PRELOAD` (`tsx --import <it> src/main.ts`: refused attempts are printed to stderr as
 *   `network guard: refused host:port`).
 *
 * ## What is validated (every request body, recorded in `RecordedRequest.validationErrors`)
 * - The operation's request schema from Discord's spec (ajv 2020, compiled once per process); any
 *   route in the spec is matched, a body sent to a route the spec lacks is an error.
 * - content ≤ 2000 (also for channel messages, where the spec says 4000); embeds: 6000 total,
 *   description ≤ 4096, title/field name/author ≤ 256, field value ≤ 1024, ≤ 25 fields, footer ≤ 2048;
 *   new messages not empty; autocomplete ≤ 25 choices, name and value ≤ 100; commands: lower-case
 *   names, descriptions 1–100, required options first, no duplicates; `default_member_permissions`
 *   may be a digit string.
 * - Policy (prefixed `[policy]`): every body with `content`/`embeds` carries
 *   `allowed_mentions: { parse: [] }` and no `users`/`roles` allow-list. Policy problems are
 *   reported but answered normally; anything else Discord would refuse is answered
 *   400 `{code: 50035, message: 'Invalid Form Body'}` so the bot sees what production would do.
 * - Discord's other refusals: 401 without `Authorization: Bot <token>` on bot routes (interaction
 *   and webhook-token routes need none), 40060 on a second acknowledgement, 10062 after the deadline,
 *   50035 for callback type 8 outside autocomplete and types 6/7 outside a button press (type 7
 *   edits the message the button sits on: another interaction's `@original` or a channel message),
 *   10015 for webhook calls before the acknowledgement, 10003/10008 unknown channel/message, replies
 *   to unknown messages unless `fail_if_not_exists: false`.
 * - Reported, not refused (prefixed `[protocol]`): a missing `User-Agent: DiscordBot (url, version)`;
 *   also reported: a path outside `/api/v10`.
 * - Gateway: `?v=10&encoding=json` (4012/4002 otherwise), IDENTIFY token (4004), 4003 for payloads
 *   before IDENTIFY, 4005 for a second one, 4010 for a shard outside `shards`, identify concurrency
 *   (`max_concurrency` buckets, 5 s), intents (events the
 *   bot did not subscribe to are not sent; without Message Content, guild message text is blanked
 *   unless the bot is mentioned), sequence numbers, RESUME replay of missed dispatches.
 *
 * ## Known limitations
 * - One guild, a fixed small world (with several shards, only the guild's shard and shard 0 for DMs
 *   see events); channel permission overwrites are not modelled (the
 *   bot may post anywhere the world has), so 50013 Missing Permissions never happens by itself
 *   (inject it with `failNext({ status: 403, body: { code: 50013, message: 'Missing Permissions' } })`).
 * - No real rate limiting: only injected 429s; no `X-RateLimit-*` headers on normal answers.
 * - The spec has no `additionalProperties: false`: a misspelt field passes the schema.
 * - JSON encoding only, no zlib-stream; no voice, presences, threads, reactions beyond 204s.
 * - Re-IDENTIFY within 5 s of the previous one is delayed by discord.js's identify throttle
 *   (op 9 `false`, close 4007/1000). `ShardingManager` with `totalShards: 'auto'` asks discord.com
 *   directly — pass a number (`npm run start:sharded` asks `GET /gateway/bot` on DISCORD_API_URL).
 * - `session_start_limit.remaining` never runs out.
 * - Message lengths are counted in UTF-16 code units (never fewer than Discord counts).
 * - The 3-second interaction deadline is real time: a 429 with `retryAfter` ≥ 3 on the first
 *   callback makes the retry fail with 10062, as it would on Discord.
 */
export * from './server.ts';
export * from './openapi-validator.ts';
export * from './limits.ts';
export * from './mentions.ts';
export * from './network-guard.ts';
export * from './recorder.ts';
export * from './rest.ts';
export * from './gateway.ts';
export * from './payloads.ts';
export * from './messages.ts';
export * from './snowflake.ts';
export * from './world.ts';
