/**
 * The console face: questions on stdin, cited answers on stdout, from the same engine the bot
 * uses. It is what `npm start` does without a Discord token, so a fresh checkout is useful at once;
 * `npm run ask` without a question runs the same loop.
 */
import { checkQuestion, type Answer, type LiveEngine } from '../engine/index.ts';
import { refusalText, type Locale } from '../view/strings.ts';
import { answerText } from './answer-text.ts';
import { systemLocale, useColor } from './environment.ts';
import { forEachQuestion } from './question-lines.ts';

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
 * Answers one question per line until the input ends, as a conversation (see `forEachQuestion`).
 * A question that cannot be asked (no letters or digits, or too long) gets one line saying why
 * instead of an answer.
 */
export async function answerLines({ input, output, ask, locale, color, banner }: QuestionLoop): Promise<void> {
  const reply = (line: string) => {
    const check = checkQuestion(line);
    return `${check.ok ? answerText(ask(check.question), { color, locale }) : refusalText(check, locale)}\n\n`;
  };
  await forEachQuestion({ input, output, reply, conversation: true, banner });
}

/** The console of `npm start`: the live engine (it may be reloaded), the system's language. */
export async function runConsole(
  live: LiveEngine,
  { input, output }: ConsoleStreams = { input: process.stdin, output: process.stdout },
): Promise<void> {
  await answerLines({
    input,
    output,
    ask: (question) => live.engine.ask(question),
    locale: systemLocale(),
    color: useColor(output),
  });
}
