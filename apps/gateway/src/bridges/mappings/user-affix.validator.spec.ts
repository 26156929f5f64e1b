import { describe, expect, it } from '@jest/globals';
import { EASEMOB_CAPABILITIES } from '@im-gateway/provider-easemob';
import { TENCENT_CAPABILITIES } from '@im-gateway/provider-tencent';
import { affixProblem } from './user-affix.validator.js';

const easemob = EASEMOB_CAPABILITIES.ids.user;
const tencent = TENCENT_CAPABILITIES.ids.user;

describe('affixProblem', () => {
  it.each([
    ['Easemob', easemob, { prefix: 'em_', suffix: '' }],
    ['Easemob', easemob, { prefix: '', suffix: '.v2-x' }],
    ['Tencent', tencent, { prefix: 'TC#', suffix: '@腾讯' }],
    ['Tencent', tencent, { prefix: 'p'.repeat(31), suffix: '' }],
  ])('accepts an affix that can make a valid %s id: %j', (_vendor, rule, affix) => {
    expect(affixProblem(rule, affix)).toBeNull();
  });

  it.each([
    [
      easemob,
      { prefix: 'EM_', suffix: '' },
      'prefix',
      /prefix "EM_" has "E", outside the user-id rule \(a-z, 0-9/,
    ],
    [easemob, { prefix: 'em', suffix: '@tc' }, 'suffix', /suffix "@tc" has "@"/],
    [easemob, { prefix: '用户', suffix: '' }, 'prefix', /has "用"/],
    [
      tencent,
      { prefix: 'tc\u0007', suffix: '' },
      'prefix',
      /has "\\u0007", outside the user-id rule \(any character but control/,
    ],
    [tencent, { prefix: 'p'.repeat(32), suffix: '' }, 'prefix', /take 32 bytes: .* 32-byte limit/],
    [tencent, { prefix: '', suffix: '腾讯云即时通信腾讯云通' }, 'suffix', /take 33 bytes/],
    [tencent, { prefix: 'pppppppppppppppp', suffix: 'ssssssssssssssss' }, 'prefix', /take 32 bytes/],
  ])(
    'refuses %#: an affix no valid id can carry, naming the part and the rule',
    (rule, affix, field, message) => {
      const problem = affixProblem(rule, affix);
      expect(problem?.field).toBe(field);
      expect(problem?.problem).toMatch(message);
    },
  );
});
