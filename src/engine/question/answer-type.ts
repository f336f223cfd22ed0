/**
 * What kind of answer a question asks for, from its question words: a name for "kdo", a time for
 * "kdaj", a place for "kje"/"kam", a number for "koliko" (a sum of money for "koliko stane", an
 * age for "koliko je star", a share for "koliko odstotkov", a length or weight for "kako visok"),
 * a reason for "zakaj" (and the English ones). The one list of Slovenian question words lives
 * here; stop words and the "is this a question?" test use it too.
 */
import { fold } from '../analysis/fold.ts';
import { ASKED_UNITS } from '../text/numbers.ts';

export type AnswerType =
  'person' | 'time' | 'place' | 'number' | 'money' | 'age' | 'percent' | 'measure' | 'reason' | 'other';

/** Kinds of number a passage gives as a figure with its unit ("25 evrov", "40-letni", "20 %", "72 kilometrov"). */
export const FIGURE_TYPES: ReadonlySet<AnswerType> = new Set(['money', 'age', 'percent', 'measure']);

/** Slovenian question words (folded) and what each asks for; "other" ones only mark a question. */
export const SLOVENIAN_QUESTION_WORDS: Record<string, AnswerType> = {
  kdo: 'person',
  koga: 'person',
  komu: 'person',
  kom: 'person',
  cigav: 'person',
  cigava: 'person',
  cigavo: 'person',
  cigavi: 'person',
  cigave: 'person',
  cigavih: 'person',
  kdaj: 'time',
  dokdaj: 'time',
  kje: 'place',
  kam: 'place',
  kod: 'place',
  odkod: 'place',
  kamor: 'place',
  koliko: 'number',
  kolikokrat: 'number',
  kolikic: 'number',
  kolikor: 'number',
  koliksen: 'number',
  koliksna: 'number',
  koliksno: 'number',
  koliksni: 'number',
  koliksne: 'number',
  zakaj: 'reason',
  cemu: 'reason',
  cemut: 'reason',
  kaj: 'other',
  cesa: 'other',
  cim: 'other',
  kako: 'other',
  ali: 'other',
  kateri: 'other',
  katera: 'other',
  katero: 'other',
  katere: 'other',
  katerega: 'other',
  kateremu: 'other',
  katerem: 'other',
  katerim: 'other',
  katerih: 'other',
  kaksen: 'other',
  kaksna: 'other',
  kaksno: 'other',
  kaksne: 'other',
  kaksni: 'other',
  kaksnih: 'other',
};

/** The noun of a score or a result ("rezultat", "izid"), which a how-many question may ask with "kakšen". */
const RESULT_NOUN = /^(?:rezultat|izid)(?:a|u|om|i|e|ov|ih)?$/;

/** Nouns of a time after "kateri" ("katerega dne", "ob kateri uri", "v katerem mesecu"). */
const TIME_NOUNS =
  /^(?:leto|leta|letu|letih|dan|dne|dneva|dnevu|mesec|meseca|mesecu|datum|datuma|uri|ure|minuti|minute|obdobju|casu)$/;
/** The span a day or month is counted in ("kateri dan v tednu", "katerega dne v mesecu"). */
const WITHIN_SPAN = /^(?:tednu|mesecu|letu)$/;
/** "Katera"/"katero": before "vas", the village ("kakšna vas" may ask "what worries you"). */
const FEMININE_WHICH = /^(?:katera|katero)$/;
/** Adjective endings (folded) before the noun after "kateri": -ni, -ski, -ški in their cases. */
const ADJECTIVE = /^\p{L}{2,}(?:n|sk|ck)(?:i|a|o|e|ega|emu|em|im|ih|ima|imi)$/u;
/** How many adjectives may stand between "kateri" and its noun. */
const MAX_ADJECTIVES = 2;
/**
 * "Which place / year / day / how many …" asked with "kateri"/"v katerem" plus a noun: the noun
 * says what is asked ("V katerem kraju …?", "Katerega dne …?", "Od katerega leta …?"). The bare
 * "vas" is also "you" ("Kateri vas je prepričal?"): see `FEMININE_WHICH`.
 */
const NOUN_TYPES: [RegExp, AnswerType][] = [
  [
    /^(?:kraj|mest|drzav|regij|obmocj|kontinent|celin|lokacij|prestolnic|sosesk|mestec)(?:a|e|i|o|u|ah|am|ami|ih|em|om|oma|ama|ev|ov)?$|^(?:otok|stadion|predel|okraj|kanton)(?:a|u|om|i|ov|ih|e|oma|ama)?$|^(?:ulic|pokrajin|provinc|obcin)(?:a|e|i|o|ah|am|ami)?$|^(?:okrozj|naselj)(?:e|a|u|em|ih|ima|i)?$|^vas(?:i|eh)$/,
    'place',
  ],
  [TIME_NOUNS, 'time'],
  [/^(?:oseb|clovek|politik|voditelj|predsednik|minister|ministr)/, 'person'],
  [/^(?:razlog|vzrok|namen)/, 'reason'],
  // "S kakšnim rezultatom …?": a score ("z zmago 5:2").
  [RESULT_NOUN, 'number'],
];
/** Nouns of a calendar day ("katerega dne", "kateri datum"). */
const DAY_NOUNS = /^(?:dan|dne|dneva|dnevu|datum|datuma|datumu)$/;

