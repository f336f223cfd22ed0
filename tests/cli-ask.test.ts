import { execFile } from 'node:child_process';

import { describe, expect, it } from 'vitest';
import { REPO, corpusDir } from './helpers.ts';


/** Runs the ask command as `npm run ask` does (tsx), feeding `input` on stdin. */
function ask(args: string[], input = ''): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], { cwd: REPO, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ stdout, stderr, code: error ? ((error as { code?: number }).code ?? 1) : 0 });
    });
    child.stdin!.end(input);
  });
}

describe('npm run ask', () => {
  it('--jsonl writes exactly one JSON line per question and nothing else', async () => {
    const { stdout, code } = await ask(['--jsonl'], 'Kdaj je Rusija vložila veto?\n\nKoliko stane hotel v Pjongjangu?\r\nTanjug\n');
    expect(code).toBe(0);
    const lines = stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(3);
    const answers = lines.map((l) => JSON.parse(l));
    expect(answers.map((a) => [a.question, a.answered])).toEqual([
      ['Kdaj je Rusija vložila veto?', true],
      ['Koliko stane hotel v Pjongjangu?', false],
      ['Tanjug', true],
    ]);
    const first = answers[0].passages[0];
    expect(Object.keys(first).sort()).toEqual(['date', 'doc', 'heading', 'highlights', 'id', 'paragraph', 'score', 'text', 'title'].sort());
    expect(first).toMatchObject({ id: 'putin-kim-2024-06#8', doc: 'putin-kim-2024-06', date: '2024-06', paragraph: 8, heading: 'Ne bodo dopuščali izsiljevanja Zahoda' });
    expect(first.text).toContain('marca v Varnostnem svetu ZN vložila veto');
    expect(typeof first.score).toBe('number');
    for (const [start, end] of first.highlights) expect(first.text.slice(start, end)).toMatch(/^\p{L}+$/u);
    expect(answers[1].passages.length).toBeGreaterThan(0);
  });

  it('prints a readable cited answer for one question', async () => {
    const { stdout, code } = await ask(['Kdo je podpisal sporazum o strateškem partnerstvu?']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\[1\] ¶ 1 · Putin in Kim Jong-un .* · 2024-06 · putin-kim-2024-06#1$/m);
    expect(stdout).toMatch(/^ {4}Najboljši stavek: „Ruski predsednik Vladimir Putin .*njuni državi\.“$/m);
    expect(stdout).toContain('Vladimir Putin in severnokorejski voditelj Kim Jong-un sta danes podpisala sporazum');
  });

  it('answers piped questions line by line without a prompt', async () => {
    const { stdout } = await ask([], 'Tanjug\nKoliko stane hotel v Pjongjangu?\n');
    expect(stdout).toContain('srbska tiskovna agencija Tanjug');
    expect(stdout).toContain('Članek na to vprašanje ne odgovarja.');
  });

  it('reports a broken corpus in one readable message, without a stack trace', async () => {
    const dir = await corpusDir({ 'bad.jsonl': '{"id": "a b"}\n' });
    const { stderr, stdout, code } = await ask(['--corpus', dir, 'vprašanje']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/bad\.jsonl:1: "id" must be letters/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects unknown options', async () => {
    const { stderr, code } = await ask(['--nope']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ask: Unknown option '--nope'/);
  });
});

