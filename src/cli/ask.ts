/**
 * `npm run ask -- "vprašanje"`: a cited answer in the terminal.
 *
 *   npm run ask -- "Kdo je podpisal sporazum?"     one answer
 *   npm run ask                                    interactive prompt until EOF (Ctrl-D); piped
 *                                                  questions are repeated above their answers
 *   npm run --silent ask -- --jsonl < questions    one JSON line per question, nothing else on stdout
 *   --corpus DIR                                   another corpus folder (default: corpus/)
 *   --limit N                                      passages per answer (default 3)
 *   --index-cache DIR                              reuse a saved index while the corpus is unchanged
 *   --verbose                                      say on stderr which corpus files were skipped
 *
 * Messages are in Slovenian, or English when the system locale is English (see `systemLocale`).
 * Exit codes: 0 answered, 1 the corpus cannot be loaded, 2 bad usage or a question that cannot
 * be asked (empty, or longer than `MAX_QUESTION_LENGTH`).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadEngine } from '../engine/index-cache.ts';
import { CorpusError, formatProblem } from '../engine/corpus/corpus-error.ts';
import { listCorpusFiles } from '../engine/corpus/list-files.ts';
import { checkQuestion } from '../engine/question-limit.ts';
import type { Answer } from '../engine/types.ts';
import type { Engine } from '../engine/engine.ts';
import { refusalText } from '../discord/i18n.ts';
import { answerAsText } from '../render/answer-as-text.ts';
import { systemLocale, terminalText, useColor } from '../render/terminal.ts';
import { answerLines } from '../console.ts';
import { DEFAULT_CORPUS_DIR } from './paths.ts';

/** More passages than Discord shows in one message (10 embeds) is a report, not an answer. */
const MAX_LIMIT = 25;
/** 1 also covers unexpected failures; 2 is what the person typed. */
const EXIT = { ok: 0, corpus: 1, usage: 2 } as const;

const locale = systemLocale();
const text = terminalText(locale);

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

/** A usage problem: what is wrong, then how it is used. */
function usageError(message: string): number {
  console.error(`ask: ${message}`);
  console.error(text.usage);
  return EXIT.usage;
}

/** Node's parseArgs errors, in the run's language. */
function describeParseError(error: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return text.unknownOption(option);
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return text.missingValue(option.split(' ')[0]!);
  return error.message;
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      corpus: { type: 'string', default: DEFAULT_CORPUS_DIR },
      jsonl: { type: 'boolean', default: false },
      limit: { type: 'string', default: '3' },
      'index-cache': { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

/** `--jsonl`: a JSON line for every non-blank input line; a question that cannot be asked gets `{question, error}`. */
async function answerJsonLines(engine: Engine, limit: number): Promise<void> {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    const check = checkQuestion(line);
    const json = check.ok ? answerToJsonLine(engine.ask(check.question, { limit })) : JSON.stringify({ question: line.trim(), error: refusalText(check, locale) });
    process.stdout.write(`${json}\n`);
  }
}

async function main(): Promise<number> {
  let args;
  try {
    args = parse();
  } catch (error) {
    return usageError(describeParseError(error as Error));
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(text.usage);
    return EXIT.ok;
  }
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return usageError(text.badLimit(MAX_LIMIT));
  if (values.jsonl && positionals.length > 0) return usageError(text.jsonlWithQuestion);
  // Checked before the corpus is loaded: a question that cannot be asked is refused at once.
  const single = positionals.length > 0 ? checkQuestion(positionals.join(' ')) : undefined;
  if (single && !single.ok) {
    console.error(`ask: ${refusalText(single, locale)}`);
    return EXIT.usage;
  }

  let engine: Engine;
  try {
    engine = await loadEngine(values.corpus, values['index-cache'], (problem) => console.error(`ask: ${text.cacheProblem(problem)}`));
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error;
    console.error(`ask: ${text.corpusUnusable(values.corpus)}`);
    for (const problem of error.problems) console.error(`  ${formatProblem(problem)}`);
    return EXIT.corpus;
  }
  if (values.verbose) {
    for (const skipped of (await listCorpusFiles(values.corpus)).skipped) console.error(`ask: ${text.skipped(skipped)}`);
  }
  const color = useColor(process.stdout);
  if (values.jsonl) await answerJsonLines(engine, limit);
  else if (single) console.log(answerAsText(engine.ask(single.question, { limit }), { color, locale }));
  else {
    const info = engine.info();
    await answerLines({
      input: process.stdin,
      output: process.stdout,
      ask: (question) => engine.ask(question, { limit }),
      locale,
      color,
      banner: text.banner(info.documents.length, info.passageCount, info.version),
    });
  }
  return EXIT.ok;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`ask: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
