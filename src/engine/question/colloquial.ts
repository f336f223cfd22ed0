/**
 * Chat Slovenian read as standard Slovenian: listed colloquial forms ("kva" → "kaj", "zdej" →
 * "zdaj"), past participles in -u ("reku" → "rekel", "zahvalu" → "zahvalil", "obiskau" →
 * "obiskal") or without their i ("zmenla" → "zmenila"), short infinitives ("nahranit" →
 * "nahraniti"), present plurals without their i ("hodjo" → "hodijo"), adjectives without the e
 * of -ega/-emu ("prvga" → "prvega"), and filler that
 * carries no weight ("hvala", "lol"), even where the corpus happens to use the word. Other words
 * the corpus itself uses are left as they are.
 */
import { stemKey } from '../analysis/stem.ts';
import type { ChatForms } from '../lexicon/chat-forms.ts';
import { isQuestionWord, PREPOSITIONS } from './answer-type.ts';
import type { QuestionWord } from './question-words.ts';
import type { WordKnowledge } from './word-knowledge.ts';

/** Endings a colloquial -u participle stands for, most common first ("reku" → "rekel"). */
const PARTICIPLE_ENDINGS = ['il', 'el', 'al', 'l', 'ol'];
/**
 * Conjunctions after which chat asks a second question ("… pa kolk je bil star"), when a form of
 * "biti" follows: "… in kolk" at the end is "and the hip".
 */
const JOINING_QUESTIONS = new Set(['pa', 'in', 'ter']);
/** Not "si" or "bi", which are as often a pronoun and a conditional ("in kolk si je zlomila"). */
const FORMS_OF_BITI = /^(?:je|so|sta|ste|smo|sem|bo|bodo|bosta|bil[aoie]?)$/;
/**
 * Only after a question that asks something itself: a yes-no question ("a si je zlomila roko pa
 * kolk je ostal cel?") goes on about the hip.
 */
const YES_NO = new Set(['ali', 'a']);
function asksWhich(form: string): boolean {
  return isQuestionWord(form) && !YES_NO.has(form);
}

/** The question opens with a question word that asks which (also after a preposition: "za kaj", "s kom"). */
function opensWithQuestionWord(words: QuestionWord[], opening: number, chat: ChatForms): boolean {
  const standard = (i: number) => chat.standardOf(words[i]?.form ?? '') ?? words[i]?.form ?? '';
  return asksWhich(standard(opening)) || (PREPOSITIONS.has(standard(opening)) && asksWhich(standard(opening + 1)));
}
/** A standard form the corpus lacks (a participle, an adjective) must at least be an everyday word to be read into a question. */
const MIN_STANDARD_COUNT = 100;

/** The standard participle behind a colloquial one, when the corpus or everyday usage knows it. */
export function participle(form: string, k: WordKnowledge): string | undefined {
  if (form.length < 4) return undefined;
  const stem = form.slice(0, -1);
  // After a vowel the u stands for the l alone ("obiskau" → "obiskal", "naredu" aside); a
  // consonant before the l of -la/-lo/-li lost its i ("zmenla" → "zmenila"), and one before a
  // bare l its i or e ("hodl" → "hodil", "mogl" → "mogel"), where speech does not list the form
  // as written: "strl" (crushed), "umrl" or "Karl" are words of their own.
  const candidates = /[aei]u$/.test(form)
    ? [stem + 'l']
    : /[bcdfghjklmnprstvzž]u$/.test(form)
      ? PARTICIPLE_ENDINGS.map((e) => stem + e)
      : /[bcdfghjkmnprstvzž]l[aoi]$/.test(form)
        ? [`${form.slice(0, -2)}i${form.slice(-2)}`]
        : /[bcdfghjkmnprstvzž]l$/.test(form) && k.count(form) === 0
          ? [`${stem}il`, `${stem}el`]
          : [];
  // A word people use first: the corpus is asked by key, and "sodel" (of "sodu", for "sodil") is
  // no word, only the stem the corpus cuts "sodelovanje" to. The bare l keeps its place: a verb
  // that drops its e ("uvedu" for "uvedel") is met in the corpus as "uvedla", "uvedli".
  return (
    candidates.find((c) => k.inCorpus(c) && (k.count(c) > 0 || c === `${stem}l`)) ??
    candidates
      .filter((c) => k.count(c) >= MIN_STANDARD_COUNT && k.count(c) > k.count(form))
      .sort((a, b) => k.count(b) - k.count(a))[0] ??
    candidates.find((c) => k.inCorpus(c))
  );
}

