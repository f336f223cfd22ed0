/** What deleting a server's data removed, as one phrase (the console log, `npm run forget-guild`, `/forget`). */
import type { ForgottenGuild } from '../storage/guild-store.ts';
import { counted } from './plural.ts';
import type { Locale } from './strings.ts';

/** `1 answer, 2 votes, 5 questions in the statistics and the settings`; only what there was. */
export function describeForgotten(gone: ForgottenGuild, locale: Locale = 'en'): string {
  const sl = locale === 'sl';
  const parts = [
    gone.answers > 0 && counted(locale, gone.answers, 'answer'),
    gone.votes > 0 && counted(locale, gone.votes, 'vote'),
    gone.questions > 0 && `${counted(locale, gone.questions, 'question')} ${sl ? 'v statistiki' : 'in the statistics'}`,
    gone.unanswered > 0 &&
      `${counted(locale, gone.unanswered, 'question')} ${sl ? 'v dnevniku neodgovorjenih' : 'in the unanswered log'}`,
    gone.ratings > 0 && counted(locale, gone.ratings, 'tally'),
    gone.settings > 0 && (sl ? 'nastavitve' : 'the settings'),
  ].filter((p): p is string => typeof p === 'string');
  if (parts.length === 0) return sl ? 'nič (ničesar ni bilo shranjenega)' : 'nothing (nothing was kept)';
  if (parts.length === 1) return parts[0]!;
  return `${parts.slice(0, -1).join(', ')} ${sl ? 'in' : 'and'} ${parts[parts.length - 1]}`;
}
