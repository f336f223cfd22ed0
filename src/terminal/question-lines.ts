/**
 * Reading questions one per line, for the console and `npm run ask` (conversation) and for
 * `--jsonl` (machine output): blank lines are skipped, every other line gets one reply.
 */
import { createInterface } from 'node:readline';

/** The prompt of the interactive faces; piped questions are repeated after it above each answer. */
export const PROMPT = '? ';

export interface QuestionLines {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
  /** What to write for one non-blank line (as read), line breaks included. */
  reply: (line: string) => string;
  /**
   * A conversation: a person typing (the input is a terminal) gets a prompt, and questions piped
   * in are repeated after the prompt sign above their replies, so the output reads as questions
   * and answers. Off for machine output, which is the replies and nothing else.
   */
  conversation: boolean;
  /** Printed once before the first prompt, when a person is typing. */
  banner?: string;
}

/**
 * Control characters (escape sequences, bell) and the marks that reverse a line's direction: a
 * piped question repeated as it came could recolour the terminal, retitle it or print itself backwards.
 */
const UNPRINTABLE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** `text` as it can be repeated on a terminal: what is not printable left out. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '');
}

/** Replies to each non-blank line until the input ends (Ctrl-D, or Ctrl-C at the prompt). */
export async function forEachQuestion({ input, output, reply, conversation, banner }: QuestionLines): Promise<void> {
  const interactive = conversation && input.isTTY === true;
  const lines = createInterface({
    input,
    output: interactive ? output : undefined,
    terminal: interactive,
    crlfDelay: Infinity,
  });
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
      if (conversation && !interactive) output.write(`${PROMPT}${printable(line.trim())}\n`);
      output.write(reply(line));
    }
    prompt();
  }
}
