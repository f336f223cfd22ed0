/**
 * A throwaway PostgreSQL server for the tests: a new cluster from the installed binaries (Debian's
 * `postgresql` package puts them in /usr/lib/postgresql/<version>/bin) in a temp folder, listening
 * on 127.0.0.1 on a free port, trusting local connections, without fsync (nothing in it needs to
 * survive a power cut). Or, with ODLOMEK_TEST_DATABASE_URL, a server someone runs already (its
 * role needs CREATEDB: each test gets a database of its own).
 *
 * PostgreSQL refuses to run as root; as root (CI, containers) the cluster belongs to the
 * `postgres` user the package creates, and its commands run through `runuser`.
 *
 * ODLOMEK_NO_POSTGRES=1 hides PostgreSQL (to check that the tests needing it are skipped, saying
 * why, as in a clone without it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** What the tests are handed (vitest's `provide`/`inject`): a server's admin URL, or why there is none. */
export interface PostgresForTests {
  url?: string;
  reason?: string;
}

/** The folder with initdb, pg_ctl and postgres: on PATH, else Debian's newest version. */
function binaryFolder(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter))
    if (dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) return dir;
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return undefined;
  const versions = readdirSync(debian)
    .filter((v) => existsSync(path.join(debian, v, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(debian, versions[0], 'bin') : undefined;
}

const isRoot = () => process.getuid?.() === 0;

/** The uid and gid of the `postgres` user, or undefined when there is none. */
function postgresUser(): { uid: number; gid: number } | undefined {
  const passwd = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8') : '';
  const line = passwd.split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Why the PostgreSQL tests cannot run here, or undefined when they can. The wording is what a
 * developer reads in the test output, so it says how to get them running.
 */
export function postgresUnavailable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.ODLOMEK_NO_POSTGRES === '1') return 'PostgreSQL is hidden (ODLOMEK_NO_POSTGRES=1)';
  if (env.ODLOMEK_TEST_DATABASE_URL) return undefined;
  if (!binaryFolder())
    return (
      'PostgreSQL is not installed (no initdb on PATH or in /usr/lib/postgresql/*/bin): ' +
      'install it (Debian: apt-get install postgresql) or set ODLOMEK_TEST_DATABASE_URL'
    );
  if (isRoot() && !postgresUser())
    return 'running as root, and there is no postgres user to run a test server as (PostgreSQL refuses root)';
  return undefined;
}

/** Why a test cannot make a server of its own to stop and start (a restart test), or undefined when it can. */
export function restartUnavailable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.ODLOMEK_NO_POSTGRES === '1') return postgresUnavailable(env);
  const { ODLOMEK_TEST_DATABASE_URL: _given, ...withoutGiven } = env;
  const reason = postgresUnavailable(withoutGiven);
  return reason ? `needs PostgreSQL's binaries to run a server it may restart: ${reason}` : undefined;
}

/** A free TCP port on 127.0.0.1 (free now; a server started at once gets it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A cluster this process made; `stop` and `start` restart it on the same port (the fault tests). */
export class TestCluster {
  private running = false;
  private readonly onExit = () => this.stopNow();

  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    readonly port: number,
  ) {}

  /** The superuser's URL to the `postgres` database. */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** Makes a cluster in a temp folder and starts it. Throws with the server's log when it cannot. */
  static async create(): Promise<TestCluster> {
    const bin = binaryFolder();
    if (!bin) throw new Error(postgresUnavailable());
    const dir = mkdtempSync(path.join(tmpdir(), 'odlomek-pg-'));
    if (isRoot()) {
      const user = postgresUser()!;
      chownSync(dir, user.uid, user.gid);
    }
    const cluster = new TestCluster(bin, dir, await freePort());
    try {
      cluster.run('initdb', ['-D', cluster.data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '-N']);
      await cluster.start();
      return cluster;
    } catch (error) {
      cluster.stopNow();
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  private get data(): string {
    return path.join(this.dir, 'data');
  }

  /** Starts the server and waits until it accepts connections. */
  async start(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${this.dir}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    try {
      this.run('pg_ctl', [
        '-D',
        this.data,
        '-l',
        path.join(this.dir, 'server.log'),
        '-w',
        '-t',
        '60',
        '-o',
        options,
        'start',
      ]);
    } catch (error) {
      const logFile = path.join(this.dir, 'server.log');
      const serverLog = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
      throw new Error(`the test PostgreSQL server did not start: ${(error as Error).message}\n${serverLog}`, {
        cause: error,
      });
    }
    if (!this.running) process.on('exit', this.onExit);
    this.running = true;
  }

  /** Stops the server (fast shutdown: connections are closed, as in a restart). */
  async stop(): Promise<void> {
    this.run('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', '-t', '60', 'stop']);
    this.running = false;
    process.off('exit', this.onExit);
  }

  /** Stops the server and deletes its folder. */
  async destroy(): Promise<void> {
    if (this.running) await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Synchronous stop for process exit, so no server outlives the test run. */
  private stopNow(): void {
    if (!this.running && !existsSync(path.join(this.data, 'postmaster.pid'))) return;
    spawnSync(...this.command('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']), { stdio: 'ignore' });
    this.running = false;
  }

  private command(tool: string, args: string[]): [string, string[]] {
    const file = path.join(this.bin, tool);
    return isRoot() ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  }

  private run(tool: string, args: string[]): void {
    const [file, fullArgs] = this.command(tool, args);
    // stdio to a pipe we read only on failure; pg_ctl's server keeps no handle of ours (-l).
    execFileSync(file, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'], cwd: this.dir });
  }
}

/** A new empty database on the server at `adminUrl`; `drop` removes it (and ends its connections). */
export async function freshDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `odlomek_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Runs one statement on the admin connection. */
export async function adminQuery(adminUrl: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
