import { describe, expect, it } from '@jest/globals';
import type { MigrationItemEntity } from '@im-gateway/persistence';
import { IMPORT_LANES, lanesOf } from '../../src/migrations/migration-importer.step.js';

const row = (id: string, conversationKey: string | null) =>
  ({ id, conversationKey, sourceKey: id }) as MigrationItemEntity;
const ids = (lanes: MigrationItemEntity[][]) => lanes.map((l) => l.map((r) => r.id));

describe('lanesOf', () => {
  it('gives each conversation one lane of its first rows, so its later rows wait and order holds', () => {
    const pending = [row('a1', 'a'), row('a2', 'a'), row('a3', 'a'), row('b1', 'b'), row('c1', 'c')];
    expect(ids(lanesOf(pending, 2))).toEqual([['a1', 'a2'], ['b1'], ['c1']]);
  });

  it('cuts rows of no conversation into batches of the given size', () => {
    const pending = Array.from({ length: 7 }, (_, i) => row(`u${i}`, null));
    expect(ids(lanesOf(pending, 3))).toEqual([['u0', 'u1', 'u2'], ['u3', 'u4', 'u5'], ['u6']]);
  });

  it(`opens at most ${IMPORT_LANES} lanes`, () => {
    const pending = Array.from({ length: 10 }, (_, i) => row(`m${i}`, `c${i}`));
    expect(lanesOf(pending, 5)).toHaveLength(IMPORT_LANES);
    expect(lanesOf([], 5)).toEqual([]);
  });
});
