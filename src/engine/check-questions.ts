/**
 * The corpus's own check questions (`questions.jsonl` in the corpus folder, written by
 * moderators): a question and the passage id that should answer it, or null where the bot should
 * say the article does not tell. A reload scores them on the old and on the new index, so a
 * corpus change that makes answers worse shows before (dry run) or right after it goes live.
 */
import path from 'node:path';
import type { Engine } from './engine.ts';
import {
  CHECK_QUESTIONS_FILE,
  isCheckQuestionsFile,
  parseCheckQuestions,
  type CheckQuestion,
  type CheckQuestions,
} from './corpus/check-questions-file.ts';
import { listCorpusFiles } from './corpus/list-files.ts';
import { readCorpusText } from './corpus/read-text.ts';
import { Slices } from './transfer/slices.ts';

export { CHECK_QUESTIONS_FILE, parseCheckQuestions, type CheckQuestion, type CheckQuestions };

/**
 * Every `questions.jsonl` of a corpus folder, its name in any case (the top folder's first, then
 * subfolders' in path order). A folder without one has no check questions; an unreadable file is
 * a problem, not a throw.
 */
export async function loadCheckQuestions(dir: string): Promise<CheckQuestions> {
  let files: string[];
  try {
    files = (await listCorpusFiles(dir)).files.filter(isCheckQuestionsFile);
  } catch {
    return { questions: [], problems: [] };
  }
  const depth = (rel: string) => rel.split(path.sep).length;
  files.sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1));
  const all: CheckQuestions = { questions: [], problems: [] };
  for (const rel of files) {
    // Like an article file: one saved as Windows-1250 would be read as mangled questions without a word.
    const content = await readCorpusText(path.join(dir, rel), rel, all.problems);
    if (content === null) continue;
    const parsed = parseCheckQuestions(content, rel);
    all.questions.push(...parsed.questions);
    all.problems.push(...parsed.problems);
  }
  return all;
}

/** How one engine did on one check question. */
export interface CheckOutcome {
  question: CheckQuestion;
  /** The first passage when the engine answered; null when it abstained or found nothing. */
  top: string | null;
  /** The expectation was met: the expected passage first, or an abstention where null was expected. */
  met: boolean;
}

export interface CheckScore {
  outcomes: CheckOutcome[];
  /** Questions with an expected passage, and how many of them had it first (hit@1). */
  answerable: number;
  hits: number;
  /** Questions the engine abstained on, and how many of those should have been abstained on. */
  abstained: number;
  abstainedAsExpected: number;
}

/** The expected id itself, or a part of that paragraph when the paragraph was split (`a#7` is met by `a#7.2`). */
function sameOrPart(top: string, expected: string): boolean {
  return top === expected || top.startsWith(`${expected}.`);
}

/**
 * Asks `engine` every check question and scores the answers, handing the event loop back between
 * slices: a bot scores them on the thread that answers, and 3 000 check questions on a large
 * corpus held it for 4 s.
 */
export async function scoreCheckQuestions(
  engine: Engine,
  questions: readonly CheckQuestion[],
  slices: Slices = new Slices(),
): Promise<CheckScore> {
  const outcomes: CheckOutcome[] = [];
  for (const question of questions) {
    outcomes.push(outcomeOf(engine, question));
    if (slices.dueNow()) await slices.pause();
  }
  return scoreOf(questions, outcomes);
}

/** What the engine answers to one check question, and whether that is what it expects. */
function outcomeOf(engine: Engine, question: CheckQuestion): CheckOutcome {
  const answer = engine.ask(question.question, { limit: 1 });
  const top = answer.answered ? (answer.passages[0]?.passage.id ?? null) : null;
  const met = question.expect === null ? top === null : top !== null && sameOrPart(top, question.expect);
  return { question, top, met };
}

function scoreOf(questions: readonly CheckQuestion[], outcomes: CheckOutcome[]): CheckScore {
  return {
    outcomes,
    answerable: questions.filter((q) => q.expect !== null).length,
    hits: outcomes.filter((o) => o.question.expect !== null && o.met).length,
    abstained: outcomes.filter((o) => o.top === null).length,
    abstainedAsExpected: outcomes.filter((o) => o.top === null && o.question.expect === null).length,
  };
}

/** The check questions scored on the index before and after a corpus change, and which ones changed. */
export interface CheckComparison {
  before: CheckScore;
  after: CheckScore;
  /** Met before, missed now: what the change broke. */
  worse: { before: CheckOutcome; after: CheckOutcome }[];
  /** Missed before, met now. */
  better: { before: CheckOutcome; after: CheckOutcome }[];
  /**
   * Met before, and answered now with the same text under another id (a paragraph inserted or
   * removed above it renumbered it), or with that paragraph renumbered and edited (the reload's
   * `moved`): not worse, but `questions.jsonl` needs the new id.
   */
  moved: { before: CheckOutcome; after: CheckOutcome }[];
  /** Questions whose expected passage is in neither index: a typo in the id, most likely. */
  unknownExpects: CheckQuestion[];
}

/** Whether `engine` has the passage `id`, or parts of that paragraph (`a#7` split into `a#7.1`, …). */
function hasPassage(engine: Engine, id: string): boolean {
  return engine.passage(id) !== undefined || engine.passage(`${id}.1`) !== undefined;
}

export async function compareCheckQuestions(
  before: Engine,
  after: Engine,
  questions: readonly CheckQuestion[],
  slices: Slices = new Slices(),
  /** The reload's passages under new ids (`CorpusDiff.moved`), edited ones among them. */
  moved: readonly { from: string; to: string }[] = [],
): Promise<CheckComparison> {
  const old = await scoreCheckQuestions(before, questions, slices);
  const next = await scoreCheckQuestions(after, questions, slices);
  const pairs = old.outcomes.map((o, i) => ({ before: o, after: next.outcomes[i]! }));
  const movedTo = new Map(moved.map((m) => [m.from, m.to]));
  const sameText = (p: (typeof pairs)[number]) => {
    if (p.before.top && p.after.top && movedTo.get(p.before.top) === p.after.top) return true;
    const [was, now] = [p.before.top && before.passage(p.before.top), p.after.top && after.passage(p.after.top)];
    return !!was && !!now && was.text === now.text;
  };
  const missedNow = pairs.filter((p) => p.before.met && !p.after.met);
  return {
    before: old,
    after: next,
    worse: missedNow.filter((p) => !sameText(p)),
    better: pairs.filter((p) => !p.before.met && p.after.met),
    moved: missedNow.filter(sameText),
    unknownExpects: questions.filter(
      (q) => q.expect !== null && !hasPassage(before, q.expect) && !hasPassage(after, q.expect),
    ),
  };
}
