/**
 * The texts every face shows around an answer, in both UI languages: the notices, the citation's
 * paragraph sign, the best-sentence label and why a question is not asked. Slovenian is the
 * default (the article is Slovenian); each face decides when to speak English.
 */
import type { QuestionCheck, SkippedFile } from '../engine/index.ts';
import { counted } from './plural.ts';

/** The UI languages. */
export type Locale = 'sl' | 'en';

/** A stored language tag read back as a UI language (Slovenian unless it says English). */
export function asLocale(tag: string): Locale {
  return tag === 'en' ? 'en' : 'sl';
}

const sl = {
  closest: 'Najbližje, kar članek pove o tem:',
  notAnswered: 'Članek tega ne pove.',
  maybeRelated: 'Morda povezano:',
  nothing: 'V članku ni ničesar, kar bi bilo povezano s tem vprašanjem.',
  tryOtherWords: 'Poskusi z drugimi besedami.',
  smallTalk: 'Odgovarjam na vprašanja o članku: vprašaj, kar te zanima (kdo, kaj, kdaj, kje …).',
  paragraph: '¶',
  bestSentence: 'Najboljši stavek',
  emptyQuestion: 'Vprašanje je prazno. Napiši, kaj te zanima o članku.',
  questionTooLong: (length: number, max: number) =>
    `Vprašanje je predolgo (${counted('sl', length, 'character')}, največ ${max}). Vprašaj krajše.`,
  skippedReason: (reason: SkippedFile['reason']): string =>
    reason === 'symlink' ? 'simbolna povezava, ji ne sledim' : 'ni .md, .txt ali .jsonl',
};

export type ViewStrings = typeof sl;

const en: ViewStrings = {
  closest: 'The closest the article comes to this:',
  notAnswered: 'The article does not say.',
  maybeRelated: 'Maybe related:',
  nothing: 'Nothing in the article relates to this question.',
  tryOtherWords: 'Try other words.',
  smallTalk: 'I answer questions about the article: ask what you want to know (who, what, when, where …).',
  paragraph: '¶',
  bestSentence: 'Best sentence',
  emptyQuestion: 'The question is empty. Write what you want to know about the article.',
  questionTooLong: (length, max) =>
    `The question is too long (${counted('en', length, 'character')}, at most ${max}). Ask something shorter.`,
  skippedReason: (reason) => (reason === 'symlink' ? 'a symbolic link, not followed' : 'not .md, .txt or .jsonl'),
};

const STRINGS: Record<Locale, ViewStrings> = { sl, en };

/** The shared texts in `locale`. */
export function viewStrings(locale: Locale): ViewStrings {
  return STRINGS[locale];
}

/** Why a question is not asked (see `checkQuestion`), as one line for the person who asked it. */
export function refusalText(refusal: Exclude<QuestionCheck, { ok: true }>, locale: Locale): string {
  const strings = viewStrings(locale);
  return refusal.reason === 'empty' ? strings.emptyQuestion : strings.questionTooLong(refusal.length, refusal.max);
}
