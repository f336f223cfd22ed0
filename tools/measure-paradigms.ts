/**
 * `npx tsx tools/measure-paradigms.ts [--dictionary DIR]`: would a lexicon's base forms beat the
 * stemmer? Reads the word paradigms of the Slovene Hunspell dictionary (npm `dictionary-sl`,
 * fetched with `npm pack` unless DIR holds its `index.aff` and `index.dic`) and reports
 * - how many paradigms with a form in the corpus (the article and the 140) the stemmer alone
 *   would split into several index keys (counting all their forms, used or not);
 * - for the answerable evaluation questions, how often a question word and a word of the evidence
 *   are two forms of one paradigm, and how many of those pairs the engine does not link (the
 *   word's concept has no alternative with the evidence form's key): what a lemmatiser could gain.
 * Paradigms are what the entries' flags make: entries listed without flags (about a third, among
 * them feminine -ah/-am/-ami forms and irregular nouns such as "teden"/"tedna") are left out.
 * Needs the shared folder beside the repository; the dictionary is only measured against, never
 * shipped (its licence is the GPL/LGPL).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Engine, loadArticlesFile, loadCorpus } from '../src/engine/index.ts';
import { keyOfWord } from '../src/engine/analysis/analyze.ts';
import { fold } from '../src/engine/analysis/fold.ts';
import { runScript } from '../src/run-script.ts';
import { readDevSet } from './eval/dev-set.ts';
import { EVAL_SETS } from './eval/sets.ts';
import { DEFAULT_CORPUS_DIR, DISTRACTORS } from './paths.ts';
import { missingSharedFile } from './shared-files.ts';
import { withNpmPackage } from './npm-package.ts';
import { formsOfEntry, parseSuffixRules } from './paradigms/hunspell.ts';

const DICTIONARY_PACKAGE = 'dictionary-sl@3.0.0';
/** Unlinked pairs listed, most frequent first. */
const SHOWN_PAIRS = 15;

/** Folded form → the paradigms (by number) it belongs to, for entries with more than one form. */
function readParadigms(dir: string): { paradigms: string[][]; of: Map<string, number[]> } {
  const rules = parseSuffixRules(readFileSync(path.join(dir, 'index.aff'), 'utf8'));
  const paradigms: string[][] = [];
  const of = new Map<string, number[]>();
  for (const entry of readFileSync(path.join(dir, 'index.dic'), 'utf8').split('\n').slice(1)) {
    if (!entry.includes('/')) continue;
    const forms = [...new Set(formsOfEntry(entry, rules).map((f) => fold(f)))];
    if (forms.length < 2) continue;
    const id = paradigms.push(forms) - 1;
    for (const form of forms) of.set(form, [...(of.get(form) ?? []), id]);
  }
  return { paradigms, of };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { dictionary: { type: 'string' } } });
  if (missingSharedFile('measure-paradigms', [DISTRACTORS])) return 1;
  const read = (dir: string) => {
    if (!existsSync(path.join(dir, 'index.aff'))) throw new Error(`no index.aff in ${dir}`);
    return readParadigms(dir);
  };
  // A dictionary fetched here is read once and deleted: only the paradigms made from it are used.
  const { paradigms, of } =
    values.dictionary !== undefined ? read(values.dictionary) : withNpmPackage(DICTIONARY_PACKAGE, read);

  const corpus = await loadCorpus(DEFAULT_CORPUS_DIR);
  const extra = await loadArticlesFile(DISTRACTORS);
  const corpusWords = new Set<string>();
  for (const doc of [...corpus.documents, ...extra])
    for (const word of `${doc.title} ${doc.text.slice(doc.bodyStart)}`.match(/\p{L}+/gu) ?? [])
      corpusWords.add(fold(word));
  let used = 0;
  let split = 0;
  for (const forms of paradigms) {
    if (!forms.some((f) => corpusWords.has(f))) continue;
    used++;
    const keys = new Set(forms.map((f) => keyOfWord(f)).filter((k) => k !== null));
    if (keys.size > 1) split++;
  }
  console.log(
    `${paradigms.length} paradigms; ${used} with a form in the corpus, ${split} of them would be split into several keys by the stemmer alone`,
  );

  const engines = {
    article: Engine.fromDocuments(corpus.documents, { synonyms: corpus.synonyms }),
    'article+140': Engine.fromDocuments([...corpus.documents, ...extra], { synonyms: corpus.synonyms }),
  };
  const unlinked = new Map<string, string[]>();
  for (const set of EVAL_SETS) {
    if (set.variants || !existsSync(set.file)) continue;
    const engine = engines[set.corpora.at(-1)!];
    let answerable = 0;
    let withPair = 0;
    let pairs = 0;
    let missed = 0;
    const missedQuestions = new Set<string>();
    for (const q of await readDevSet(set.file)) {
      if (q.evidence.length === 0) continue;
      answerable++;
      const { question } = engine.explain(q.question);
      const evidenceWords = new Set((q.evidence.join(' ').match(/\p{L}+/gu) ?? []).map((w) => fold(w)));
      let paired = false;
      for (const concept of question.concepts) {
        const word = fold(q.question.slice(concept.span.start, concept.span.end));
        const own = of.get(word);
        if (!own) continue;
        const linked = new Set(concept.alternatives.flatMap((a) => a.keys));
        for (const other of evidenceWords) {
          if (other === word || !(of.get(other) ?? []).some((id) => own.includes(id))) continue;
          const key = keyOfWord(other);
          if (key === null) continue;
          paired = true;
          pairs++;
          if (linked.has(key)) continue;
          missed++;
          missedQuestions.add(q.id);
          const pair = `${word} → ${other}`;
          unlinked.set(pair, [...(unlinked.get(pair) ?? []), q.id]);
        }
      }
      if (paired) withPair++;
    }
    console.log(
      `${set.name}: ${answerable} answerable; ${withPair} ask with another form of an evidence word (${pairs} pairs), ` +
        `${missed} pairs in ${missedQuestions.size} questions not linked`,
    );
  }
  const shown = [...unlinked].sort((a, b) => b[1].length - a[1].length).slice(0, SHOWN_PAIRS);
  if (shown.length) console.log(`not linked: ${shown.map(([pair, ids]) => `${pair} (${ids.join(', ')})`).join('; ')}`);
  return 0;
}

runScript('measure-paradigms', main);
