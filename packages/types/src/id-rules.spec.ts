import { describe, expect, it } from '@jest/globals';
import type { IdRule } from './capabilities.js';
import { idProblem } from './id-rules.js';

const LOWER = 'a-z, 0-9, _ - . (lower case)';
const lower: IdRule = { maxBytes: 64, pattern: '^[a-z0-9_.-]+$', description: LOWER };
const anything: IdRule = { maxBytes: 64, description: 'anything up to 64 bytes' };
const noControl: IdRule = {
  maxBytes: 32,
  pattern: String.raw`^[^\u0000-\u001f\u007f]+$`,
  description: 'no control characters',
};

describe('idProblem', () => {
  it('refuses an empty id, with or without a pattern', () => {
    expect(idProblem(lower, '')).toBe('is empty');
    expect(idProblem(anything, '')).toBe('is empty');
  });

  it('accepts an id of exactly maxBytes and refuses one byte more', () => {
    expect(idProblem(lower, 'a'.repeat(64))).toBeNull();
    expect(idProblem(lower, 'a'.repeat(65))).toBe('is 65 bytes, longer than 64');
  });

  it('counts UTF-8 bytes, not characters', () => {
    // 22 characters either way: 21 × 3 + 1 = 64 bytes fits, 22 × 3 = 66 bytes does not.
    expect(idProblem(anything, `${'中'.repeat(21)}a`)).toBeNull();
    expect(idProblem(anything, '中'.repeat(22))).toBe('is 66 bytes, longer than 64');
    expect(idProblem(anything, `${'中'.repeat(22)}abcd`)).toBe('is 70 bytes, longer than 64');
    // An emoji is 2 UTF-16 units but 4 bytes: 8 of them fill 32 bytes with a length of 16.
    expect(idProblem(noControl, '😀'.repeat(8))).toBeNull();
    expect(idProblem(noControl, `${'😀'.repeat(8)}a`)).toBe('is 33 bytes, longer than 32');
  });

  it('refuses an id outside the pattern, naming the rule in words', () => {
    expect(idProblem(lower, 'alice_01.x-y')).toBeNull();
    expect(idProblem(lower, 'Alice')).toBe(`must match ${LOWER}`);
    expect(idProblem(lower, 'al ice')).toBe(`must match ${LOWER}`);
    expect(idProblem(noControl, 'a\nb')).toBe('must match no control characters');
    expect(idProblem(noControl, 'a\u007fb')).toBe('must match no control characters');
  });

  it('matches the whole id, as the anchored pattern says', () => {
    expect(idProblem(lower, 'alice!')).toBe(`must match ${LOWER}`);
    expect(idProblem(lower, '!alice')).toBe(`must match ${LOWER}`);
  });

  it('accepts any non-empty id within the bytes when there is no pattern', () => {
    expect(idProblem(anything, 'Any Thing ✓ @TGS#1')).toBeNull();
    expect(idProblem(anything, '\t')).toBeNull();
  });

  it('reports the length before the pattern', () => {
    expect(idProblem(lower, 'A'.repeat(65))).toBe('is 65 bytes, longer than 64');
  });
});
