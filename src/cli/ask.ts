/**
 * `npm run ask -- "vprašanje"`: a cited answer in the terminal.
 *
 *   npm run ask -- "Kdo je podpisal sporazum?"     one answer
 *   npm run ask                                    interactive prompt until EOF (Ctrl-D)
 *   npm run --silent ask -- --jsonl < questions    one JSON line per question, nothing else on stdout
 *   --corpus DIR                                   another corpus folder (default: corpus/)
 *   --limit N                                      passages per answer (default 3)
 *   --index-cache DIR                              reuse a saved index while the corpus is unchanged
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadEngine } from '../engine/index-cache.ts';
import { CorpusError } from '../engine/corpus/corpus-error.ts';
import type { Answer } from '../engine/types.ts';
import { answerAsText } from '../render/answer-as-text.ts';
import { DEFAULT_CORPUS_DIR } from './paths.ts';

/** The `--jsonl` contract: one object per question, passages best first. */
function answerToJsonLine(answer: Answer): string {
  return JSON.stringify({
    question: answer.question,
    answered: answer.answered,
    confidence: answer.confidence,
    passages: answer.passages.map(({ passage, score, highlights }) => ({
      id: passage.id,
      doc: passage.doc,
      title: passage.title,
      date: passage.date,
      paragraph: passage.paragraph,
      heading: passage.heading,
      text: passage.text,
      score,
      highlights: highlights.map((h) => [h.start, h.end]),
    })),
  });
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        corpus: { type: 'string', default: DEFAULT_CORPUS_DIR },
        jsonl: { type: 'boolean', default: false },
        limit: { type: 'string', default: '3' },
        'index-cache': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`ask: ${(error as Error).message}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log('Uporaba: npm run ask -- "vprašanje" [--corpus MAPA] [--limit N] [--index-cache MAPA] | npm run --silent ask -- --jsonl < vprašanja.txt');
    return 0;
  }
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 25) {
    console.error('ask: --limit must be a whole number from 1 to 25');
    return 2;
  }
  const engine = await loadEngine(values.corpus, values['index-cache'], (problem) => console.error(`ask: ${problem}`));
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

  if (values.jsonl) {
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      const question = line.trim();
      if (question === '') continue;
      process.stdout.write(`${answerToJsonLine(engine.ask(question, { limit }))}\n`);
    }
    return 0;
  }

  if (positionals.length > 0) {
    console.log(answerAsText(engine.ask(positionals.join(' '), { limit }), { color }));
    return 0;
  }

  const interactive = Boolean(process.stdin.isTTY);
  if (interactive) {
    const info = engine.info();
    console.log(`odlomek: ${info.documents.length} članek/ov, ${info.passageCount} odlomkov (različica ${info.version}). Vprašajte kar koli o članku; konec s Ctrl-D.`);
  }
  const rl = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, prompt: '? ', terminal: interactive });
  if (interactive) rl.prompt();
  for await (const line of rl) {
    const question = line.trim();
    if (question !== '') console.log(`${answerAsText(engine.ask(question, { limit }), { color })}\n`);
    if (interactive) rl.prompt();
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof CorpusError ? error.message : `ask: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
