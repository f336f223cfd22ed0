import { describe, expect, it } from 'vitest';
import { Engine } from '../src/engine/engine.ts';
import { loadArticlesFile, loadCorpus } from '../src/engine/corpus/load.ts';
import { readDevSet } from '../src/eval/dev-set.ts';
import { CORPUS, DEV_SET, DISTRACTORS } from './helpers.ts';

describe('index serialization', () => {
  it('round-trips through JSON with identical answers, passages and version', async () => {
    const { documents, synonyms } = await loadCorpus(CORPUS);
    const original = Engine.fromDocuments([...documents, ...(await loadArticlesFile(DISTRACTORS)).slice(0, 40)], { synonyms, dir: CORPUS });
    const restored = Engine.fromJSON(JSON.parse(JSON.stringify(original)));
    expect(restored.info()).toEqual(original.info());
    expect(restored.passages).toEqual(original.passages);
    const questions = (await readDevSet(DEV_SET)).map((q) => q.question);
    for (const question of [...questions, 'zascita interesov', 'Tanujg']) {
      expect(restored.ask(question)).toEqual(original.ask(question));
    }
  });

  it('refuses a file that is not an odlomek index', () => {
    expect(() => Engine.fromJSON({ format: 'something-else' } as never)).toThrow(/unsupported index format/);
  });
});
