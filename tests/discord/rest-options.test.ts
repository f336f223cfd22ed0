import { describe, expect, it } from 'vitest';
import { logRetriedResponse, routeOf, withRetriedResponsesLogged } from '../../src/discord/rest-options.ts';
import { setLogSink } from '../../src/log.ts';

const TOKEN = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4.secret-part_1';

function response(status: number, headers: Record<string, string> = {}) {
  return { status, headers: new Headers(headers) } as unknown as Parameters<typeof logRetriedResponse>[2];
}

function captured(run: () => unknown): string[] {
  const lines: string[] = [];
  const restore = setLogSink((line) => lines.push(line));
  try {
    run();
  } finally {
    restore();
  }
  return lines;
}

describe('routeOf', () => {
  it('names the route without the base URL, version, query, ids or tokens', () => {
    expect(
      routeOf(`http://127.0.0.1:9/api/v10/interactions/123456789012345678/${TOKEN}/callback?with_response=false`),
    ).toBe('/interactions/:id/:token/callback');
    expect(routeOf(`https://discord.com/api/v10/webhooks/123456789012345678/${TOKEN}/messages/@original`)).toBe(
      '/webhooks/:id/:token/messages/@original',
    );
    expect(routeOf('https://proxy.example/discord/v10/channels/123456789012345678/messages')).toBe(
      '/channels/:id/messages',
    );
  });
});

describe('logging the responses discord.js retries', () => {
  const url = `http://127.0.0.1:9/api/v10/interactions/123456789012345678/${TOKEN}/callback`;

  it('says nothing of a success or a client error', () => {
    expect(captured(() => logRetriedResponse('POST', url, response(204)))).toEqual([]);
    expect(captured(() => logRetriedResponse('POST', url, response(404)))).toEqual([]);
  });

  it('names a 429 with its wait and a 5xx, never the token', () => {
    const lines = captured(() => {
      logRetriedResponse('post', url, response(429, { 'retry-after': '2' }));
      logRetriedResponse('post', url, response(503));
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /WARN .*rate limited \(429\) on POST \/interactions\/:id\/:token\/callback: retrying after 2 s$/,
    );
    expect(lines[1]).toMatch(/WARN .*Discord answered 503 to POST \/interactions\/:id\/:token\/callback$/);
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  it('passes the response on unchanged', async () => {
    const answer = response(502);
    const makeRequest = withRetriedResponsesLogged(async () => answer);
    const lines: string[] = [];
    const restore = setLogSink((line) => lines.push(line));
    try {
      expect(await makeRequest(url, { method: 'GET' })).toBe(answer);
    } finally {
      restore();
    }
    expect(lines).toHaveLength(1);
  });
});