/**
 * A when-question that asks for a calendar day ("Katerega dne …?", "Na kateri datum …?"): "danes"
 * or "lani" does not say which day it was.
 */
export function asksCalendarDay(forms: string[]): boolean {
  const head = forms.slice(0, QUESTION_WORD_REACH);
  return head.some((w, i) => DAY_NOUNS.test(w) && afterWhich(head, i));
}

/** A noun's locative plural ending, as after "ob koliko" ("ob koliko stopinjah"). */
const LOCATIVE_PLURAL = /\p{L}{2,}(?:ih|ah|eh)$/u;

/**
 * "About" between "ob" and "koliko" ("Ob približno koliko uri …?"): the question still asks a time
 * of day where "uri" or the verb follows (see `asksTimeAfter`), not in "ob približno koliko
 * stopinj" or "ob približno koliko odstotni inflaciji".
 */
const APPROXIMATELY = /^(?:priblizno|okoli|okrog)$/;
const asksTimeAfter = (word: string) => HOUR_NOUNS.test(word) || COPULAS.has(word) || word === 'se';

/**
 * "Ob koliko …?" at `i` asks at what time, unless a noun in the locative plural after it says what
 * is counted ("ob koliko stopinjah", "ob koliko letih").
 */
const obKolikoAt = (head: string[], i: number) =>
  head[i] === 'koliko' &&
  (head[i - 1] === 'ob'
    ? !LOCATIVE_PLURAL.test(head[i + 1] ?? '')
    : APPROXIMATELY.test(head[i - 1] ?? '') && head[i - 2] === 'ob' && asksTimeAfter(head[i + 1] ?? ''));

/** Forms of "ura" (hour), the noun of a question for a time of day ("ob kateri uri"). */
const HOUR_NOUNS = /^(?:ura|uri|uro|ure)$/;

/**
 * A when-question that asks for a time of day ("Ob kateri uri …?", "Ob koliko …?"): "v soboto"
 * does not say at what time.
 */
export function asksClockTime(forms: string[]): boolean {
  const head = forms.slice(0, QUESTION_WORD_REACH);
  return head.some((w, i) => (HOUR_NOUNS.test(w) && afterWhich(head, i)) || obKolikoAt(head, i));
}

/** "Exact", "just" between "kateri" and its noun ("na kateri točen datum", "katerega točno dne"), in any form. */
const EXACT = /^(?:tocen|natancen|(?:tocn|natancn)(?:a|e|i|o|ega|emu|em|im|ih|ima|imi))$/;

/** Whether the word at `i` is the noun of "kateri"/"kakšen" before it, "exact" allowed between (see `EXACT`). */
function afterWhich(forms: string[], i: number): boolean {
  const before = forms[i - 1] ?? '';
  return WHICH_WITH_NOUN.test(before) || (EXACT.test(before) && WHICH_WITH_NOUN.test(forms[i - 2] ?? ''));
}

/** What a noun after "kateri" asks for (see `NOUN_TYPES`), if anything. */
function nounType(noun: string | undefined): AnswerType | undefined {
  if (noun) for (const [pattern, type] of NOUN_TYPES) if (pattern.test(noun)) return type;
  return undefined;
}

/** Question words that also mean "anyone", "anything", "ever", "anywhere" (see `answerTypeOfHead`). */
const INDEFINITE = new Set(['kdo', 'koga', 'komu', 'kom', 'kaj', 'cesa', 'cem', 'kdaj', 'kje', 'kam', 'kod']);
/** Forms of "biti" that may stand between "kateri" and its noun ("Kateri so razlogi …?"). */
export const COPULAS = new Set(['je', 'so', 'sta', 'bo', 'bodo', 'bi', 'bil', 'bila', 'bilo', 'bili', 'bile']);
/** Particles that may stand in a question phrase as the copula does ("koliko je pa star", "koliko je zdaj visok"). */
const PHRASE_PARTICLES = new Set(['pa', 'sploh', 'zdaj', 'ze', 'sedaj', 'tocno']);
/** A word a question phrase may have between its parts: a form of "biti" or a particle. */
const inPhrase = (word: string | undefined) => word !== undefined && (COPULAS.has(word) || PHRASE_PARTICLES.has(word));
/** How many such words may stand between a question word and the rest of its phrase ("koliko je pa bil visok"). */
const MAX_PHRASE_GAP = 3;
/**
 * "Kateri"/"kakšen" in the forms that take the name rule ("Kakšno je ime …?"): not the masculine
 * "kakšen", as "Kakšen pomen ima ime Kanye?" asks what a name means.
 */
