/**
 * `/reload` across hosts, through the database they share (DATABASE_URL). Each host's manager
 * (`npm run start:sharded` with its SHARD_IDS) runs one `DatabaseReloads`:
 *
 * - it says every few seconds which shards it runs (`announceHost`), so a host that asks knows
 *   whom to wait for;
 * - when one of its shards has reloaded, it writes a reload request with the corpus version that
 *   shard loaded, and waits for every other live host's report (a host that does not report in
 *   time is reported as unreachable, with its shards);
 * - it picks up other hosts' requests (PostgreSQL tells at once with NOTIFY; every host also polls,
 *   in case a notification was lost while its connection was down), reloads all its shards with
 *   the same `reload` message the IPC fan-out uses (`HostReloads.reloadShards`), and writes what
 *   each shard did.
 *
 * Within a host the shards still reach each other over IPC; the database carries only what crosses
 * hosts.
 */
import type { ReloadRequest, ReloadStore } from '../../storage/reload-store.ts';
import { describeStorageError } from '../../storage/storage-error.ts';
import { formatProblem } from '../../engine/index.ts';
import { log } from '../../log.ts';
import type { ShardReloadOutcome, ShardReport } from './protocol.ts';
import { SHARD_RELOAD_TIMEOUT_MS } from './reload.ts';

/** How often a host says it is alive, unless told otherwise. */
const HEARTBEAT_MS = 5000;

/** The oldest heartbeat that still makes a host live at `now`: three missed in a row and it is not. */
export function liveSince(now: number, heartbeatMs = HEARTBEAT_MS): Date {
  return new Date(now - 3 * heartbeatMs);
}

export interface DatabaseReloadsOptions {
  store: ReloadStore;
  /** This host's name (HOST_NAME), unique among the bot's hosts. */
  host: string;
  /** The shard ids this host runs. */
  shards: number[];
  /** Reloads every shard of this host to `version`; what each did. */
  reloadHere: (version: string) => Promise<ShardReport[]>;
  /** How often this host announces itself (default 5 s). */
  heartbeatMs?: number;
  /** How often it looks for requests it was not told about (default 5 s). */
  pollMs?: number;
  /** How long a report may take before its host counts as unreachable (default 10 minutes: a large corpus indexed anew). */
  reportTimeoutMs?: number;
}

/** How long a stopping host tries to leave the live hosts (see `stop`). */
const LEAVE_MS = 2000;

const KINDS: ReadonlySet<ShardReloadOutcome['kind']> = new Set([
  'reloaded',
  'failed',
  'busy',
  'error',
  'unreachable',
  'not-running',
  'other-host',
  'restarted',
]);

/**
 * The asking host waits this much longer than each other host waits for its own shards, so a
 * host with one slow shard still reports the rest (and that one as not answering) in time.
 */
const REPORT_MARGIN_MS = 60_000;

export class DatabaseReloads {
  private readonly store: ReloadStore;
  private readonly heartbeatMs: number;
  private readonly pollMs: number;
  private readonly reportTimeoutMs: number;
  private lastSeen = 0;
  private timers: NodeJS.Timeout[] = [];
  private unwatch = () => {};
  private checking: Promise<void> = Promise.resolve();
  private announcing = false;
  private stopped = false;

  constructor(private readonly options: DatabaseReloadsOptions) {
    this.store = options.store;
    this.heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
    this.pollMs = options.pollMs ?? 5000;
    this.reportTimeoutMs = options.reportTimeoutMs ?? SHARD_RELOAD_TIMEOUT_MS + REPORT_MARGIN_MS;
  }

  /** Starts after the newest request there is (this host's corpus is loaded fresh anyway) and announces the host. */
  async start(): Promise<void> {
    this.lastSeen = await this.store.latestReloadRequestId();
    await this.announce();
    await this.answerAsRestarted();
    this.timers = [
      setInterval(() => void this.announce(), this.heartbeatMs),
      setInterval(() => this.check(), this.pollMs),
    ];
    for (const timer of this.timers) timer.unref();
    this.unwatch = this.store.watchReloadRequests?.(() => this.check()) ?? (() => {});
  }

  /**
   * A host that starts while another host's `/reload` waits for its report (restarted under the
   * same HOST_NAME, so the asker still counts it as live) says so: its shards load the corpus as it
   * is now on this host, so there is nothing to reload, and the asker need not wait out its limit.
   * Only the newest request of each asking host within the wait, and only once. Nothing is
   * reloaded here: the shards are still starting.
   */
  private async answerAsRestarted(): Promise<void> {
    try {
      const since = Date.now() - this.reportTimeoutMs;
      const newest = new Map<string, ReloadRequest>();
      for (const request of await this.store.reloadRequestsAfter(0))
        if (request.requestedBy !== this.options.host && request.requestedAt.getTime() > since)
          newest.set(request.requestedBy, request);
      for (const request of newest.values()) {
        if ((await this.store.reloadReports(request.id)).some((r) => r.host === this.options.host)) continue;
        const report: ShardReport[] = [{ shards: this.options.shards, outcome: { kind: 'restarted' } }];
        await this.store.reportReload(request.id, this.options.host, report);
      }
    } catch (error) {
      log.debug(`could not answer reloads waiting for this host: ${describeStorageError(error)}`);
    }
  }

