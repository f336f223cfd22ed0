/**
 * The words of a question as a reader means them: split from the cleaned question, with the part
 * that asks marked apart from chatter around it, spacing slips mended and colloquial forms read
 * as standard words. Later steps (`search/query.ts`) turn them into search concepts.
 */
import type { Span } from '../types.ts';
import { fold } from '../analysis/fold.ts';
import { JOINERS, WORD } from '../analysis/analyze.ts';
import { abbreviationKey } from '../analysis/acronyms.ts';
import { isQuestionWord, PREPOSITIONS } from './answer-type.ts';
import { endsWithAbbreviation } from '../text/sentences.ts';

export interface QuestionWord extends Span {
  /** The word as a search form: folded, mended and in its standard form. */
  form: string;
  /** Written with a capital inside the question ("… obiskal Vietnam"): a name. */
  capitalised: boolean;
  /**
   * Written in small letters in a question that writes its names with capitals (some word inside
   * it, not an abbreviation, is capitalised): no name, even where an article has one spelt alike
   * ("urbanizmu" beside "v Avstraliji" is not the name Urban). A word capitalised at the start of
   * a sentence may still be one ("Michael Steele funkcija?").
   */
  smallInCasedQuestion: boolean;
  /** Written in capitals ("ZN", "US"): an abbreviation, never a function word. */
  acronym: boolean;
  /** For an abbreviation, the key of the initials of what it stands for (see `acronyms.ts`). */
  abbreviation?: string;
  /**
   * How much the word belongs to the question proper, in (0, 1]: 1 in the sentence that asks,
   * lower in greetings and remarks around it ("hvala za odgovor. kdo je …?").
   */
  emphasis: number;
  /**
   * In a clause that introduces the question (before a colon or a frame such as "me zanima,"; see
   * `preambleClauses` and `questionParts`): it hints at the topic rather than asks.
   */
  preamble: boolean;
  /** Chat filler or politeness: kept for the question type, but no search weight. */
  filler: boolean;
  /** Which of the sentences that ask the word is in, the first 0 ("… plime? kje točno?" has two). */
  clause?: number;
  /** The form was changed by spacing or colloquial mending (weaker than a word as typed). */
  mended: boolean;
}

/**
 * Emphasis of words outside the sentence that asks. Low rather than zero: "pa še to me zanima:
 * Putin?" may still name the topic before the colon.
 */
export const CHATTER_EMPHASIS = 0.2;
/**
 * A name in the chatter is still a topic ("lmao kanye 😂 ok resno: kako se imenuje album?"):
 * it keeps this much emphasis.
 */
export const NAME_IN_CHATTER_EMPHASIS = 0.7;

/**
 * Words of a question read at most: a question is a sentence or two, and everything per word
 * (typo and spacing mending) then costs a bounded time however much text is pasted.
 */
export const MAX_QUESTION_WORDS = 80;

/**
 * The words of the cleaned question, in order, with capitals and emphasis (the first
 * `MAX_QUESTION_WORDS`). `opensQuestion` tells a folded question word (by default the standard
 * Slovenian ones; the engine adds their colloquial forms).
 */
