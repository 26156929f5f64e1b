import { describe, expect, it } from '@jest/globals';
import { batchesByKey } from '../../src/migrations/migration-batches.js';

const item = (key: string | null, n: number) => ({ key, n });
const cut = (items: ReturnType<typeof item>[], size: number) =>
  batchesByKey(items, size, (i) => i.key).map((b) => b.map((i) => `${i.key}${i.n}`));

describe('batchesByKey', () => {
  it('cuts at the size and at every change of key, keeping the order', () => {
    const items = [item('a', 1), item('a', 2), item('a', 3), item('b', 1), item('c', 1), item('c', 2)];
    expect(cut(items, 2)).toEqual([['a1', 'a2'], ['a3'], ['b1'], ['c1', 'c2']]);
    expect(cut(items, 7)).toEqual([['a1', 'a2', 'a3'], ['b1'], ['c1', 'c2']]);
    expect(cut(items, 1)).toEqual(items.map((i) => [`${i.key}${i.n}`]));
  });

  it('never joins two keys, even when they are short and the batch has room', () => {
    const items = ['u1|u2', 'u1|u3', 'u2|u3'].map((k) => item(k, 1));
    expect(cut(items, 100)).toHaveLength(3);
  });

  it('takes items without a key (accounts, profiles…) as one key', () => {
    const items = [1, 2, 3, 4, 5].map((n) => item(null, n));
    expect(cut(items, 2)).toEqual([['null1', 'null2'], ['null3', 'null4'], ['null5']]);
  });

  it('gives no batch for no items', () => {
    expect(batchesByKey([], 5, () => 'a')).toEqual([]);
  });
});
