/**
 * A start from a saved index loads the English bridge once the bot is ready, among the other
 * things left for then: not at the first question that may be English, in the middle of a burst
 * of answers. (A file of its own: the bridge is loaded once per process.)
 */
import { describe, expect, it, vi } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { EnglishBridge } from '../../src/engine/lexicon/english-bridge.ts';
import { packEngine } from '../../src/engine/transfer/pack.ts';
import { unpackEngine } from '../../src/engine/transfer/unpack.ts';
import { NO_PAUSES } from '../../src/engine/transfer/slices.ts';
import { articleOf } from '../helpers.ts';

describe('the English bridge on a start from a saved index', () => {
  it('is loaded once the start is ready, before any English question', async () => {
    const load = vi.spyOn(EnglishBridge, 'load');
    const engine = Engine.fromDocuments([articleOf('a', 'Podpis', ['Predsednika sta podpisala sporazum.'])]);
    let ready!: () => void;
    const started = await unpackEngine(packEngine(engine), NO_PAUSES, undefined, {
      finishLater: true,
      finishAfter: new Promise<void>((resolve) => (ready = resolve)),
    });
    expect(load).not.toHaveBeenCalled();
    ready();
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    expect(started.ask('Who signed the agreement?').passages.length).toBeGreaterThan(0);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
