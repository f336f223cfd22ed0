import type { Answer } from '../engine/types.ts';
import { renderAnswer } from '../discord/render.ts';
import { t, type Locale } from '../discord/i18n.ts';
import { messageToText } from './message-text.ts';

/** A cited answer as the bot would post it, in text form (console face and `npm run ask`). */
export function answerAsText(answer: Answer, options: { color?: boolean; locale?: Locale } = {}): string {
  const locale = options.locale ?? 'sl';
  return messageToText(renderAnswer(answer, locale), { color: options.color ?? false, bestSentenceLabel: t(locale).bestSentence });
}
