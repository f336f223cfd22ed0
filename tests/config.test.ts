import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, describeSettingsSource, envFile, loadConfig, readEnvFile } from '../src/config.ts';
import { DEFAULT_CORPUS_DIR, DEFAULT_DATA_DIR } from '../src/paths.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.secret-token-value';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('fills defaults from an empty environment', () => {
    expect(loadConfig({})).toEqual({
      DISCORD_API_URL: 'https://discord.com/api',
      CORPUS_DIR: DEFAULT_CORPUS_DIR,
      QA_CHANNEL_IDS: [],
      LOG_LEVEL: 'info',
      COOLDOWN_SECONDS: 10,
      DISCORD_CONNECT_TIMEOUT_SECONDS: 60,
      DATA_DIR: DEFAULT_DATA_DIR,
      ANSWER_TTL_DAYS: 7,
      PRIVATE_ANSWERS: false,
      UNANSWERED_LOG_MAX: 10_000,
      DISCORD_REST_TIMEOUT_SECONDS: 15,
      REPLY_BUDGET_MS: 1500,
    });
  });

  it('takes PRIVATE_ANSWERS as a switch and UNANSWERED_LOG_MAX as a count, refusing anything else', () => {
    expect(loadConfig({ PRIVATE_ANSWERS: 'true', UNANSWERED_LOG_MAX: '500' })).toMatchObject({
      PRIVATE_ANSWERS: true,
      UNANSWERED_LOG_MAX: 500,
    });
    expect(loadConfig({ PRIVATE_ANSWERS: 'Off' }).PRIVATE_ANSWERS).toBe(false);
    expect(() => loadConfig({ PRIVATE_ANSWERS: 'maybe' })).toThrow(/^PRIVATE_ANSWERS: must be true or false$/);
    for (const bad of ['0', '2.5', 'many', '1000001'])
      expect(() => loadConfig({ UNANSWERED_LOG_MAX: bad })).toThrow(/^UNANSWERED_LOG_MAX: /);
  });

  it('takes DATA_DIR and ANSWER_TTL_DAYS, refusing a retention that is not whole days from 1 to 365', () => {
    expect(loadConfig({ DATA_DIR: '/var/lib/odlomek', ANSWER_TTL_DAYS: '30' })).toMatchObject({
      DATA_DIR: '/var/lib/odlomek',
      ANSWER_TTL_DAYS: 30,
    });
    for (const bad of ['0', '1.5', '366', 'week'])
      expect(() => loadConfig({ ANSWER_TTL_DAYS: bad })).toThrow(/^ANSWER_TTL_DAYS: /);
  });

  it('takes DATABASE_URL as a PostgreSQL URL, never repeating the value (it holds a password) when refusing it', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
    for (const good of ['postgres://bot:geslo@db.example:5432/odlomek', 'postgresql://localhost/odlomek'])
      expect(loadConfig({ DATABASE_URL: good }).DATABASE_URL).toBe(good);
    for (const bad of ['mysql://bot:skrito-geslo@db/odlomek', 'skrito-geslo', 'postgres:///odlomek']) {
      const refusal = (() => {
        try {
          loadConfig({ DATABASE_URL: bad });
        } catch (error) {
          return (error as Error).message;
        }
        return 'accepted';
      })();
      expect(refusal).toMatch(/^DATABASE_URL: must be a PostgreSQL URL/);
      expect(refusal).not.toContain('skrito');
    }
  });

  it('treats empty values as unset, as a blank line in .env means', () => {
    const config = loadConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '', QA_CHANNEL_IDS: ' ', COOLDOWN_SECONDS: '' });
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.DISCORD_GUILD_ID).toBeUndefined();
    expect(config.QA_CHANNEL_IDS).toEqual([]);
    expect(config.COOLDOWN_SECONDS).toBe(10);
  });

  it('parses every variable', () => {
    const config = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: 'http://127.0.0.1:4000/api/',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_GUILD_ID: '223456789012345678',
      CORPUS_DIR: '/tmp/corpus',
      QA_CHANNEL_IDS: '323456789012345678, 423456789012345678',
      LOG_LEVEL: 'debug',
      COOLDOWN_SECONDS: '0',
    });
    expect(config).toMatchObject({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: 'http://127.0.0.1:4000/api',
      QA_CHANNEL_IDS: ['323456789012345678', '423456789012345678'],
      LOG_LEVEL: 'debug',
      COOLDOWN_SECONDS: 0,
    });
  });

  it('drops a pasted /v10 because discord.js appends the version itself', () => {
    expect(loadConfig({ DISCORD_API_URL: 'https://proxy.example/api/v10' }).DISCORD_API_URL).toBe(
      'https://proxy.example/api',
    );
  });

  it('reports one line per bad variable, each naming it', () => {
    const error = errorOf({
      DISCORD_API_URL: 'discord.com',
      DISCORD_GUILD_ID: 'my-server',
      QA_CHANNEL_IDS: '323456789012345678,general',
      LOG_LEVEL: 'loud',
      COOLDOWN_SECONDS: '-5',
    });
    expect(error.lines).toHaveLength(5);
    expect(error.message.split('\n')).toEqual(error.lines);
    expect(error.lines.map((l) => l.split(':')[0])).toEqual([
      'DISCORD_API_URL',
      'DISCORD_GUILD_ID',
      'QA_CHANNEL_IDS',
      'LOG_LEVEL',
      'COOLDOWN_SECONDS',
    ]);
    expect(error.message).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });

  it('never repeats the token, not even when the token itself is bad', () => {
    const bad = `${TOKEN} trailing words`;
    const error = errorOf({ DISCORD_TOKEN: bad, LOG_LEVEL: TOKEN });
    expect(error.lines[0]).toMatch(/^DISCORD_TOKEN: /);
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).not.toContain('secret');
  });

  it('reads the connection deadline in whole seconds, 0 meaning never give up', () => {
    expect(loadConfig({ DISCORD_CONNECT_TIMEOUT_SECONDS: '5' }).DISCORD_CONNECT_TIMEOUT_SECONDS).toBe(5);
    expect(loadConfig({ DISCORD_CONNECT_TIMEOUT_SECONDS: '0' }).DISCORD_CONNECT_TIMEOUT_SECONDS).toBe(0);
    expect(errorOf({ DISCORD_CONNECT_TIMEOUT_SECONDS: 'a minute' }).lines).toEqual([
      'DISCORD_CONNECT_TIMEOUT_SECONDS: must be a number of seconds',
    ]);
  });

  it('says that "Bot " is not part of the token, without repeating the token', () => {
    for (const pasted of [`Bot ${TOKEN}`, `bot  ${TOKEN}`]) {
      const error = errorOf({ DISCORD_TOKEN: pasted });
      expect(error.lines).toEqual([
        'DISCORD_TOKEN: must not start with "Bot ": paste only the token, the part after "Bot "',
      ]);
      expect(error.message).not.toContain('secret');
    }
  });

  it('reads the reply budget in milliseconds, leaving the reply time to reach Discord within its 3 s', () => {
    expect(loadConfig({ REPLY_BUDGET_MS: '0' }).REPLY_BUDGET_MS).toBe(0);
    expect(loadConfig({ REPLY_BUDGET_MS: '1500' }).REPLY_BUDGET_MS).toBe(1500);
    expect(errorOf({ REPLY_BUDGET_MS: '3000' }).lines).toEqual([
      'REPLY_BUDGET_MS: must be at most 2500 (Discord waits 3000 ms)',
    ]);
    expect(errorOf({ REPLY_BUDGET_MS: '1.5' }).lines).toEqual([
      'REPLY_BUDGET_MS: must be a whole number of milliseconds',
    ]);
  });

  it('takes LOG_LEVEL in any case, as PRIVATE_ANSWERS', () => {
    expect(loadConfig({ LOG_LEVEL: 'INFO' }).LOG_LEVEL).toBe('info');
    expect(loadConfig({ LOG_LEVEL: ' Debug ' }).LOG_LEVEL).toBe('debug');
    expect(errorOf({ LOG_LEVEL: 'LOUD' }).lines).toEqual(['LOG_LEVEL: must be one of debug, info, warn, error']);
  });

  it('takes every number only in plain decimal digits (not hexadecimal, exponents or 10.0)', () => {
    const numeric: [string, string][] = [
      ['COOLDOWN_SECONDS', 'seconds'],
      ['DISCORD_CONNECT_TIMEOUT_SECONDS', 'seconds'],
      ['DISCORD_REST_TIMEOUT_SECONDS', 'seconds'],
      ['ANSWER_TTL_DAYS', 'days'],
      ['UNANSWERED_LOG_MAX', 'questions'],
      ['SHARD_COUNT', 'shards'],
      ['REPLY_BUDGET_MS', 'milliseconds'],
    ];
    for (const [name, unit] of numeric) {
      expect(loadConfig({ [name]: ' 16 ' })[name as 'COOLDOWN_SECONDS']).toBe(16);
      for (const bad of ['0x10', '1e3', '+16', '16_0', 'Infinity'])
        expect(errorOf({ [name]: bad }).lines).toEqual([
          bad === 'Infinity' || bad === '16_0'
            ? `${name}: must be a number of ${unit}`
            : `${name}: must be a whole number of ${unit} in plain digits, such as 10`,
        ]);
      expect(errorOf({ [name]: '16.0' }).lines).toEqual([`${name}: must be a whole number of ${unit}`]);
    }
  });

  it('rejects a cooldown that is not a whole number', () => {
    expect(errorOf({ COOLDOWN_SECONDS: '2.5' }).lines).toEqual(['COOLDOWN_SECONDS: must be a whole number of seconds']);
    expect(errorOf({ COOLDOWN_SECONDS: 'soon' }).lines).toEqual(['COOLDOWN_SECONDS: must be a number of seconds']);
  });
});

