import type { AnswerType } from './answer-type.ts';

/**
 * Function words of English that Slovenian does not share (so "in", "a", "to", "on", "so", "do"
 * are left out): two or more of them in a question, making up a fair share of its words, mark it
 * as English. They are dropped from the search like Slovenian stop words.
 */
const ENGLISH_FUNCTION_WORDS = new Set([
  'the',
  'of',
  'an',
  'and',
  'or',
  'but',
  'for',
  'with',
  'from',
  'about',
  'into',
  'over',
  'after',
  'before',
  'between',
  'during',
  'against',
  'under',
  'through',
  'at',
  'by',
  'than',
  'then',
  'that',
  'this',
  'these',
  'those',
  'there',
  'what',
  'which',
  'who',
  'whom',
  'whose',
  'when',
  'where',
  'why',
  'how',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'am',
  'does',
  'did',
  'done',
  'doing',
  'have',
  'has',
  'had',
  'having',
  'will',
  'would',
  'shall',
  'should',
  'can',
  'could',
  'may',
  'might',
  'must',
  'not',
  'yes',
  'it',
  'its',
  'he',
  'she',
  'they',
  'them',
  'their',
  'theirs',
  'his',
  'her',
  'hers',
  'him',
  'we',
  'our',
  'us',
  'you',
  'your',
  'my',
  'mine',
  'myself',
  'himself',
  'itself',
  'themselves',
  'any',
  'some',
  'all',
  'both',
  'each',
  'other',
  'such',
  'very',
  'much',
  'many',
  'more',
  'most',
  'also',
  'just',
  'only',
  'again',
  'ever',
  'still',
  'yet',
  'according',
  'whether',
  'while',
  'if',
  'because',
  'as',
  'up',
  'out',
  'off',
  'down',
  'kind',
  'sort',
  'type',
  'get',
  'got',
  'make',
  'made',
  'happen',
  'happens',
  'happened',
  'go',
  'going',
  'one',
  'ones',
  'anything',
  'something',
  'thing',
  'things',
  'way',
  'say',
  'says',
  'said',
  'tell',
  'told',
  'really',
  'actually',
  'please',
  'thanks',
]);

/** Words also common in Slovenian questions: never counted as signs of English. */
const SHARED_WITH_SLOVENIAN = new Set(['a', 'in', 'to', 'on', 'so', 'do', 'no', 'me', 'i', 'je', 'se', 'pa', 'ja']);

/** Words after "thank" that make it politeness ("thank you"), not the verb a question asks about ("who did Putin thank?"). */
const THANKED = new Set(['you', 'u', 'ya', 'yall', 'god']);

/** The word at `at` is the "thank" of "thank you": politeness, which carries no weight. */
export function isPoliteThank(forms: readonly string[], at: number): boolean {
  return forms[at] === 'thank' && THANKED.has(forms[at + 1] ?? '');
}

export function isEnglishFunctionWord(folded: string): boolean {
  return ENGLISH_FUNCTION_WORDS.has(folded) || SHARED_WITH_SLOVENIAN.has(folded);
}

/**
 * The small words inside an English title ("Memories of the Land and Water", "The Lord of the
 * Rings"); a capitalised word of other kinds is the title's own ("Still Game").
 */
const TITLE_FUNCTION_WORDS = new Set([
  'the',
  'a',
  'an',
  'of',
  'and',
  'or',
  'in',
  'on',
  'at',
  'to',
  'for',
  'with',
  'from',
  'by',
]);
export const isTitleFunctionWord = (folded: string): boolean => TITLE_FUNCTION_WORDS.has(folded);
/** The articles that may open an English title ("The Lord of the Rings"). */
export const isEnglishArticle = (folded: string): boolean => folded === 'the' || folded === 'a' || folded === 'an';

