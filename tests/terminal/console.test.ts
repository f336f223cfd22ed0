// The console loop that `npm start` and `npm run ask` share.
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerLines, runConsole } from '../../src/terminal/console.ts';
import { LiveEngine } from '../../src/engine/index.ts';
import { visitEngine } from '../helpers.ts';

const engine = visitEngine();
const BOLD = '\u001b[1m';

/** Runs the loop over `lines`, with an output that claims to be a terminal or not. */
async function transcript(lines: string, options: { tty: boolean; color?: boolean }): Promise<string> {
  const output = Object.assign(new PassThrough(), { isTTY: options.tty });
  let text = '';
  output.on('data', (d: Buffer) => (text += d.toString()));
  await answerLines({
    input: Readable.from([lines]),
    output,
    ask: (q) => engine.ask(q),
    locale: 'sl',
    color: options.color ?? false,
  });
  return text;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the console of npm start', () => {
  it('honours NO_COLOR like npm run ask', async () => {
    const run = async () => {
      const output = Object.assign(new PassThrough(), { isTTY: true });
      let text = '';
      output.on('data', (d: Buffer) => (text += d.toString()));
      await runConsole(new LiveEngine(engine, ''), { input: Readable.from(['Kdo je prispel v Pjongjang?\n']), output });
      return text;
    };
    vi.stubEnv('NO_COLOR', '');
    expect(await run()).toContain(BOLD);
    vi.stubEnv('NO_COLOR', '1');
    expect(await run()).not.toContain(BOLD);
  });
});

describe('the question loop', () => {
  it('repeats piped questions above their answers, skips blank lines and refuses what cannot be asked', async () => {
    const text = await transcript('Kdo je prispel?\n\n   \n???\n', { tty: false });
    expect(text).toMatch(/^\? Kdo je prispel\?\n\[1\] ¶ 1 · Obisk · 2024-06 · a#1\n/);
    expect(text).toContain('\n? ???\nVprašanje je prazno. Napiši, kaj te zanima o članku.\n');
    expect(text.match(/^\? /gm)).toHaveLength(2);
  });

  it('refuses a question over the limit without asking the engine', async () => {
    const ask = vi.fn(() => engine.ask('x'));
    const output = new PassThrough();
    let text = '';
    output.on('data', (d: Buffer) => (text += d.toString()));
    await answerLines({ input: Readable.from([`${'Kdo '.repeat(1500)}\n`]), output, ask, locale: 'en', color: false });
    expect(ask).not.toHaveBeenCalled();
    expect(text).toMatch(/The question is too long \(5999 characters, at most 1000\)\./);
  });
});
