/**
 * Discord-shaped ids. Real snowflakes are 17–19 digits (milliseconds since the Discord epoch shifted
 * left 22 bits); discord.js derives timestamps from them, so short ids like "1" would make
 * `createdAt` land in 2015 and hide bugs that only show with real ids (number precision, sorting).
 */
const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A fresh, increasing snowflake for "now" (19 digits for current dates). */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | (1n << 12n) | increment).toString();
}

/** Unix milliseconds encoded in a snowflake. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}
