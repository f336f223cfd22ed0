/**
 * How the hosts of one bot agree on a `/reload` through the database they share: the host that
 * was asked writes a reload request (the corpus version it loaded), every other host picks it up,
 * loads its corpus, and writes back what each of its shards did. Hosts also say every few seconds
 * which shards they run, so the asking host knows whom to wait for. Reports are stored as JSON the
 * storage does not look into: what a shard did is the Discord face's business. Hosts also take
 * turns here to identify their shards, within Discord's limit for the whole bot.
 */

/** A reload one host asked every host for. Ids grow: a host reads the ones after the last it saw. */
export interface ReloadRequest {
  id: number;
  /** The corpus version (content hash) the asking host loaded, which every host should reach. */
  corpusVersion: string;
  /** The host that asked. */
  requestedBy: string;
  requestedAt: Date;
}

/** What one host reported for a request. */
export interface HostReloadReport {
  host: string;
  /** As the host wrote it (parsed JSON). */
  report: unknown;
  reportedAt: Date;
}

/** A host that said recently which shards it runs. */
export interface LiveHost {
  host: string;
  shards: number[];
  seenAt: Date;
}

export interface ReloadStore {
  /** Writes a reload request and tells the hosts listening; returns it with its id. */
  requestReload(corpusVersion: string, requestedBy: string): Promise<ReloadRequest>;
  /** The id of the newest request (0 when there is none): a starting host begins after it. */
  latestReloadRequestId(): Promise<number>;
  /** The requests after `id`, oldest first. */
  reloadRequestsAfter(id: number): Promise<ReloadRequest[]>;
  /** Records (or replaces) `host`'s report for a request; `report` must survive JSON. */
  reportReload(requestId: number, host: string, report: unknown): Promise<void>;
  /** The reports written for a request so far. */
  reloadReports(requestId: number): Promise<HostReloadReport[]>;
  /** Says that `host` runs `shards` now (a heartbeat). */
  announceHost(host: string, shards: number[]): Promise<void>;
  /** Hosts that announced themselves at or after `since`. */
  liveHosts(since: Date): Promise<LiveHost[]>;
  /** Removes `host` from the live hosts at once (a clean stop), rather than after its silence. */
  forgetHost(host: string): Promise<void>;
  /**
   * Calls `listener` soon after any host writes a request, when the database can tell (PostgreSQL:
   * LISTEN/NOTIFY); returns the unsubscriber. Undefined where it cannot (SQLite): poll instead.
   */
  watchReloadRequests?(listener: () => void): () => void;
  /**
   * Reserves the next identify of a `max_concurrency` bucket for the whole bot: the returned time
   * is `windowMs` after the bucket's previous reservation, or now if that is later. The caller
   * waits until then and identifies. Hosts' clocks are assumed to agree to well under a second (NTP).
   */
  reserveIdentifyTurn(bucket: number, windowMs: number): Promise<Date>;
}

/** Reload requests, their reports and silent hosts are kept this long (a reload takes minutes at most). */
export const RELOAD_RETENTION_MS = 24 * 60 * 60 * 1000;
