/** Measuring messages against Discord's size limits, and sharing what is left between quotes. */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { LIMITS } from '../limits.ts';
import type { BotMessage } from './payload.ts';

/** Splits `budget` between wishes, smallest first, so short quotes leave their share to long ones. */
export function shareBudget(wants: readonly number[], budget: number, cap: number): number[] {
  const grants = wants.map(() => 0);
  const order = wants.map((w, i) => ({ w, i })).sort((a, b) => a.w - b.w);
  let left = Math.max(0, budget);
  order.forEach(({ w, i }, k) => {
    const fair = Math.floor(left / (order.length - k));
    grants[i] = Math.min(w, fair, cap);
    left -= grants[i]!;
  });
  return grants;
}

/** Characters Discord counts toward the 6000 embed total. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/**
 * `fields` for `embed`, the last ones given way while the embed would pass the 6000 characters of
 * a message, which Discord refuses: each field is within its own limit, but many together may not
 * be. A last field says how many gave way.
 */
export function fitFields(embed: APIEmbed, fields: APIEmbedField[], more: (n: number) => string): APIEmbedField[] {
  const kept = [...fields];
  let dropped = 0;
  const withMore = () => (dropped > 0 ? [...kept, { name: '…', value: more(dropped) }] : kept);
  while (kept.length > 1 && embedLength({ ...embed, fields: withMore() }) > LIMITS.messageTotal) {
    kept.pop();
    dropped++;
  }
  return withMore();
}

/** Content plus every embed's counted text: what our "6000 per message" rule measures. */
export function messageLength(message: Pick<BotMessage, 'content' | 'embeds'>): number {
  return (message.content?.length ?? 0) + message.embeds.reduce((n, e) => n + embedLength(e), 0);
}
