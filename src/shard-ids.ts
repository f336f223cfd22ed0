/**
 * SHARD_IDS: which shards of the bot this host runs, so several hosts share one bot. Ranges and
 * single ids, comma-separated: `0-7`, `8,9,10`, `0-3,12`.
 */

/**
 * More shards than any bot runs: Discord allows one per 1 000 servers or so, and its largest bots
 * run some tens of thousands. A longer range is a typo, refused before it is counted out.
 */
const MAX_SHARD_ID = 99_999;

/**
 * The ids `spec` names, ascending and without repeats; throws with a readable message otherwise.
 * A part that is no shard id is named by its place, not shown: what was pasted there may be the
 * token, and settings are never printed.
 */
export function parseShardIds(spec: string): number[] {
  const ids = new Set<number>();
  const parts = spec.split(',').map((p) => p.trim());
  for (const [i, part] of parts.entries()) {
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    const single = /^\d+$/.exec(part);
    if (!range && !single)
      throw new Error(
        `${parts.length === 1 ? 'it' : `part ${i + 1} of ${parts.length}`} is neither a shard id nor a range of them`,
      );
    // A single id is the range of one.
    const [from, to] = range ? [Number(range[1]), Number(range[2])] : [Number(part), Number(part)];
    if (from > to) throw new Error(`"${part}" is a range that runs backwards`);
    if (to > MAX_SHARD_ID) throw new Error(`"${part}" goes past shard ${MAX_SHARD_ID}, more than any bot runs`);
    for (let id = from; id <= to; id++) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

/** Why `ids` cannot be run with `count` shards in all, or undefined when they can. */
export function shardIdsProblem(ids: readonly number[], count: number): string | undefined {
  const outside = ids.filter((id) => id >= count);
  if (outside.length === 0) return undefined;
  // A range far past the count would list thousands of ids: the first few say it.
  const named =
    outside.length > 5 ? `${outside.slice(0, 5).join(', ')} … (${outside.length} in all)` : outside.join(', ');
  return `SHARD_IDS names shard ${named} but there are ${count} shards (ids 0 to ${count - 1})`;
}
