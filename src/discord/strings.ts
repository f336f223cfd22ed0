/**
 * The bot's own UI texts (the ones around answers are shared with the terminal, in
 * `src/view/strings.ts`). Slovenian is the default (the article is Slovenian); English goes to
 * clients set to en-US or en-GB. Discord has no Slovenian client locale, so every other locale
 * gets Slovenian.
 */
import { counted } from '../view/plural.ts';
import type { Locale } from '../view/strings.ts';

/** The UI language for a Discord client locale (`interaction.locale`). */
export function localeOf(discordLocale: string | null | undefined): Locale {
  return discordLocale === 'en-US' || discordLocale === 'en-GB' ? 'en' : 'sl';
}

/**
 * A wait as people say it: seconds under two minutes, then whole minutes (rounded up: never
 * shorter than the wait), then hours and minutes ("3600 s" reads as a riddle).
 */
export function waitText(locale: Locale, seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours} h${rest > 0 ? ` ${rest} min` : ''}`;
}

/** Ids as code, comma-separated ("`a#9`, `b#9`"). */
function codes(ids: readonly string[]): string {
  return ids.map((id) => `\`${id}\``).join(', ');
}

const sl = {
  passageNotFound: (id: string) => `Odlomka z oznako \`${id}\` ni. Začni tipkati in izberi oznako s seznama.`,
  passageInSeveral: (ids: readonly string[], more: number) =>
    `Ta številka odstavka je v več člankih: ${codes(ids)}${more > 0 ? ` in še ${more}` : ''}. Napiši oznako s člankom, npr. \`${ids[0]}\`, ali jo izberi s seznama.`,
  aboutTitle: 'O zbirki člankov',
  aboutPassages: 'Odlomki',
  aboutVersion: 'Različica',
  aboutLoadedAt: 'Naloženo',
  passagesOf: (n: number) => counted('sl', n, 'passage'),
  reloadGuildOnly: 'Ponovno nalaganje je mogoče le na strežniku, ne v zasebnih sporočilih.',
  reloadForbidden: 'Za ponovno nalaganje potrebuješ dovoljenje »Manage Server« (upravljanje strežnika).',
  reloadBusy: 'Ponovno nalaganje že poteka, počakaj trenutek.',
  reloadDone: 'Zbirka je ponovno naložena.',
  reloadUnchanged: (version: string) => `Brez sprememb: različica \`${version}\` ostaja.`,
  reloadVersion: (from: string, to: string) => `Različica \`${from}\` → \`${to}\``,
  reloadAdded: 'Dodani',
  reloadRemoved: 'Odstranjeni',
  reloadChanged: 'Spremenjeni',
  reloadMoved: 'Premaknjeni pod novo oznako',
  reloadSkipped: 'Neprebrane datoteke',
  reloadNotes: 'Preveri',
  reloadFailed: 'Ponovno nalaganje ni uspelo; odgovarjam še naprej iz prejšnje različice.',
  reloadShards: 'Delčki bota (shardi)',
  reloadShardReloaded: 'naloženo',
  reloadShardOther:
    'naložena je druga različica (mapa z zbirko na tem gostitelju je drugačna ali pa se je zbirka medtem spremenila: preveri mapo in ponovi /reload)',
  reloadShardFailed: 'napake v zbirki',
  reloadShardBusy: 'nalaganje je že teklo',
  reloadShardError: 'napaka',
  reloadShardUnreachable: 'ni odgovoril',
  reloadShardNotRunning: 'ne teče na nobenem gostitelju',
  reloadShardOtherHost: 'na drugem gostitelju, ki ga brez skupne baze (DATABASE_URL) ponovno nalaganje ne doseže',
  reloadShardRestarted: 'gostitelj se je medtem znova zagnal: naložil bo zbirko, kakršna je tam zdaj',
  reloadShardsBehind: (n: number, total: number) => `⚠ ${n} od ${total} delčkov ni na tej različici`,
  more: (n: number) => `… in še ${n}`,
  also: 'Tudi:',
  nextPassage: 'Naslednji odlomek',
  firstPassage: 'Spet prvi odlomek',
  fullParagraph: 'Cel odstavek',
  source: 'Vir',
  voteThanks: 'Hvala za oceno!',
  voteChanged: 'Hvala, tvojo oceno sem popravil.',
  voteUnchanged: 'Tvoja ocena je že zabeležena; šteje enkrat.',
  staleAnswer: (days: number) =>
    `Gumbi pod tem odgovorom ne delujejo več: odgovor je starejši od ${days} ${days === 1 ? 'dneva' : 'dni'} ali pa so bili podatki strežnika izbrisani. Vprašaj znova z /ask.`,
  stalePassage: 'Tega odlomka v članku ni več (članek se je medtem spremenil). Vprašaj znova z /ask.',
  staleAnswerPages:
    'Članek se je od tega odgovora spremenil, zato njegovih drugih odlomkov ne morem več pokazati. Vprašaj znova z /ask.',
  staleButton: 'Ta gumb je iz starejše različice bota in ne deluje več. Vprašaj znova z /ask.',
  answeredBelow: 'Odgovor je pod sporočilom.',
  mentionHowTo: (bot: string) =>
    `Vprašaj me o članku: napiši ${bot} in vprašanje, npr. ${bot} kdo je podpisal sporazum? Lahko tudi z /ask ali z desnim klikom (ali dolgim pritiskom) na sporočilo → Apps → Vprašaj članek (v angleškem Discordu Ask the article).`,
  cooldown: (seconds: number) => `Počasi, prosim: naslednje vprašanje lahko zastaviš čez ${waitText('sl', seconds)}.`,
  internalError: 'Pri tem je šlo nekaj narobe. Poskusi znova čez trenutek.',
  /** `help`: "/help", or a clickable `</help:id>` when the command's id is known. */
  nothingNext: (help: string) => `Poskusi z drugimi besedami ali poglej ${help}.`,
  helpNext: (help: string) => `Vse ukaze opiše ${help}.`,
  helpTitle: 'Pomoč',
  helpIntro: 'Odgovarjam na vprašanja o članku z dobesednimi odlomki in navedbo vira.',
  helpMarks:
    'V odlomkih so **krepko** besede iz vprašanja, __podčrtan__ je stavek, ki najbolje odgovarja. ¶ je številka odstavka.',
  helpChannel: 'Vprašaš lahko tudi tako, da me omeniš v sporočilu.',
  helpColors:
    'Zelen rob: članek odgovarja. Rumen: to je najbližje, kar članek pove. Siv: članek tega ne pove, to je le povezano.',
  helpQaChannels: (channels: string, count: number) =>
    `${count === 1 ? 'V kanalu' : 'V kanalih'} ${channels} odgovorim na vsako vprašanje.`,
};

