import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../../src/engine/util/bounded-cache.ts';

describe('BoundedCache', () => {
  it('never holds more than its limit', () => {
    const cache = new BoundedCache<string, number>(10);
    for (let i = 0; i < 1000; i++) {
      cache.set(`k${i}`, i);
      // Found entries move to the young generation: they must not grow the cache either.
      cache.get(`k${i >> 1}`);
      expect(cache.size).toBeLessThanOrEqual(10);
    }
  });

  it('keeps the entries in use and forgets one-off ones', () => {
    const cache = new BoundedCache<string, number>(10);
    cache.set('used', 0);
    for (let i = 0; i < 100; i++) {
      cache.set(`once${i}`, i);
      expect(cache.get('used')).toBe(0);
    }
    expect(cache.get('once0')).toBeUndefined();
    expect(cache.get('once99')).toBe(99);
  });

  it('makes a value once and then remembers it, null included', () => {
    const cache = new BoundedCache<string, string | null>(10);
    let made = 0;
    const make = () => (++made > 0 ? null : 'never');
    expect(cache.getOrMake('x', make)).toBeNull();
    expect(cache.getOrMake('x', make)).toBeNull();
    expect(made).toBe(1);
  });

  it('grows to a larger limit when asked, and never shrinks', () => {
    const cache = new BoundedCache<string, number>(10);
    cache.reserve(100);
    cache.reserve(4);
    for (let i = 0; i < 60; i++) cache.set(`k${i}`, i);
    // All 60 fit in a generation of 50 and the next: none forgotten yet (at 10, 50 would be).
    expect(cache.size).toBe(60);
    expect(cache.get('k0')).toBe(0);
    for (let i = 60; i < 1000; i++) cache.set(`k${i}`, i);
    expect(cache.size).toBeLessThanOrEqual(100);
  });

  it('refuses a limit that leaves no room for two generations', () => {
    expect(() => new BoundedCache(1)).toThrow(RangeError);
    expect(() => new BoundedCache(0)).toThrow(RangeError);
    expect(() => new BoundedCache(2)).not.toThrow();
  });
});
