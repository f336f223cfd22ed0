const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Every string one typo away from `word`: a letter dropped, two neighbours swapped, a letter
 * replaced or inserted (ASCII letters: words are folded before they get here). About 54·n
 * strings, cheap for the few unknown words of a question.
 */
export function oneEditAway(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const ch of LETTERS) {
      if (tail) out.add(head + ch + tail.slice(1));
      out.add(head + ch + tail);
    }
  }
  out.delete(word);
  return out;
}
