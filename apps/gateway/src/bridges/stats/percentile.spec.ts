import { describe, expect, it } from '@jest/globals';
import { percentile } from './bridge-stats.service.js';

describe('percentile (nearest rank)', () => {
  it('is null without samples and exact on small sets', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 99)).toBe(7);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
  });
});