export function splitQuestion(
  cleaned: string,
  opensQuestion: (folded: string) => boolean = isQuestionWord,
  knownWhole: (folded: string) => boolean = () => false,
  isFiller: (folded: string) => boolean = () => false,
): QuestionWord[] {
  const firstLetter = cleaned.search(/\p{L}/u);
  const { asking, preambles } = questionParts(cleaned, opensQuestion, isFiller);
  const capitals = capitalsOf(cleaned);
  const words: QuestionWord[] = [];
  /** Each word written in small letters, and each an abbreviation, with a case ending or not ("ZN-ju"). */
  const small: boolean[] = [];
  const abbreviated: boolean[] = [];
  for (const match of cleaned.matchAll(WORD)) {
    if (words.length >= MAX_QUESTION_WORDS) break;
    for (const [start, written] of clockParts(match.index, match[0]) ?? camelParts(match.index, match[0], knownWhole)) {
      const end = start + written.length;
      const clause = asking.findIndex((s) => start >= s.start && end <= s.end);
      words.push({
        start,
        end,
        form: fold(written),
        acronym: capitals !== 'shouted' && inCapitals(written),
        ...(capitals !== 'shouted' ? abbreviationOf(written) : {}),
        capitalised:
          capitals === 'meaningful' &&
          start > firstLetter &&
          STARTS_CAPITAL.test(written) &&
          !isSentenceStart(cleaned, start, opensQuestion),
        emphasis: clause >= 0 ? 1 : CHATTER_EMPHASIS,
        ...(clause >= 0 ? { clause } : {}),
        preamble: preambles.some((s) => start >= s.start && end <= s.end),
        filler: false,
        mended: false,
        smallInCasedQuestion: false,
      });
      small.push(!STARTS_CAPITAL.test(written));
      abbreviated.push(inCapitals(written.split(JOINERS)[0]!));
    }
  }
  // An abbreviation is written in capitals whatever the writer does with names ("putin o ZN").
  const namesByCase = words.some((w, i) => w.capitalised && !abbreviated[i]);
  if (namesByCase) words.forEach((w, i) => (w.smallInCasedQuestion = small[i]!));
  return words;
}

const CAPITAL = /\p{Lu}/u;

/** Two or more letters, all capitals ("ZN", "US"). */
function inCapitals(written: string): boolean {
  return written.length > 1 && written === written.toUpperCase() && CAPITAL.test(written);
}
const STARTS_CAPITAL = /^\p{Lu}/u;

/** Words written with letters, counted to tell a shouted or title-cased question. */
const LETTER_WORD = /\p{L}{2,}/gu;
/** A question of at least this many words all in capitals, or all capitalised, says nothing by its capitals. */
const MIN_WORDS_FOR_STYLE = 3;

/**
 * What capitals say in this question. `meaningful`: the usual writing, where a capital inside the
 * question marks a name and a word in capitals an abbreviation. `shouted`: written in capitals
 * throughout ("KDO JE PODPISAL SPORAZUM"), so neither is told by the case. `everywhere`: every
 * word capitalised ("Kdo Je Podpisal Sporazum"), so a capital marks no name; an abbreviation
 * still stands out in capitals. Names the corpus writes as names are still known as such.
 */
function capitalsOf(text: string): 'meaningful' | 'shouted' | 'everywhere' {
  const words = text.match(LETTER_WORD) ?? [];
  if (words.length < MIN_WORDS_FOR_STYLE) return 'meaningful';
  if (!/\p{Ll}/u.test(text)) return 'shouted';
  if (words.every((w) => STARTS_CAPITAL.test(w))) return 'everywhere';
  return 'meaningful';
}

/**
 * Where `camelParts` splits: before a capital after two small letters, or after a one-letter
 * preposition that opens the word, and before a figure after three small letters.
 */
const CAMEL_SPLITS = /(?<=\p{Ll}{2})(?=\p{Lu})|(?<=^[vszkho])(?=\p{Lu}(?:\p{Ll}{3}|\p{Lu}))|(?<=\p{Ll}{3})(?=\p{N})/gu;

/** A time of day as chat writes it, the hour and "h" ("ob 14h", "ob 8h30"). */
const HOURS_WRITTEN = /^([01]?\d|2[0-4])[hH]([0-5]\d)?$/;

/**
 * The hour and minutes of a time written "14h" or "8h30", as news writes them apart ("ob 14.00",
 * "ob 8.30"), or undefined for any other word.
 */
function clockParts(start: number, word: string): [number, string][] | undefined {
  const clock = HOURS_WRITTEN.exec(word);
  if (!clock) return undefined;
  const hour = clock[1]!;
  const minutes = clock[2];
  return minutes === undefined
    ? [[start, hour]]
    : [
        [start, hour],
        [start + hour.length + 1, minutes],
      ];
}

