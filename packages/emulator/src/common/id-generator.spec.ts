import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { MessageIdGenerator, numericGroupId, randomUint32 } from './id-generator.js';

describe('MessageIdGenerator', () => {
  it('issues 18–19 digit numeric strings, strictly increasing even within one millisecond', () => {
    const ids = new MessageIdGenerator();
    const now = Date.now();
    const out = Array.from({ length: 1000 }, () => ids.next(now));
    for (const id of out) expect(id).toMatch(/^\d{18,19}$/);
    for (let i = 1; i < out.length; i++) expect(BigInt(out[i] ?? 0) > BigInt(out[i - 1] ?? 0)).toBe(true);
  });

  it('stays increasing when the clock goes backwards', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1_600_000_000_000, max: 2_500_000_000_000 }), { minLength: 2 }),
        (clock) => {
          const ids = new MessageIdGenerator();
          const out = clock.map((t) => BigInt(ids.next(t)));
          return out.every((id, i) => i === 0 || id > (out[i - 1] ?? 0n));
        },
      ),
    );
  });

  it('makes 15-digit group ids and uint32 randoms', () => {
    expect(numericGroupId()).toMatch(/^\d{15}$/);
    const r = randomUint32();
    expect(Number.isInteger(r) && r >= 0 && r <= 0xffffffff).toBe(true);
  });
});
