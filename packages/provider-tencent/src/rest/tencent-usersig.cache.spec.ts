import { describe, expect, it } from '@jest/globals';
import { verifyUserSig } from '@im-gateway/signing';
import { TencentUserSigCache } from './tencent-usersig.cache.js';

const KEY = 'secret-key';

describe('TencentUserSigCache', () => {
  it('reuses the sig until an hour before expiry, then signs a new one', () => {
    let now = Date.UTC(2026, 0, 1);
    const cache = new TencentUserSigCache(1400000000, KEY, 'administrator', 86_400, () => now);
    const first = cache.get();
    now += 22 * 3_600_000;
    expect(cache.get()).toBe(first);
    now += 2 * 3_600_000 - 1;
    expect(cache.get()).not.toBe(first);
  });

  it('signs for the admin identifier with the app key', () => {
    const now = Date.now();
    const sig = new TencentUserSigCache(1400000000, KEY, 'administrator', 86_400, () => now).get();
    expect(verifyUserSig(sig, { sdkAppId: 1400000000, secretKey: KEY, now: new Date(now) })).toMatchObject({
      identifier: 'administrator',
    });
  });

  it('signs again after the vendor refused the sig', () => {
    const now = Date.UTC(2026, 0, 1);
    let clock = now;
    const cache = new TencentUserSigCache(1400000000, KEY, 'administrator', 86_400, () => clock);
    const first = cache.get();
    cache.invalidate(first);
    clock += 1000; // a new TLS.time, so a new sig
    expect(cache.get()).not.toBe(first);
  });
});
