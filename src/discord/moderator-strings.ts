/**
 * The texts of the moderator commands (`/unanswered`, `/stats`, `/settings`, `/forget`, the dry
 * run and check questions of `/reload`), sl and en, apart from the readers' texts in `strings.ts`.
 */
import { counted, pluralForm } from '../view/plural.ts';
import type { Locale } from '../view/strings.ts';

/** "pod novo oznako", "pod novima oznakama", "pod novimi oznakami": the place of `n` moved hits. */
const underNewIds = (n: number) =>
  pluralForm('sl', n, {
    sl: {
      one: 'pod novo oznako',
      two: 'pod novima oznakama',
      few: 'pod novimi oznakami',
      other: 'pod novimi oznakami',
    },
    en: { one: 'under a new id', other: 'under new ids' },
  });

const sl = {
  guildOnly: 'Ta ukaz deluje le na strežniku, ne v zasebnih sporočilih.',
  forbidden: 'Za ta ukaz potrebuješ dovoljenje »Manage Server« (upravljanje strežnika).',

  unansweredTitle: 'Neodgovorjena in negotova vprašanja',
  unansweredEmpty: 'Na tem strežniku še ni vprašanja, na katerega ne bi odgovoril jasno.',
  // "Vsa vprašanja" when the list covers the whole log: "1 od 1" read oddly.
  unansweredIntro: (groups: number, covered: number, total: number) =>
    `${covered === total ? `Vsa vprašanja iz dnevnika (${counted('sl', total, 'question')})` : `Najnovejša vprašanja iz dnevnika (${covered} od ${total})`}, podobna združena: ${counted('sl', groups, 'group')}. Celoten dnevnik je v priponki.`,
  unansweredCut: (shown: number, total: number) =>
    `Priponka ima najnovejših ${shown} od ${total} vnosov (omejitev velikosti datoteke).`,

  statsTitle: 'Statistika strežnika',
  statsWindow: (days: number) => `Zadnjih ${counted('sl', days, 'day')}`,
  statsAsked: (n: number) => `Vprašanja: **${n}**`,
  statsAnswered: (share: number, clear: number) => `odgovorjenih ${share} % (jasno ${clear} %)`,
  statsAbstained: (share: number) => `brez odgovora ${share} %`,
  statsVotes: (up: number, down: number) => `Ocene: 👍 ${up} · 👎 ${down}`,
  statsCited: 'Najpogosteje navedeni odlomki',
  statsTopics: 'Najpogostejša vprašanja brez jasnega odgovora',
  statsNone: '—',
  statsChart: 'Vprašanja na dan v zadnjih 30 dneh: zeleno odgovorjena, sivo brez odgovora.',
  statsEmpty: 'Na tem strežniku še ni nihče ničesar vprašal.',

  settingsTitle: 'Nastavitve strežnika',
  settingsQaChannels: 'Kanali za vprašanja',
  settingsCooldown: 'Premor med vprašanji v kanalih',
  settingsPrivate: '/ask odgovori zasebno',
  settingsLanguage: 'Jezik javnih odgovorov',
  settingsDefault: '(privzeto)',
  settingsNoChannels: 'nobenega (odgovarjam na omembe)',
  settingsSeconds: (n: number) => `${n} s`,
  settingsYes: 'da',
  settingsNo: 'ne',
  settingsLanguageName: (locale: Locale): string => (locale === 'sl' ? 'slovenščina' : 'angleščina'),
  settingsSaved: 'Shranjeno.',
  settingsNow: 'Nastavitve strežnika:',
  settingsReset: 'Vse nastavitve so spet privzete.',
  settingsNotTextChannel: 'To ni besedilni kanal tega strežnika. Izberi besedilni kanal s seznama.',
  settingsChannelAlready: 'Ta kanal je že med kanali za vprašanja.',
  settingsChannelNotThere: 'Tega kanala ni med kanali za vprašanja.',
  settingsTooManyChannels: (max: number) => `Kanalov za vprašanja je lahko največ ${max}.`,
  settingsCooldownRange: (max: number) => `Premor mora biti celo število sekund od 0 do ${max}.`,
  settingsLanguageChoice: 'Jezik je lahko sl (slovenščina) ali en (angleščina).',
  settingsNeedsRestart:
    'Bot zdaj bere le sporočila, ki ga omenijo: da bo bral vsa vprašanja v teh kanalih, potrebuje namen Message Content (vklopi ga v Developer Portalu) in ponoven zagon.',

  forgetConfirm:
    'Res izbrišem vse, kar hranim o tem strežniku: dnevnik vprašanj, statistiko, ocene, stanje gumbov pod odgovori in nastavitve? Tega ni mogoče razveljaviti.',
  forgetYes: 'Izbriši vse',
  forgetNo: 'Prekliči',
  forgetDone: (what: string) => `Izbrisano: ${what}.`,
  forgetCancelled: 'Nič ni izbrisano.',

  dryRunTitle: 'Poskusno nalaganje: nič ni zamenjano',
  checksTitle: 'Vprašanja za preverjanje',
  checksHits: (before: number, after: number, of: number, moved: number) =>
    `Zadetki na 1. mestu: ${before}/${of} → ${after}/${of}${moved > 0 ? ` (od tega ${moved} ${underNewIds(moved)})` : ''}`,
  checksAbstained: (before: number, after: number, expected: number) =>
    `Brez odgovora: ${before} → ${after} (pričakovano ${expected})`,
  checksWorse: 'Slabše',
  checksBetter: 'Bolje',
  checksAbstain: 'brez odgovora',
  checksProblems: 'Neprebrane vrstice vprašanj za preverjanje',
  checksMoved: 'Isto besedilo pod novo oznako (popravi questions.jsonl)',
  checksUnknown: 'Pričakovani odlomki, ki jih ni ne v starem ne v novem članku',
  checksWorseWarning: (n: number) => `⚠ Slabše: ${counted('sl', n, 'question')} za preverjanje`,
};

