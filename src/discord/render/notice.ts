/** One-line messages: errors, refusals, cooldown notices. */
import { truncateAtWord } from '../../view/truncate.ts';
import { LIMITS } from '../limits.ts';
import type { BotMessage } from './payload.ts';

/** A plain notice: content only, cut to the content limit. */
export function renderNotice(message: string): BotMessage & { content: string } {
  return { content: truncateAtWord(message, LIMITS.content), embeds: [] };
}
