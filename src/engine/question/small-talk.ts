/**
 * Small talk: a message of nothing but greetings (the "how are you?" kind too), thanks,
 * acknowledgements, laughter, goodbyes or a bare call for help ("živjo", "Hvala za odgovor!",
 * "dober dan", "ok lol", "živjo, kako si?", "thank you", "pomoč", "help"). It asks nothing of the
 * article ("pomoč" alone asks how to use the bot, not about the article's "vzajemna pomoč"), so
 * "nothing in the article relates" is the wrong reply to it; the faces say what the bot is for
 * instead, and moderators' lists of unanswered questions leave it out.
 *
 * The words are general chat usage, Slovenian and the English a Slovenian chat mixes in, written
 * here rather than taken from the engine's filler list: that list also holds words that carry no
 * search weight but do ask ("povej", "vprašanje"), which are not small talk.
 */
import { fold } from '../analysis/fold.ts';
import { cleanQuestion } from './clean.ts';

/** Thanks (folded), small talk on their own. */
export const THANKS: ReadonlySet<string> = new Set(
  'hvala hvalca najlepsa thanks thank thx tnx ty merci mersi'.split(' '),
);
/** Words that are small talk on their own (folded: no č/š/ž, lower case). */
const SMALL_TALK = new Set(
  (
    [...THANKS].join(' ') +
    ' zivjo zivijo zdravo pozdravljeni pozdravljena pozdravljen pozdrav lp hej hejla hejo ej ojla hi hey hello yo ' +
    'dober dobro good morning evening adijo adio nasvidenje cao ciao bye ' +
    'ok okej okay oki aha aja super kul bravo odlicno zanimivo top ' +
    'lol lmao rofl xd'
  ).split(' '),
);
/** A bare call for help, which is small talk too but asks something: how to use the bot. */
const HELP = new Set('pomoc help navodila pomagaj pomagajte'.split(' '));
/** Words that go with small talk ("hvala *za odgovor*", "*lep* pozdrav", "dober *dan*") but are none alone. */
const ALONGSIDE = new Set(
  (
    'lepa lep lepo zelo res ti vam vsem vsi za odgovor odgovore pomoc dan vecer jutro noc ' +
    'se vidimo enkrat in pa no ja you so much very all bro brate guys folks ' +
    'rabim potrebujem prosim pls please me mi nam'
  ).split(' '),
);
/**
 * Greetings said as a question ("kako si?", "kaj dogaja?", "how are you?"), folded: they ask after
 * the reader, not the article. Not "kaj se dogaja?" or "kaj je novega?", which may well ask what
 * the article reports.
 */
const GREETING_QUESTIONS = [
  'kako si',
  'kako ste',
  'kako gre',
  'kako kaj',
  'kako je kaj',
  'kako si kaj',
  'kako ste kaj',
  'kako gre kaj',
  'kako se imas',
  'kako se imate',
  'kaj dogaja',
  'kaj delas',
  'kaj delate',
  'kaj pa ti',
  'kaj pa vi',
  'how are you',
  'how are you doing',
  'how is it going',
  'how s it going',
  'what s up',
  'sup',
];
const GREETING_QUESTION = phrases(GREETING_QUESTIONS);
/** What a greeting question stands in for: a word that is small talk on its own. */
const A_GREETING = 'hej';

/**
 * Questions about the bot itself ("kdo si?", "kaj znaš?", "kako te uporabljam?"), folded: calls
 * for help, which the article cannot answer ("uporabljati" in it is about something else).
 */
const ABOUT_THE_BOT = [
  'kdo si',
  'kdo ste',
  'kaj si',
  'kaj znas',
  'kaj znate',
  'kaj vse znas',
  'kaj lahko naredis',
  'kaj lahko vprasam',
  'kaj naj vprasam',
  'kako naj vprasam',
  'kako vprasam',
  'si bot',
  'ali si bot',
  'a si bot',
  'kako te uporabljam',
  'kako te uporabim',
  'kako se te uporablja',
  'kako delujes',
  'kako deluje bot',
  'kako uporabljam bota',
  'who are you',
  'what are you',
  'what can you do',
  'how do i use you',
];
const ABOUT_BOT = phrases(ABOUT_THE_BOT);
/** What a question about the bot stands in for: a call for help. */
const A_CALL_FOR_HELP = 'pomoc';

/** A pattern for any of `list` (folded words, one space between) as whole words of a folded text. */
function phrases(list: readonly string[]): RegExp {
  return new RegExp(`(?<=^| )(?:${[...list].sort((a, b) => b.length - a.length).join('|')})(?= |$)`, 'g');
}

/** "hvala za pomoč" thanks for help given: chat (not "pomoč, prosim, hvala"). */
const THANKS_FOR_HELP = new RegExp(
  `(?:^| )(?:${[...THANKS].join('|')})(?: you)?(?: lepa)? (?:za|for)(?: the| your)? (?:pomoc|help)(?= |$)`,
);

/** Laughter however long: "haha", "hahahah", "hehe". */
const LAUGHTER = /^(?:h?a(?:ha)+h?|he(?:he)+)$/;

/** `question` is only small talk, with at least one word that is small talk on its own. */
export function isSmallTalk(question: string): boolean {
  return smallTalkKind(question) !== undefined;
}

/**
 * What kind of small talk `question` is: a call for help ("pomoč", "rabim pomoč, prosim"), which
 * wants an answer even where members talk among themselves; chat (greetings, thanks, laughter);
 * or undefined when it is none.
 */
export function smallTalkKind(question: string): 'help' | 'chat' | undefined {
  const words = cleanQuestion(question)
    .match(/\p{L}+/gu)
    ?.map(fold)
    .join(' ')
    .replace(ABOUT_BOT, A_CALL_FOR_HELP)
    .replace(GREETING_QUESTION, A_GREETING)
    .split(' ');
  if (!words) return undefined;
  const alone = (word: string) => SMALL_TALK.has(word) || HELP.has(word) || LAUGHTER.test(word);
  if (!words.every((word) => alone(word) || ALONGSIDE.has(word)) || !words.some(alone)) return undefined;
  return words.some((word) => HELP.has(word)) && !THANKS_FOR_HELP.test(words.join(' ')) ? 'help' : 'chat';
}
