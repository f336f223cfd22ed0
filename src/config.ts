/**
 * Configuration: one zod schema over the environment (after dotenv), read once at startup.
 * Errors are one line per bad variable and never repeat a value, so a token pasted into the
 * wrong variable cannot end up in a terminal scroll-back or a CI log.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import type { z } from 'zod';
// zod as the engine has it: bundled for `npm start`, its CommonJS build under tsx (src/engine/util/zod.ts).
import { zod } from './engine/index.ts';
import { DEFAULT_CORPUS_DIR, DEFAULT_DATA_DIR, REPO_ROOT } from './paths.ts';
import { parseShardIds } from './shard-ids.ts';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Discord ids (snowflakes) are 64-bit numbers: 17 to 20 decimal digits for any date Discord has existed. */
const SNOWFLAKE = /^\d{17,20}$/;
const snowflake = zod.string().regex(SNOWFLAKE, 'must be a Discord id (17–20 digits)');

/** Empty strings (`DISCORD_GUILD_ID=` in .env) mean "not set", like a missing line. */
function optional<T extends z.ZodType>(schema: T) {
  return zod.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
}

/** Longest wait or cooldown we accept: an hour; anything longer is a typo (minutes for seconds) rather than a wish. */
export const MAX_SECONDS = 3600;

/**
 * A whole number of `unit` from `min` to `max`, written in plain decimal digits (`10`, not
 * `0x10`, `1e3` or `10.0`, which JavaScript's Number would take), each problem said in the unit's
 * words; `maxNote` says why the maximum is what it is. Unset: undefined (see `withDefault`).
 */
function wholeNumber(unit: string, min: number, max: number, maxNote = '') {
  return optional(
    zod
      .string()
      .trim()
      .transform((text, context) => {
        if (/^-?\d+$/.test(text)) return Number(text);
        context.addIssue({
          code: 'custom',
          message: /^-?(\d+\.\d*|\.\d+)$/.test(text)
            ? `must be a whole number of ${unit}`
            : Number.isFinite(Number(text))
              ? `must be a whole number of ${unit} in plain digits, such as 10`
              : `must be a number of ${unit}`,
        });
        return zod.NEVER;
      })
      .pipe(
        zod
          .number()
          .min(min, min === 0 ? 'must be 0 or more' : `must be at least ${min}`)
          .max(max, `must be at most ${max}${maxNote}`),
      ),
  );
}

/** `wholeNumber`, `fallback` when unset. */
function withDefault(unit: string, min: number, max: number, fallback: number, maxNote = '') {
  return wholeNumber(unit, min, max, maxNote).transform((n) => n ?? fallback);
}

/** Whole seconds from 0 (off) up to `MAX_SECONDS`. */
function seconds(fallback: number) {
  return withDefault('seconds', 0, MAX_SECONDS, fallback);
}

/**
 * How long the bot may go without a gateway connection (at start or after a drop) before it
 * gives up and exits 1 for a supervisor to restart it; also how long `deploy-commands` waits
 * for Discord. About a minute: discord.js gets several attempts (a handshake may take 30 s),
 * and a person watching the start does not wait much longer than that for a verdict.
 */
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 60;

/**
 * How long a member waits between channel questions: long enough that one member cannot flood a
 * channel with answers, short enough for a follow-up question after reading one.
 */
export const DEFAULT_COOLDOWN_SECONDS = 10;

/** How long an answer's buttons keep working: a week covers a conversation that is picked up again. */
export const DEFAULT_ANSWER_TTL_DAYS = 7;

/** Longest retention we accept: a year; the answer state is for buttons, not an archive. */
const MAX_ANSWER_TTL_DAYS = 365;

/** Unclear or unanswered questions kept per server by default (oldest dropped); see `/unanswered`. */
export const DEFAULT_UNANSWERED_LOG_MAX = 10_000;

/** Most we accept: a million entries of up to 1000 characters is already a gigabyte per server. */
const MAX_UNANSWERED_LOG = 1_000_000;

/** `true`/`false` (also 1/0, yes/no, on/off), as people write switches in .env files. */
function flag(fallback: boolean) {
  return optional(
    zod
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => /^(true|false|1|0|yes|no|on|off)$/.test(v), 'must be true or false')
      .transform((v) => /^(true|1|yes|on)$/.test(v)),
  ).transform((b) => b ?? fallback);
}

