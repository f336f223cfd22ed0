import { afterEach, describe, expect, it } from 'vitest';
import { log, redact, setLogLevel, setLogSink } from '../src/log.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.log-test-token';

describe('log', () => {
  let restore = () => {};
  afterEach(() => {
    restore();
    setLogLevel('info');
  });

  function capture(): string[] {
    const lines: string[] = [];
    restore = setLogSink((line) => lines.push(line));
    return lines;
  }

  it('drops lines below the level', () => {
    const lines = capture();
    setLogLevel('warn');
    log.info('quiet');
    log.warn('loud');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/WARN {2}loud$/);
  });

  it('masks the token in messages and error stacks', () => {
    const lines = capture();
    redact(TOKEN);
    log.error(`login with ${TOKEN} failed`, new Error(`401 for token ${TOKEN}`));
    expect(lines.join('\n')).not.toContain(TOKEN);
    expect(lines.join('\n')).toContain('[redacted]');
  });

  it('masks interaction tokens in webhook URLs', () => {
    const lines = capture();
    log.warn('PATCH /webhooks/123456789012345678/aW50ZXJhY3Rpb24.token-value/messages/@original failed');
    expect(lines[0]).toContain('/webhooks/123456789012345678/[token]/messages/@original');
  });
});