const WHICH = /^(?:kater|kaksn)/;
/** The same, with "kakšen" too: before a noun of a kind ("kakšen rezultat", "s kakšnim rezultatom"). */
const WHICH_WITH_NOUN = /^(?:kater|kaksn|kaksen$)/;
/** Words after "koliko" that make it a question of degree ("koliko zelo", "koliko bolj"). */
const DEGREE_WORDS = new Set(['zelo', 'bolj', 'manj', 'res']);

/** How many words from the start may precede the question word ("Pred koliko leti …", "ej, vem …, ampak kolikokrat …"). */
const QUESTION_WORD_REACH = 8;

/** The verbs of "Kako se imenuje …?" (see `ASKS_FOR_NAME` and `askingPhraseWords`). */
const NAMING_VERBS = /^(?:imenuje|imenujejo|imenuj|imenoval|imenovala|imenovali)$/;
/** "Kako se imenuje …?", "Kakšno je ime …?": the answer is a name. */
const ASKS_FOR_NAME = new RegExp(`${NAMING_VERBS.source}|^(?:ime|imena|naslov|naslovil|naslovila)$`);
/** The word before such a word that makes it ask for a name: "kako", or "kateri"/"kakšen" in a form that takes the name rule. */
const opensNameQuestion = (word: string) => word === 'kako' || WHICH.test(word);
/**
 * The words before a naming verb ask what something is called when the reflexive "se" is among
 * them ("kako se imenuje", "kako se je imenoval"). Without "se" someone does the naming ("Kako
 * proizvajalci imenujejo tveganja?"), and the answer repeats the verb ("kar proizvajalci imenujejo
 * …"); "imenoval" may also be "appointed".
 */
const asksForName = (before: string[]) => before.includes('se') && before.some(opensNameQuestion);

/**
 * Question words in other cases than the listed ones ("kolikšnim", "kolika", "čigavega"), and
 * misspelt ones that still start right ("Kolikkorat").
 */
function caseFormType(word: string): AnswerType | undefined {
  if (word.startsWith('kolik')) return 'number';
  if (word.startsWith('cigav')) return 'person';
  return undefined;
}

/**
 * "Kako daleč …?", "Kako dolgo …?", and "kako" with an adjective of measure before a form of
 * "biti" ("Kako globoka je …?", "Kako star je …?") ask for a quantity; "Kako mladi gledajo …?" or
 * "Kako Velika Britanija …?" do not.
 */
const MEASURE_ADVERBS = /^(?:dalec|dolgo|globoko|visoko|drago|hitro|pogosto)$/;
const MEASURE_ADJECTIVES =
  /^(?:globok|visok|dolg|sirok|velik|tezak|tezk|star|oddaljen|hiter|hitr|drag|mlad|nizek|nizk|kratek|kratk|majhen|majhn)[aeio]?$/;

/**
 * The measure words of "kako" (see above) that ask a size, distance or speed ("Kako visok je
 * …?", "kako daleč je …", "kako hitra je …"): the answer is a length or a weight with its unit
 * ("201-centimetrski", "72 kilometrov"), which a passage with another number ("Sims je imel 20
 * let") does not give. Not "dolg", which is as often a duration ("Kako dolga je bila kazen?"),
 * nor the adverb "visoko" ("kako visoko je število").
 */
const DIMENSION_WORDS = /^(?:(?:globok|visok|sirok|tezak|tezk|oddaljen|nizek|nizk|hitr)[aei]?|hiter|dalec|globoko)$/;
/** The noun of an age, which a keyword question names ("Tom Daley starost?"). */
const AGE_NOUNS = /^starost(?:i|jo)?$/;
/** A noun of a post or title ("funkcija", "naziv"), which a question may ask for. */
const ROLE_NOUNS_ASKED = /^(?:funkcij[aeo]|naziv)$/;
/** The verb of holding a post: "Kakšno funkcijo opravlja …?" asks for a post, "Kakšno funkcijo ima …?" as often for a use. */
const HOLDS_POST = /^opravlja/;

/**
 * Whether the word at `i` asks for someone's role, which the answer names ("nekdanji predsednik
 * …") seldom with the noun: "po poklicu" ("Kaj je po poklicu?"), a post one holds ("Katero
 * funkcijo opravlja …?"), or a post or title after a name in a keyword question ("Michael
 * Steele funkcija?"). Not "Funkcija ledvic?" or "Kakšno funkcijo imajo ledvice?", where the
 * noun is the topic, nor "pokličem" (to call), which folds as a case of "poklic" would.
 */
