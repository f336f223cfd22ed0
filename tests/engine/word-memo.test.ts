// The memo of per-word analyses (src/engine/question/word-memo.ts) must never change how a
// question is read: it only saves working the same word out again.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine, LiveEngine } from '../../src/engine/engine.ts';
import { lexicon } from '../../src/engine/lexicon/lexicon.ts';
import { parseQuestion } from '../../src/engine/search/query.ts';
import { SynonymTable } from '../../src/engine/search/synonyms.ts';
import { WordMemo, WORDS_REMEMBERED, wordMemoFor } from '../../src/engine/question/word-memo.ts';
import { questionsFor } from '../../tools/bench-bot/questions.ts';
import { readDevSet } from '../../tools/eval/dev-set.ts';
import { EXTRA_QUESTIONS } from '../../tools/paths.ts';
import { CORPUS, DEV_SET, corpusDir } from '../helpers.ts';

/** Misspellings, chat forms and words run together, so typo readings and near-word checks are remembered too. */
const MISSPELT = [
  'Kolkio let je trajal obisk?',
  'kdo je povdaril pomen sporazma',
  'kok dolg je bil obisk v pjongjangu',
  'Kaj je Putin rekl o sankcijh?',
  'Zakaj so Zdruzene drzave zaskrbljene zaradi sodelovnja?',
  'kaj pravi sporazum o vojaški pomoci ob napadu',
  'Kdo je pudaril pomen sporazuma?',
  'kdo je podpisalsporazum',
  'kje je severnakoreja',
];

describe('the word memo', () => {
  let engine: Engine;
  let questions: string[];
  beforeAll(async () => {
    engine = await Engine.fromDirectory(CORPUS);
    const dev = (await readDevSet(DEV_SET)).map((q) => q.question);
    const extra = (await readDevSet(EXTRA_QUESTIONS)).map((q) => q.question);
    // Every tenth extra question: all of them, each parsed four times, took over half a minute under load.
    const someExtra = extra.filter((_, i) => i % 10 === 0);
    questions = [...dev, ...someExtra, ...MISSPELT, ...(await questionsFor('distinct')).slice(0, 200)];
  });

  it('reads every question exactly as without it, whether its words were seen before or not', () => {
    const { index, synonyms: groups } = engine.parts();
    const synonyms = new SynonymTable(groups);
    const lex = lexicon();
    const memo = new WordMemo();
    // Twice over: first the words are new (worked out and remembered), then all are remembered.
    for (const question of [...questions, ...questions.toReversed()])
      expect(parseQuestion(question, synonyms, index.vocabulary, lex, memo), question).toEqual(
        parseQuestion(question, synonyms, index.vocabulary, lex, new WordMemo(0)),
      );
    expect(memo.alternatives.size).toBeGreaterThan(100);
    expect(memo.typoReadings.size).toBeGreaterThan(0);
    expect(memo.nearCorpusWord.size).toBeGreaterThan(0);
  }, 90_000);

  it('stays within its bound', () => {
    const { index, synonyms: groups } = engine.parts();
    const synonyms = new SynonymTable(groups);
    const memo = new WordMemo(50);
    for (const question of questions) parseQuestion(question, synonyms, index.vocabulary, lexicon(), memo);
    for (const cache of [memo.alternatives, memo.typoReadings, memo.nearCorpusWord, memo.nearListedCorpusWord])
      expect(cache.size).toBeLessThanOrEqual(50);
    expect(new WordMemo().alternatives.limit).toBe(WORDS_REMEMBERED);
  });

  it('is one per index: the same for the same vocabulary and synonyms, another for another', () => {
    const { index, synonyms: groups } = engine.parts();
    const synonyms = new SynonymTable(groups);
    const memo = wordMemoFor(index.vocabulary, synonyms, lexicon());
    expect(wordMemoFor(index.vocabulary, synonyms, lexicon())).toBe(memo);
    expect(wordMemoFor(index.vocabulary, new SynonymTable(groups), lexicon())).not.toBe(memo);
    const other = Engine.fromDirectory(CORPUS).then((e) => e.parts().index.vocabulary);
    return other.then((vocab) => expect(wordMemoFor(vocab, synonyms, lexicon())).not.toBe(memo));
  });

  it('starts empty after a reload: words the new corpus knows are read with its vocabulary', async () => {
    const file = 'putin-kim-2024-06.md';
    const dir = await corpusDir({ [file]: await readFile(path.join(CORPUS, file), 'utf8') });
    const live = new LiveEngine(await Engine.fromDirectory(dir), dir);
    // "Laos" is unknown to the article: read as a typo or a family of other words, and remembered so.
    const question = 'Kdaj bo Putin obiskal Laos in Kambodžo?';
    const before = live.engine.explain(question);
    await writeFile(
      path.join(dir, 'laos.md'),
      '---\ntitle: Laos\ndate: 2024-07\n---\nPutin bo julija obiskal Laos in Kambodžo.\n',
    );
    await live.reload();
    const after = live.engine.explain(question);
    const fresh = (await Engine.fromDirectory(dir)).explain(question);
    expect(after.question).toEqual(fresh.question);
    expect(after.question).not.toEqual(before.question);
  });
});
