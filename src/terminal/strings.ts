/**
 * The terminal faces' own messages (`npm run ask`, the console of `npm start`); the texts around
 * answers are shared with the bot (`src/view/strings.ts`). A run speaks one language throughout:
 * Slovenian, or English when the system locale is English (see `systemLocale`).
 */
import type { CacheProblem, CorpusError, CorpusNote, SkippedFile } from '../engine/index.ts';
import { problemText } from '../view/corpus-problems.ts';
import { counted } from '../view/plural.ts';
import { viewStrings, type Locale } from '../view/strings.ts';

const sl = {
  usage:
    'Uporaba: npm run ask -- "vprašanje" [--corpus MAPA] [--limit N] [--index-cache MAPA] [--verbose] | npm run --silent ask -- --jsonl < vprašanja.txt',
  help: (limit: number, maxLimit: number) =>
    [
      'Odgovori z dobesednimi odlomki iz članka, vsak z navedbo odstavka.',
      '',
      '  npm run ask -- "Kdo je podpisal sporazum?"   en odgovor',
      '  npm run ask                                  vprašanja eno za drugim, konec s Ctrl-D',
      '  npm run --silent ask -- --jsonl < datoteka   vrstica JSON za vsako vprašanje (eno na vrstico)',
      '',
      '  --corpus MAPA        drug korpus (privzeto corpus/ v repozitoriju)',
      `  --limit N            največ N odlomkov v odgovoru (privzeto ${limit}, največ ${maxLimit})`,
      '  --index-cache MAPA   shrani indeks in ga znova uporabi, dokler se korpus ne spremeni',
      '  --verbose            na standardni izhod za napake izpiše preskočene datoteke in opombe korpusa',
      '  --jsonl              vprašanja s standardnega vhoda, odgovori kot JSON',
      '  -h, --help           ta pomoč',
      '',
      'Izhodne kode: 0 odgovorjeno (tudi "članek tega ne pove"), 1 korpusa ni mogoče naložiti,',
      '2 napačna uporaba ali vprašanje, ki ga ni mogoče zastaviti (prazno ali predolgo).',
      'Jezik sporočil sledi sistemskemu (LC_ALL, LC_MESSAGES ali LANG): slovenščina, ali angleščina za angleški sistem.',
    ].join('\n'),
  unknownOption: (option: string) => `neznana možnost ${option}`,
  missingValue: (option: string) => `možnost ${option} potrebuje vrednost`,
  takesNoValue: (option: string) => `možnost ${option} ne sprejme vrednosti`,
  badLimit: (max: number) => `--limit mora biti celo število od 1 do ${max}`,
  jsonlWithQuestion: '--jsonl bere vprašanja s standardnega vhoda, eno na vrstico; za njim ne navedi vprašanja',
  banner: (articles: number, passages: number, version: string) =>
    `odlomek: ${counted('sl', articles, 'article')}, ${counted('sl', passages, 'passage')} (različica ${version}). Vprašaj kar koli o članku; konec s Ctrl-D.`,
  corpusUnusable: (dir: string) => `Korpusa v mapi ${dir} ni mogoče naložiti:`,
  moreProblems: (n: number) => `… in še ${counted('sl', n, 'problem')}`,
  cacheProblem: (problem: CacheProblem) =>
    problem.kind === 'unusable'
      ? `shranjeni indeks ${problem.file} ni uporaben, gradim ga znova`
      : problem.kind === 'unwritable'
        ? `indeksa ni mogoče shraniti v ${problem.dir}: ${problem.reason}`
        : `čakam na drug proces, ki indeksira isti korpus (${problem.lock})`,
  skipped: (file: SkippedFile) => `preskočeno: ${file.file} (${viewStrings('sl').skippedReason(file.reason)})`,
  note: (note: CorpusNote) => `preveri: ${problemText(note, 'sl')}`,
  noToken: 'DISCORD_TOKEN ni nastavljen, zato se bot za Discord ne zažene; vprašanja zastavi tukaj (konec s Ctrl-D).',
};