function asksRoleAt(forms: string[], i: number): boolean {
  const word = forms[i]!;
  if (word === 'poklicu') return forms[i - 1] === 'po';
  if (!ROLE_NOUNS_ASKED.test(word)) return false;
  if (WHICH_WITH_NOUN.test(forms[i - 1] ?? '')) return forms.some((w, at) => at > i && HOLDS_POST.test(w));
  return i > 0 && !forms.some(isQuestionWord);
}
/**
 * Words after "koliko" that say what is asked, not about what: the unit of a span of time
 * ("koliko časa", "koliko dni", see `ASKED_UNITS`) and "krat" of a split "kolikokrat".
 */
const asksAfterKoliko = (word: string): boolean => Object.hasOwn(ASKED_UNITS, word) || word === 'krat';
/**
 * Time passing ("Koliko let je minilo od …?", "koliko časa je preteklo, odkar …"): after "koliko"
 * or its unit of time, the verb only says that a span is asked, which the answer gives without it
 * ("pred 24 leti"). Time passes in the neuter singular (chat drops its o: "minil"); other forms
 * are other verbs ("pretekla" is "ran"), and before a noun of time "preteklo" is "last"
 * ("preteklo leto").
 */
const ELAPSING_VERBS = /^(?:minilo|minil|mine|preteklo|pretece)$/;
/** Nouns of time after which "preteklo" is an adjective ("preteklo leto"), not time passing. */
const TIME_NOUN_AFTER = /^(?:let|leto|teden|tedn|mesec|sezon|obdobj|stolet)/;
/** "Koliko meri …?", "koliko tehta …": the verbs of measuring ask for a length or a weight. */
const MEASURING_VERBS = /^(?:meri|merijo|meril[aoi]?|tehta|tehtajo|tehtal[aoi]?)$/;
/**
 * Nouns of a dimension: "Kolikšna je višina …?", and a keyword question with no question word
 * ("Popocatepetl oddaljenost od prestolnice?") asks for one too. Not "teža", which folds to "teza"
 * (a thesis), nor "velikost", often a count ("velikost delegacije").
 */
const DIMENSION_NOUNS = /^(?:visin|globin|dolzin|sirin|razdalj|povrsin)(?:a|e|i|o|ami|ah)?$|^oddaljenost\w*$/;

/** The noun of money after "koliko" (see `askingPhraseWords`). */
const MONEY_NOUNS = /^denar(?:ja|ju|jem)?$/;
/**
 * Words of price and worth: a how-much question that uses one ("Koliko stane …?", "Za koliko se je
 * povečala cena …?", "Koliko je vreden …?") asks for a sum of money, which a passage with any
 * other number does not give.
 */
const PRICE_WORDS =
  /^(?:stan(?:e|ejo|eta)|kostal[aoi]?|cen(?:a|e|i|o|ah|am|ami)|vreden|vredn[aeio]|vrednost\w*|denar(?:ja|ju|jem)?|drago)$/;
/**
 * "stal" is also "stood" ("Koliko ljudi je stalo v vrsti?"): it asks a price only when nothing but
 * a form of "biti" or a pronoun stands between "koliko" and it ("Koliko je stalo …?", "koliko bi
 * jo stala stavka").
 */
const COST_PAST = /^stal[aoie]?$/;
/** Short pronouns that may stand between "koliko" and "stal" ("koliko bi jo stala"): they count nothing. */
const OBJECT_PRONOUNS = /^(?:ga|jo|ju|jih|jim|jima|mu|ji|me|te|nas|vas)$/;
/** "Kakšna je cena …?", "Kolikšna je vrednost …?": the noun after the question word asks for a sum of money. */
const PRICE_NOUNS = /^(?:cen(?:a|e|i|o)|vrednost\w*)$/;
/** "Koliko odstotkov …?", "Za koliko procentov …?", "Kolikšen delež …?": the answer is a share. */
const PERCENT_WORDS = /^(?:odstot\w*|procent\w*|delez\w*)$/;
/** "star" of "Koliko je star …?", "Kako stara je …?": the answer is an age. */
const AGE_WORDS = /^(?:star|stara|staro|stari|stare)$/;
/** Forms of "imeti" after "koliko let" ("Koliko let ima …?"): an age too. */
const HAS = /^(?:ima|imata|imajo)$/;

/**
 * Where a how-much question asks an age, the indexes of the words that say so: "koliko (let) je
 * star", "kako star(a) je", "koliko let ima", "pri kolikih letih". Only there: "Koliko
 * prebivalcev ima Stara Zagora?" and "Koliko otrok imajo stari starši?" ask no age.
 */
