import { describe, expect, it } from '@jest/globals';
import type { UnifiedEvent, UnifiedMessage } from '@im-gateway/types';
import type { BeforePolicy, BeforeRule, BeforeRuleMatch } from './before-policy.types.js';
import { decideByRules } from './before-rules.engine.js';

function message(overrides: Partial<UnifiedMessage> = {}): UnifiedMessage {
  return {
    id: 'm1',
    from: 'alice',
    to: 'g1',
    sentAt: '2026-01-01T00:00:00.000Z',
    contents: [{ type: 'text', text: 'Hello World, see http://spam.example' }],
    ext: { trace: 'x', color: 'red' },
    mentions: { all: false, users: ['bob', 'carol'] },
    ...overrides,
  };
}

function event(overrides: Partial<UnifiedEvent> = {}): UnifiedEvent {
  return {
    id: 'e1',
    type: 'message.send.requested',
    provider: 'easemob',
    appId: 'a1',
    occurredAt: '2026-01-01T00:00:00.000Z',
    receivedAt: '2026-01-01T00:00:00.000Z',
    dedupeKey: 'd1',
    conversation: { type: 'group', id: 'g1' },
    actor: 'alice',
    message: message(),
    data: {},
    raw: {},
    ...overrides,
  };
}

function policy(...rules: BeforeRule[]): BeforePolicy {
  return { rules, decisionEndpoint: null, onError: 'allow' };
}

const deny = (match: BeforeRuleMatch, id = 'r'): BeforeRule => ({ id, match, action: { type: 'deny' } });

describe('decideByRules: each match field', () => {
  // [field, a match that fits the default event, one that does not]
  const cases: [string, BeforeRuleMatch, BeforeRuleMatch][] = [
    [
      'eventTypes exact',
      { eventTypes: ['message.send.requested'] },
      { eventTypes: ['group.create.requested'] },
    ],
    ['eventTypes pattern', { eventTypes: ['message.*'] }, { eventTypes: ['group.*'] }],
    ['conversationKinds', { conversationKinds: ['group'] }, { conversationKinds: ['direct', 'chatroom'] }],
    ['conversationIds', { conversationIds: ['g0', 'g1'] }, { conversationIds: ['g2'] }],
    ['senders', { senders: ['alice'] }, { senders: ['mallory'] }],
    ['contentTypes', { contentTypes: ['image', 'text'] }, { contentTypes: ['image'] }],
    ['text keywords, any case', { text: { keywords: ['hello world'] } }, { text: { keywords: ['goodbye'] } }],
    [
      'text keywords, case-sensitive',
      { text: { keywords: ['Hello'], caseSensitive: true } },
      { text: { keywords: ['hello'], caseSensitive: true } },
    ],
    ['text patterns', { text: { patterns: ['https?://\\S+'] } }, { text: { patterns: ['^\\d+$'] } }],
    [
      'text patterns, case-sensitive',
      { text: { patterns: ['WORLD'], caseSensitive: false } },
      { text: { patterns: ['WORLD'], caseSensitive: true } },
    ],
    ['size min', { size: { minBytes: 10 } }, { size: { minBytes: 10_000 } }],
    ['size max', { size: { maxBytes: 10_000 } }, { size: { maxBytes: 10 } }],
    ['mentions users', { mentions: { users: ['carol'] } }, { mentions: { users: ['dave'] } }],
    ['mentions all', { mentions: { all: false } }, { mentions: { all: true } }],
    ['mentions minCount', { mentions: { minCount: 2 } }, { mentions: { minCount: 3 } }],
    [
      'every field given must match',
      { senders: ['alice'], conversationIds: ['g1'] },
      { senders: ['alice'], conversationIds: ['g2'] },
    ],
  ];

  it.each(cases)('%s: matches when it fits, not otherwise', (_name, fits, misses) => {
    expect(decideByRules(policy(deny(fits)), event())).toEqual({ decision: { action: 'deny' }, ruleId: 'r' });
    expect(decideByRules(policy(deny(misses)), event())).toBeNull();
  });

  it('measures size in UTF-8 bytes of contents and ext as JSON', () => {
    const m = message({ contents: [{ type: 'text', text: '猫' }], ext: { a: 1 } });
    const bytes = Buffer.byteLength(JSON.stringify(m.contents)) + Buffer.byteLength('{"a":1}');
    expect(JSON.stringify(m.contents).length).toBeLessThan(bytes - 7); // 猫 is 3 bytes, 1 UTF-16 unit
    const e = event({ message: m });
    expect(decideByRules(policy(deny({ size: { minBytes: bytes, maxBytes: bytes } })), e)).not.toBeNull();
    expect(decideByRules(policy(deny({ size: { minBytes: bytes + 1 } })), e)).toBeNull();
  });

  it('a text match does not fit an event without text contents', () => {
    const e = event({ message: message({ contents: [{ type: 'image', url: 'https://x/hello.png' }] }) });
    expect(decideByRules(policy(deny({ text: { keywords: ['hello'] } })), e)).toBeNull();
  });

  it('an empty match fits everything, and the first matching rule decides', () => {
    const rules = [deny({ senders: ['mallory'] }, 'first'), deny({}, 'second'), deny({}, 'third')];
    expect(decideByRules(policy(...rules), event())?.ruleId).toBe('second');
  });

  it('no rule, no decision', () => {
    expect(decideByRules(policy(), event())).toBeNull();
  });
});