/**
 * How long after Discord created an interaction the bot may still answer it with one reply
 * (milliseconds). Discord forgets an interaction that is not acknowledged within 3 s; an answer
 * not ready by then is deferred ("thinking…") and edited in when ready. The engine answers in
 * about a millisecond, so this only matters when the bot is behind: a burst of questions, a slow
 * host. Leaves a second and a half for the reply (or the defer) to reach Discord: with 2000,
 * `npm run bench:bot` lost 2 % of a burst of 1 000 distinct questions (their defers left too
 * late); with 1500 none, and the burst's answers came sooner, not later.
 */
export const DEFAULT_REPLY_BUDGET_MS = 1500;
/** The most the budget may be: the reply itself still needs time to reach Discord within its 3 s. */
export const MAX_REPLY_BUDGET_MS = 2500;

/**
 * How long a REST request may go unanswered before discord.js aborts and retries it (its own
 * default). Interaction callbacks get far less (see `discord/rest-options.ts`): Discord forgets an
 * interaction after 3 s.
 */
export const DEFAULT_REST_TIMEOUT_SECONDS = 15;

/** More shards than any bot has (Discord suggests one per 1 000 to 2 500 servers): a typo rather than a wish. */
const MAX_SHARDS = 65_536;

const schema = zod
  .object({
    DISCORD_TOKEN: optional(
      zod
        .string()
        .trim()
        // The portal shows the token alone; "Bot " is the Authorization scheme, which discord.js adds.
        .refine(
          (token) => !/^Bot\s/i.test(token),
          'must not start with "Bot ": paste only the token, the part after "Bot "',
        )
        .refine((token) => /^\S+$/.test(token) || /^Bot\s+\S+$/i.test(token), 'must be a single word without spaces'),
    ),
    DISCORD_API_URL: optional(
      zod
        .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' })
        // discord.js appends the API version itself; accept a pasted `/v10` but drop it.
        .transform((u) => u.replace(/\/+$/, '').replace(/\/v\d+$/, '')),
    ).transform((u) => u ?? 'https://discord.com/api'),
    DISCORD_APPLICATION_ID: optional(snowflake),
    DISCORD_GUILD_ID: optional(snowflake),
    CORPUS_DIR: optional(zod.string()).transform((d) => d ?? DEFAULT_CORPUS_DIR),
    INDEX_CACHE_DIR: optional(zod.string()),
    QA_CHANNEL_IDS: optional(zod.string())
      .transform((s) =>
        (s ?? '')
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== ''),
      )
      .pipe(zod.array(zod.string().regex(SNOWFLAKE, 'must be comma-separated Discord channel ids'))),
    // Any case, as PRIVATE_ANSWERS: `INFO` is what many other programs' settings say.
    LOG_LEVEL: optional(
      zod
        .string()
        .trim()
        .toLowerCase()
        .pipe(zod.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
    ).transform((l) => l ?? 'info'),
    COOLDOWN_SECONDS: seconds(DEFAULT_COOLDOWN_SECONDS),
    DISCORD_CONNECT_TIMEOUT_SECONDS: seconds(DEFAULT_CONNECT_TIMEOUT_SECONDS),
    DATA_DIR: optional(zod.string()).transform((d) => d ?? DEFAULT_DATA_DIR),
    // This host's name among the bot's hosts (reload reports name it); default: machine name and pid.
    HOST_NAME: optional(
      zod
        .string()
        .trim()
        .regex(/^[\w.-]{1,64}$/, 'must be 1–64 letters, digits, dots, dashes or underscores'),
    ),
    // PostgreSQL instead of SQLite in DATA_DIR, for shards on several hosts sharing one database.
    // The message never repeats the value: it holds a password.
    DATABASE_URL: optional(
      zod
        .string()
        .trim()
        .refine((u) => {
          try {
            const url = new URL(u);
            return /^postgres(ql)?:$/.test(url.protocol) && url.hostname !== '';
          } catch {
            return false;
          }
        }, 'must be a PostgreSQL URL such as postgres://user:password@host:5432/database'),
    ),
    ANSWER_TTL_DAYS: withDefault('days', 1, MAX_ANSWER_TTL_DAYS, DEFAULT_ANSWER_TTL_DAYS),
    PRIVATE_ANSWERS: flag(false),
    UNANSWERED_LOG_MAX: withDefault('questions', 1, MAX_UNANSWERED_LOG, DEFAULT_UNANSWERED_LOG_MAX),
    SHARD_COUNT: wholeNumber('shards', 1, MAX_SHARDS),
    SHARD_IDS: optional(
      zod.string().transform((spec, context) => {
        try {
          return parseShardIds(spec);
        } catch (error) {
          context.addIssue({ code: 'custom', message: `${(error as Error).message} (e.g. 0-7 or 8,9,10)` });
          return zod.NEVER;
        }
      }),
    ),
    DISCORD_REST_TIMEOUT_SECONDS: withDefault('seconds', 1, MAX_SECONDS, DEFAULT_REST_TIMEOUT_SECONDS),
    REPLY_BUDGET_MS: withDefault(
      'milliseconds',
      0,
      MAX_REPLY_BUDGET_MS,
      DEFAULT_REPLY_BUDGET_MS,
      ' (Discord waits 3000 ms)',
    ),
  })
  .superRefine((config, context) => {
    // Each host would otherwise take Discord's recommended count on its own, which changes as the
    // bot grows: two hosts counting differently split the servers between shards differently.
    if (Array.isArray(config.SHARD_IDS) && config.SHARD_COUNT === undefined)
      context.addIssue({
        code: 'custom',
        path: ['SHARD_IDS'],
        message: 'needs SHARD_COUNT too, the same on every host that shares the bot',
      });
  });

