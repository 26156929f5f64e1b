import { describe, expect, it } from '@jest/globals';
import { ImGatewayError, type BeforeCallbackCapabilities, type FieldIssue } from '@im-gateway/types';
import type { BeforePolicy, BeforeRule } from './before-policy.types.js';
import { assertValidPolicy, DECISION_MARGIN_MS } from './before-policy.validator.js';

// A vendor shaped like the real ones: sending can be denied and changed, group creation only denied,
// a friend request neither.
const before: BeforeCallbackCapabilities = {
  timeoutMs: 2_000,
  onTimeout: 'the operation goes through',
  configurableWait: null,
  commands: [
    {
      vendorKind: 'C2C.CallbackBeforeSendMsg',
      eventType: 'message.send.requested',
      deny: true,
      denyReason: true,
      modify: ['text', 'contents', 'ext'],
    },
    {
      vendorKind: 'Group.CallbackBeforeCreateGroup',
      eventType: 'group.create.requested',
      deny: true,
      denyReason: false,
      modify: [],
    },
    {
      vendorKind: 'Sns.CallbackPrevFriendAdd',
      eventType: 'contact.requested',
      deny: false,
      denyReason: false,
      modify: [],
    },
  ],
};

function check(
  rules: BeforeRule[],
  timeoutMs?: number,
  vendorWaitMs?: number,
  capabilities: BeforeCallbackCapabilities = before,
): ImGatewayError | null {
  const policy: BeforePolicy = {
    rules,
    onError: 'allow',
    decisionEndpoint: timeoutMs === undefined ? null : { url: 'https://x', secret: '', timeoutMs },
    vendorWaitMs: vendorWaitMs ?? null,
  };
  try {
    assertValidPolicy(policy, capabilities.configurableWait ? 'easemob' : 'tencent', capabilities);
    return null;
  } catch (error) {
    if (error instanceof ImGatewayError) return error;
    throw error;
  }
}

