import { analyzeWords } from '../analysis/analyze.ts';
import { KeyStubs } from '../analysis/key-stubs.ts';

/** A synonym group member as index keys: one key for a word, several for a phrase. */
export type KeySequence = string[];

/**
 * Synonym groups compiled to index keys, so that lookups meet every word form and spelling of a
 * member. Members are compared as key sequences; a phrase member matches only as a whole.
 */
export class SynonymTable {
  /** For each member's first key: the members starting with it and the group they belong to. */
  private readonly byFirstKey = new Map<string, { member: KeySequence; group: number }[]>();
  private readonly groups: KeySequence[][] = [];
  private readonly memberKeys = new Set<string>();
  /** The member keys' stubs, made on first use (see `mayHaveKeyOf`). */
  private stubs?: KeyStubs;

  constructor(groups: string[][]) {
    for (const words of groups) {
      const members = dedupe(
        words.map((w) => analyzeWords(w).map((word) => word.token.key)).filter((keys) => keys.length > 0),
      );
      if (members.length < 2) continue;
      const group = this.groups.push(members) - 1;
      for (const member of members) {
        for (const key of member) this.memberKeys.add(key);
        const list = this.byFirstKey.get(member[0]!) ?? [];
        list.push({ member, group });
        this.byFirstKey.set(member[0]!, list);
      }
    }
    // Longest members first, so "Združene države Amerike" wins over "Združene države".
    for (const list of this.byFirstKey.values()) list.sort((a, b) => b.member.length - a.member.length);
  }

  /** True when some member (or a word of a phrase member) has this key. */
  knows(key: string): boolean {
    return this.memberKeys.has(key);
  }

  /** False only when no member key can be the key of the folded string (see `KeyStubs`). */
  mayHaveKeyOf(folded: string): boolean {
    this.stubs ??= new KeyStubs(this.memberKeys);
    return this.stubs.mayHaveKeyOf(folded);
  }

  /**
   * The longest member that starts at `keys[at]`, with the other members of its group(s).
   * Returns null when no member starts there.
   */
  match(keys: string[], at: number): { length: number; others: KeySequence[] } | null {
    const candidates = this.byFirstKey.get(keys[at]!);
    if (!candidates) return null;
    let best: { length: number; others: KeySequence[] } | null = null;
    for (const { member, group } of candidates) {
      if (best && member.length < best.length) break;
      if (!member.every((key, i) => keys[at + i] === key)) continue;
      const others = this.groups[group]!.filter((m) => !sameKeys(m, member));
      best = best
        ? { length: best.length, others: dedupe([...best.others, ...others]) }
        : { length: member.length, others };
    }
    return best;
  }
}

function sameKeys(a: KeySequence, b: KeySequence): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

function dedupe(list: KeySequence[]): KeySequence[] {
  const seen = new Set<string>();
  return list.filter((keys) => {
    const id = keys.join(' ');
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
