import { describe, expect, it } from '@jest/globals';
import { ClientCache } from './client-cache.js';

describe('ClientCache', () => {
  it('keeps one client per account and credentials', () => {
    let created = 0;
    const cache = new ClientCache(
      (c: { app: string; secret: string; label?: string }) => [c.app, c.secret],
      (c) => ({ app: c.app, n: ++created }),
    );
    const first = cache.get({ app: 'a', secret: 's' });
    expect(cache.get({ app: 'a', secret: 's', label: 'other field' })).toBe(first);
    expect(cache.get({ app: 'a', secret: 'rotated' })).not.toBe(first);
    expect(created).toBe(2);
  });
});
