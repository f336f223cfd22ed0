/**
 * A tiny levelled logger on stderr (stdout belongs to the console Q&A), its lines written in
 * batches (`log-output.ts`). Secrets registered with
 * `redact` are masked in every line, including error stacks, so a token that leaks into an
 * error message still never reaches a log.
 */
import type { LogLevel } from './config.ts';
import { stderrBatch } from './log-output.ts';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Interaction tokens sit in webhook URLs; they are short-lived but still credentials. */
const WEBHOOK_TOKEN = /(\/webhooks\/\d+\/)[\w.-]+/g;

export interface Logger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

let threshold = ORDER.info;
/** Said in every line after the level, e.g. `[shard 3]`, so the lines of several processes can be told apart. */
let context = '';
const secrets = new Set<string>();
let sink: (line: string) => void = stderrBatch.add;

export function setLogLevel(level: LogLevel): void {
  threshold = ORDER[level];
}

/** Tags every later line with `label` (a shard process: `shard 3`; the shard manager: `manager`). */
export function setLogContext(label: string): void {
  context = label ? `[${label}] ` : '';
}

/** Masks `secret` in every later log line. Short strings are ignored (they would mask words). */
export function redact(secret: string | undefined): void {
  if (secret && secret.length >= 8) secrets.add(secret);
}

/** Replaces the output (tests). Returns a function restoring the previous one. */
export function setLogSink(next: (line: string) => void): () => void {
  const previous = sink;
  sink = next;
  return () => {
    sink = previous;
  };
}

export function scrub(text: string): string {
  let out = text.replace(WEBHOOK_TOKEN, '$1[token]');
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
}

function detailText(detail: unknown): string {
  if (detail === undefined) return '';
  if (detail instanceof Error) return ` ${detail.stack ?? `${detail.name}: ${detail.message}`}`;
  if (typeof detail === 'string') return ` ${detail}`;
  try {
    return ` ${JSON.stringify(detail)}`;
  } catch {
    return ` ${String(detail)}`;
  }
}

function write(level: LogLevel, message: string, detail: unknown): void {
  if (ORDER[level] < threshold) return;
  sink(scrub(`${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${context}${message}${detailText(detail)}`));
  // An error may be the last thing the process says (a crash, a kill soon after): out at once,
  // after the lines before it.
  if (level === 'error') stderrBatch.flush();
}

/** Writes the lines waiting in the batch now: for a line someone waits to see (the bot is ready). */
export function flushLog(): void {
  stderrBatch.flush();
}

export const log: Logger = {
  debug: (m, d) => write('debug', m, d),
  info: (m, d) => write('info', m, d),
  warn: (m, d) => write('warn', m, d),
  error: (m, d) => write('error', m, d),
};