  /** Stops, and leaves the live hosts at once: a `/reload` asked right after does not wait for this host. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    this.unwatch();
    // After a heartbeat still on its way (it would put the host back), and for two seconds at
    // most: in a database outage the write would be retried for half a minute, longer than a
    // supervisor waits for a stop. The row then lapses by itself.
    const leave = (async () => {
      while (this.announcing) await new Promise((resolve) => setTimeout(resolve, 25));
      await this.store.forgetHost(this.options.host);
    })().catch((error: unknown) => log.debug(`could not leave the live hosts: ${describeStorageError(error)}`));
    await Promise.race([leave, new Promise((resolve) => setTimeout(resolve, LEAVE_MS).unref())]);
  }

  /**
   * Asks every other live host to reload to `version` (the one a shard of this host just loaded)
   * and gathers their reports, each shard tagged with its host. Never throws: a database that
   * cannot be reached is reported as one failed part.
   */
  async reloadOtherHosts(version: string): Promise<ShardReport[]> {
    try {
      const since = liveSince(Date.now(), this.heartbeatMs);
      const others = (await this.store.liveHosts(since)).filter((h) => h.host !== this.options.host);
      if (others.length === 0) return [];
      const request = await this.store.requestReload(version, this.options.host);
      log.info(
        `reload: asked ${others.length === 1 ? 'host' : 'hosts'} ${others.map((h) => h.host).join(', ')} for version ${version}`,
      );
      const reports = await this.awaitReports(
        request.id,
        others.map((h) => h.host),
      );
      return others.flatMap(
        (h) => reports.get(h.host) ?? [{ host: h.host, shards: h.shards, outcome: { kind: 'unreachable' } as const }],
      );
    } catch (error) {
      log.error(`reload: could not reach the other hosts through the database: ${describeStorageError(error)}`);
      return [{ host: 'database', shards: [], outcome: { kind: 'error', message: describeStorageError(error) } }];
    }
  }

  /**
   * Polls for the reports of `hosts` until all are in, every host still missing has gone silent
   * (stopped or crashed while it was waited for: no heartbeat for three beats), or the time is up.
   */
  private async awaitReports(requestId: number, hosts: string[]): Promise<Map<string, ShardReport[]>> {
    const until = Date.now() + this.reportTimeoutMs;
    const reports = new Map<string, ShardReport[]>();
    let lastLook = 0;
    let waiting = hosts;
    while (!this.stopped) {
      try {
        for (const { host, report } of await this.store.reloadReports(requestId))
          if (hosts.includes(host)) reports.set(host, asShardReports(report, host));
        if (Date.now() - lastLook >= this.heartbeatMs) {
          lastLook = Date.now();
          const live = new Set((await this.store.liveHosts(liveSince(lastLook, this.heartbeatMs))).map((h) => h.host));
          waiting = hosts.filter((h) => live.has(h));
        }
      } catch (error) {
        // One failed look (the database restarting) keeps the reports already in; the next look may work.
        log.debug(`reload: reports cannot be read now: ${describeStorageError(error)}`);
      }
      if (waiting.every((h) => reports.has(h)) || Date.now() >= until) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return reports;
  }

  /** Handles the requests written since the last look, one look at a time. */
  private check(): void {
    this.checking = this.checking.then(
      () => this.handleNewRequests(),
      () => undefined,
    );
  }

  private async handleNewRequests(): Promise<void> {
    if (this.stopped) return;
    let requests;
    try {
      requests = await this.store.reloadRequestsAfter(this.lastSeen);
    } catch (error) {
      log.debug(`reload requests cannot be read now: ${describeStorageError(error)}`);
      return;
    }
    for (const request of requests) {
      this.lastSeen = request.id;
      if (request.requestedBy === this.options.host || this.stopped) continue;
      log.info(
        `reload: host ${request.requestedBy} asks for version ${request.corpusVersion}; reloading this host's shards`,
      );
      const reports = (await this.options.reloadHere(request.corpusVersion)).map((r) => ({
        ...r,
        host: this.options.host,
      }));
      // The asking host's moderator sees that this host's corpus is broken; the operator here needs where.
      for (const { shards, outcome } of reports)
        if (outcome.kind === 'failed')
          log.warn(
            `reload: shards ${shards.join(', ')} cannot load this host's corpus: ${outcome.problems
              .slice(0, 3)
              .map(formatProblem)
              .join('; ')}${outcome.problems.length > 3 ? ` (and ${outcome.problems.length - 3} more)` : ''}`,
          );
      try {
        await this.store.reportReload(request.id, this.options.host, reports);
      } catch (error) {
        log.error(`reload: could not report to host ${request.requestedBy}: ${describeStorageError(error)}`);
      }
    }
  }

  private async announce(): Promise<void> {
    if (this.announcing || this.stopped) return;
    this.announcing = true;
    try {
      await this.store.announceHost(this.options.host, this.options.shards);
    } catch (error) {
      log.debug(`could not announce this host: ${describeStorageError(error)}`);
    } finally {
      this.announcing = false;
    }
  }
}

/** A host's report as written in the database, checked: what does not look like one is an error part. */
function asShardReports(value: unknown, host: string): ShardReport[] {
  const looksRight = (r: unknown): r is ShardReport =>
    typeof r === 'object' &&
    r !== null &&
    Array.isArray((r as ShardReport).shards) &&
    (r as ShardReport).shards.every((id) => Number.isInteger(id)) &&
    typeof (r as ShardReport).outcome === 'object' &&
    KINDS.has((r as ShardReport).outcome?.kind);
  if (Array.isArray(value) && value.every(looksRight)) return value.map((r) => ({ ...r, host }));
  return [{ host, shards: [], outcome: { kind: 'error', message: 'unreadable report' } }];
}
