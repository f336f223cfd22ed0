/**
 * Makes "nothing may reach discord.com" checkable: while installed, every TCP connection attempt
 * (http, https, ws, undici all end in `net.Socket#connect`) to anything but a loopback address is
 * refused and recorded. A test asserts `guard.blocked` is empty, so an option left pointing at the
 * real Discord (REST `api`, `cdn`, a gateway URL) fails loudly instead of silently trying the internet.
 */
import net from 'node:net';
import { fileURLToPath } from 'node:url';

export interface NetworkGuard {
  /** `host:port` of every refused attempt. */
  readonly blocked: string[];
  /** Puts the original `connect` back. */
  restore(): void;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

type ConnectArgs = [unknown, ...unknown[]];

/** Path of the preload that installs the guard in a child process (pass to `tsx --import`). */
export const NETWORK_GUARD_PRELOAD = fileURLToPath(new URL('./network-guard-preload.ts', import.meta.url));

/**
 * Installs the guard for this process (worker); call `restore()` in `afterAll`. `onBlocked` is told
 * about each refused attempt (the attempt also throws).
 */
export function guardNetwork(onBlocked?: (target: string) => void): NetworkGuard {
  const proto = net.Socket.prototype as unknown as { connect: (...args: ConnectArgs) => unknown };
  const original = proto.connect;
  const blocked: string[] = [];
  proto.connect = function (this: net.Socket, ...args: ConnectArgs) {
    // net.connect passes a normalised [options, callback] array; sockets may also be given (port, host).
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    let host: string | undefined;
    let port: unknown;
    let ipc = false;
    if (first && typeof first === 'object') {
      const o = first as { host?: string; port?: unknown; path?: string };
      host = o.host;
      port = o.port;
      ipc = typeof o.path === 'string';
    } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
      port = first;
      host = typeof args[1] === 'string' ? args[1] : undefined;
    } else if (typeof first === 'string') {
      ipc = true;
    }
    if (!ipc && !LOOPBACK.has(host ?? 'localhost')) {
      blocked.push(`${String(host)}:${String(port)}`);
      onBlocked?.(`${String(host)}:${String(port)}`);
      throw new Error(
        `network guard: connection to ${String(host)}:${String(port)} refused (tests must stay on loopback)`,
      );
    }
    return original.apply(this, args);
  };
  return {
    blocked,
    restore() {
      proto.connect = original;
    },
  };
}