export type TerminalStrings = typeof sl;

const en: TerminalStrings = {
  usage:
    'Usage: npm run ask -- "question" [--corpus DIR] [--limit N] [--index-cache DIR] [--verbose] | npm run --silent ask -- --jsonl < questions.txt',
  help: (limit, maxLimit) =>
    [
      'Answers with verbatim excerpts from the article, each citing its paragraph.',
      '',
      '  npm run ask -- "Kdo je podpisal sporazum?"   one answer',
      '  npm run ask                                  questions one after another, Ctrl-D ends',
      '  npm run --silent ask -- --jsonl < file       a JSON line per question (one per line)',
      '',
      "  --corpus DIR         another corpus (default: the repository's corpus/)",
      `  --limit N            at most N excerpts per answer (default ${limit}, at most ${maxLimit})`,
      '  --index-cache DIR    save the index and reuse it while the corpus is unchanged',
      "  --verbose            list skipped corpus files and the corpus's notes on standard error",
      '  --jsonl              questions from standard input, answers as JSON',
      '  -h, --help           this help',
      '',
      'Exit codes: 0 answered (also "the article does not say"), 1 the corpus cannot be loaded,',
      '2 bad usage or a question that cannot be asked (empty or too long).',
      'Messages follow the system language (LC_ALL, LC_MESSAGES or LANG): Slovenian, or English on an English system.',
    ].join('\n'),
  unknownOption: (option) => `unknown option ${option}`,
  missingValue: (option) => `option ${option} needs a value`,
  takesNoValue: (option) => `option ${option} takes no value`,
  badLimit: (max) => `--limit must be a whole number from 1 to ${max}`,
  jsonlWithQuestion: '--jsonl reads the questions from standard input, one per line; give no question after it',
  banner: (articles, passages, version) =>
    `odlomek: ${counted('en', articles, 'article')}, ${counted('en', passages, 'passage')} (version ${version}). Ask anything about the article; Ctrl-D ends.`,
  corpusUnusable: (dir) => `The corpus in ${dir} cannot be loaded:`,
  moreProblems: (n) => `… and ${counted('en', n, 'problem')} more`,
  cacheProblem: (problem) =>
    problem.kind === 'unusable'
      ? `saved index ${problem.file} is unusable, rebuilding it`
      : problem.kind === 'unwritable'
        ? `cannot save the index in ${problem.dir}: ${problem.reason}`
        : `waiting for another process that is indexing the same corpus (${problem.lock})`,
  skipped: (file) => `skipped: ${file.file} (${viewStrings('en').skippedReason(file.reason)})`,
  note: (note) => `note: ${problemText(note, 'en')}`,
  noToken: 'DISCORD_TOKEN is not set, so the Discord bot is not starting; ask questions here instead (Ctrl-D ends).',
};

const STRINGS: Record<Locale, TerminalStrings> = { sl, en };

/** The terminal faces' own messages in `locale`. */
export function terminalStrings(locale: Locale): TerminalStrings {
  return STRINGS[locale];
}

/** A corpus that cannot be loaded, for stderr: which folder, then every problem on its own indented line. */
export function corpusErrorLines(dir: string, error: CorpusError, locale: Locale): string[] {
  const strings = terminalStrings(locale);
  const shown = error.problems.slice(0, MAX_PROBLEM_LINES);
  const left = error.problems.length - shown.length;
  return [
    strings.corpusUnusable(dir),
    ...shown.map((problem) => `  ${problemText(problem, locale)}`),
    ...(left > 0 ? [`  ${strings.moreProblems(left)}`] : []),
  ];
}

/**
 * Problems listed at most: past that, the folder is usually not a corpus at all (a --corpus that
 * named the repository printed ten thousand lines about node_modules).
 */
const MAX_PROBLEM_LINES = 20;
