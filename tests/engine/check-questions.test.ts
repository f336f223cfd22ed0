/** The corpus's check questions: reading questions.jsonl, and scoring two indexes on it. */
import { Slices } from '../../src/engine/transfer/slices.ts';
import { describe, expect, it } from 'vitest';
import {
  compareCheckQuestions,
  Engine,
  LiveEngine,
  loadCheckQuestions,
  loadCorpus,
  parseCheckQuestions,
  scoreCheckQuestions,
} from '../../src/engine/index.ts';
import { CORPUS, corpusDir } from '../helpers.ts';

const ARTICLE = 'Putin je prispel v Pjongjang.\n\nKim ga je pričakal na letališču.\n';

describe('questions.jsonl', () => {
  it('reads question and expect (a passage id or null), naming the file and line of every bad line', () => {
    const content = [
      '{"question": "Kdo je prispel?", "expect": "a#1"}',
      '',
      '{"question": "Koliko stane?", "expect": null}',
      '{"question": "brez pričakovanja"}',
      'to ni JSON',
      '{"question": "", "expect": "a#1"}',
      '{"question": "Kdo?", "expect": 3}',
    ].join('\n');
    const { questions, problems } = parseCheckQuestions(content, 'questions.jsonl');
    expect(questions).toEqual([
      { question: 'Kdo je prispel?', expect: 'a#1', source: 'questions.jsonl:1' },
      { question: 'Koliko stane?', expect: null, source: 'questions.jsonl:3' },
    ]);
    expect(problems.map((p) => [p.file, p.line])).toEqual([
      ['questions.jsonl', 4],
      ['questions.jsonl', 5],
      ['questions.jsonl', 6],
      ['questions.jsonl', 7],
    ]);
    expect(problems[0]!.message).toBe('must be a JSON object with "question" and "expect"');
    expect(problems[1]!.message).toMatch(/^not valid JSON/);
    expect(problems[2]!.message).toBe('"question" must not be empty');
    expect(problems[3]!.message).toMatch(/^"expect" must be a passage id/);
  });

  it('is never read as an article, and a folder without one has no check questions', async () => {
    const dir = await corpusDir({ 'a.md': ARTICLE, 'questions.jsonl': '{"question": "Kdo?", "expect": null}\n' });
    const corpus = await loadCorpus(dir);
    expect(corpus.documents.map((d) => d.slug)).toEqual(['a']);
    expect((await loadCheckQuestions(dir)).questions).toHaveLength(1);
    expect(await loadCheckQuestions(await corpusDir({ 'a.md': ARTICLE }))).toEqual({ questions: [], problems: [] });
  });

  it('is Questions.jsonl in any case too: check questions, not a broken article file', async () => {
    const dir = await corpusDir({
      'a.md': ARTICLE,
      'Questions.jsonl': '{"question": "Kdo?", "expect": null}\n',
      'teme/QUESTIONS.JSONL': '{"question": "Kje?", "expect": "a#2"}\n',
    });
    expect((await loadCorpus(dir)).documents.map((d) => d.slug)).toEqual(['a']);
    expect(await loadCheckQuestions(dir)).toEqual({
      questions: [
        { question: 'Kdo?', expect: null, source: 'Questions.jsonl:1' },
        { question: 'Kje?', expect: 'a#2', source: 'teme/QUESTIONS.JSONL:1' },
      ],
      problems: [],
    });
  });

  it('reads a file saved with a byte order mark', async () => {
    const dir = await corpusDir({ 'a.md': ARTICLE, 'questions.jsonl': '\uFEFF{"question": "Kdo?", "expect": null}\n' });
    expect(await loadCheckQuestions(dir)).toEqual({
      questions: [{ question: 'Kdo?', expect: null, source: 'questions.jsonl:1' }],
      problems: [],
    });
  });

  it('refuses a file that is not UTF-8, naming the line, rather than read mangled questions', async () => {
    // "Kdo je podpisal sporazum o strateškem partnerstvu?" as Windows-1250 saves it: š is the byte 0x9A.
    const windows1250 = Buffer.concat([
      Buffer.from('{"question": "Kdo?", "expect": null}\n{"question": "Kdo je podpisal sporazum o strate'),
      Buffer.from([0x9a]),
      Buffer.from('kem partnerstvu?", "expect": "a#1"}\n'),
    ]);
    const dir = await corpusDir({ 'a.md': ARTICLE, 'questions.jsonl': windows1250 });
    expect(await loadCheckQuestions(dir)).toEqual({
      questions: [],
      problems: [{ file: 'questions.jsonl', line: 2, message: 'is not valid UTF-8 text (save the file as UTF-8)' }],
    });
  });

  it('ships a set for the shipped article that reads cleanly and names only passages the article has', async () => {
    const { questions, problems } = await loadCheckQuestions(CORPUS);
    expect(problems).toEqual([]);
    expect(questions.length).toBeGreaterThanOrEqual(10);
    const engine = await Engine.fromDirectory(CORPUS);
    for (const q of questions) if (q.expect !== null) expect(engine.passage(q.expect)).toBeDefined();
    expect(questions.some((q) => q.expect === null)).toBe(true);
  });
});

