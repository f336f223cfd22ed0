/**
 * CPU time a bot process has used, read from /proc (Linux): user plus system time of all its
 * threads. Under a burst on a shared machine, wall-clock latency swings with the neighbours' load
 * while the CPU a bot spends per interaction barely moves, so it says more reliably what a change
 * saved. Undefined where /proc is missing.
 */
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ): 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

/** Milliseconds of CPU process `pid` has used so far, or undefined when /proc cannot tell. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields counted from 1 start after its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    if (!Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
    return ((utime + stime) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
