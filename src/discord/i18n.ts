/**
 * UI text. Slovenian is the default (the article is Slovenian); English goes to clients set to
 * en-US or en-GB. Discord has no Slovenian client locale, so every other locale gets Slovenian.
 */
import type { QuestionCheck } from '../engine/question-limit.ts';
import type { SkippedFile } from '../engine/corpus/list-files.ts';

export type Locale = 'sl' | 'en';

export function localeOf(discordLocale: string | null | undefined): Locale {
  return discordLocale === 'en-US' || discordLocale === 'en-GB' ? 'en' : 'sl';
}

export interface DiffCounts {
  added: number;
  removed: number;
  changed: number;
}

const sl = {
  notAnswered: 'Članek na to vprašanje ne odgovarja.',
  maybeRelated: 'Morda povezano:',
  nothing: 'V članku ni ničesar, kar bi bilo povezano s tem vprašanjem.',
  paragraph: '¶',
  bestSentence: 'Najboljši stavek',
  emptyQuestion: 'Vprašanje je prazno. Napiši, kaj te zanima o članku.',
  questionTooLong: (length: number, max: number) => `Vprašanje je predolgo (${length} znakov, največ ${max}). Vprašaj krajše.`,
  passageNotFound: (id: string) => `Odlomka z oznako \`${id}\` ni. Začni tipkati in izberi oznako s seznama.`,
  aboutTitle: 'O zbirki člankov',
  aboutDocuments: 'Članki',
  aboutPassages: 'Odlomki',
  aboutVersion: 'Različica',
  aboutLoadedAt: 'Naloženo',
  passagesOf: (n: number) => `${n} odl.`,
  reloadGuildOnly: 'Ponovno nalaganje je mogoče le na strežniku, ne v zasebnih sporočilih.',
  reloadForbidden: 'Za ponovno nalaganje potrebuješ dovoljenje »Upravljanje strežnika«.',
  reloadBusy: 'Ponovno nalaganje že poteka, počakaj trenutek.',
  reloadDone: 'Zbirka je ponovno naložena.',
  reloadUnchanged: (version: string) => `Brez sprememb: različica \`${version}\` ostaja.`,
  reloadVersion: (from: string, to: string) => `Različica \`${from}\` → \`${to}\``,
  reloadAdded: 'Dodani',
  reloadRemoved: 'Odstranjeni',
  reloadChanged: 'Spremenjeni',
  reloadSkipped: 'Neprebrane datoteke',
  skippedReason: (reason: SkippedFile['reason']): string => (reason === 'symlink' ? 'simbolna povezava, ji ne sledim' : 'ni .md, .txt ali .jsonl'),
  reloadFailed: 'Ponovno nalaganje ni uspelo; odgovarjam še naprej iz prejšnje različice.',
  more: (n: number) => `… in še ${n}`,
  cooldown: (seconds: number) => `Počasi, prosim: naslednje vprašanje lahko zastaviš čez ${seconds} s.`,
  internalError: 'Pri tem je šlo nekaj narobe. Poskusi znova čez trenutek.',
  helpTitle: 'Pomoč',
  help: [
    'Odgovarjam na vprašanja o članku z dobesednimi odlomki in navedbo vira.',
    '',
    '**/ask** `question` — vprašaj; `hide: True` pokaže odgovor samo tebi.',
    '**/passage** `id` — cel odlomek z oznako, npr. `članek#7`.',
    '**/about** — kateri članki so naloženi in katera različica.',
    '**/reload** — moderatorji: znova naloži članke in pokaže spremembe.',
    '**/help** — to sporočilo.',
    '',
    'V odlomkih so **krepko** besede iz vprašanja, __podčrtan__ je stavek, ki najbolje odgovarja. ¶ je številka odstavka.',
  ],
  helpChannel: 'Vprašaš lahko tudi tako, da me omeniš v sporočilu.',
  helpQaChannels: (channels: string) => `V kanalih ${channels} odgovorim na vsako vprašanje.`,
};

type Strings = typeof sl;

const en: Strings = {
  notAnswered: 'The article does not answer this question.',
  maybeRelated: 'Maybe related:',
  nothing: 'Nothing in the article relates to this question.',
  paragraph: '¶',
  bestSentence: 'Best sentence',
  emptyQuestion: 'The question is empty. Write what you want to know about the article.',
  questionTooLong: (length, max) => `The question is too long (${length} characters, at most ${max}). Ask something shorter.`,
  passageNotFound: (id) => `There is no passage \`${id}\`. Start typing and pick an id from the list.`,
  aboutTitle: 'About the corpus',
  aboutDocuments: 'Articles',
  aboutPassages: 'Passages',
  aboutVersion: 'Version',
  aboutLoadedAt: 'Loaded',
  passagesOf: (n) => `${n} passages`,
  reloadGuildOnly: 'Reloading works only in a server, not in direct messages.',
  reloadForbidden: 'Reloading needs the Manage Server permission.',
  reloadBusy: 'A reload is already running; wait a moment.',
  reloadDone: 'The corpus was reloaded.',
  reloadUnchanged: (version) => `No changes: version \`${version}\` stays.`,
  reloadVersion: (from, to) => `Version \`${from}\` → \`${to}\``,
  reloadAdded: 'Added',
  reloadRemoved: 'Removed',
  reloadChanged: 'Changed',
  reloadSkipped: 'Files not read',
  skippedReason: (reason) => (reason === 'symlink' ? 'a symbolic link, not followed' : 'not .md, .txt or .jsonl'),
  reloadFailed: 'The reload failed; I keep answering from the previous version.',
  more: (n) => `… and ${n} more`,
  cooldown: (seconds) => `Slow down, please: you can ask again in ${seconds} s.`,
  internalError: 'Something went wrong there. Try again in a moment.',
  helpTitle: 'Help',
  help: [
    'I answer questions about the article with verbatim, cited passages.',
    '',
    '**/ask** `question` — ask; `hide: True` shows the answer only to you.',
    '**/passage** `id` — a whole passage by its id, e.g. `article#7`.',
    '**/about** — which articles are loaded, and which version.',
    '**/reload** — moderators: reload the articles and show what changed.',
    '**/help** — this message.',
    '',
    'In passages, words from your question are in **bold** and the sentence that answers best is __underlined__. ¶ is the paragraph number.',
  ],
  helpChannel: 'You can also ask by mentioning me in a message.',
  helpQaChannels: (channels) => `In ${channels} I answer every question.`,
};

const STRINGS: Record<Locale, Strings> = { sl, en };

export function t(locale: Locale): Strings {
  return STRINGS[locale];
}

/** Why a question is not asked (see `checkQuestion`), as one line for the person who asked it. */
export function refusalText(refusal: Exclude<QuestionCheck, { ok: true }>, locale: Locale): string {
  return refusal.reason === 'empty' ? t(locale).emptyQuestion : t(locale).questionTooLong(refusal.length, refusal.max);
}

/** Command descriptions: Slovenian by default, English for en-US and en-GB clients. */
export function describe(slText: string, enText: string): { description: string; description_localizations: { 'en-US': string; 'en-GB': string } } {
  return { description: slText, description_localizations: { 'en-US': enText, 'en-GB': enText } };
}