function agePhrase(forms: string[]): number[] {
  for (let i = 0; i < forms.length; i++) {
    if (forms[i] === 'kako' && AGE_WORDS.test(forms[i + 1] ?? '')) return [i + 1];
    // "Pri kolikih letih …?"
    if (forms[i - 1] === 'pri' && /^kolik(?:ih|o)$/.test(forms[i]!) && forms[i + 1] === 'letih') return [i, i + 1];
    if (forms[i] !== 'koliko') continue;
    const phrase: number[] = [];
    let j = i + 1;
    if (forms[j] === 'let') {
      if (HAS.test(forms[j + 1] ?? '')) return [j];
      phrase.push(j++);
    }
    const gapFrom = j;
    while (j - gapFrom < MAX_PHRASE_GAP && inPhrase(forms[j])) j++;
    if (AGE_WORDS.test(forms[j] ?? '')) return [...phrase, j];
  }
  return [];
}

/** A how-much question about a price: a price word, or "stal" with nothing counted before it. */
function asksPrice(forms: string[]): boolean {
  if (forms.some((w) => PRICE_WORDS.test(w))) return true;
  const at = forms.indexOf('koliko');
  if (at < 0) return false;
  for (let j = at + 1; j < forms.length && j <= at + MAX_PHRASE_GAP; j++) {
    if (COST_PAST.test(forms[j]!)) return true;
    if (!inPhrase(forms[j]) && !OBJECT_PRONOUNS.test(forms[j]!)) return false;
  }
  return false;
}

/**
 * Which of a question's words (folded, standard forms) only say what kind of answer is asked, as
 * "how long" or "how old" do in English, and are no topic of it: "časa" in "koliko časa", the
 * measure word in "kako dolgo" or "kako globoka je", and "star"/"let" in an age question. A
 * passage answers such a question with a figure, without repeating them.
 */
export function askingPhraseWords(type: AnswerType, forms: string[]): Set<number> {
  const out = new Set<number>(type === 'age' ? agePhrase(forms) : []);
  forms.forEach((word, i) => {
    const previous = forms[i - 1] ?? '';
    // Whatever else the question asks first ("kam potuje in za koliko časa"); the unit of a
    // span is asked for too ("koliko dni" is answered by "dvodnevni obisk", "tri tedne").
    if (previous === 'koliko' && asksAfterKoliko(word)) out.add(i);
    if (
      ELAPSING_VERBS.test(word) &&
      !TIME_NOUN_AFTER.test(forms[i + 1] ?? '') &&
      afterCopulas(forms, i, (q, at) => q === 'koliko' || (out.has(at) && forms[at - 1] === 'koliko'))
    )
      out.add(i);
    if (
      (type === 'number' || type === 'age' || type === 'money' || type === 'measure') &&
      previous === 'kako' &&
      (MEASURE_ADVERBS.test(word) || MEASURE_ADJECTIVES.test(word))
    )
      out.add(i);
    // Chat asks "koliko dolgo", "koliko daleč" as it asks "kako dolgo".
    if (type === 'number' && previous === 'koliko' && MEASURE_ADVERBS.test(word)) out.add(i);
    // "Koliko denarja …?" asks for a sum, which the answer gives without the word ("2 milijona USD").
    if (type === 'money' && previous === 'koliko' && MONEY_NOUNS.test(word)) out.add(i);
    // "Kolikšna je višina …?", "Popocatepetl oddaljenost od prestolnice?": the answer gives the
    // figure ("72 kilometrov od glavnega mesta"), seldom the noun.
    if (type === 'measure' && (MEASURING_VERBS.test(word) || DIMENSION_NOUNS.test(word))) out.add(i);
    if (type === 'age' && AGE_NOUNS.test(word)) out.add(i);
    if (type === 'person' && asksRoleAt(forms, i)) out.add(i);
    // "Koliko odstotkov …?" is answered by "90 %" as often as by "90 odstotkov".
    if (type === 'percent' && PERCENT_WORDS.test(word)) out.add(i);
    // "Kako se imenuje …?" asks for a name, which the answer gives without the verb ("podjetje
    // Inrupt"). Not the noun "ime", which the answer may hold ("spremenili ime v …").
    if (type === 'person' && NAMING_VERBS.test(word) && asksForName(forms.slice(Math.max(0, i - 3), i))) out.add(i);
    // "Katerega dne …?", "Na kateri dan v tednu …?" are answered by "v petek", seldom with "dan".
    // A minute is named with its number ("v 65. minuti"), so it stays.
    if (type === 'time' && TIME_NOUNS.test(word) && !word.startsWith('minut') && afterWhich(forms, i)) out.add(i);
    // "Ob koliko uri …?" says "uri" as "ob kateri uri" does; the answer gives the hour ("ob 19.30").
    if (type === 'time' && HOUR_NOUNS.test(word) && obKolikoAt(forms, i - 1)) out.add(i);
    // "Exact" after "kateri" asks how precisely, not about what ("iz katerega točnega mesta",
    // "kakšna je točna cena").
    if (EXACT.test(word)) {
      let at = i - 1;
      while (at > i - 3 && COPULAS.has(forms[at] ?? '')) at--;
      if (WHICH_WITH_NOUN.test(forms[at] ?? '')) out.add(i);
    }
    if (type === 'time' && WITHIN_SPAN.test(word) && previous === 'v' && out.has(i - 2)) out.add(i);
    // "a mi lahko kdo pove, kdo je bil …", "a kdo ve, …": asking anyone who can tell, which the
    // answer does not repeat ("Kdo pove, da …?" asks who says it).
    if (ASKING_ANYONE_BEFORE.has(previous)) {
      const verb = tellingVerbAfter(forms, i);
      if (verb >= 0) out.add(verb);
    }
    // "S kakšnim rezultatom …?" is answered by the score ("5:2"), not by the word "rezultat".
    if (
      type === 'number' &&
      RESULT_NOUN.test(word) &&
      (WHICH_WITH_NOUN.test(previous) || /^koliks(?:en$|n)/.test(previous))
    )
      out.add(i);
  });
  return out;
}

