import { describe, expect, it } from '@jest/globals';
import {
  canonicalJson,
  hashJson,
  isoFromMillis,
  isoFromSeconds,
  readBoolean,
  readId,
  readNumber,
} from './json-values.js';

describe('json values', () => {
  it('reads numbers sent as strings and refuses garbage', () => {
    expect(readNumber('1670574414123')).toBe(1670574414123);
    expect(readNumber(' ')).toBeUndefined();
    expect(readNumber('12abc')).toBeUndefined();
    expect(readNumber(Number.NaN)).toBeUndefined();
    expect(readNumber({})).toBeUndefined();
  });

  it('reads ids from strings and numbers but not empty strings', () => {
    expect(readId(42)).toBe('42');
    expect(readId('')).toBeUndefined();
    expect(readId(null)).toBeUndefined();
  });

  it('reads boolean spellings', () => {
    expect(readBoolean('false')).toBe(false);
    expect(readBoolean('true')).toBe(true);
    expect(readBoolean('yes')).toBeUndefined();
  });

  it('turns vendor times into ISO with ms, refusing implausible ones', () => {
    expect(isoFromMillis(1670574414123)).toBe('2022-12-09T08:26:54.123Z');
    expect(isoFromSeconds(1670574414)).toBe('2022-12-09T08:26:54.000Z');
    expect(isoFromMillis(1670574414)).toBeUndefined();
    expect(isoFromMillis(Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it('hashes canonical JSON independent of key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(hashJson({ a: 1, b: 2 })).toBe(hashJson({ b: 2, a: 1 }));
    expect(hashJson({ a: 1 })).not.toBe(hashJson({ a: 2 }));
  });
});