describe('the .env file', () => {
  const folder = () => mkdtemp(path.join(tmpdir(), 'odlomek-env-'));

  it("is the repository's when the working folder has none (a service started elsewhere), the environment winning", async () => {
    const [repo, elsewhere] = [await folder(), await folder()];
    await writeFile(path.join(repo, '.env'), 'DISCORD_TOKEN=from-the-repository\nLOG_LEVEL=debug\n');
    expect(envFile(elsewhere, repo)).toBe(path.join(repo, '.env'));
    const env: Record<string, string | undefined> = { LOG_LEVEL: 'warn' };
    readEnvFile(env, elsewhere, repo);
    expect(env).toEqual({ DISCORD_TOKEN: 'from-the-repository', LOG_LEVEL: 'warn' });
  });

  it("is named at the start, one file only: the folder's replaces the repository's", async () => {
    const [repo, here] = [await folder(), await folder()];
    expect(describeSettingsSource(here, repo)).toBe(
      'settings: the environment only (no .env in the folder it was started in, nor in the repository)',
    );
    await writeFile(path.join(repo, '.env'), 'LOG_LEVEL=debug\n');
    await writeFile(path.join(here, '.env'), 'LOG_LEVEL=warn\n');
    expect(describeSettingsSource(here, repo)).toBe(
      `settings: ${path.join(here, '.env')} (variables set in the environment win)`,
    );
  });

  it('takes a relative folder in it from its own folder, not from where the service was started', async () => {
    const [repo, elsewhere] = [await folder(), await folder()];
    await writeFile(path.join(repo, '.env'), 'DATA_DIR=data\nCORPUS_DIR=./corpus\nINDEX_CACHE_DIR=/var/cache/o\n');
    const env: Record<string, string | undefined> = {};
    readEnvFile(env, elsewhere, repo);
    expect(env).toEqual({
      DATA_DIR: path.join(repo, 'data'),
      CORPUS_DIR: path.join(repo, 'corpus'),
      INDEX_CACHE_DIR: '/var/cache/o',
    });
  });

  it("is the working folder's when it has one", async () => {
    const [repo, here] = [await folder(), await folder()];
    await writeFile(path.join(repo, '.env'), 'LOG_LEVEL=debug\n');
    await writeFile(path.join(here, '.env'), 'COOLDOWN_SECONDS=5\n');
    const env: Record<string, string | undefined> = {};
    readEnvFile(env, here, repo);
    expect(env).toEqual({ COOLDOWN_SECONDS: '5' });
  });

  it('is none when neither folder has one', async () => {
    expect(envFile(await folder(), await folder())).toBeUndefined();
  });
});
