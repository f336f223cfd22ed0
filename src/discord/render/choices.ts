/** Autocomplete choices for passage ids. */
import type { Passage } from '../../engine/index.ts';
import { truncateAtWord } from '../../view/truncate.ts';
import { LIMITS } from '../limits.ts';

/** The id as value, the id and the passage's first words as name, as many as Discord shows. */
export function passageChoices(passages: readonly Passage[]): { name: string; value: string }[] {
  return passages
    .filter((p) => p.id.length > 0 && p.id.length <= LIMITS.choiceValue)
    .slice(0, LIMITS.choices)
    .map((p) => ({
      name: truncateAtWord(`${p.id} — ${p.text.replace(/\s+/g, ' ').trim()}`, LIMITS.choiceName),
      value: p.id,
    }));
}
