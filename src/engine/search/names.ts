import type { Token } from '../analysis/analyze.ts';
import { startsSentence } from '../text/sentence-start.ts';

/**
 * Finds the keys a corpus writes as names: words capitalised where a sentence does not start
 * ("… je Putin dejal", "v Pjongjangu"). Chat questions often write names in lower case ("kaj je
 * rekel putin"); knowing them from the corpus, the engine still treats them as names.
 */
export class NameCounter {
  private readonly capitalised = new Map<string, number>();
  private readonly lower = new Map<string, number>();

  /** Counts the tokens of one text (the index builder gives each distinct text once). */
  add(text: string, tokens: Token[]): void {
    for (const token of tokens) {
      const first = text[token.start]!;
      if (first.toLowerCase() === first.toUpperCase()) continue; // digits
      if (first !== first.toLowerCase()) {
        if (startsSentence(text, token.start)) continue;
        this.capitalised.set(token.key, (this.capitalised.get(token.key) ?? 0) + 1);
      } else {
        this.lower.set(token.key, (this.lower.get(token.key) ?? 0) + 1);
      }
    }
  }

  /** Keys written with a capital inside sentences at least this share of the times they are written there. */
  names(): Set<string> {
    const out = new Set<string>();
    for (const [key, count] of this.capitalised)
      if (count >= NAME_SHARE * (count + (this.lower.get(key) ?? 0))) out.add(key);
    return out;
  }
}

/** Mostly capitalised: a few lower-case uses ("ruski" beside "Ruski predsednik") are adjectives, not names. */
const NAME_SHARE = 0.8;
