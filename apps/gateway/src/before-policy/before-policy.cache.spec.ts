import { describe, expect, it } from '@jest/globals';
import { BeforePolicyCache, POLICY_RECHECK_MS } from './before-policy.cache.js';
import type { BeforePolicy } from './before-policy.types.js';

const policy: BeforePolicy = { rules: [], decisionEndpoint: null, onError: 'deny' };

describe('BeforePolicyCache', () => {
  it('serves a copy without asking for POLICY_RECHECK_MS, then wants a check', () => {
    let now = 0;
    const cache = new BeforePolicyCache(() => now);
    cache.set('a', policy, { createdAt: 't1', version: 1 }, cache.mark('a'));
    now = POLICY_RECHECK_MS - 1;
    expect(cache.fresh('a')?.policy).toBe(policy);
    now = POLICY_RECHECK_MS;
    expect(cache.fresh('a')).toBeUndefined();
  });

  it('confirms a copy only for the generation it was read at', () => {
    let now = 0;
    const cache = new BeforePolicyCache(() => now);
    cache.set('a', policy, { createdAt: 't1', version: 3 }, cache.mark('a'));
    now = 5_000;
    expect(cache.confirm('a', { createdAt: 't1', version: 4 })).toBeUndefined();
    // Deleted and created again: the version restarts, the creation time tells the rows apart.
    expect(cache.confirm('a', { createdAt: 't2', version: 3 })).toBeUndefined();
    expect(cache.confirm('a', null)).toBeUndefined();
    expect(cache.confirm('a', { createdAt: 't1', version: 3 })?.policy).toBe(policy);
    expect(cache.fresh('a')?.policy).toBe(policy);
  });

  it('remembers that an app has no policy, and forgets a copy when dropped', () => {
    const cache = new BeforePolicyCache(() => 0);
    cache.set('none', null, null, cache.mark('none'));
    expect(cache.fresh('none')).toEqual(expect.objectContaining({ policy: null }));
    expect(cache.confirm('none', null)?.policy).toBeNull();
    cache.drop('none');
    expect(cache.fresh('none')).toBeUndefined();
  });

  it('keeps no copy read before a write made here', () => {
    const cache = new BeforePolicyCache(() => 0);
    const mark = cache.mark('a');
    cache.drop('a'); // a write while the read was in flight
    cache.set('a', policy, { createdAt: 't1', version: 1 }, mark);
    expect(cache.fresh('a')).toBeUndefined();
    cache.set('a', policy, { createdAt: 't1', version: 2 }, cache.mark('a'));
    expect(cache.fresh('a')?.policy).toBe(policy);
  });
});