describe('assertValidPolicy', () => {
  it('accepts a policy every command of which its vendor can carry out', () => {
    expect(
      check(
        [
          {
            id: 'links',
            match: { text: { patterns: ['https?://'] } },
            action: { type: 'deny', reason: 'No links' },
          },
          {
            id: 'mask',
            match: { eventTypes: ['message.*'] },
            action: { type: 'modify', mask: { keywords: ['x'] } },
          },
          { id: 'groups', match: { eventTypes: ['group.create.requested'] }, action: { type: 'deny' } },
          { id: 'friends', match: { eventTypes: ['contact.requested'] }, action: { type: 'allow' } },
        ],
        2_000 - DECISION_MARGIN_MS,
      ),
    ).toBeNull();
  });

  // [what is wrong, rules, the field named, words the message must hold]
  const wrong: [string, BeforeRule[], string, string[]][] = [
    [
      'invalid pattern',
      [{ id: 'bad', match: { text: { patterns: ['a('] } }, action: { type: 'deny' } }],
      'rules.0.match.text.patterns',
      ['rule "bad"', '"a("', 'missing closing ): `a(`'],
    ],
    [
      'invalid mask pattern',
      [{ id: 'bad-mask', match: {}, action: { type: 'modify', mask: { patterns: ['(?<=x)y'] } } }],
      'rules.0.action.mask.patterns',
      ['rule "bad-mask"', '(?<=x)y', 'invalid'],
    ],
    [
      'deny where no matched command can deny',
      [{ id: 'no-friends', match: { eventTypes: ['contact.requested'] }, action: { type: 'deny' } }],
      'rules.0.action',
      ['rule "no-friends"', 'deny', 'Sns.CallbackPrevFriendAdd'],
    ],
    [
      'modify text where no matched command can change it',
      [{ id: 'rename', match: { eventTypes: ['group.*'] }, action: { type: 'modify', replaceText: 'x' } }],
      'rules.0.action',
      ['rule "rename"', 'modify (replaceText)', 'Group.CallbackBeforeCreateGroup'],
    ],
    [
      'dropExt where no matched command can change ext',
      [
        {
          id: 'ext',
          match: { eventTypes: ['group.create.requested'] },
          action: { type: 'modify', dropExt: ['a'] },
        },
      ],
      'rules.0.action',
      ['modify (dropExt)', 'ext'],
    ],
    [
      'an event type no before-callback of the vendor yields',
      [{ id: 'sent', match: { eventTypes: ['message.sent'] }, action: { type: 'deny' } }],
      'rules.0.match.eventTypes',
      ['rule "sent"', 'message.sent', 'tencent'],
    ],
    [
      'a pattern that matches no event type at all',
      [{ id: 'typo', match: { eventTypes: ['mesage.*'] }, action: { type: 'deny' } }],
      'rules.0.match.eventTypes',
      ['"mesage.*" matches no event type'],
    ],
    [
      'duplicate rule ids',
      [
        { id: 'same', match: {}, action: { type: 'allow' } },
        { id: 'same', match: {}, action: { type: 'allow' } },
      ],
      'rules.1.id',
      ['"same" is used twice'],
    ],
    [
      'a field of another action',
      [{ id: 'r', match: {}, action: { type: 'deny', dropExt: ['a'] } as never }],
      'rules.0.action.dropExt',
      ['dropExt does not apply to deny'],
    ],
    [
      'modify with nothing to change',
      [{ id: 'r', match: {}, action: { type: 'modify' } }],
      'rules.0.action',
      ['mask, replaceText or dropExt'],
    ],
    [
      'mask and replaceText together',
      [{ id: 'r', match: {}, action: { type: 'modify', replaceText: 'x', mask: { keywords: ['y'] } } }],
      'rules.0.action',
      ['not both'],
    ],
    [
      'text match with nothing to look for',
      [{ id: 'r', match: { text: {} }, action: { type: 'deny' } }],
      'rules.0.match.text',
      ['keywords or patterns'],
    ],
    [
      'minBytes above maxBytes',
      [{ id: 'r', match: { size: { minBytes: 10, maxBytes: 5 } }, action: { type: 'deny' } }],
      'rules.0.match.size',
      ['minBytes is above maxBytes'],
    ],
  ];

  it.each(wrong)('refuses %s with policy_invalid naming it', (_what, rules, field, words) => {
    const error = check(rules);
    expect(error?.code).toBe('policy_invalid');
    const issues = error?.details as { field: string; message: string }[];
    const issue = issues.find((i) => i.field === field);
    expect(issue).toBeDefined();
    for (const word of words) expect(issue!.message).toContain(word);
    expect(error!.message).toContain(issues[0]!.field);
  });

  it('refuses a decision endpoint budget above the vendor’s wait less the margin, naming both', () => {
    expect(check([], 2_000 - DECISION_MARGIN_MS)).toBeNull();
    const error = check([], 2_000 - DECISION_MARGIN_MS + 1);
    expect(error?.code).toBe('policy_invalid');
    expect(error?.message).toContain('decisionEndpoint.timeoutMs');
    expect(error?.message).toContain('2000 ms');
  });

  it('accepts deny on a pattern that matches some commands that can deny', () => {
    // `*` also covers the friend request, which cannot be denied; the others can.
    expect(check([{ id: 'all', match: { eventTypes: ['*'] }, action: { type: 'deny' } }])).toBeNull();
  });

  // Shaped like Easemob: 200 ms by default, set per rule in the console.
  const configurable: BeforeCallbackCapabilities = {
    ...before,
    timeoutMs: 200,
    configurableWait: { minMs: 100, maxMs: 10_000 },
  };

  it('counts the budget from the app’s vendorWaitMs where the vendor’s wait is configurable', () => {
    expect(check([], 150, undefined, configurable)).toBeNull();
    expect(check([], 151, undefined, configurable)?.message).toContain('easemob waits 200 ms');
    expect(check([], 1_000 - DECISION_MARGIN_MS, 1_000, configurable)).toBeNull();
    const error = check([], 1_000 - DECISION_MARGIN_MS + 1, 1_000, configurable);
    expect(error?.details).toEqual([
      {
        field: 'decisionEndpoint.timeoutMs',
        message:
          'timeoutMs 951 is above 950 ms: easemob is set (vendorWaitMs) to wait 1000 ms for a ' +
          'before-callback answer and the gateway keeps 50 ms of it',
      },
    ]);
  });

  it.each([
    [99, '99 is outside 100–10000'],
    [10_001, '10001 is outside 100–10000'],
  ])('refuses a vendorWaitMs of %i, outside the configurable range, naming it', (wait, words) => {
    expect(check([], undefined, 100, configurable)).toBeNull();
    expect(check([], undefined, 10_000, configurable)).toBeNull();
    const error = check([], undefined, wait, configurable);
    expect(error?.code).toBe('policy_invalid');
    expect(error?.message).toBe(`vendorWaitMs: vendorWaitMs ${words} ms, the waits accepted for easemob`);
  });

  it('holds the budget to the default wait when the vendorWaitMs given is refused', () => {
    const error = check([], 5_000, 20_000, configurable);
    expect((error?.details as FieldIssue[]).map((d) => d.field)).toEqual([
      'vendorWaitMs',
      'decisionEndpoint.timeoutMs',
    ]);
  });

  it('refuses a vendorWaitMs for a vendor whose wait is fixed, whatever its value', () => {
    for (const wait of [2_000, 3_000]) {
      const error = check([], undefined, wait);
      expect(error?.code).toBe('policy_invalid');
      expect(error?.details).toEqual([
        {
          field: 'vendorWaitMs',
          message:
            'vendorWaitMs cannot be set for tencent: it always waits 2000 ms for a before-callback answer; ' +
            'leave vendorWaitMs out',
        },
      ]);
    }
  });
});
