import { describe, expect, it } from '@jest/globals';
import { mapUserIdByRule } from './user-id.rule.js';

const affix = {
  type: 'affix' as const,
  source: { prefix: 'em_', suffix: '' },
  target: { prefix: '', suffix: '@tc' },
};

describe('mapUserIdByRule', () => {
  it('same: the id as it is, both ways', () => {
    expect(mapUserIdByRule({ type: 'same' }, 'alice', 'forward')).toBe('alice');
    expect(mapUserIdByRule({ type: 'same' }, 'alice', 'reverse')).toBe('alice');
  });

  it('affix: swaps the prefix and suffix of each side, keeping the core', () => {
    expect(mapUserIdByRule(affix, 'em_alice', 'forward')).toBe('alice@tc');
    expect(mapUserIdByRule(affix, 'alice@tc', 'reverse')).toBe('em_alice');
  });

  it.each([
    ['an id without the side prefix', 'alice', 'forward'],
    ['an id without the side suffix', 'alice', 'reverse'],
    ['an id that is only the affixes', 'em_', 'forward'],
    ['an id shorter than both affixes', '@t', 'reverse'],
  ] as const)('affix: does not map %s', (_label, id, side) => {
    expect(mapUserIdByRule(affix, id, side)).toBeNull();
  });

  it('table: maps nothing by rule (only the table can)', () => {
    expect(mapUserIdByRule({ type: 'table' }, 'alice', 'forward')).toBeNull();
  });
});