/**
 * The short infinitive of speech ("moram naredit", "grem nahranit", "a bo probal odstavit"): the
 * infinitive without its last i. The stemmer takes -iti, -ati and -eti from longer words but
 * leaves a bare -it, so "nahranit" never met "nahranil".
 */
const SHORT_INFINITIVE = /[aei]t$/;

/** The standard infinitive behind a short one, when the corpus or everyday usage knows it. */
function fullInfinitive(form: string, k: WordKnowledge): string | undefined {
  if (form.length < 5 || !SHORT_INFINITIVE.test(form)) return undefined;
  const standard = `${form}i`;
  // The corpus is asked by key, and the stemmer cuts "planeti" to "plan": a listed word ("planet",
  // "profit", "banket") is a short infinitive only if the long form is the commoner one.
  return (k.inCorpus(standard) && k.count(form) === 0) ||
    (k.count(standard) >= MIN_STANDARD_COUNT && k.count(standard) > k.count(form))
    ? standard
    : undefined;
}

/** A verb's -ijo ("they …") without its i, as speech drops it ("hodjo", "rabjo", "govorjo"). */
const DROPPED_I_PLURAL = /[bcdfghklmnprstvz]jo$/;

/** The standard present plural behind a form that dropped its i, when everyday usage knows it. */
function pluralWithI(form: string, k: WordKnowledge): string | undefined {
  if (form.length < 5 || !DROPPED_I_PLURAL.test(form)) return undefined;
  const standard = `${form.slice(0, -2)}ijo`;
  // A word people use, not a key the corpus has: a noun's instrumental ends so too ("živaljo",
  // whose "živalijo" cuts to the corpus key of "žival").
  // Only an unlisted form: "željo" and "vodjo" are words of their own, and "misjo" is more
  // likely "misijo" (a mission) mistyped than a verb.
  return k.count(form) === 0 && k.count(standard) >= MIN_STANDARD_COUNT ? standard : undefined;
}

/** An adjective's -ega/-emu ending without its e, as speech drops it ("prvga", "novmu"). */
const DROPPED_E = /[bcdfghjklmnprstvz](ga|mu)$/;

/**
 * The standard adjective behind a form that dropped the e of -ega/-emu ("prvga" → "prvega"), or
 * the je of -jega/-jemu with it ("zadnga" → "zadnjega", "tretga" → "tretjega"), when the corpus
 * or everyday usage knows it.
 */
function withEndingE(form: string, k: WordKnowledge): string | undefined {
  const match = DROPPED_E.exec(form);
  if (!match || form.length < 4) return undefined;
  const stem = form.slice(0, -2);
  const withE = `${stem}e${match[1]}`;
  if (k.inCorpus(withE) || k.count(withE) >= MIN_STANDARD_COUNT) return withE;
  // Only an adjective speech uses with -jega or -jemu: "Konga" is no "konjega", though "konj" is a word.
  const withJe = `${stem}je${match[1]}`;
  return k.count(`${stem}jega`) + k.count(`${stem}jemu`) >= MIN_STANDARD_COUNT ? withJe : undefined;
}

/**
 * Whether "pol" at `i` is "half" ("pol ure", "pol milijona", "dve in pol", "ob pol petih") rather
 * than chat for "potem" ("kam gre pol", "kaj bo pol delal"), which articles with "pol ure" in
 * them would otherwise keep as a topic word.
 */
function isHalf(words: QuestionWord[], i: number): boolean {
  const next = words[i + 1]?.form ?? '';
  const before = words[i - 1]?.form ?? '';
  return (
    HALF_OF.test(next) ||
    // one of the wholes people halve, alone or after an adjective or pronoun ("pol sveta", "pol
    // ukrajinskega prebivalstva", "pol vseh ljudi"; not "pol drugih naredili"), or "pol na pol"
    (GENITIVE_MODIFIER.test(next) && WHOLES.test(words[i + 2]?.form ?? '')) ||
    WHOLES.test(next) ||
    (next === 'na' && words[i + 2]?.form === 'pol') ||
    before === 'in' ||
    before === 'ob' ||
    before === 'na' ||
    /^\d/.test(next)
  );
}
/** A whole's adjective or pronoun in the genitive ("ukrajinskega", "vseh"). */
const GENITIVE_MODIFIER = /^(?:vseh|vsega|\p{L}{2,}(?:ega|ih))$/u;
/** Wholes people halve, in the genitive ("pol sveta"); the units and amounts are in `HALF_OF`. */
const WHOLES =
  /^(?:sveta|evrope|drzave|mesta|ljudi|prebivalstva|prebivalcev|place|ekipe|kozarca|steklenice|casa|zemlje|vsote|denarja)$/;
