/**
 * `npm run ask -- "vprašanje"`: a cited answer in the terminal.
 *
 *   npm run ask -- "Kdo je podpisal sporazum?"     one answer
 *   npm run ask                                    interactive prompt until EOF (Ctrl-D); piped
 *                                                  questions are repeated above their answers
 *   npm run --silent ask -- --jsonl < questions    one JSON line per question, nothing else on stdout
 *   --corpus DIR                                   another corpus folder (default: corpus/)
 *   --limit N                                      passages per answer (default DEFAULT_PASSAGES_PER_ANSWER, 3)
 *   --index-cache DIR                              reuse a saved index while the corpus is unchanged
 *   --verbose                                      say on stderr which corpus files were skipped, and the corpus's notes
 *
 * Messages are in Slovenian, or English when the system locale is English (see `systemLocale`).
 * Exit codes: 0 answered, 1 the corpus cannot be loaded, 2 bad usage or a question that cannot
 * be asked (empty, or longer than `MAX_QUESTION_LENGTH`).
 */
import { parseArgs } from 'node:util';
import {
  checkQuestion,
  CorpusError,
  DEFAULT_PASSAGES_PER_ANSWER,
  listCorpusFiles,
  loadEngine,
  type Engine,
} from '../engine/index.ts';
import { DEFAULT_CORPUS_DIR, fromStartFolder } from '../paths.ts';
import { runScript } from '../run-script.ts';
import { refusalText } from '../view/strings.ts';
import { answerText } from './answer-text.ts';
import { answerLines } from './console.ts';
import { systemLocale, useColor } from './environment.ts';
import { answerJsonLine, refusalJsonLine } from './jsonl.ts';
import { forEachQuestion } from './question-lines.ts';
import { corpusErrorLines, terminalStrings } from './strings.ts';

/** Most passages `--limit` allows: beyond this an answer becomes a listing of the article. */
const MAX_LIMIT = 25;
/** 1 also covers unexpected failures; 2 is what the person typed. */
const EXIT = { ok: 0, corpus: 1, usage: 2 } as const;

const locale = systemLocale();
const strings = terminalStrings(locale);

/** A usage problem: what is wrong, then how it is used. */
function usageError(message: string): number {
  console.error(`ask: ${message}`);
  console.error(strings.usage);
  return EXIT.usage;
}

/** Node's parseArgs errors, in the run's language. */
function describeParseError(error: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return strings.unknownOption(option);
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = option.split(' ')[0]!;
    if (/does not take an argument/.test(error.message)) return strings.takesNoValue(name);
    // "--limit -1": a value that looks like an option.
    if (name === '--limit') return strings.badLimit(MAX_LIMIT);
    return strings.missingValue(name);
  }
  return error.message;
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      corpus: { type: 'string', default: DEFAULT_CORPUS_DIR },
      jsonl: { type: 'boolean', default: false },
      limit: { type: 'string', default: String(DEFAULT_PASSAGES_PER_ANSWER) },
      'index-cache': { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

/** `--jsonl`: a JSON line for every non-blank input line; a question that cannot be asked gets `{question, error}`. */
async function answerJsonLines(engine: Engine, limit: number): Promise<void> {
  const reply = (line: string) => {
    const check = checkQuestion(line);
    return `${check.ok ? answerJsonLine(engine.ask(check.question, { limit })) : refusalJsonLine(line, refusalText(check, locale))}\n`;
  };
  await forEachQuestion({ input: process.stdin, output: process.stdout, reply, conversation: false });
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
    console.log(`${strings.usage}\n\n${strings.help(DEFAULT_PASSAGES_PER_ANSWER, MAX_LIMIT)}`);
    return EXIT.ok;
  }
  // Plain digits only: Number() also reads "1e1", "0x5" and " 4 ".
  const limit = /^\d+$/.test(values.limit) ? Number(values.limit) : Number.NaN;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return usageError(strings.badLimit(MAX_LIMIT));
  // Folders typed on the command line are where the user is, not the repository root npm runs from.
  const corpusDir = values.corpus === DEFAULT_CORPUS_DIR ? values.corpus : fromStartFolder(values.corpus);
  const cacheDir = values['index-cache'] === undefined ? undefined : fromStartFolder(values['index-cache']);
  if (values.jsonl && positionals.length > 0) return usageError(strings.jsonlWithQuestion);
  // Checked before the corpus is loaded: a question that cannot be asked is refused at once.
  const single = positionals.length > 0 ? checkQuestion(positionals.join(' ')) : undefined;
  if (single && !single.ok) {
    console.error(`ask: ${refusalText(single, locale)}`);
    return EXIT.usage;
  }

  let engine: Engine;
  try {
    engine = await loadEngine(corpusDir, cacheDir, (problem) => console.error(`ask: ${strings.cacheProblem(problem)}`));
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error;
    const [first, ...problems] = corpusErrorLines(corpusDir, error, locale);
    for (const line of [`ask: ${first}`, ...problems]) console.error(line);
    return EXIT.corpus;
  }
  if (values.verbose) {
    for (const skipped of (await listCorpusFiles(corpusDir)).skipped) console.error(`ask: ${strings.skipped(skipped)}`);
    for (const note of engine.notes) console.error(`ask: ${strings.note(note)}`);
  }
  const color = useColor(process.stdout);
  if (values.jsonl) await answerJsonLines(engine, limit);
  else if (single) console.log(answerText(engine.ask(single.question, { limit }), { color, locale }));
  else {
    const info = engine.info();
    await answerLines({
      input: process.stdin,
      output: process.stdout,
      ask: (question) => engine.ask(question, { limit }),
      locale,
      color,
      banner: strings.banner(info.documents.length, info.passageCount, info.version),
    });
  }
  return EXIT.ok;
}

runScript('ask', main);
