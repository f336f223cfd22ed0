/**
 * A pg client that closes its socket when connecting fails. pg leaves the socket open when the
 * failure is its own (no password for a server that asks for one): the server then holds the
 * half-made connection for its `authentication_timeout` (a minute by default), and with it the
 * process, which had already said why it cannot start.
 */
import pg from 'pg';

/** The part of pg's client this reaches into: its connection's socket. */
interface WithSocket {
  connection?: { stream?: { destroy(): void } };
}

type ConnectCallback = ((err: Error) => void) | ((err: null, client: pg.Client) => void);

export class ClosingClient extends pg.Client {
  private connectCalled = false;

  override connect(): Promise<pg.Client>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.Client> | void {
    // A second call fails in pg without touching the first connection: so does this.
    const first = !this.connectCalled;
    this.connectCalled = true;
    const closeSocket = () => first && (this as WithSocket).connection?.stream?.destroy();
    if (!callback)
      return super.connect().catch((error: unknown) => {
        closeSocket();
        throw error;
      });
    super.connect(((error: Error | null, client: pg.Client) => {
      if (error) closeSocket();
      (callback as (err: Error | null, client: pg.Client) => void)(error, client);
    }) as ConnectCallback);
  }
}

/** pg's words for a password the server asked for and the connection string did not give. */
const NO_PASSWORD = /client password must be a string|empty password returned by client|password must be a string/i;

/** Whether connecting failed because the server asks for a password and `url` has none. */
export function missingPassword(url: string, error: unknown): boolean {
  return passwordOf(url) === '' && error instanceof Error && NO_PASSWORD.test(error.message);
}

/** The password of a connection URL, '' for none, undefined for a string that is no URL (pg's other forms). */
function passwordOf(url: string): string | undefined {
  try {
    return new URL(url).password;
  } catch {
    return undefined;
  }
}
