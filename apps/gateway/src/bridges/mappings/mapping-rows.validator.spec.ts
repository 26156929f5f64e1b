import { describe, expect, it } from '@jest/globals';
import { validateRows } from './mapping-rows.validator.js';

const rules = {
  source: { maxBytes: 8, pattern: '^[a-z]+$', description: 'a-z' },
  target: { maxBytes: 4, description: 'anything' },
  sourceVendor: 'S',
  targetVendor: 'T',
};

describe('validateRows', () => {
  it('keeps good rows and reports each bad one with every reason', () => {
    const { accepted, rejected } = validateRows(
      [
        { row: 1, source: 'abc', target: 'x1' },
        { row: 2, source: 'ABC', target: 'x12345' },
        { row: 3, source: 'abc', target: 'x2' },
        { row: 4, source: 'def', target: 'x1' },
        { row: 5, source: 7, target: undefined },
        { row: 6, source: 'ghi', target: 'x3' },
      ],
      rules,
    );
    expect(accepted).toEqual([
      { row: 1, source: 'abc', target: 'x1' },
      { row: 6, source: 'ghi', target: 'x3' },
    ]);
    expect(rejected).toEqual([
      {
        row: 2,
        source: 'ABC',
        target: 'x12345',
        reasons: ['source "ABC" must match a-z (S)', 'target "x12345" is 6 bytes, longer than 4 (T)'],
      },
      { row: 3, source: 'abc', target: 'x2', reasons: ['source "abc" repeats row 1'] },
      { row: 4, source: 'def', target: 'x1', reasons: ['target "x1" repeats row 1'] },
      {
        row: 5,
        source: 7,
        target: undefined,
        reasons: ['source is missing or not a string', 'target is missing or not a string'],
      },
    ]);
  });
});
