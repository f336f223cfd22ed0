/**
 * Moving an engine between threads and to disk: packed into one buffer where it was built,
 * assembled in slices where it answers. The assembled engine must be the same engine: the same
 * passages, answers, suggestions and version.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { loadArticlesFile, loadCorpus } from '../../src/engine/corpus/load.ts';
import { Vocabulary } from '../../src/engine/search/vocabulary.ts';
import { PackedReader, PackedWriter } from '../../src/engine/transfer/layout.ts';
import { packEngine } from '../../src/engine/transfer/pack.ts';
import { PackedFormatError, unpackEngine } from '../../src/engine/transfer/unpack.ts';
import { NO_PAUSES, Slices } from '../../src/engine/transfer/slices.ts';
import { VOCABULARY_FIELDS } from '../../src/engine/transfer/vocabulary.ts';
import { replicateCorpus } from '../../tools/bench/replicate.ts';
import { readDevSet } from '../../tools/eval/dev-set.ts';
import { articleOf, CORPUS, DEV_SET, DISTRACTORS } from '../helpers.ts';

let original: Engine;
let questions: string[];

beforeAll(async () => {
  const { documents, synonyms } = await loadCorpus(CORPUS);
  const corpus = replicateCorpus(documents, await loadArticlesFile(DISTRACTORS), { targetPassages: 2_500, seed: 3 });
  original = Engine.fromDocuments(corpus, { synonyms, dir: CORPUS });
  questions = (await readDevSet(DEV_SET)).map((q) => q.question);
});

describe('packing an engine', () => {
  it('assembles the same engine: passages, answers, suggestions, lookups and version', async () => {
    const restored = await unpackEngine(packEngine(original), new Slices());
    // Made before it is swapped in, as a reload is: typo mending's key stubs.
    expect(Reflect.get(restored.parts().index.vocabulary, 'stubs')).toBeDefined();
    expect({ ...restored.info(), loadedAt: null }).toEqual({ ...original.info(), loadedAt: null });
    expect(restored.passages).toEqual(original.passages);
    // The frequencies are read through the key table (`KeyedNumbers`): every key, in order, with its count.
    const vocabularyOf = (engine: Engine) => engine.parts().index.vocabulary;
    expect(vocabularyOf(restored).toJSON()).toEqual(vocabularyOf(original).toJSON());
    expect(vocabularyOf(restored).frequency('nonexistent-key')).toBe(0);
    for (const question of [...questions, 'zascita interesov', 'Tanujg', 'What did Putin sign?'])
      expect(restored.ask(question)).toEqual(original.ask(question));
    for (const query of ['', 'putin', 'pjongjang', '#3', 'sankcij'])
      expect(restored.suggest(query).map((p) => p.id)).toEqual(original.suggest(query).map((p) => p.id));
    expect(restored.passage('putin-kim-2024-06#8')).toEqual(original.passage('putin-kim-2024-06#8'));
    expect(restored.diffFrom(original)).toMatchObject({ added: [], removed: [], changed: [] });
  });

  it('makes each passage when first read, the same as the eager one, wherever reading starts', async () => {
    const restored = await unpackEngine(packEngine(original), NO_PAUSES);
    const last = original.passages.length - 1;
    // Read out of order, before any other: decoded from the packed columns alone.
    for (const i of [last, 1234, 0, 7]) expect(restored.passages[i]).toEqual(original.passages[i]);
    expect(Object.keys(restored.passages[1234]!)).toEqual(Object.keys(original.passages[1234]!));
    expect(restored.passages.length).toBe(original.passages.length);
  });

  it('with finishLater, answers the same before and after its tree and id look-ups are finished in slices', async () => {
    const packed = packEngine(original);
    const early = await unpackEngine(packed, NO_PAUSES, undefined, { finishLater: true });
    // Asked at once: typos need the tree, look-ups the ids; each is made when first needed.
    for (const question of [...questions.slice(0, 20), 'zascita interesov', 'Tanujg'])
      expect(early.ask(question)).toEqual(original.ask(question));
    expect(early.passage('putin-kim-2024-06#8')).toEqual(original.passage('putin-kim-2024-06#8'));
    const nearBy = (engine: Engine) =>
      ['sankcje', 'pjongjag', 'sporazm'].map((word) => engine.parts().index.vocabulary.near(word, 2));
    expect(nearBy(await unpackEngine(packed, NO_PAUSES, undefined, { finishLater: true }))).toEqual(nearBy(original));
    const later = await unpackEngine(packed, NO_PAUSES, undefined, { finishLater: true });
    // Left to the slices.
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Made there, before any question: typo mending's key stubs (not on the first question with a typo).
    expect(Reflect.get(later.parts().index.vocabulary, 'stubs')).toBeDefined();
    for (const question of [...questions.slice(0, 20), 'zascita interesov', 'Tanujg'])
      expect(later.ask(question)).toEqual(original.ask(question));
    expect(later.diffFrom(original)).toMatchObject({ added: [], removed: [], changed: [] });
  });

  it('diffs two packed engines by their digests as the passages themselves would', async () => {
    const before = [
      articleOf('a', 'Prvi', ['Ena.', 'Dva.', 'Tri.']),
      articleOf('b', 'Drugi', ['Štiri.', 'Pet.']),
      articleOf('c', 'Tretji', ['Šest.']),
    ];
    const after = [
      // A text changed, a paragraph added; one article left as it was, one removed, one new.
      articleOf('a', 'Prvi', ['Ena.', 'Dva, drugače.', 'Tri.', 'Štiri.']),
      articleOf('b', 'Drugi', ['Štiri.', 'Pet.']),
      articleOf('d', 'Četrti', ['Sedem.']),
    ];
    const older = Engine.fromDocuments(before);
    const newer = Engine.fromDocuments(after);
    const expected = newer.diffFrom(older);
    expect(expected).toMatchObject({ added: ['a#4', 'd#1'], removed: ['c#1'], changed: ['a#2'] });
    const packedOlder = await unpackEngine(packEngine(older), NO_PAUSES);
    const packedNewer = await unpackEngine(packEngine(newer), NO_PAUSES);
    expect(await packedNewer.diffFromInSlices(packedOlder, new Slices())).toEqual(expected);
    // A title shown in every citation of its article changes them all.
    const retitled = Engine.fromDocuments([{ ...after[0]!, title: 'Prvi, popravljen' }, after[1]!, after[2]!]);
    const packedRetitled = await unpackEngine(packEngine(retitled), NO_PAUSES);
    expect(packedRetitled.diffFrom(packedNewer).changed).toEqual(['a#1', 'a#2', 'a#3', 'a#4']);
  });

  it('hands the event loop back while it assembles', async () => {
    // Slices far shorter than usual: assembling 2 500 passages takes only a few milliseconds.
    const slices = new Slices(0.1);
    let turns = 0;
    let done = false;
    const spin = () => {
      if (done) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    await unpackEngine(packEngine(original), slices);
    done = true;
    expect(slices.pauses).toBeGreaterThan(5);
    expect(turns).toBeGreaterThan(5);
  });

  it('knows every field of a Vocabulary (else teach src/engine/transfer/vocabulary.ts the new one)', () => {
    const fresh = new Vocabulary(new Map([['beseda', 1]]), 1);
    fresh.extending('', 0);
    fresh.family('beseda');
    expect(Object.keys(fresh).sort()).toEqual([...VOCABULARY_FIELDS].sort());
  });

  it("carries the corpus's notes for the moderators", async () => {
    const pasted = Array.from(
      { length: 60 },
      (_, i) => `To je ${i + 1}. vrstica strani, prilepljene brez praznih vrstic.`,
    ).join('\n');
    const engine = Engine.fromDocuments([
      { slug: 'a', title: 'A', date: '2024-06', lang: 'sl', text: `Uvod.\n\n${pasted}`, bodyStart: 0, source: 'a.md' },
    ]);
    expect(engine.notes).toEqual([
      { file: 'a.md', line: 3, message: expect.stringMatching(/^paragraph 2 is \d+ characters/) },
    ]);
    expect((await unpackEngine(packEngine(engine), NO_PAUSES)).notes).toEqual(engine.notes);
    expect(Engine.fromJSON(JSON.parse(JSON.stringify(engine)) as ReturnType<Engine['toJSON']>).notes).toEqual(
      engine.notes,
    );
    expect(original.notes).toEqual([]);
  });

  it('refuses a buffer that is not a packed index, or one of another format', async () => {
    await expect(unpackEngine(new ArrayBuffer(16), NO_PAUSES)).rejects.toBeInstanceOf(PackedFormatError);
    const writer = new PackedWriter();
    await expect(unpackEngine(writer.finish({ format: 'odlomek-packed-0' }), NO_PAUSES)).rejects.toThrow(
      /unsupported index format/,
    );
  });

  it('keeps any string, lone surrogates and all, and refuses a passage field it cannot store', async () => {
    const strings = ['', 'čšž', 'emoji 🙂', 'lone \uD83D', '\uDE42 lone', 'x'.repeat(300_000)];
    const writer = new PackedWriter();
    const ref = writer.pool(strings);
    const reader = new PackedReader(writer.finish({ ref }));
    expect(await reader.pool((reader.meta as { ref: typeof ref }).ref, new Slices())).toEqual(strings);

    const odd = Engine.fromDocuments([
      { slug: 'a', title: 'A', date: '2024-06', lang: 'sl', text: 'Besedilo.', bodyStart: 0, source: 'a.md' },
    ]);
    (odd.passages[0] as unknown as Record<string, unknown>).tags = ['x'];
    expect(() => packEngine(odd)).toThrow(/cannot pack passage field "tags" holding a object/);
  });
});