/** What "pol" halves: a unit of time, a count or an amount, or a number word. */
const HALF_OF =
  /^(?:ur[aeio]?|leta|let|dneva|dni|meseca|tedna|minute|minut|sekunde|stoletja|milijona|milijarde|ducata|kilograma|kile|litra|metra|kilometra|cene|poti|ene|dveh|treh|stirih|petih|sestih|sedmih|osmih|devetih|desetih|enajstih|dvanajstih|manj|vec)$/;

/** A chat form cut short is used at most this share as often as its standard word ("dost" beside "dosti"). */
const CUT_FORM_SHARE = 0.05;

/**
 * Standard forms of the words. `participles` also reads unknown words in -u as participles; it
 * runs after spacing is mended, so the first half of a split word ("zapu stil") is not misread.
 */
export function standardForms(
  words: QuestionWord[],
  chat: ChatForms,
  k: WordKnowledge,
  participles: boolean,
): QuestionWord[] {
  const opening = words.findIndex((w) => w.emphasis === 1 && !chat.isFiller(w.form));
  // Whether a chat question word after "pa" or "in" may open a second question (see below).
  const asksSecond = opening >= 0 && opensWithQuestionWord(words, opening, chat);
  return words.map((w, i) => {
    // A filler word is a name where the question capitalises one the corpus names ("Ty Burrell").
    if (chat.isFiller(w.form) && !(w.capitalised && k.isCorpusName(w.form))) return { ...w, filler: true };
    // An abbreviation written in capitals is no chat form: "PR službo" is not "pri službo".
    const listed = w.acronym ? undefined : chat.standardOf(w.form);
    // The word that opens the question is its question word: "kolk je star …" asks "koliko",
    // even where some article uses "kolk" (the hip) as a word of its own; so is the word after
    // an opening preposition ("s kolkim rezultatom …").
    // A second question joined by a conjunction ("zakaj je umrl pa kolk je bil star") opens there too,
    // and so does the opening question word asked again after one, before what it counts ("kolk
    // zmag … pa kolk porazov"; not "na kolk", "umetni kolk" or "kolk vem").
    const asksHere =
      i === opening ||
      (opening >= 0 && i === opening + 1 && PREPOSITIONS.has(words[opening]!.form)) ||
      (opening >= 0 &&
        i > opening &&
        JOINING_QUESTIONS.has(words[i - 1]!.form) &&
        ((asksSecond && FORMS_OF_BITI.test(words[i + 1]?.form ?? '')) ||
          (w.form === words[opening]!.form && i + 1 < words.length)));
    const asks = asksHere && listed !== undefined && isQuestionWord(listed);
    // A chat form the corpus writes (nearly) only as a name is the chat word where the question
    // does not write it with a capital inside it: "al je ostal" is "ali", though one article
    // names "Sis Al Jufri". A name typed in small letters loses that part ("bašar al asad"); its
    // other parts still find it, and "X al Y" ("Koreja al kaj") is far more often the chat word.
    const chatNotName = listed !== undefined && !w.capitalised && k.isCorpusName(w.form);
    // A chat form cut short to its standard word's key is that word, though the corpus "has" it
    // by that key: "tist" is "tisti", a function word, and "tocn" is "točno", filler; as written
    // they were topic words. Not a form much used as written: "čist" (clean) is a word of its own
    // beside "čisto".
    const sameWord =
      listed !== undefined && stemKey(listed) === stemKey(w.form) && k.count(w.form) < CUT_FORM_SHARE * k.count(listed);
    if (
      !sameWord &&
      k.inCorpus(w.form) &&
      !k.isStopword(w.form) &&
      !asks &&
      !chatNotName &&
      !(w.form === 'pol' && !isHalf(words, i))
    )
      return w;
    // After a preposition a word is a noun's case ("o joku", "v miru"), never a participle.
    const afterPreposition = i > 0 && PREPOSITIONS.has(words[i - 1]!.form);
    // A function word is read only through the list: "mnenju" of "po Putinovem mnenju" is no
    // chat participle ("mnenjil" would make it a topic word again).
    const reread = !k.isStopword(w.form);
    // Verb forms are read after spacing is mended, and never after a preposition.
    const asVerb = reread && participles && !afterPreposition;
    const standard =
      listed ??
      (asVerb ? (participle(w.form, k) ?? fullInfinitive(w.form, k) ?? pluralWithI(w.form, k)) : undefined) ??
      (reread ? withEndingE(w.form, k) : undefined);
    if (!standard) return w;
    // "nism zastopu" is "nisem razumel": talk about the conversation once read as standard.
    return { ...w, form: standard, mended: true, filler: chat.isFiller(standard) };
  });
}