export type DiscordStrings = typeof sl;

const en: DiscordStrings = {
  passageNotFound: (id) => `There is no passage \`${id}\`. Start typing and pick an id from the list.`,
  passageInSeveral: (ids, more) =>
    `That paragraph number is in several articles: ${codes(ids)}${more > 0 ? ` and ${more} more` : ''}. Type the id with its article, e.g. \`${ids[0]}\`, or pick it from the list.`,
  aboutTitle: 'About the corpus',
  aboutPassages: 'Passages',
  aboutVersion: 'Version',
  aboutLoadedAt: 'Loaded',
  passagesOf: (n) => counted('en', n, 'passage'),
  reloadGuildOnly: 'Reloading works only in a server, not in direct messages.',
  reloadForbidden: 'Reloading needs the Manage Server permission.',
  reloadBusy: 'A reload is already running; wait a moment.',
  reloadDone: 'The corpus was reloaded.',
  reloadUnchanged: (version) => `No changes: version \`${version}\` stays.`,
  reloadVersion: (from, to) => `Version \`${from}\` → \`${to}\``,
  reloadAdded: 'Added',
  reloadRemoved: 'Removed',
  reloadChanged: 'Changed',
  reloadMoved: 'Moved to a new id',
  reloadSkipped: 'Files not read',
  reloadNotes: 'Worth a look',
  reloadFailed: 'The reload failed; I keep answering from the previous version.',
  reloadShards: 'Shards',
  reloadShardReloaded: 'reloaded',
  reloadShardOther:
    "loaded another version (this host's corpus folder differs, or the corpus changed meanwhile: check the folder and run /reload again)",
  reloadShardFailed: 'corpus problems',
  reloadShardBusy: 'a reload was already running',
  reloadShardError: 'failed',
  reloadShardUnreachable: 'did not answer',
  reloadShardNotRunning: 'not running on any host',
  reloadShardOtherHost: 'on another host, which a reload cannot reach without a shared database (DATABASE_URL)',
  reloadShardRestarted: 'its host started again meanwhile: it loads the corpus as it is there now',
  reloadShardsBehind: (n, total) => `⚠ ${n} of ${total} shards are not on this version`,
  more: (n) => `… and ${n} more`,
  also: 'Also:',
  nextPassage: 'Next passage',
  firstPassage: 'First passage again',
  fullParagraph: 'Full paragraph',
  source: 'Source',
  voteThanks: 'Thanks for the rating!',
  voteChanged: 'Thanks, I changed your rating.',
  voteUnchanged: 'Your rating is already recorded; it counts once.',
  staleAnswer: (days) =>
    `This answer's buttons no longer work: it is more than ${days} ${days === 1 ? 'day' : 'days'} old, or this server's data was deleted. Ask again with /ask.`,
  stalePassage: 'That passage is no longer in the article (it has changed since). Ask again with /ask.',
  staleAnswerPages:
    'The article has changed since this answer, so I cannot show its other passages. Ask again with /ask.',
  staleButton: 'This button is from an older version of the bot and no longer works. Ask again with /ask.',
  answeredBelow: 'The answer is below the message.',
  mentionHowTo: (bot) =>
    `Ask me about the article: write ${bot} and your question, e.g. ${bot} who signed the treaty? Or use /ask, or right-click a message → Apps → Ask the article.`,
  cooldown: (seconds) => `Slow down, please: you can ask again in ${waitText('en', seconds)}.`,
  internalError: 'Something went wrong there. Try again in a moment.',
  nothingNext: (help) => `Try other words, or see ${help}.`,
  helpNext: (help) => `${help} describes every command.`,
  helpTitle: 'Help',
  helpIntro: 'I answer questions about the article with verbatim, cited passages.',
  helpMarks:
    'In passages, words from your question are in **bold** and the sentence that answers best is __underlined__. ¶ is the paragraph number.',
  helpChannel: 'You can also ask by mentioning me in a message.',
  helpColors:
    'Green edge: the article answers. Amber: the closest the article comes. Grey: the article does not say; only related.',
  helpQaChannels: (channels) => `In ${channels} I answer every question.`,
};

const STRINGS: Record<Locale, DiscordStrings> = { sl, en };

/** The bot's texts in `locale`. */
export function discordStrings(locale: Locale): DiscordStrings {
  return STRINGS[locale];
}

/** A text in each UI language. */
export type Localized = Record<Locale, string>;

/** A command or option description: Slovenian by default, English for en-US and en-GB clients. */
export function localizedDescription(
  slText: string,
  enText: string,
): { description: string; description_localizations: { 'en-US': string; 'en-GB': string } } {
  return { description: slText, description_localizations: { 'en-US': enText, 'en-GB': enText } };
}