describe('scoring check questions', () => {
  it('counts hit@1 over questions with an expected passage and abstentions over all, and names what got worse', async () => {
    const dir = await corpusDir({ 'a.md': ARTICLE });
    const live = new LiveEngine(await Engine.fromDirectory(dir), dir);
    const questions = parseCheckQuestions(
      [
        '{"question": "Kdo je prispel v Pjongjang?", "expect": "a#1"}',
        '{"question": "Kje ga je Kim pričakal?", "expect": "a#2"}',
        '{"question": "Koliko stane nogometna žoga?", "expect": null}',
      ].join('\n'),
      'questions.jsonl',
    ).questions;
    const before = await scoreCheckQuestions(live.engine, questions);
    expect(before).toMatchObject({ answerable: 2, hits: 2, abstained: 1, abstainedAsExpected: 1 });
    // The second paragraph loses what answered its question; nothing is swapped by a preview.
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${dir}/a.md`, 'Putin je prispel v Pjongjang.\n\nNato je odpotoval naprej.\n');
    const preview = await live.preview();
    expect(preview.diff.changed).toEqual(['a#2']);
    expect(live.engine.passage('a#2')!.text).toBe('Kim ga je pričakal na letališču.');
    const comparison = await compareCheckQuestions(live.engine, preview.engine, questions);
    expect(comparison.after.hits).toBe(1);
    expect(comparison.worse.map((w) => [w.before.question.question, w.before.top, w.after.top])).toEqual([
      ['Kje ga je Kim pričakal?', 'a#2', comparison.worse[0]!.after.top],
    ]);
    expect(comparison.worse[0]!.after.met).toBe(false);
    expect(comparison.better).toEqual([]);
    // Scored a slice at a time, handing the answering thread back between them, to the same result.
    const slices = new Slices(0);
    expect(await compareCheckQuestions(live.engine, preview.engine, questions, slices)).toEqual(comparison);
    expect(slices.pauses).toBeGreaterThanOrEqual(questions.length);
  });

  it('tells an answer that only moved to a new id from a worse one, and lists expected ids no index has', async () => {
    // A title of its own: without one the first line is the title (though a new title, as below,
    // does not make a moved passage a changed one either).
    const head = '---\ntitle: Obisk\ndate: 2024-06\n---\n';
    const dir = await corpusDir({ 'a.md': `${head}${ARTICLE}` });
    const live = new LiveEngine(await Engine.fromDirectory(dir), dir);
    const questions = parseCheckQuestions(
      [
        '{"question": "Kje ga je Kim pričakal?", "expect": "a#2"}',
        '{"question": "Kdo je prispel v Pjongjang?", "expect": "a#7"}',
      ].join('\n'),
      'questions.jsonl',
    ).questions;
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${dir}/a.md`, `${head.replace('Obisk', 'Obisk v Pjongjangu')}Popravek.\n\n${ARTICLE}`);
    const comparison = await compareCheckQuestions(live.engine, (await live.preview()).engine, questions);
    expect(comparison.worse).toEqual([]);
    expect(comparison.moved.map((m) => [m.before.top, m.after.top])).toEqual([['a#2', 'a#3']]);
    expect(comparison.unknownExpects.map((q) => q.expect)).toEqual(['a#7']);
  });

  it('tells an answer from a paragraph renumbered and edited at once from a worse one', async () => {
    const head = '---\ntitle: Obisk\ndate: 2024-06\n---\n';
    const three =
      'Putin je prispel v Pjongjang.\n\nKim ga je pričakal na letališču marca.\n\nNato sta podpisala sporazum.\n';
    const dir = await corpusDir({ 'a.md': `${head}${three}` });
    const live = new LiveEngine(await Engine.fromDirectory(dir), dir);
    const questions = parseCheckQuestions(
      '{"question": "Kje ga je Kim pričakal?", "expect": "a#2"}',
      'q.jsonl',
    ).questions;
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${dir}/a.md`, `${head}Popravek.\n\n${three.replace('marca', 'aprila')}`);
    const preview = await live.preview();
    expect(preview.diff).toMatchObject({ added: ['a#1'], removed: [], changed: ['a#3'] });
    const comparison = await compareCheckQuestions(
      live.engine,
      preview.engine,
      questions,
      undefined,
      preview.diff.moved,
    );
    expect(comparison.worse).toEqual([]);
    expect(comparison.moved.map((m) => [m.before.top, m.after.top])).toEqual([['a#2', 'a#3']]);
  });

  it('counts a part of a split paragraph as its paragraph', async () => {
    const long = Array.from(
      { length: 24 },
      (_, i) => `Stavek številka ${i + 1} govori o temi ${i + 1} in še o nečem.`,
    ).join(' ');
    const engine = Engine.fromDocuments([
      { slug: 'a', title: 'Dolgo', date: '2024-06', lang: 'sl', text: long, bodyStart: 0, source: 'a.md' },
    ]);
    const first = engine.passages[0]!.id;
    expect(first).toMatch(/^a#1\.\d$/);
    const q = parseCheckQuestions('{"question": "Kaj pravi stavek številka 1?", "expect": "a#1"}', 'q.jsonl').questions;
    expect((await scoreCheckQuestions(engine, q)).hits).toBe(1);
  });
});