/** Words that make "how" a question of quantity ("how long", "how old"): part of the question word, not of the topic. */
/** The adjectives of size or distance after "how" ("how deep", "how tall"): they ask a length or weight. */
const HOW_MEASURE = ['far', 'deep', 'high', 'tall', 'wide', 'heavy'];
const HOW_QUANTITY = new Set(['many', 'much', 'long', 'old', 'often', ...HOW_MEASURE]);

/** True for the "long" of "how long" (and the like) at `i` in the question's folded words. */
export const isPartOfHow = (forms: string[], i: number): boolean =>
  forms[i - 1] === 'how' && HOW_QUANTITY.has(forms[i] ?? '');

/**
 * True when the (folded) words of a question read as English rather than Slovenian.
 * `isEnglishWord` tells an English word that is not also an everyday Slovenian one.
 */
export function looksEnglish(words: string[], isEnglishWord: (word: string) => boolean = () => false): boolean {
  const english = words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length;
  if (english >= 2 && english >= words.length * 0.25) return true;
  // A short question with one function word ("Does North Korea back Russia's war?"): English
  // when most of its other words are English and not Slovenian.
  const content = words.filter((w) => !ENGLISH_FUNCTION_WORDS.has(w) && !SHARED_WITH_SLOVENIAN.has(w));
  return (
    english >= 1 && content.length > 0 && content.filter(isEnglishWord).length >= content.length * ENGLISH_CONTENT_SHARE
  );
}

/** Share of a question's other words that must be English for one function word to mark it English. */
const ENGLISH_CONTENT_SHARE = 0.6;

const ENGLISH_QUESTION_TYPES: [RegExp, AnswerType][] = [
  [/^(?:who|whom|whose)\b/, 'person'],
  [/^when\b|^(?:(?:on|in|at|by) )?(?:what|which) (?:exact )?(?:year|month|day|date|time)\b/, 'time'],
  [/^where\b/, 'place'],
  // The price or worth of something ("how much does it cost", "how expensive", "what is the price").
  [
    /^how expensive\b|^how much\b.*\b(?:cost|costs|costed|worth|price|pay|paid|money)\b|^what (?:is|was|are|were) the (?:price|cost|value)\b/,
    'money',
  ],
  [/^how old\b|^what age\b|^at what age\b/, 'age'],
  [/^(?:how many|what|by how many|by what) (?:percent|per cent|percentage|share)\b/, 'percent'],
  // A size, distance or weight ("how deep", "how tall"); "how long" is as often a duration.
  [new RegExp(`^how (?:${HOW_MEASURE.join('|')})\\b`), 'measure'],
  // "how long" and the like (see HOW_QUANTITY), and "how" with an adjective of quantity ("how big").
  [/^how (?:many|much|long|often|big|large|fast)\b/, 'number'],
  [/^why\b/, 'reason'],
];

/** An English question for a calendar day ("On which day …?", "What date …?"), folded words. */
export function englishAsksDay(folded: string): boolean {
  return /\b(?:which|what)\s+(?:exact\s+)?(?:day|date)\b/.test(folded);
}

/** An English question for a time of day ("At what time …?", "What time …?"). */
export function englishAsksClock(folded: string): boolean {
  return /\b(?:what|which)\s+(?:exact\s+)?(?:time|hour)\b(?!\s+(?:period|frame|span|zone|of\s+(?:the\s+)?year))/.test(
    folded,
  );
}

/** What an English question asks for, from its opening words (after any leading "and", "so", "according to X,"). */
export function englishAnswerType(folded: string): AnswerType {
  const text = folded.replace(/^[^a-z]+/, '');
  for (const [pattern, type] of ENGLISH_QUESTION_TYPES) if (pattern.test(text)) return type;
  const clause = /(?:,\s*)((?:who|when|where|why|how \w+)\b.*)$/.exec(text);
  if (clause) for (const [pattern, type] of ENGLISH_QUESTION_TYPES) if (pattern.test(clause[1]!)) return type;
  return 'other';
}