/** What a question asks for: the kind of answer, and whether that answer is a name ("Kako se imenuje …?"). */
export interface Asked {
  type: AnswerType;
  /** The answer is a name, which a sentence without a new one cannot give (a who-question may be answered by "45-letni moški"). */
  name: boolean;
}

/** The answer type of a question's words (folded, in standard form, filler left out), looking at its first few words. */
export function slovenianAnswerType(forms: string[]): AnswerType {
  return slovenianAsked(forms).type;
}

/** What a question's words (as for `slovenianAnswerType`) ask for. */
export function slovenianAsked(forms: string[]): Asked {
  const head = forms.slice(0, QUESTION_WORD_REACH);
  const found = answerTypeOfHead(head);
  if (found === 'name') return { type: 'person', name: true };
  return { type: refinedType(head, found), name: false };
}

/** A how-many or untyped question refined by its nouns: a price, a share, an age, a size, a role. */
function refinedType(head: string[], type: AnswerType): AnswerType {
  if (type === 'other' && head.some((_, i) => asksRoleAt(head, i))) return 'person';
  if (type === 'other' && !head.some(isQuestionWord)) {
    if (head.some((w) => DIMENSION_NOUNS.test(w))) return 'measure';
    // "Tom Daley starost?"
    if (head.some((w) => AGE_NOUNS.test(w))) return 'age';
  }
  if (type !== 'number') return type;
  if (asksPrice(head)) return 'money';
  if (head.some((w) => PERCENT_WORDS.test(w))) return 'percent';
  if (agePhrase(head).length > 0) return 'age';
  if (asksDimension(head)) return 'measure';
  return type;
}

/**
 * A how-much question about a size, distance or weight: "kako visok", "koliko je bil visok" (as
 * chat says it), "koliko meri", "kolikšna je višina".
 */
function asksDimension(head: string[]): boolean {
  return head.some(
    (w, i) =>
      (DIMENSION_WORDS.test(w) && afterCopulas(head, i, (q) => q === 'kako' || q === 'koliko')) ||
      (MEASURING_VERBS.test(w) && afterCopulas(head, i, (q) => q === 'koliko')) ||
      (i > 0 && head[i - 1]!.startsWith('koliksn') && DIMENSION_NOUNS.test(w)) ||
      (i > 1 && head[i - 2]!.startsWith('koliksn') && COPULAS.has(head[i - 1]!) && DIMENSION_NOUNS.test(w)),
  );
}

/**
 * The word before `at`, forms of "biti" and particles between left out ("koliko je pa bil visok" →
 * "koliko"), is `is`.
 */
function afterCopulas(head: string[], at: number, is: (word: string, at: number) => boolean): boolean {
  let i = at - 1;
  while (i > 0 && at - i <= MAX_PHRASE_GAP && inPhrase(head[i])) i--;
  return i >= 0 && is(head[i]!, i);
}

/**
 * A question word after "če" is indefinite, also with small words between ("če bi kdo napadel",
 * "če ju kdo napade", "če bi jih kdo napadel", "če pa kdo", "če je kdo").
 */
