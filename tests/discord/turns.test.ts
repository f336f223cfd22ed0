// Answers take turns: one caller per turn of the event loop, first come first served, so what one
// answer sends can leave before the next answer is worked out.
import { describe, expect, it } from 'vitest';
import { Turns } from '../../src/discord/turns.ts';

describe('Turns', () => {
  it('lets one caller go per turn of the event loop, in order, with timers and I/O in between', async () => {
    const turns = new Turns();
    const events: string[] = [];
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    // A timer that falls due while an answer is worked out (as a heartbeat would).
    const ticker = setInterval(() => events.push('tick'), 1);
    const callers = [1, 2, 3].map(async (n) => {
      await turns.next();
      events.push(`turn ${n}`);
      busy(5);
    });
    await Promise.all(callers);
    clearInterval(ticker);
    const order = events.filter((e, i) => e !== 'tick' || events[i - 1] !== 'tick');
    expect(order.slice(order.indexOf('turn 1'))).toEqual(['turn 1', 'tick', 'turn 2', 'tick', 'turn 3']);
  });

  it('expects a longer wait the more callers are waiting', async () => {
    const turns = new Turns();
    expect(turns.expectedWaitMs()).toBe(0);
    const waiting = [turns.next(), turns.next(), turns.next()];
    const three = turns.expectedWaitMs();
    expect(three).toBeGreaterThan(0);
    waiting.push(turns.next());
    expect(turns.expectedWaitMs()).toBeGreaterThan(three);
    await Promise.all(waiting);
    expect(turns.expectedWaitMs()).toBe(0);
  });
});
