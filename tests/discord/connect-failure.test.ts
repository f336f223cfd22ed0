/** Which failures to reach Discord are worth another try, and how a failure is put in one line. */
import { describe, expect, it } from 'vitest';
import { describeConnectFailure, isTokenRefused } from '../../src/discord/connect-failure.ts';
import { describeAttempts, isUnreachable } from '../../src/discord/login-retry.ts';

/** An error as Node's sockets and DNS raise it. */
const systemError = (code: string, message: string) => Object.assign(new Error(message), { code });
const context = { apiUrl: 'http://127.0.0.1:4010/api', timeoutSeconds: 60 };

describe('reaching Discord', () => {
  it('tries again after a refused connection, a DNS failure, a reset, no answer or a 5xx, not after a refusal', () => {
    for (const [code, message] of [
      ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:4010'],
      ['ENOTFOUND', 'getaddrinfo ENOTFOUND proxy.internal'],
      ['EAI_AGAIN', 'getaddrinfo EAI_AGAIN proxy.internal'],
      ['ECONNRESET', 'read ECONNRESET'],
    ])
      expect(isUnreachable(systemError(code!, message!))).toBe(true);
    // undici wraps the socket's error.
    expect(isUnreachable(new TypeError('fetch failed', { cause: systemError('ECONNREFUSED', 'refused') }))).toBe(true);
    expect(isUnreachable(Object.assign(new Error('This operation was aborted'), { name: 'AbortError' }))).toBe(true);
    expect(isUnreachable(Object.assign(new Error('Bad Gateway'), { status: 502 }))).toBe(true);
    expect(isUnreachable(Object.assign(new Error('401: Unauthorized'), { status: 401 }))).toBe(false);
    expect(isUnreachable(new Error('Used disallowed intents'))).toBe(false);
    expect(isUnreachable('ECONNREFUSED')).toBe(false);
  });

  it('names the last connection failure and the attempts, but not a request that got no answer', () => {
    expect(describeAttempts(systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'), 3)).toBe(
      'connect ECONNREFUSED 127.0.0.1:9 (3 attempts)',
    );
    expect(describeAttempts(Object.assign(new Error('aborted'), { name: 'AbortError' }), 1)).toBeUndefined();
  });

  it('says what to do about a wrong API address, a server the bot is not in, or another application id', () => {
    expect(describeConnectFailure(Object.assign(new Error('404: Not Found'), { status: 404 }), context)).toMatch(
      /^Discord's API at http:\/\/127\.0\.0\.1:4010\/api answered 404 Not Found: check DISCORD_API_URL/,
    );
    const refusal = (code: number, message: string) => Object.assign(new Error(message), { code, status: 403 });
    expect(describeConnectFailure(refusal(50001, 'Missing Access'), context)).toMatch(/applications\.commands scope/);
    expect(describeConnectFailure(refusal(20012, 'You are not authorized'), context)).toMatch(
      /DISCORD_APPLICATION_ID names another application/,
    );
  });

  it('takes a refused token from the status, not from a 401 somewhere in the text (a port)', () => {
    expect(describeConnectFailure(systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:4010'), context)).toBe(
      'connect ECONNREFUSED 127.0.0.1:4010',
    );
    expect(describeConnectFailure(Object.assign(new Error('Unauthorized'), { status: 401 }), context)).toMatch(
      /^Discord refused DISCORD_TOKEN/,
    );
    expect(describeConnectFailure(new Error('An invalid token was provided.'), context)).toMatch(
      /^Discord refused DISCORD_TOKEN/,
    );
  });

  it("counts discord.js's missing-token failures as the token refused only after Discord answered 401", () => {
    const missing = new Error('Expected token to be set for this request, but none was present');
    // A stop drops the token too: what fails after it is no refusal.
    expect(isTokenRefused(missing)).toBe(false);
    expect(isTokenRefused(Object.assign(new Error('401: Unauthorized'), { status: 401 }))).toBe(true);
    expect(isTokenRefused(missing)).toBe(true);
  });
});
