/**
 * Rendering each answer once per language. The engine hands out the same `Answer` object for a
 * question asked again word for word, so under a burst of popular questions the message can be
 * shared too: rendering it (escaping, fitting quotes to Discord's limits) costs about as much as
 * finding the answer. Keyed weakly by the answer, so messages go when their answers do.
 */
import type { Locale } from '../view/strings.ts';

export function renderOncePerAnswer<A extends object, M>(render: (answer: A, locale: Locale) => M) {
  const rendered = new WeakMap<A, Partial<Record<Locale, M>>>();
  return (answer: A, locale: Locale): M => {
    let byLocale = rendered.get(answer);
    if (!byLocale) rendered.set(answer, (byLocale = {}));
    return (byLocale[locale] ??= render(answer, locale));
  };
}
