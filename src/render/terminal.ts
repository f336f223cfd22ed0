/**
 * What the terminal faces (`npm run ask`, the console of `npm start`) need besides the answer
 * itself: the run's language, whether to colour, and their own messages. A run speaks one
 * language throughout: Slovenian, or English when the system locale is English.
 */
import { t, type Locale } from '../discord/i18n.ts';
import type { SkippedFile } from '../engine/corpus/list-files.ts';
import type { CacheProblem } from '../engine/index-cache.ts';

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

/** The prompt of the interactive faces; piped questions are repeated after it above each answer. */
export const PROMPT = '? ';

const sl = {
  usage: 'Uporaba: npm run ask -- "vprašanje" [--corpus MAPA] [--limit N] [--index-cache MAPA] [--verbose] | npm run --silent ask -- --jsonl < vprašanja.txt',
  unknownOption: (option: string) => `neznana možnost ${option}`,
  missingValue: (option: string) => `možnost ${option} potrebuje vrednost`,
  badLimit: (max: number) => `--limit mora biti celo število od 1 do ${max}`,
  jsonlWithQuestion: '--jsonl bere vprašanja s standardnega vhoda, eno na vrstico; za njim ne navedi vprašanja',
  banner: (articles: number, passages: number, version: string) =>
    `odlomek: ${articles} članek/ov, ${passages} odlomkov (različica ${version}). Vprašajte kar koli o članku; konec s Ctrl-D.`,
  corpusUnusable: (dir: string) => `Korpusa v mapi ${dir} ni mogoče naložiti:`,
  cacheProblem: (problem: CacheProblem) =>
    problem.kind === 'unusable' ? `shranjeni indeks ${problem.file} ni uporaben, gradim ga znova` : `indeksa ni mogoče shraniti v ${problem.dir}: ${problem.reason}`,
  skipped: (file: SkippedFile) => `preskočeno: ${file.file} (${t('sl').skippedReason(file.reason)})`,
  noToken: 'DISCORD_TOKEN ni nastavljen, zato se bot za Discord ne zažene; vprašanja zastavite tukaj (konec s Ctrl-D).',
};

type TerminalStrings = typeof sl;

const en: TerminalStrings = {
  usage: 'Usage: npm run ask -- "question" [--corpus DIR] [--limit N] [--index-cache DIR] [--verbose] | npm run --silent ask -- --jsonl < questions.txt',
  unknownOption: (option) => `unknown option ${option}`,
  missingValue: (option) => `option ${option} needs a value`,
  badLimit: (max) => `--limit must be a whole number from 1 to ${max}`,
  jsonlWithQuestion: '--jsonl reads the questions from standard input, one per line; give no question after it',
  banner: (articles, passages, version) => `odlomek: ${articles} article(s), ${passages} passages (version ${version}). Ask anything about the article; Ctrl-D ends.`,
  corpusUnusable: (dir) => `The corpus in ${dir} cannot be loaded:`,
  cacheProblem: (problem) => (problem.kind === 'unusable' ? `saved index ${problem.file} is unusable, rebuilding it` : `cannot save the index in ${problem.dir}: ${problem.reason}`),
  skipped: (file) => `skipped: ${file.file} (${t('en').skippedReason(file.reason)})`,
  noToken: 'DISCORD_TOKEN is not set, so the Discord bot is not starting; ask questions here instead (Ctrl-D ends).',
};

const STRINGS: Record<Locale, TerminalStrings> = { sl, en };

/** The terminal faces' own messages in `locale`. */
export function terminalText(locale: Locale): TerminalStrings {
  return STRINGS[locale];
}
