/**
 * The console face: questions on stdin, cited answers on stdout, from the same engine the bot
 * uses. It is what `npm start` does without a Discord token, so a fresh checkout is useful at once;
 * `npm run ask` without a question runs the same loop.
 */
import { createInterface } from 'node:readline';
import type { LiveEngine } from './engine/engine.ts';
import type { Answer } from './engine/types.ts';
import { checkQuestion } from './engine/question-limit.ts';
import { refusalText, type Locale } from './discord/i18n.ts';
import { answerAsText } from './render/answer-as-text.ts';
import { PROMPT, systemLocale, useColor } from './render/terminal.ts';
import { PRODUCT } from './discord/limits.ts';

export interface ConsoleStreams {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
}

export interface QuestionLoop extends ConsoleStreams {
  ask: (question: string) => Answer;
  locale: Locale;
  /** ANSI marks in the answers (see `useColor`). */
  color: boolean;
  /** Printed once before the first prompt, when a person is typing. */
  banner?: string;
}

/**
 * Answers one question per line until the input ends. When a person types (the input is a
 * terminal) there is a prompt; when the questions are piped in, each is repeated after the
 * prompt sign above its answer, so the output reads as questions and answers. Blank lines are
 * skipped; a question that cannot be asked (no letters or digits, or too long) gets one line
 * saying why instead of an answer.
 */
export async function answerLines({ input, output, ask, locale, color, banner }: QuestionLoop): Promise<void> {
  const interactive = input.isTTY === true;
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  const prompt = () => {
    if (interactive) lines.prompt();
  };
  lines.setPrompt(PROMPT);
  // Without a listener readline only pauses on Ctrl-C and the process would hang; end instead.
  lines.on('SIGINT', () => lines.close());
  if (interactive && banner) output.write(`${banner}\n`);
  prompt();
  for await (const line of lines) {
    if (line.trim() !== '') {
      if (!interactive) output.write(`${PROMPT}${line.trim()}\n`);
      const check = checkQuestion(line);
      const reply = check.ok ? answerAsText(ask(check.question), { color, locale }) : refusalText(check, locale);
      output.write(`${reply}\n\n`);
    }
    prompt();
  }
}

/** The console of `npm start`: the live engine (it may be reloaded), the system's language. */
export async function runConsole(live: LiveEngine, { input, output }: ConsoleStreams = { input: process.stdin, output: process.stdout }): Promise<void> {
  await answerLines({
    input,
    output,
    ask: (question) => live.engine.ask(question, { limit: PRODUCT.passagesPerAnswer }),
    locale: systemLocale(),
    color: useColor(output),
  });
}