describe('decideByRules: each action', () => {
  it('allow', () => {
    const rule: BeforeRule = { id: 'ok', match: {}, action: { type: 'allow' } };
    expect(decideByRules(policy(rule), event())).toEqual({ decision: { action: 'allow' }, ruleId: 'ok' });
  });

  it('deny with the reason the sender sees', () => {
    const rule: BeforeRule = { id: 'no', match: {}, action: { type: 'deny', reason: 'No links' } };
    expect(decideByRules(policy(rule), event())?.decision).toEqual({ action: 'deny', reason: 'No links' });
  });

  it('modify: mask keywords and patterns, character by character, keeping other contents and ext', () => {
    const e = event({
      message: message({
        contents: [
          { type: 'text', text: 'Hello World, see http://spam.example' },
          { type: 'image', url: 'https://x/a.png' },
        ],
      }),
    });
    const rule: BeforeRule = {
      id: 'mask',
      match: {},
      action: { type: 'modify', mask: { keywords: ['world'], patterns: ['https?://\\S+'], with: '#' } },
    };
    expect(decideByRules(policy(rule), e)?.decision).toEqual({
      action: 'modify',
      message: {
        contents: [
          { type: 'text', text: 'Hello #####, see ###################' },
          { type: 'image', url: 'https://x/a.png' },
        ],
        ext: { trace: 'x', color: 'red' },
      },
    });
  });

  it('modify: mask over multi-byte text puts one mark per character', () => {
    const e = event({ message: message({ contents: [{ type: 'text', text: '我的猫😀猫很可爱' }] }) });
    const rule: BeforeRule = {
      id: 'mask',
      match: {},
      action: { type: 'modify', mask: { patterns: ['猫😀猫'] } },
    };
    const decision = decideByRules(policy(rule), e)?.decision;
    expect(decision).toEqual({
      action: 'modify',
      message: { contents: [{ type: 'text', text: '我的***很可爱' }], ext: { trace: 'x', color: 'red' } },
    });
  });

  it('modify: replaceText replaces every text content whole', () => {
    const rule: BeforeRule = { id: 'rt', match: {}, action: { type: 'modify', replaceText: '[removed]' } };
    const d = decideByRules(policy(rule), event())?.decision;
    expect(d).toEqual({
      action: 'modify',
      message: { contents: [{ type: 'text', text: '[removed]' }], ext: { trace: 'x', color: 'red' } },
    });
  });

  it('modify: dropExt removes top-level ext keys; a message without ext goes out without one', () => {
    const rule: BeforeRule = {
      id: 'dx',
      match: {},
      action: { type: 'modify', dropExt: ['trace', 'absent'] },
    };
    const d = decideByRules(policy(rule), event());
    expect(d?.decision).toEqual({
      action: 'modify',
      message: { contents: message().contents, ext: { color: 'red' } },
    });
    const noExt = decideByRules(policy(rule), event({ message: message({ ext: undefined }) }));
    expect(noExt?.decision).toEqual({
      action: 'modify',
      message: { contents: message().contents, ext: null },
    });
  });

  it('modify does not apply to an event without a message', () => {
    const rule: BeforeRule = { id: 'rt', match: {}, action: { type: 'modify', replaceText: 'x' } };
    const e = event({ type: 'group.create.requested', message: undefined });
    expect(decideByRules(policy(rule), e)).toBeNull();
  });

  it('does not change the event it reads', () => {
    const e = event();
    const before = structuredClone(e);
    const rule: BeforeRule = {
      id: 'm',
      match: {},
      action: { type: 'modify', mask: { keywords: ['hello'] }, dropExt: ['trace'] },
    };
    decideByRules(policy(rule), e);
    expect(e).toEqual(before);
  });
});

describe('decideByRules: linear-time patterns', () => {
  it('a pathological pattern over a long text finishes at once', () => {
    const text = `${'a'.repeat(100_000)}!`;
    const e = event({ message: message({ contents: [{ type: 'text', text }] }) });
    const started = performance.now();
    // (a+)+$ backtracks exponentially in a backtracking engine; RE2 answers in linear time.
    expect(decideByRules(policy(deny({ text: { patterns: ['(a+)+$'] } })), e)).toBeNull();
    const masked = decideByRules(
      policy({ id: 'm', match: {}, action: { type: 'modify', mask: { patterns: ['(a+)+$'] } } }),
      e,
    );
    expect(masked?.decision).toMatchObject({ action: 'modify' });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('compiles a policy once: the same object decides again without recompiling', () => {
    const p = policy(deny({ text: { patterns: ['spam'] } }));
    expect(decideByRules(p, event())).not.toBeNull();
    // A pattern changed in place is not seen: compiled rules are cached per policy object.
    p.rules[0]!.match.text!.patterns = ['nothing-like-this'];
    expect(decideByRules(p, event())).not.toBeNull();
    expect(decideByRules(structuredClone(p), event())).toBeNull();
  });
});
