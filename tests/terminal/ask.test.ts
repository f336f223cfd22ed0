import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'vitest';
import { MAX_QUESTION_LENGTH } from '../../src/engine/index.ts';
import { REPO, corpusDir } from '../helpers.ts';

/**
 * Runs the ask command as `npm run ask` does (tsx), feeding `input` on stdin. The locale is set
 * (`LANG`, default a non-English one) and the other locale variables removed, so the developer's
 * own locale cannot change the language under test.
 */
function ask(
  args: string[],
  input = '',
  env: Record<string, string> = {},
): Promise<{ stdout: string; stderr: string; code: number; ms: number }> {
  const { LC_ALL: _all, LC_MESSAGES: _messages, LANG: _lang, ...rest } = process.env;
  const started = Date.now();
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'src/terminal/ask.ts', ...args],
      { cwd: REPO, env: { ...rest, NO_COLOR: '1', LANG: 'C.UTF-8', ...env }, maxBuffer: 1 << 24 },
      (error, stdout, stderr) => {
        resolve({
          stdout,
          stderr,
          code: error ? ((error as { code?: number }).code ?? 1) : 0,
          ms: Date.now() - started,
        });
      },
    );
    child.stdin!.end(input);
  });
}

// Every test is its own process and shares nothing with the others: run them side by side.
describe.concurrent('npm run ask', () => {
  it('--jsonl writes exactly one JSON line per question and nothing else', async ({ expect }) => {
    const { stdout, code } = await ask(
      ['--jsonl'],
      'Kdaj je Rusija vložila veto?\n\nKoliko stane hotel v Pjongjangu?\r\nTanjug\nHvala, kako si?\n',
    );
    expect(code).toBe(0);
    const lines = stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(4);
    const answers = lines.map((l) => JSON.parse(l));
    expect(answers.map((a) => [a.question, a.answered, a.smallTalk])).toEqual([
      ['Kdaj je Rusija vložila veto?', true, undefined],
      ['Koliko stane hotel v Pjongjangu?', false, undefined],
      ['Tanjug', true, undefined],
      // Small talk asks nothing: marked, so a script can tell it from a question the article lacks.
      ['Hvala, kako si?', false, true],
    ]);
    const first = answers[0].passages[0];
    expect(Object.keys(first).sort()).toEqual(
      ['date', 'doc', 'heading', 'highlights', 'id', 'paragraph', 'score', 'text', 'title'].sort(),
    );
    expect(first).toMatchObject({
      id: 'putin-kim-2024-06#8',
      doc: 'putin-kim-2024-06',
      date: '2024-06',
      paragraph: 8,
      heading: 'Ne bodo dopuščali izsiljevanja Zahoda',
    });
    expect(first.text).toContain('marca v Varnostnem svetu ZN vložila veto');
    expect(typeof first.score).toBe('number');
    for (const [start, end] of first.highlights) expect(first.text.slice(start, end)).toMatch(/^\p{L}+$/u);
    expect(answers[1].passages.length).toBeGreaterThan(0);
  });

  it('prints a readable cited answer for one question', async ({ expect }) => {
    const { stdout, code } = await ask(['Kdo je podpisal sporazum o strateškem partnerstvu?']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\[1\] ¶ 1 · Putin in Kim Jong-un .* · 2024-06 · putin-kim-2024-06#1$/m);
    expect(stdout).toMatch(/^ {4}Najboljši stavek: „Ruski predsednik Vladimir Putin .*njuni državi\.“$/m);
    expect(stdout).toContain('Vladimir Putin in severnokorejski voditelj Kim Jong-un sta danes podpisala sporazum');
  });

  it('prints exactly --limit passages, as many as --jsonl gives', async ({ expect }) => {
    const [text, json] = await Promise.all([
      ask(['--limit', '11', 'Putin']),
      ask(['--jsonl', '--limit', '11'], 'Putin\n'),
    ]);
    expect(JSON.parse(json.stdout).passages).toHaveLength(11);
    expect(text.stdout.match(/^\[\d+\] ¶/gm)).toHaveLength(11);
  });

  it('answers piped questions line by line, each repeated above its answer', async ({ expect }) => {
    const { stdout } = await ask([], 'Tanjug\n\nKoliko stane hotel v Pjongjangu?\n???\n');
    const blocks = stdout.trim().split(/\n(?=\? )/);
    expect(blocks.map((b) => b.split('\n')[0])).toEqual(['? Tanjug', '? Koliko stane hotel v Pjongjangu?', '? ???']);
    expect(blocks[0]).toContain('srbska tiskovna agencija Tanjug');
    expect(blocks[1]).toContain('Članek tega ne pove.');
    expect(blocks[2]).toMatch(/^\? \?\?\?\nVprašanje je prazno\./);
  });

  it('repeats a piped question without its control characters and direction marks', async ({ expect }) => {
    const { stdout } = await ask([], 'Kdo je \u001b[31mKim\u0007\u202e?\n');
    expect(stdout.split('\n')[0]).toBe('? Kdo je [31mKim?');
  });

  it('says an empty question is empty instead of answering it', async ({ expect }) => {
    // What counts as empty ("???", spaces) is checkQuestion's, tested with the console loop.
    const { stdout, stderr, code } = await ask(['']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('ask: Vprašanje je prazno. Napiši, kaj te zanima o članku.\n');
  });

  it("refuses a question over the limit at once, in the run's language", async ({ expect }) => {
    const long = 'Kdo je podpisal sporazum o strateškem partnerstvu? '.repeat(120);
    expect(long.length).toBeGreaterThan(6000);
    const { stdout, stderr, code, ms } = await ask([long], '', { LANG: 'en_GB.UTF-8' });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `ask: The question is too long (${long.trim().length} characters, at most ${MAX_QUESTION_LENGTH}). Ask something shorter.\n`,
    );
    // A loose sanity bound, not a benchmark: the refusal comes before the corpus is even loaded.
    expect(ms).toBeLessThan(20_000);
  });

  it('--jsonl answers an empty or over-long line with an error line, keeping one line per question', async ({
    expect,
  }) => {
    const long = 'sporazum '.repeat(700);
    const { stdout, code } = await ask(['--jsonl'], `Tanjug\n???\n${long}\n`);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ question: 'Tanjug', answered: true });
    expect(lines[1]).toEqual({ question: '???', error: 'Vprašanje je prazno. Napiši, kaj te zanima o članku.' });
    expect(lines[2]).toEqual({
      question: long.trim(),
      error: expect.stringMatching(/^Vprašanje je predolgo \(6299 znakov, največ 1000\)/),
    });
  });

  it('--jsonl with a question is a usage error, not a wait on stdin', async ({ expect }) => {
    const { stdout, stderr, code } = await ask(['--jsonl', 'Kdo je Kim?']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      expect.stringMatching(/^ask: --jsonl bere vprašanja s standardnega vhoda/),
      expect.stringMatching(/^Uporaba: npm run ask/),
      '',
    ]);
  });

  it('speaks English throughout when the system locale is English, Slovenian otherwise', async ({ expect }) => {
    const english = await ask(['Kdo je podpisal sporazum o strateškem partnerstvu?'], '', { LANG: 'en_US.UTF-8' });
    expect(english.stdout).toMatch(/^ {4}Best sentence: „/m);
    const englishError = await ask(['--limit', '0'], '', { LANG: 'sl_SI.UTF-8', LC_ALL: 'en_US.UTF-8' });
    expect(englishError.stderr.split('\n')).toEqual([
      'ask: --limit must be a whole number from 1 to 25',
      expect.stringMatching(/^Usage: /),
      '',
    ]);
    // The Slovenian side: every other test here runs with a non-English locale.
  });

  it('--verbose names the files in the corpus folder it did not read, and paragraphs of pages', async ({ expect }) => {
    const pasted = Array.from(
      { length: 60 },
      (_, i) => `To je ${i + 1}. vrstica strani o sporazumu, prilepljene brez praznih vrstic.`,
    ).join('\n');
    const dir = await corpusDir({
      'a.md': 'Kratek članek o sporazumu.',
      'b.md': `Uvod.\n\n${pasted}\n`,
      'notes.docx': 'x',
      '_osnutek.md': 'y',
    });
    await symlink(path.join(dir, 'a.md'), path.join(dir, 'link.md'));
    const { stderr, code } = await ask(['--corpus', dir, '--verbose', 'sporazum'], '', { LANG: 'en_US' });
    expect(code).toBe(0);
    expect(stderr.split('\n')).toEqual([
      'ask: skipped: link.md (a symbolic link, not followed)',
      'ask: skipped: notes.docx (not .md, .txt or .jsonl)',
      `ask: note: b.md:3: paragraph 2 is ${pasted.length} characters: are paragraphs separated by blank lines?`,
      '',
    ]);
    const slovenian = await ask(['--corpus', dir, '--verbose', 'sporazum']);
    expect(slovenian.stderr).toContain(
      `ask: preveri: b.md, vrstica 3: odstavek 2 ima ${pasted.length} znakov: so odstavki`,
    );
  });

  it('reports a broken corpus in one readable message, without a stack trace', async ({ expect }) => {
    const dir = await corpusDir({ 'bad.jsonl': '{"id": "a b"}\n', 'open.md': '---\ntitle: Naslov\n\nBesedilo.\n' });
    const { stderr, stdout, code } = await ask(['--corpus', dir, 'vprašanje']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      `ask: Korpusa v mapi ${dir} ni mogoče naložiti:`,
      '  bad.jsonl, vrstica 1: "id" so lahko le črke, števke, ".", "_" ali "-" (brez presledkov in "#"); manjka "title"; manjka "date"; manjka "text"',
      '  open.md, vrstica 1: glava, odprta z "---", ni zaprta: končaj jo z vrstico "---"',
      '',
    ]);
  });

  it('stops quietly when the reader closes the pipe early (`| head -1`)', async ({ expect }) => {
    const { LC_ALL: _all, LC_MESSAGES: _messages, LANG: _lang, ...rest } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/terminal/ask.ts', '--jsonl'], {
      cwd: REPO,
      env: { ...rest, NO_COLOR: '1', LANG: 'C.UTF-8' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `head -1`: read the first line, then close our end while answers are still coming.
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.end('Kdaj je Rusija vložila veto?\n'.repeat(2000));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('reads a relative --corpus from the folder the command was typed in (npm runs it from the repository root)', async ({
    expect,
  }) => {
    const { stdout, code } = await ask(['--corpus', '../corpus', 'veto'], '', { INIT_CWD: path.join(REPO, 'tests') });
    expect(code).toBe(0);
    expect(stdout).toMatch(/putin-kim-2024-06#8/);
  });

  it('lists twenty problems of a folder that is no corpus, then how many more', async ({ expect }) => {
    const files = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`k${i}.jsonl`, '{"id": "a b"}\n']));
    const { stderr, code } = await ask(['--corpus', await corpusDir(files), 'vprašanje']);
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(22);
    expect(lines.at(-1)).toBe('  … in še 5 napak');
  });

  it('takes --limit as plain digits only, and says a flag takes no value', async ({ expect }) => {
    for (const limit of ['1e1', '0x5', '-1'])
      expect((await ask([`--limit`, limit, 'veto'])).stderr).toMatch(
        /^ask: --limit mora biti celo število od 1 do 25\n/,
      );
    expect((await ask(['--verbose=yes', 'veto'])).stderr).toMatch(/^ask: možnost --verbose ne sprejme vrednosti\n/);
  });

  it("--help explains every option and the exit codes, in the run's language", async ({ expect }) => {
    const { stdout, stderr, code } = await ask(['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const option of ['--corpus', '--limit', '--index-cache', '--verbose', '--jsonl', '-h, --help'])
      expect(stdout).toMatch(new RegExp(`^  ${option} +\\S`, 'm'));
    expect(stdout).toContain('privzeto 3, največ 25');
    expect(stdout).toMatch(/^Izhodne kode: 0 /m);
    const english = await ask(['-h'], '', { LANG: 'en_GB.UTF-8' });
    expect(english.stdout).toMatch(/^Exit codes: 0 answered/m);
    expect(english.stdout).toContain('(default 3, at most 25)');
  });

  it('rejects unknown options with a usage line', async ({ expect }) => {
    const { stderr, code } = await ask(['--nope']);
    expect(code).toBe(2);
    expect(stderr.split('\n')).toEqual(['ask: neznana možnost --nope', expect.stringMatching(/^Uporaba: /), '']);
  });
});
