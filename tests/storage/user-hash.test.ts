import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newSalt, userHash } from '../../src/storage/user-hash.ts';

const direct = (salt: string, id: string) => createHmac('sha256', salt).update(id).digest('base64url').slice(0, 22);

describe('userHash', () => {
  it('is the salted HMAC of the id, whether the member was seen lately or not', () => {
    const [a, b] = [newSalt(), newSalt()];
    for (let round = 0; round < 2; round++)
      for (const id of ['1', '123456789012345678', '98765432109876543']) {
        expect(userHash(a, id)).toBe(direct(a, id));
        expect(userHash(b, id)).toBe(direct(b, id));
      }
    expect(userHash(a, '1')).not.toBe(userHash(b, '1'));
  });

  it('stays right past the members it remembers', () => {
    const salt = newSalt();
    for (let i = 0; i < 12_000; i++) userHash(salt, String(i));
    for (const id of ['0', '5000', '11999']) expect(userHash(salt, id)).toBe(direct(salt, id));
  });
});
