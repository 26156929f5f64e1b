import { describe, expect, it } from '@jest/globals';
import type { BeforeCommandSupport, BeforeDecision, UnifiedMessage } from '@im-gateway/types';
import {
  canHonour,
  decisionBudgetMs,
  fallbackDecision,
  partsChanged,
  STORE_MARGIN_MS,
} from './before-decision.js';

const message: UnifiedMessage = {
  id: 'm1',
  from: 'u1',
  to: 'u2',
  sentAt: '2026-01-01T00:00:00.000Z',
  contents: [
    { type: 'text', text: 'see http://x.test' },
    { type: 'image', url: 'https://x.test/a.png' },
  ],
  ext: { em_at_list: ['u3'], trace: 't' },
};
const support = (over: Partial<BeforeCommandSupport>): BeforeCommandSupport => ({
  vendorKind: 'C2C.CallbackBeforeSendMsg',
  eventType: 'message.send.requested',
  deny: true,
  denyReason: true,
  modify: ['contents', 'ext'],
  ...over,
});
const masked = {
  contents: [{ type: 'text' as const, text: 'see ****' }, message.contents[1]!],
  ext: message.ext,
};

describe('partsChanged', () => {
  it.each([
    ['nothing', { contents: message.contents, ext: message.ext }, []],
    ['only the text of a text content', masked, ['text']],
    ['a dropped ext field', { contents: message.contents, ext: { trace: 't' } }, ['ext']],
    ['ext removed', { contents: message.contents, ext: null }, ['ext']],
    ['a content removed', { contents: [message.contents[0]!], ext: message.ext }, ['contents']],
    [
      'a content of another type',
      { contents: [message.contents[0]!, { type: 'text' as const, text: '[image]' }], ext: message.ext },
      ['contents'],
    ],
    ['text and ext', { contents: masked.contents, ext: {} }, ['ext', 'text']],
  ])('%s', (_name, modified, parts) => {
    expect(partsChanged(message, modified).sort()).toEqual([...parts].sort());
  });
});

describe('canHonour', () => {
  const deny: BeforeDecision = { action: 'deny', reason: 'r' };
  const mask: BeforeDecision = { action: 'modify', message: masked };
  const dropExt: BeforeDecision = { action: 'modify', message: { contents: message.contents, ext: null } };
  it.each([
    ['allow anywhere', support({ deny: false, modify: [] }), { action: 'allow' } as BeforeDecision, true],
    ['deny where the vendor stops it', support({}), deny, true],
    ['deny where it cannot', support({ deny: false }), deny, false],
    ['a mask where text may change', support({ modify: ['text'] }), mask, true],
    ['a mask where contents may change', support({ modify: ['contents'] }), mask, true],
    ['a mask where only ext may change', support({ modify: ['ext'] }), mask, false],
    ['a dropped ext where only text may change', support({ modify: ['text'] }), dropExt, false],
    ['any modify where nothing may change', support({ modify: [] }), dropExt, false],
  ])('%s', (_name, s, decision, expected) => {
    expect(canHonour(s, decision, message)).toBe(expected);
  });

  it('refuses a modify of an event without a message', () => {
    expect(canHonour(support({}), { action: 'modify', message: masked }, undefined)).toBe(false);
  });
});

describe('fallbackDecision', () => {
  it('denies on onError deny where the vendor can stop the operation, else allows', () => {
    expect(fallbackDecision('deny', support({}))).toEqual({ action: 'deny' });
    expect(fallbackDecision('deny', support({ deny: false }))).toEqual({ action: 'allow' });
    expect(fallbackDecision('allow', support({}))).toEqual({ action: 'allow' });
  });
});

describe('decisionBudgetMs', () => {
  it("is the endpoint's timeout while the vendor's wait leaves room for it", () => {
    expect(decisionBudgetMs(500, 2_000, 3)).toBe(500);
  });
  it("is cut to the vendor's wait less the store margin and the time already spent", () => {
    expect(decisionBudgetMs(500, 200, 10)).toBe(200 - STORE_MARGIN_MS - 10);
  });
});