const afterIf = (forms: string[], i: number): boolean => {
  const between = forms.slice(0, i).lastIndexOf('ce');
  return (
    between >= 0 &&
    i - between <= 3 &&
    forms.slice(between + 1, i).every((w) => IF_PARTICLES.has(w) || OBJECT_PRONOUNS.test(w))
  );
};
/** Verbs of knowing and telling after "kdo" when a chat message asks anyone: "a kdo ve", "lahko kdo pove". */
const TELLING = new Set([
  've',
  'pove',
  'razlozi',
  'povedal',
  'povedala',
  'razlozil',
  'razlozila',
  'povedat',
  'razlozit',
]);
/** Words before "kdo pove" or "kdo ve" that make it ask anyone who can tell ("a mi lahko kdo pove"). */
const ASKING_ANYONE_BEFORE = new Set(['a', 'ali', 'lahko', 'mi', 'nam', 'bi', 'prosim']);
/** Words that may stand between "kdo" and its verb of telling ("a mi kdo lahko pove"). */
const BEFORE_TELLING = new Set(['lahko', 'bi', 'mi', 'nam']);
/** Words after which "kdo ve" may name what is asked: the question word follows within these. */
const ASKED_WITHIN = 3;
/** Question words that ask yes or no, or mean "or" ("Putin ali Kim?"): none names what is asked. */
const YES_NO = new Set(['ali', 'a', 'al']);

/** Where the verb of telling after "kdo" at `i` stands ("kdo pove", "kdo lahko pove"), or -1. */
function tellingVerbAfter(forms: string[], i: number): number {
  if (forms[i] !== 'kdo') return -1;
  const verb = BEFORE_TELLING.has(forms[i + 1] ?? '') ? i + 2 : i + 1;
  return TELLING.has(forms[verb] ?? '') ? verb : -1;
}

/** "kdo" asking for anyone who knows, with the question word right after ("a kdo ve, kdaj …"). */
const askingAnyone = (forms: string[], i: number): boolean =>
  (tellingVerbAfter(forms, i) >= 0 || (forms[i] === 'kdo' && forms[i - 1] === 've')) &&
  forms
    .slice(i + 1, i + 1 + ASKED_WITHIN)
    .some((w) => w !== 'kdo' && !YES_NO.has(w) && Object.hasOwn(SLOVENIAN_QUESTION_WORDS, w));

/** Words that may stand between "če" and an indefinite question word. */
const IF_PARTICLES = new Set(['bi', 'je', 'se', 'pa', 'ze']);

/** "kako"/"kateri" at `at` opens a question for a name ("Kako se imenuje …?", "Kateri je naslov …?"). */
const asksName = (head: string[], at: number): boolean =>
  opensNameQuestion(head[at] ?? '') && head.slice(at + 1, at + 4).some((w) => ASKS_FOR_NAME.test(w));

/** The answer type the question words at the head give, 'name' for a question for a name (see `Asked`). */
function answerTypeOfHead(head: string[]): AnswerType | 'name' {
  if (asksName(head, 0)) return 'name';
  /** Where the last question word read as indefinite stands (see below). */
  let indefiniteAt = -2;
  for (let i = 0; i < head.length; i++) {
    const word = head[i]!;
    // After "če" a question word is indefinite: "če bi kdo napadel" is "if anyone attacked"; so
    // is "kdo", "kaj", "kdaj" or "kje" after "že" ("ali je že kdaj" is "has it ever"; "že koliko
    // let" still asks) or before "koli" ("kdaj koli"), and one right after such a word ("že kdaj kdo").
    if (afterIf(head, i)) continue;
    // "a kdo ve, koliko …", "a mi lahko kdo pove, kje …": "kdo" asks for anyone who can tell;
    // the question word after it is what is asked.
    if (askingAnyone(head, i)) {
      // "a kdo ve, kako se imenuje …" still asks for a name.
      const opening = head.findIndex((w, j) => j > i && opensNameQuestion(w));
      if (opening >= 0 && asksName(head, opening)) return 'name';
      continue;
    }
    if (INDEFINITE.has(word) && (head[i - 1] === 'ze' || head[i + 1] === 'koli' || indefiniteAt === i - 1)) {
      indefiniteAt = i;
      continue;
    }
    const type = Object.hasOwn(SLOVENIAN_QUESTION_WORDS, word) ? SLOVENIAN_QUESTION_WORDS[word] : caseFormType(word);
    // "koliko zelo" asks how much, not how many.
    if (type === 'number' && DEGREE_WORDS.has(head[i + 1] ?? '')) return 'other';
    // "Zaradi česa …?" asks why; "Ob koliko …?" at what time (see `obKolikoAt`).
    if ((word === 'cesa' || word === 'cega') && head[i - 1] === 'zaradi') return 'reason';
    if (obKolikoAt(head, i)) return 'time';
    if (type && type !== 'other') return type;
    if (word === 'kako') {
      const measure = head[i + 1] ?? '';
      if (MEASURE_ADVERBS.test(measure) || (MEASURE_ADJECTIVES.test(measure) && COPULAS.has(head[i + 2] ?? '')))
        return 'number';
    }
    if (WHICH_WITH_NOUN.test(word)) {
      // "Kateri so razlogi …": a form of "biti" may stand before the noun; after "kakšen" only
      // before a price ("Kakšna je cena …?"): "Kakšno je bilo leto …" asks for a description.
      // "Exact" may stand before the noun too ("kakšna je točna cena").
      const pastExact = (at: number) => (EXACT.test(head[at] ?? '') ? at + 1 : at);
      let next = i + 1;
      while (next < i + 3 && COPULAS.has(head[next] ?? '')) next++;
      if (PRICE_NOUNS.test(head[pastExact(next)] ?? '')) return 'money';
      next = pastExact(word.startsWith('kater') ? next : i + 1);
      const noun = head[next];
      // "Katera vas", "v katero vas": the village; "kateri vas" is "which of you".
      if (noun === 'vas' && FEMININE_WHICH.test(word)) return 'place';
      const typed = nounType(noun);
      if (typed) return typed;
      // After a preposition an adjective or two may stand before the noun ("v katerem mestnem
      // predelu", "v kateri zvezni državi"): the noun after them says what is asked, if it says
      // anything. Not otherwise, where a noun in -ni may come first ("kateri zakoni države").
      const afterPreposition = PREPOSITIONS.has(head[i - 1] ?? '');
      for (let at = next; afterPreposition && at < next + MAX_ADJECTIVES && ADJECTIVE.test(head[at] ?? ''); at++) {
        const after = nounType(head[at + 1]);
        if (after) return after;
      }
    }
  }
  return 'other';
}