/**
 * A word with a capital after a small letter inside is two words with the space missing
 * ("svetuZN", "treneraLukea", "jePutin", "vZdruženem", "oPutinu", "vZDA"), and so is a word with
 * a figure glued to its end ("obtoženi45-letnik"). Names written that way ("McDonald", "LeBron",
 * "iPhone") keep a part of at most two letters before the capital, other than a one-letter
 * preposition, so they stay whole, and so do units ("kWh") and codes in capitals ("MH17"); so
 * does any word the corpus knows as written (`knownWhole`: "Nova24TV", "vSphere").
 */
function camelParts(start: number, word: string, knownWhole: (folded: string) => boolean): [number, string][] {
  // Most words have no such capital: no need to look for every place one could be.
  if (word.search(CAMEL_SPLITS) < 0 || knownWhole(fold(word))) return [[start, word]];
  const parts: [number, string][] = [];
  let from = 0;
  for (const m of word.matchAll(CAMEL_SPLITS)) {
    parts.push([start + from, word.slice(from, m.index)]);
    from = m.index;
  }
  parts.push([start + from, word.slice(from)]);
  return parts;
}

/**
 * A capital right after a sentence end or colon is not a name sign ("Hvala. Kdo …"); after a title
 * or an initial it is ("hči ge. Ednan-Laperouse", "J. Biden"), unless a question word follows.
 */