export type Config = z.output<typeof schema>;

/** Thrown by `loadConfig`; `message` is one line per bad variable, `lines` the same as an array. */
export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Validates the environment once. Throws `ConfigError` naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const byVariable = new Map<string, string>();
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? 'config');
    // First problem per variable is enough to fix it; later ones often restate it.
    if (!byVariable.has(name)) byVariable.set(name, `${name}: ${issue.message}`);
  }
  throw new ConfigError([...byVariable.values()]);
}

/**
 * The `.env` an entry point reads: the working directory's, else the repository's (beside
 * package.json), so a bot started from another folder (a systemd unit, `node /srv/odlomek/launch/main.mjs`)
 * still finds its settings. Undefined when neither has one.
 */
export function envFile(cwd: string = process.cwd(), repoRoot: string = REPO_ROOT): string | undefined {
  return [cwd, repoRoot].map((dir) => path.join(dir, '.env')).find((file) => existsSync(file));
}

/**
 * Where the settings came from, for the start's log: an operator whose bot does something
 * unexpected first wants to know which `.env` it read (only one is: the folder's replaces the
 * repository's).
 */
export function describeSettingsSource(cwd?: string, repoRoot?: string): string {
  const file = envFile(cwd, repoRoot);
  return file
    ? `settings: ${file} (variables set in the environment win)`
    : 'settings: the environment only (no .env in the folder it was started in, nor in the repository)';
}

/** What to do when DISCORD_TOKEN is missing, for the lines that say so. */
export function setTokenStep(repoRoot: string = REPO_ROOT): string {
  return `copy .env.example to ${path.join(repoRoot, '.env')} and set DISCORD_TOKEN in it (README, "Running the Discord bot", step 2)`;
}

/** Variables that name folders: written relative in a `.env`, they are relative to that file. */
const FOLDER_VARIABLES = new Set(['CORPUS_DIR', 'DATA_DIR', 'INDEX_CACHE_DIR']);

/**
 * Reads `envFile()` into `env`; variables `env` already has win, as with dotenv everywhere. A
 * relative folder in the file is taken from the file's folder: the repository's `.env` read by a
 * service started in `/` said `DATA_DIR=data`, which meant a new, empty `/data`.
 */
export function readEnvFile(
  env: Record<string, string | undefined> = process.env,
  cwd?: string,
  repoRoot?: string,
): void {
  const file = envFile(cwd, repoRoot);
  if (!file) return;
  for (const [name, value] of Object.entries(dotenv.parse(readFileSync(file)))) {
    if (env[name] !== undefined) continue;
    const folder = FOLDER_VARIABLES.has(name) && value !== '' && !path.isAbsolute(value);
    env[name] = folder ? path.resolve(path.dirname(file), value) : value;
  }
}

/**
 * An entry point's configuration: `.env` read into the environment (variables already set win,
 * so tests and hosts can override it; see `envFile` for which one), then validated. Invalid values
 * are printed on stderr, one line per variable, and give undefined: the caller exits 1.
 */
export function readConfig(): Config | undefined {
  readEnvFile();
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const line of error.lines) console.error(line);
    return undefined;
  }
}