/** Prepositions that may come before a question word ("od kod", "do kdaj", "s kom", "za koliko"). */
export const PREPOSITIONS = new Set([
  'od',
  'do',
  's',
  'z',
  'za',
  'pri',
  'na',
  'v',
  'o',
  'po',
  'proti',
  'med',
  'iz',
  'k',
  'h',
  'pred',
  'nad',
  'pod',
]);
/**
 * Question words in any of their case forms ("katerega", "kakšnih", "čigavi", "kolikšna"), and no
 * other words that start alike ("katering", "kolike").
 */
const QUESTION_WORD_FORMS =
  /^(?:(?:kater|kaksn|koliksn|cigav)(?:a|e|i|o|u|ega|emu|em|im|ih|imi|ima)|kaksen|koliksen|cigav)$/;

/** A folded Slovenian question word, in any of its forms. */
export const isQuestionWord = (word: string): boolean =>
  Object.hasOwn(SLOVENIAN_QUESTION_WORDS, word) || QUESTION_WORD_FORMS.test(word);

/**
 * Words (folded) that go on from what was said, before a question word that opens a question: "in
 * kdaj …", "pa zakaj …" (not "a", which also opens a new question: "a je …?").
 */
export const GOING_ON: ReadonlySet<string> = new Set(['in', 'pa']);

/**
 * True when a message reads as a question: it ends with "?" or starts with a Slovenian question
 * word, perhaps after a preposition ("od kod", "s kom") or a word that goes on from what was said
 * ("in kdaj …", "pa zakaj …"), or with the colloquial "a je …". No English ones: "do", "is" or
 * "can" also start Slovenian statements ("Do petka bo …").
 */
export function looksLikeQuestion(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.endsWith('?')) return true;
  const [first = '', second = ''] = fold(trimmed).match(/\p{L}+/gu) ?? [];
  // Not a statement that merely starts so: "Pa kaj, saj ni pomembno."
  const goesOn = GOING_ON.has(first) && !/[.!]$/.test(trimmed);
  return (
    isQuestionWord(first) ||
    ((PREPOSITIONS.has(first) || goesOn) && isQuestionWord(second)) ||
    (first === 'a' && second === 'je')
  );
}

/** Words (folded) that ask for something without a question word: "povej več", "tell me more". */
const REQUESTS = new Set(
  'povej povejte razlozi razlozite pojasni pojasnite opisi opisite navedi nastej tell explain describe'.split(' '),
);

/**
 * True when a message asks something, wherever it says so: it reads as a question (see
 * `looksLikeQuestion`), or holds a question word ("Hvala, kdaj pa je bil podpis") or a request
 * ("Povej več o sankcijah"). What a reply to an answer must do to be answered: "aha, razumem",
 * "ni res" and "narobe" under an answer ask nothing.
 */
export function asksSomething(text: string): boolean {
  if (looksLikeQuestion(text)) return true;
  return (fold(text).match(/\p{L}+/gu) ?? []).some((w) => isQuestionWord(w) || REQUESTS.has(w));
}
