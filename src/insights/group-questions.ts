/**
 * Questions asked in similar words, grouped: what `/unanswered` lists with counts and `/stats`
 * names as the most-asked unanswered topics. Two questions are similar when their key words
 * (folded, stemmed, stop words dropped: `questionKeys`) overlap enough, measured as the share of
 * all their key words that both have (Jaccard similarity). Pure, no database, no Discord.
 */
import { questionKeys } from '../engine/index.ts';

/**
 * Questions whose key words overlap at least this much are grouped: "Koliko stane hotel v
 * Pjongjangu?" and "koliko stanejo hoteli" (2 of 3 keys shared) group, "Kdo je zmagal na
 * prvenstvu?" and "Kdo je zmagal na volitvah?" (1 of 3) do not.
 */
export const SIMILAR_WORDING = 0.5;

export interface AskedText {
  question: string;
  askedAt: Date;
}

export interface QuestionGroup {
  /**
   * The wording asked most often, the most recent among equals: a group labelled by its latest
   * wording showed whatever a member last pasted ("spoiler Kdaj bo vrh G7 x") for a question
   * others asked plainly.
   */
  question: string;
  /** How many times a question of the group was asked. */
  count: number;
  lastAskedAt: Date;
}

export interface GroupingOptions {
  /** Key words of a question (default: the engine's `questionKeys`). */
  keysOf?: (question: string) => string[];
  threshold?: number;
}

/** A group while it is made: its label comes from the wordings once all are counted. */
interface Group extends Omit<QuestionGroup, 'question'> {
  /** The key words of the group's first (most recent) wording, which every member is compared with. */
  keys: Set<string>;
  /** How often each wording was asked, most recent first (a Map keeps the order they came in). */
  wordings: Map<string, number>;
}

/** Questions with no key word left ("kaj?") group by their letters alone. */
function plainText(question: string): string {
  return question
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Groups `entries` by similar wording, most recently asked group first. Each question joins the
 * group whose first wording it is most similar to (at least `threshold`), or starts a new one, so
 * a chain of small changes never drifts into one group of unrelated questions. Entries may come
 * in any order.
 */
export function groupSimilarQuestions(entries: readonly AskedText[], options: GroupingOptions = {}): QuestionGroup[] {
  const keysOf = options.keysOf ?? questionKeys;
  const threshold = options.threshold ?? SIMILAR_WORDING;
  const newestFirst = [...entries].sort((a, b) => b.askedAt.getTime() - a.askedAt.getTime());
  const groups: Group[] = [];
  const byKey = new Map<string, number[]>();
  const bySignature = new Map<string, number>();
  for (const entry of newestFirst) {
    const keys = new Set(keysOf(entry.question));
    const signature = keys.size > 0 ? [...keys].sort().join(' ') : `\u0000${plainText(entry.question)}`;
    let index = bySignature.get(signature);
    if (index === undefined && keys.size > 0) index = mostSimilar(keys, groups, byKey, threshold);
    if (index === undefined) {
      index = groups.length;
      groups.push({ count: 0, lastAskedAt: entry.askedAt, keys, wordings: new Map() });
      for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), index]);
    }
    bySignature.set(signature, index);
    const group = groups[index]!;
    group.count++;
    group.wordings.set(entry.question, (group.wordings.get(entry.question) ?? 0) + 1);
  }
  return groups.map(({ wordings, count, lastAskedAt }) => ({ question: mostFrequent(wordings), count, lastAskedAt }));
}

/** The key counted most, the first among equals. */
function mostFrequent(counts: ReadonlyMap<string, number>): string {
  let best = '';
  let most = 0;
  for (const [key, n] of counts)
    if (n > most) {
      best = key;
      most = n;
    }
  return best;
}

/** The group most similar to `keys` (at least `threshold`), found through the groups sharing a key. */
function mostSimilar(
  keys: Set<string>,
  groups: readonly Group[],
  byKey: ReadonlyMap<string, number[]>,
  threshold: number,
): number | undefined {
  const shared = new Map<number, number>();
  for (const key of keys) for (const g of byKey.get(key) ?? []) shared.set(g, (shared.get(g) ?? 0) + 1);
  let best: number | undefined;
  let bestScore = threshold;
  for (const [g, both] of shared) {
    const score = both / (keys.size + groups[g]!.keys.size - both);
    // Ties go to the earlier (more recent) group.
    if (score > bestScore || (score === bestScore && (best === undefined || g < best))) {
      best = g;
      bestScore = score;
    }
  }
  return best;
}

/** The groups asked most often, the more recent first among equals. */
export function mostAsked(groups: readonly QuestionGroup[], limit: number): QuestionGroup[] {
  return [...groups]
    .sort((a, b) => b.count - a.count || b.lastAskedAt.getTime() - a.lastAskedAt.getTime())
    .slice(0, limit);
}