function isSentenceStart(text: string, at: number, opensQuestion: (folded: string) => boolean): boolean {
  const stop = /([.!?:…])\s*$/.exec(text.slice(Math.max(0, at - 4), at));
  if (!stop) return false;
  if (stop[1] !== '.') return true;
  const end = Math.max(0, at - 4) + stop.index + 1;
  const word = /(?:^|[\s(])(\p{L}+)\.$/u.exec(text.slice(Math.max(0, end - ABBREVIATION_REACH), end))?.[1];
  if (word === undefined) return true;
  const next = /^\s*(\p{L}+)/u.exec(text.slice(end))?.[1];
  if (next !== undefined && opensQuestion(fold(next))) return true;
  return !(BEFORE_NAMES.has(word.toLowerCase()) || (word.length === 1 && word === word.toUpperCase()));
}
/**
 * Abbreviations around names that questions about English-language news use besides those of
 * passages (`sentences.ts`): "hči ge. Davis", "Kenneth Polite Jr.". A full stop after them ends no clause.
 */
const NAME_ABBREVIATIONS = new Set(['ge', 'gos', 'jr', 'sr', 'mr', 'mrs', 'ms']);
/**
 * Abbreviations after which a capital is still a name's ("ga. Davis", "dr. Ford", "npr. Berlin"):
 * titles and the like. Not "itd." or a month, after which a new sentence may well start.
 */
const BEFORE_NAMES = new Set([...NAME_ABBREVIATIONS, 'g', 'ga', 'gdč', 'dr', 'mag', 'prof', 'sv', 'npr', 'oz', 'tj']);

/** How far back a full stop's abbreviation is looked for (see `isSentenceStart`). */
const ABBREVIATION_REACH = 12;

/**
 * The parts of the text that ask: sentences ending in "?"; when there is none, whatever follows
 * the last colon ("pa še nekaj: kaj …"); failing that, the sentences that open with a question
 * word (chat often leaves out the "?": "meni se zdi, da blefira. kaj je rekel o zahodu"); the
 * whole text when none applies; and the preambles that introduce them (see `preambleClauses`),
 * with what a frame cuts off. `opensQuestion` tells a folded word that opens a question ("kaj",
 * and colloquial "kva").
 */
function questionParts(
  text: string,
  opensQuestion: (folded: string) => boolean,
  isFiller: (folded: string) => boolean,
): { asking: Span[]; preambles: Span[] } {
  const segments = segmentsOf(text, opensQuestion);
  const asking: Span[] = [];
  // What a frame such as "me zanima," cuts off before the question introduces it (see `afterFrame`).
  const framed: Span[] = [];
  for (const clause of clauseSpans(text, segments, opensQuestion)) {
    const part = afterFrame(
      text,
      afterDash(text, afterButClause(text, clause, opensQuestion), opensQuestion, isFiller),
      opensQuestion,
    );
    asking.push(part);
    if (part.start > clause.start) framed.push({ start: clause.start, end: part.start });
  }
  return { asking, preambles: [...preambleClauses(text, segments, asking), ...framed] };
}

/** A word written in small letters. */
const SMALL_WORD = /(?<![\p{L}])\p{Ll}\p{L}*/gu;
/** Words in small letters that make a clause a remark rather than a bare name ("Joe Biden."). */
const MIN_REMARK_WORDS = 2;

/**
 * The clauses that introduce the question: one that ends in a colon ("pišem seminarsko o
 * Indoneziji, pa me zanima: …") and a remark before it ("delam prezentacijo o volitvah v ZDA.
 * katere …?"); `questionParts` adds what comes before a frame such as "me zanima,". A name there
 * hints at the topic; a bare name said first ("Joe Biden. Kdo je …?") is asked about.
 */
function preambleClauses(text: string, segments: Span[], asking: Span[]): Span[] {
  const firstAsking = Math.min(...asking.map((a) => a.start));
  return segments.filter(
    (s) =>
      /:\s*$/.test(text.slice(s.start, s.end)) ||
      (s.end <= firstAsking && (text.slice(s.start, s.end).match(SMALL_WORD) ?? []).length >= MIN_REMARK_WORDS),
  );
}

/**
 * Words that announce a question ("me zanima", "bi rad vedel", "rad bi vedel", "imam vprašanje"), the word after
 * them, and the one after that (looked at, not taken: the next frame may start there). With a
 * colon they end a clause already; with a comma or nothing they do not.
 */
const FRAME =
  /(?:^|[\s,;])(?:(?:me|nas|te)\s+(?:pa\s+)?(?:zanima|zanimalo)|zanima\s+(?:me|nas)|(?:(?:bi|sem)\s+(?:rad|rada|radi|hotel|hotela)|(?:rad|rada|radi)\s+bi)\s+(?:vedel|vedela|vedeli|izvedel|izvedela|vpra[sš]al|vpra[sš]ala)|(?:imam|eno)\s+vpra[sš]anje)[\s,;–-]+(\p{L}+)(?=(?:\s+(\p{L}+))?)/dgiu;

/**
 * The asking part of a span that first says who asks and why: "hej, pišem seminarsko o
 * Indoneziji, pa me zanima, zakaj so tam potresi tako pogosti?" asks only "zakaj so … pogosti",
 * as it would after a colon. The introduction keeps chatter emphasis (a name in it still tells
 * the topic). Only when a question word follows the frame, or opens a later clause after a
 * clause saying why one asks, with nothing asking in between ("Zanima me, ker pišem seminarsko o
 * …, kdaj je …"), and none comes before the frame.
 */
function afterFrame(text: string, span: Span, opensQuestion: (folded: string) => boolean): Span {
  const clause = text.slice(span.start, span.end);
  for (const match of clause.matchAll(FRAME)) {
    if (asks(clause.slice(0, match.index), opensQuestion)) return span;
    const next = fold(match[1]!);
    // The question word may follow a preposition ("me zanima, na katerem stadionu …").
    // After a preposition even "čim" asks ("s čim so ga napadli?").
    const opens = opensQuestion(next) || (PREPOSITIONS.has(next) && opensQuestion(fold(match[2] ?? '')));
    if (opens && !RELATIVE.has(next)) return { start: span.start + match.indices![1]![0], end: span.end };
    if (!WHY_ONE_ASKS.has(next)) continue;
    const later = laterAskingClause(clause, match.indices![1]![0], opensQuestion);
    if (later !== undefined) return { start: span.start + later, end: span.end };
  }
  return span;
}

/**
 * Conjunctions (folded) that open a clause saying why one asks: "ker pišem …", "saj sem bral …".
 * Not "ko" or "odkar", whose clause narrows the question ("Zanima me, ko je prvič prišel, s kom
 * se je srečal?").
 */
const WHY_ONE_ASKS = new Set(['ker', 'saj', 'kajti']);

/** A clause opener after a comma or semicolon: its first word and the one after it. */
const CLAUSE_OPENER = /[,;]\s*(\p{L}+)(?:\s+(\p{L}+))?/gu;

/**
 * Where the first clause of `clause` after `from` that opens with a question word (perhaps after
 * a preposition) starts, when nothing before it asks; undefined when there is none.
 */
function laterAskingClause(
  clause: string,
  from: number,
  opensQuestion: (folded: string) => boolean,
): number | undefined {
  for (const match of clause.slice(from).matchAll(CLAUSE_OPENER)) {
    const first = fold(match[1]!);
    const opens =
      (opensQuestion(first) && !RELATIVE.has(first)) ||
      (PREPOSITIONS.has(first) && opensQuestion(fold(match[2] ?? '')));
    const at = from + match.index + match[0].indexOf(match[1]!);
    if (opens) return asks(clause.slice(from, at), opensQuestion) ? undefined : at;
  }
  return undefined;
}

/** The words of a text, folded. */
function foldedWords(text: string): string[] {
  return (text.match(/\p{L}+/gu) ?? []).map(fold);
}

/** Some word of `text` asks a question itself (a relative word such as "kolikor" does not). */
function asks(text: string, opensQuestion: (folded: string) => boolean): boolean {
  return foldedWords(text).some((w) => !RELATIVE.has(w) && opensQuestion(w));
}

/** "but" before a question word: what comes before it excuses or introduces the question. */
const BUT = /(?:^|[\s,;])(ampak|vendar|toda|samo|but)\s+(\p{L}+)/giu;
/** Relative words that look like question words but ask nothing ("vendar kolikor vem"). */
const RELATIVE = new Set(['kolikor', 'kamor', 'cim', 'kar', 'ki']);

/**
 * The asking part of a span that says something first and then asks after a "but": "sorry, če
 * je glupo vprašanje, ampak kaj je Tanjug" asks only "kaj je Tanjug". Not when the part before
 * asks itself ("Kdo je trdil, da ni šlo za napad, ampak kaj drugega?").
 */
function afterButClause(text: string, span: Span, opensQuestion: (folded: string) => boolean): Span {
  const clause = text.slice(span.start, span.end);
  for (const match of clause.matchAll(BUT)) {
    const next = fold(match[2]!);
    if (RELATIVE.has(next) || !opensQuestion(next)) continue;
    const cut = match.index + match[0].indexOf(match[1]!);
    return asks(clause.slice(0, cut), opensQuestion) ? span : { start: span.start + cut, end: span.end };
  }
  return span;
}

/**
 * Words before the first comma of a text ("hej,", "ok,", "mogoče veš,"): a greeting when all are
 * chat, and there may be several.
 */
const OPENING_GREETING = /^[^,]*,/u;

/** A dash between words, before a question word. */
const DASH = /\s[–—-]\s+(\p{L}+)/gu;

/**
 * The asking part of a span that makes a remark and then asks after a dash, as after a colon:
 * "hej, ravno berem o Erdoganu v Nemčiji – kako ga vidijo nemški Turki?" asks only "kako ga
 * vidijo …". Only when what comes before is chat (a greeting, thanks, talk about the article:
 * `isFiller`) in a remark of words in small letters, and asks nothing itself: a topic put first
 * ("veto v varnostnem svetu – kdaj je bil?") is asked about.
 */
function afterDash(
  text: string,
  span: Span,
  opensQuestion: (folded: string) => boolean,
  isFiller: (folded: string) => boolean,
): Span {
  const clause = text.slice(span.start, span.end);
  for (const match of clause.matchAll(DASH)) {
    const next = fold(match[1]!);
    if (RELATIVE.has(next) || !opensQuestion(next)) continue;
    const before = clause.slice(0, match.index);
    if (asks(before, opensQuestion)) return span;
    // The chat must be in the remark itself: a greeting before a comma opens a topic put first
    // as often as a remark ("hej, veto v varnostnem svetu – kdaj je bil?").
    let remark = before;
    for (let greeting = OPENING_GREETING.exec(remark); greeting; greeting = OPENING_GREETING.exec(remark)) {
      if (!foldedWords(greeting[0]).every(isFiller)) break;
      remark = remark.slice(greeting[0].length);
    }
    if ((remark.match(SMALL_WORD) ?? []).length < MIN_REMARK_WORDS || !foldedWords(remark).some(isFiller)) return span;
    return { start: span.start + match.index + match[0].length - match[1]!.length, end: span.end };
  }
  return span;
}

/** The text cut into clauses at sentence ends, colons, line breaks and emoji. */
function segmentsOf(text: string, opensQuestion: (folded: string) => boolean = () => false): Span[] {
  const segments: Span[] = [];
  // Emoji end a clause as often as punctuation does ("sorry 😅 a je …?"), and so does an ellipsis,
  // typed as three full stops or as the one character phones put in ("bral sem o tem… kaj pa …").
  // An ellipsis inside a question ("Kdaj je Kim… obiskal Rusijo?") ends a clause too: telling that
  // pause from a remark ("kje si… Putin je obiskal Pjongjang?", "kaj je rekel Putin… sem bral o
  // tem") misread one kind or the other.
  const boundary = /[.!?:…]+(?=\s|$)|\n+|\p{Extended_Pictographic}+/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    if (match[0] === '.' && !endsClause(text, start, end, opensQuestion)) continue;
    segments.push({ start, end });
    start = end;
  }
  if (start < text.length) segments.push({ start, end: text.length });
  return segments;
}

