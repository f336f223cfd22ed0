/**
 * The engine's one front door: everything the faces (Discord, the terminal) use. Code outside
 * `src/engine/` imports the engine only from here (a test checks it), so the engine's own layout
 * (corpus → analysis → search → answer) can change without touching them. The dev tools in
 * `tools/` use it too, and reach further inside only to measure or tune a part.
 */
export { Engine, LiveEngine, type AskOptions, type EngineOptions, type LiveEngineOptions } from './engine.ts';
export {
  loadEngine,
  lastLoadedEngine,
  describeCacheProblem,
  type CacheProblem,
  type LoadOptions,
} from './index-cache.ts';
export { loadCorpus, loadArticlesFile } from './corpus/load.ts';
export { CorpusError, formatProblem } from './corpus/corpus-error.ts';
export { JSON_REASONS, type JsonReason } from './corpus/json-reason.ts';
export { listCorpusFiles, describeSkippedFile, type SkippedFile } from './corpus/list-files.ts';
export { checkQuestion, MAX_QUESTION_LENGTH, type QuestionCheck } from './question-limit.ts';
export { asksSomething, looksLikeQuestion } from './question/answer-type.ts';
export { isSmallTalk, smallTalkKind } from './question/small-talk.ts';
export { pointsBack } from './question/points-back.ts';
export { asksWhatItIsAbout } from './question/summary.ts';
export { cleanQuestionText, questionKeys } from './question-keys.ts';
export { beforeSignature, questionAsTyped } from './question/clean.ts';
export {
  CHECK_QUESTIONS_FILE,
  compareCheckQuestions,
  loadCheckQuestions,
  parseCheckQuestions,
  scoreCheckQuestions,
  type CheckComparison,
  type CheckOutcome,
  type CheckQuestion,
  type CheckQuestions,
  type CheckScore,
} from './check-questions.ts';
export { DEFAULT_PASSAGES_PER_ANSWER } from './answer/answer.ts';
export { textDigest } from './cited.ts';
export { DEFAULT_ABSTAIN_THRESHOLD } from './answer/abstain.ts';
export { sentenceSpans } from './text/sentences.ts';
export { mergeSpans, trimSpan } from './spans.ts';
export type {
  Answer,
  CorpusDiff,
  CorpusDocument,
  CorpusInfo,
  CorpusNote,
  CorpusProblem,
  Passage,
  RankedPassage,
  Span,
} from './types.ts';
/** zod as the engine loads it (bundled for `npm start`): the configuration's schema uses the same one. */
export { zod } from './util/zod.ts';
