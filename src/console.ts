/**
 * The console face: questions on stdin, cited answers on stdout, from the same engine the bot
 * uses. It is what `npm start` does without a Discord token, so a fresh checkout is useful at once.
 */
import { createInterface } from 'node:readline';
import type { LiveEngine } from './engine/engine.ts';
import { answerAsText } from './render/answer-as-text.ts';
import { PRODUCT } from './discord/limits.ts';

export interface ConsoleStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Answers one question per line until the input ends. */
export async function runConsole(live: LiveEngine, { input, output }: ConsoleStreams = { input: process.stdin, output: process.stdout }): Promise<void> {
  const interactive = output.isTTY === true;
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const prompt = () => {
    if (interactive) lines.prompt();
  };
  lines.setPrompt('? ');
  // Without a listener readline only pauses on Ctrl-C and the process would hang; end instead.
  lines.on('SIGINT', () => lines.close());
  prompt();
  for await (const line of lines) {
    const question = line.trim();
    if (question !== '') {
      const answer = live.engine.ask(question, { limit: PRODUCT.passagesPerAnswer });
      output.write(`${answerAsText(answer, { color: interactive })}\n\n`);
    }
    prompt();
  }
}