/**
 * Whether the full stop ending `text[start, end)` ends a clause: always before a question word
 * ("iz leta 2020. koliko ljudi …", "raketah itd. Kdo …"); otherwise not after an ordinal or a date
 * that the sentence goes on from ("v 18. okrožju", "30. septembra", "30. 6. 2018"), nor after an
 * abbreviation or an initial ("ga. Davis", "dr. Ford", "J. Biden", "s. koreja").
 */
function endsClause(text: string, start: number, end: number, opensQuestion: (folded: string) => boolean): boolean {
  const before = text.slice(start, end);
  // A question word after the full stop starts a new clause whatever stood before it ("leta 2018. kdo je …").
  const nextWord = /^\s+(\p{L}+)/u.exec(text.slice(end))?.[1];
  if (nextWord !== undefined && opensQuestion(fold(nextWord))) return true;
  if (/\d\.$/.test(before) && /^\s+[\p{Ll}\d]/u.test(text.slice(end))) return false;
  // Chat writes a name's initial in small letters too ("s. koreja").
  if (/(?:^|[\s(])\p{L}\.$/u.test(before)) return false;
  const word = /(\p{L}+)\.$/u.exec(before)?.[1]?.toLowerCase();
  return !(word !== undefined && NAME_ABBREVIATIONS.has(word)) && !endsWithAbbreviation(before);
}

function clauseSpans(text: string, segments: Span[], opensQuestion: (folded: string) => boolean): Span[] {
  const hasLetters = (s: Span) => /\p{L}/u.test(text.slice(s.start, s.end));
  const asking = segments.filter((s) => hasLetters(s) && /\?\s*$/.test(text.slice(s.start, s.end)));
  if (asking.length > 0) return asking;
  const afterColon = segments.findLastIndex((s) => /:\s*$/.test(text.slice(s.start, s.end)));
  const rest = segments.slice(afterColon + 1).filter(hasLetters);
  if (afterColon >= 0 && rest.length > 0) return rest;
  // The question word may follow a particle ("pa kaj …", "in kdo …", "a kdaj …").
  const opening = segments.filter((s) =>
    (text.slice(s.start, s.end).match(/\p{L}+/gu) ?? []).slice(0, 2).some((w) => opensQuestion(fold(w))),
  );
  if (opening.length > 0) return opening;
  return [{ start: 0, end: text.length }];
}

function abbreviationOf(written: string): { abbreviation?: string } {
  const key = abbreviationKey(written);
  return key === null ? {} : { abbreviation: key };
}