export type ModeratorStrings = typeof sl;

const en: ModeratorStrings = {
  guildOnly: 'This command works only in a server, not in direct messages.',
  forbidden: 'This command needs the Manage Server permission.',

  unansweredTitle: 'Unanswered and unsure questions',
  unansweredEmpty: 'Nobody in this server has asked anything I could not answer clearly yet.',
  unansweredIntro: (groups, covered, total) =>
    `${covered === total ? `All questions in the log (${counted('en', total, 'question')})` : `The latest questions in the log (${covered} of ${total})`}, similar ones grouped: ${counted('en', groups, 'group')}. The whole log is attached.`,
  unansweredCut: (shown, total) => `The attachment has the latest ${shown} of ${total} entries (file size limit).`,

  statsTitle: 'Server statistics',
  statsWindow: (days) => `Last ${counted('en', days, 'day')}`,
  statsAsked: (n) => `Questions: **${n}**`,
  statsAnswered: (share, clear) => `answered ${share} % (clearly ${clear} %)`,
  statsAbstained: (share) => `not answered ${share} %`,
  statsVotes: (up, down) => `Ratings: 👍 ${up} · 👎 ${down}`,
  statsCited: 'Passages cited most',
  statsTopics: 'Questions asked most without a clear answer',
  statsNone: '—',
  statsChart: 'Questions per day over the last 30 days: green answered, grey not answered.',
  statsEmpty: 'Nobody in this server has asked anything yet.',

  settingsTitle: 'Server settings',
  settingsQaChannels: 'Q&A channels',
  settingsCooldown: 'Wait between channel questions',
  settingsPrivate: '/ask answers privately',
  settingsLanguage: 'Language of public answers',
  settingsDefault: '(default)',
  settingsNoChannels: 'none (I answer mentions)',
  settingsSeconds: (n) => `${n} s`,
  settingsYes: 'yes',
  settingsNo: 'no',
  settingsLanguageName: (locale) => (locale === 'sl' ? 'Slovenian' : 'English'),
  settingsSaved: 'Saved.',
  settingsNow: "The server's settings:",
  settingsReset: 'All settings are back to their defaults.',
  settingsNotTextChannel: 'That is not a text channel of this server. Pick a text channel from the list.',
  settingsChannelAlready: 'That channel is already a Q&A channel.',
  settingsChannelNotThere: 'That channel is not a Q&A channel.',
  settingsTooManyChannels: (max) => `There can be at most ${max} Q&A channels.`,
  settingsCooldownRange: (max) => `The wait must be a whole number of seconds from 0 to ${max}.`,
  settingsLanguageChoice: 'The language can be sl (Slovenian) or en (English).',
  settingsNeedsRestart:
    'The bot reads only messages that mention it now: to read every question in these channels it needs the Message Content intent (enable it in the Developer Portal) and a restart.',

  forgetConfirm:
    'Delete everything I keep about this server: the question log, statistics, ratings, the state behind answer buttons and the settings? This cannot be undone.',
  forgetYes: 'Delete everything',
  forgetNo: 'Cancel',
  forgetDone: (what) => `Deleted: ${what}.`,
  forgetCancelled: 'Nothing was deleted.',

  dryRunTitle: 'Dry run: nothing was swapped',
  checksTitle: 'Check questions',
  checksHits: (before, after, of, moved) =>
    `Hit@1: ${before}/${of} → ${after}/${of}${moved > 0 ? ` (${moved} under ${moved === 1 ? 'a new id' : 'new ids'})` : ''}`,
  checksAbstained: (before, after, expected) => `Not answered: ${before} → ${after} (expected ${expected})`,
  checksWorse: 'Worse',
  checksBetter: 'Better',
  checksAbstain: 'not answered',
  checksProblems: 'Check question lines not read',
  checksMoved: 'Same text under a new id (update questions.jsonl)',
  checksUnknown: 'Expected passages in neither the old nor the new corpus',
  checksWorseWarning: (n) => `⚠ ${n} check ${pluralForm('en', n, 'question')} got worse`,
};

const STRINGS: Record<Locale, ModeratorStrings> = { sl, en };

export function moderatorStrings(locale: Locale): ModeratorStrings {
  return STRINGS[locale];
}
