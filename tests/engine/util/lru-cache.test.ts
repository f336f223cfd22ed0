import { describe, expect, it } from 'vitest';
import { LruCache } from '../../../src/engine/util/lru-cache.ts';

describe('LruCache', () => {
  it('never holds more than its limit, forgetting the least recently used first', () => {
    const cache = new LruCache<string, number>(3);
    for (const [i, key] of ['a', 'b', 'c'].entries()) cache.set(key, i);
    expect(cache.get('a')).toBe(0); // now the most recently used
    cache.set('d', 3);
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual([0, 2, 3]);
    for (let i = 0; i < 100; i++) cache.set(`k${i}`, i);
    expect(cache.size).toBe(3);
  });

  it('makes a value once and then remembers it', () => {
    const cache = new LruCache<string, string>(10);
    let made = 0;
    const make = (key: string) => `${key}!${++made}`;
    expect(cache.getOrMake('x', make)).toBe('x!1');
    expect(cache.getOrMake('x', make)).toBe('x!1');
    expect(made).toBe(1);
  });

  it('with a limit of 0 remembers nothing', () => {
    const cache = new LruCache<string, number>(0);
    let made = 0;
    cache.getOrMake('x', () => ++made);
    cache.getOrMake('x', () => ++made);
    expect(made).toBe(2);
    expect(cache.size).toBe(0);
  });
});
