import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/discord/in-flight.ts';
import { captureLog } from '../helpers.ts';

describe('answers in flight at a stop', () => {
  it('waits for answers, also those that start while it waits, and says nothing when there were none', async () => {
    const log = captureLog();
    const inFlight = new InFlight();
    expect(await inFlight.finish(1000)).toBe(0);
    expect(log).toEqual([]);
    const sent: string[] = [];
    inFlight.track(
      new Promise<void>((resolve) =>
        setTimeout(() => {
          sent.push('first');
          // An event that came in meanwhile.
          inFlight.track(new Promise<void>((done) => setTimeout(() => (sent.push('second'), done()), 10)));
          resolve();
        }, 10),
      ),
    );
    expect(await inFlight.finish(5000)).toBe(0);
    expect(sent).toEqual(['first', 'second']);
    expect(log).toEqual([expect.stringContaining('stopping: finishing 1 answer in flight (at most 5 s)')]);
  });

  it('gives up after the grace, saying how many were dropped, and logs a failed answer instead of throwing', async () => {
    const log = captureLog();
    const inFlight = new InFlight();
    inFlight.track(Promise.reject(new Error('Missing Access')));
    inFlight.track(new Promise<void>(() => {}));
    inFlight.track(new Promise<void>(() => {}));
    await new Promise((resolve) => setImmediate(resolve)); // the failed one is over before the stop
    expect(await inFlight.finish(20)).toBe(2);
    expect(log).toEqual([
      expect.stringMatching(/ERROR .*an event handler failed.*Missing Access/s),
      expect.stringContaining('stopping: finishing 2 answers in flight (at most 0.02 s)'),
      expect.stringContaining('stopping: 2 answers still in flight after 0.02 s are dropped'),
    ]);
  });
});
