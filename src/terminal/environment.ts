/** What the terminal faces take from their environment: the language, whether to colour, where questions come from. */
import { fstatSync } from 'node:fs';
import { isatty } from 'node:tty';
import type { Locale } from '../view/strings.ts';

type Env = Record<string, string | undefined>;

/**
 * The language of the messages, as POSIX picks it: the first of `LC_ALL`, `LC_MESSAGES` and
 * `LANG` that is set decides; `en…` (en_US.UTF-8, en_GB, en) is English, anything else Slovenian.
 */
export function systemLocale(env: Env = process.env): Locale {
  const setting = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return /^en(?:[_.@-]|$)/i.test(setting) ? 'en' : 'sl';
}

/** ANSI marks only for a terminal, and never when `NO_COLOR` is set to anything (https://no-color.org). */
export function useColor(stream: { isTTY?: boolean }, env: Env = process.env): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

/**
 * Whether standard input can bring questions: a terminal, a pipe, a file (or a socket). Not
 * `/dev/null` or another character device that is not a terminal, nor a closed descriptor: what a
 * service manager (systemd, Docker without `-i`) gives a process it runs in the background.
 */
export function stdinCanAsk(fd = 0): boolean {
  try {
    return !fstatSync(fd).isCharacterDevice() || isatty(fd);
  } catch {
    return false;
  }
}
