/**
 * Preload for child processes (`tsx --import ./tests/fake-discord/network-guard-preload.ts src/main.ts`):
 * installs the loopback-only network guard in the bot process itself and prints each refused
 * attempt to stderr as `network guard: refused <host>:<port>`, so a process-level test can assert
 * the bot never tried to reach discord.com (`expect(stderr).not.toContain('network guard')`).
 */
import { guardNetwork } from './network-guard.ts';

guardNetwork((target) => process.stderr.write(`network guard: refused ${target}\n`));
