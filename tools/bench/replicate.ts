/**
 * Synthetic large corpora for the benchmark. We have 141 real articles (about 2 000 passages); to
 * see how the engine scales to 20 000 or 100 000 passages, the distractor articles are replicated
 * with variation. Plain copies would be misleading: identical texts add no vocabulary and give
 * every term posting lists of exactly N copies, and identical passages tie in every ranking. So
 * each replica gets its own id, its paragraphs reordered, words traded with another article,
 * sentences dropped or doubled, numbers changed and now and then a new word form, which makes the
 * vocabulary keep growing and posting lists spread unevenly, as in a real news archive.
 */
import type { CorpusDocument } from '../../src/engine/index.ts';
import { chunkDocument, PARAGRAPH_BREAK } from '../../src/engine/corpus/chunk.ts';
import { Prng } from './prng.ts';

export interface ReplicationOptions {
  /** Stop adding replicas once the corpus holds at least this many passages. */
  targetPassages: number;
  seed: number;
}

/** How strongly a replica differs from its original; per word, sentence or paragraph. */
const VARIATION = {
  /** A word is replaced by a word of another article ("swap between articles"). */
  swapWord: 0.06,
  /**
   * A longer word appears in another form. Chosen so the distinct terms grow roughly like a news
   * archive's (Heaps' law, about with the square root of the text), not stay at the 141 articles'.
   */
  otherForm: 0.12,
  /** A number is replaced by another with as many digits. */
  changeNumber: 0.5,
  dropSentence: 0.15,
  doubleSentence: 0.1,
};

/** Case endings to swap in, as Slovene inflects: many forms of one word, most sharing a stem. */
const ENDINGS = ['a', 'e', 'i', 'o', 'u', 'em', 'om', 'ih', 'im', 'ov', 'ega', 'emu', 'ami', 'ah'];

const WORD = /[\p{L}\p{N}]+/gu;
const NUMBER = /^\p{N}+$/u;
/** After sentence-ending punctuation (maybe a closing quote), before a capital, digit or opening quote. */
const SENTENCE_BREAK = /(?<=[.!?…][»"”]?)\s+(?=[\p{Lu}\p{N}»„"“])/u;
const LETTERS = [...'abcčdefghijklmnoprsštuvzž'];

/**
 * The shipped documents and the articles once, verbatim, followed by varied replicas of the
 * articles (round after round, in a seeded order) until `targetPassages` is reached. The same
 * seed always gives the same corpus, and a smaller target gives a prefix of a larger one.
 */
export function replicateCorpus(
  shipped: CorpusDocument[],
  articles: CorpusDocument[],
  options: ReplicationOptions,
): CorpusDocument[] {
  if (articles.length < 2) throw new Error('replication needs at least two articles to trade words between');
  const rng = new Prng(options.seed);
  const wordsOf = articles.map((a) =>
    ((a.title + '\n' + a.text.slice(a.bodyStart)).match(WORD) ?? []).filter((w) => !NUMBER.test(w) && w.length > 1),
  );
  const forms: FormLexicon = new Map();
  const documents = [...shipped, ...articles];
  let passages = documents.reduce((n, d) => n + chunkDocument(d).length, 0);
  for (let round = 1; passages < options.targetPassages; round++) {
    const order = rng.shuffle(articles.map((_, i) => i));
    for (const i of order) {
      if (passages >= options.targetPassages) break;
      // Any other article donates words, so topics mix a little and common words spread widely.
      let donor = rng.int(articles.length - 1);
      if (donor >= i) donor++;
      const replica = varyArticle(articles[i]!, round, wordsOf[donor]!, forms, rng);
      documents.push(replica);
      passages += chunkDocument(replica).length;
    }
  }
  return documents;
}

function varyArticle(
  article: CorpusDocument,
  round: number,
  donorWords: string[],
  forms: FormLexicon,
  rng: Prng,
): CorpusDocument {
  const paragraphs = article.text
    .slice(article.bodyStart)
    .split(PARAGRAPH_BREAK)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  rng.shuffle(paragraphs);
  const text = paragraphs.map((p) => varyWords(varySentences(p, rng), donorWords, forms, rng)).join('\n\n');
  return {
    ...article,
    slug: `${article.slug}.r${round}`,
    title: varyWords(article.title, donorWords, forms, rng),
    text,
    bodyStart: 0,
    source: `synthetic:${article.slug}#${round}`,
  };
}

function varySentences(paragraph: string, rng: Prng): string {
  const sentences = paragraph.split(SENTENCE_BREAK);
  if (sentences.length < 2) return paragraph;
  if (rng.chance(VARIATION.dropSentence)) sentences.splice(rng.int(sentences.length), 1);
  if (rng.chance(VARIATION.doubleSentence)) {
    const k = rng.int(sentences.length);
    sentences.splice(k, 0, sentences[k]!);
  }
  return sentences.join(' ');
}

function varyWords(text: string, donorWords: string[], forms: FormLexicon, rng: Prng): string {
  return text.replace(WORD, (word) => {
    if (NUMBER.test(word)) return rng.chance(VARIATION.changeNumber) ? randomNumber(word.length, rng) : word;
    if (donorWords.length > 0 && rng.chance(VARIATION.swapWord)) return matchCapital(word, rng.pick(donorWords));
    if (word.length >= 5 && rng.chance(VARIATION.otherForm)) return otherForm(word, forms, rng);
    return word;
  });
}

/** The other forms made so far of each word, shared by all replicas so forms recur. */
type FormLexicon = Map<string, string[]>;

/**
 * Another form of `word`: an earlier one again, or a new one that is less likely the more forms
 * the word already has, so the vocabulary keeps growing but ever more slowly. Half the new forms
 * change the ending (inflection: same stem), half a letter inside (a new name or spelling).
 */
function otherForm(word: string, forms: FormLexicon, rng: Prng): string {
  let known = forms.get(word);
  if (!known) forms.set(word, (known = []));
  if (known.length > 0 && !rng.chance(1 / Math.sqrt(known.length + 1))) return rng.pick(known);
  let form: string;
  if (rng.chance(0.5)) {
    form = word.slice(0, word.length - 1 - rng.int(2)) + rng.pick(ENDINGS);
  } else {
    const k = 1 + rng.int(word.length - 2);
    form = word.slice(0, k) + rng.pick(LETTERS) + word.slice(k + 1);
  }
  known.push(form);
  return form;
}

function randomNumber(digits: number, rng: Prng): string {
  let s = digits > 1 ? String(1 + rng.int(9)) : String(rng.int(10));
  while (s.length < digits) s += String(rng.int(10));
  return s;
}

/** A swapped-in word starts with a capital where the replaced one did (sentence starts stay capitalised). */
function matchCapital(original: string, replacement: string): string {
  const capital = original[0] !== original[0]!.toLowerCase();
  return capital ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;
}
