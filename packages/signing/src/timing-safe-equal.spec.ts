import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { timingSafeEqualString } from './timing-safe-equal.js';

describe('timingSafeEqualString', () => {
  it('answers like === for any pair of strings', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => timingSafeEqualString(a, b) === (a === b)));
    fc.assert(fc.property(fc.string(), (a) => timingSafeEqualString(a, a)));
  });

  it('returns false on a length mismatch instead of throwing', () => {
    expect(timingSafeEqualString('abc', 'abcd')).toBe(false);
    expect(timingSafeEqualString('', 'a')).toBe(false);
  });

  it('compares by UTF-8 bytes, not UTF-16 units', () => {
    expect(timingSafeEqualString('é', 'e\u0301')).toBe(false);
    expect(timingSafeEqualString('签名', '签名')).toBe(true);
  });
});
