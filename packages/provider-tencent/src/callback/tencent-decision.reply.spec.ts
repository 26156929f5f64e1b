import { describe, expect, it } from '@jest/globals';
import {
  ImGatewayError,
  type BeforeDecision,
  type MessageContent,
  type ModifiedMessage,
  type NormalizedCallback,
} from '@im-gateway/types';
import { tencentBeforeCallback } from '../../test/tencent-before-callbacks.js';
import { toTencentElement } from '../rest/tencent-message.mapper.js';
import { TENCENT_BEFORE_CAPABILITIES } from './tencent-before.capabilities.js';
import { TENCENT_CALLBACK_COMMANDS, classifyTencentCallback } from './tencent-callback.classifier.js';
import { normalizeTencentCallback } from './tencent-callback.normalizer.js';
import { tencentDecisionReply } from './tencent-decision.reply.js';

const OK = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };
const REASON = 'links are not allowed';
const MASKED: ModifiedMessage = { contents: [{ type: 'text', text: '***' }], ext: { moderated: true } };
const UNSUPPORTED = 'capability_unsupported';

type Expected = Record<string, unknown> | typeof UNSUPPORTED;
interface Row {
  deny: Expected;
  denyWithReason: Expected;
  modify: Expected;
}

const refused = (code: number, info = '') => ({ ...OK, ErrorCode: code, ErrorInfo: info });
const pairs = (accounts: string[], info = '') => ({
  ...OK,
  ResultItem: accounts.map((a) => ({ To_Account: a, ResultCode: 38000, ResultInfo: info })),
});
const masked = {
  ...OK,
  MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '***' } }],
  CloudCustomData: '{"moderated":true}',
};

/** The exact answer per declared command (tencent.md §1.5), for deny, deny with a reason, and modify. */
const EXPECTED: Readonly<Record<string, Row>> = {
  'Sns.CallbackPrevFriendAdd': {
    deny: pairs(['bob', 'carol']),
    denyWithReason: pairs(['bob', 'carol'], REASON),
    modify: UNSUPPORTED,
  },
  'Sns.CallbackPrevFriendResponse': {
    deny: pairs(['alice']),
    denyWithReason: pairs(['alice'], REASON),
    modify: UNSUPPORTED,
  },
  'C2C.CallbackBeforeSendMsg': {
    deny: refused(1),
    denyWithReason: refused(120001, REASON),
    modify: masked,
  },
  'Group.CallbackBeforeCreateGroup': {
    deny: refused(1),
    denyWithReason: refused(10100, REASON),
    modify: UNSUPPORTED,
  },
  'Group.CallbackBeforeApplyJoinGroup': {
    deny: refused(1),
    denyWithReason: refused(10100, REASON),
    modify: UNSUPPORTED,
  },
  'Group.CallbackBeforeInviteJoinGroup': {
    deny: refused(1),
    denyWithReason: refused(10100, REASON),
    modify: UNSUPPORTED,
  },
  'Group.CallbackBeforeSendMsg': {
    deny: refused(1),
    denyWithReason: refused(10100, REASON),
    modify: masked,
  },
  // No custom code range: the reason rides in ErrorInfo, which the docs do not say reaches anyone.
  'Group.CallbackBeforeCreateTopic': {
    deny: refused(1),
    denyWithReason: refused(1, REASON),
    modify: UNSUPPORTED,
  },
  'Chatbot.OnC2CSignalMessage': { deny: UNSUPPORTED, denyWithReason: UNSUPPORTED, modify: UNSUPPORTED },
  'OfficialAccount.CallbackBeforeCreateOfficialAccount': {
    deny: refused(1),
    denyWithReason: refused(1, REASON),
    modify: UNSUPPORTED,
  },
  'OfficialAccount.CallbackBeforeSendMsg': {
    deny: UNSUPPORTED,
    denyWithReason: UNSUPPORTED,
    modify: UNSUPPORTED,
  },
};

function callbackOf(command: string) {
  const callback = tencentBeforeCallback(command);
  if (!callback) throw new Error(`no callback for ${command}`);
  return { ...callback, normalized: normalizeTencentCallback(callback.request, callback.context) };
}

function answer(command: string, decision: BeforeDecision) {
  const { request, normalized } = callbackOf(command);
  return tencentDecisionReply(normalized, request, decision, toTencentElement);
}

function outcome(command: string, decision: BeforeDecision): unknown {
  try {
    const reply = answer(command, decision);
    expect(reply.status).toBe(200);
    return reply.body;
  } catch (error) {
    if (error instanceof ImGatewayError) return error.code;
    throw error;
  }
}

describe('TENCENT_BEFORE_CAPABILITIES', () => {
  it('declares exactly the before-commands of the classifier', () => {
    const before = TENCENT_CALLBACK_COMMANDS.filter((c) => classifyTencentCallback(c)?.timing === 'before');
    expect(TENCENT_BEFORE_CAPABILITIES.commands.map((c) => c.vendorKind)).toEqual(before);
  });

  it('waits as long as Tencent does: 2 s, fixed', () => {
    expect(TENCENT_BEFORE_CAPABILITIES.timeoutMs).toBe(2000);
  });

  it('says what is expected of every declared command (the table below covers them all)', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(
      TENCENT_BEFORE_CAPABILITIES.commands.map((c) => c.vendorKind).sort(),
    );
  });

  it.each(TENCENT_BEFORE_CAPABILITIES.commands.map((c) => [c.vendorKind, c] as const))(
    '%s: declares deny, reason and modify as its answer does',
    (command, support) => {
      const row = EXPECTED[command];
      expect(support.deny).toBe(row?.deny !== UNSUPPORTED);
      expect(support.modify.length > 0).toBe(row?.modify !== UNSUPPORTED);
      // A reason is declared only where a code passes it on to the client.
      const reasonCode = (row?.denyWithReason as { ErrorCode?: number } | undefined)?.ErrorCode;
      if (support.denyReason) expect(reasonCode).not.toBe(1);
    },
  );
});

describe('tencentDecisionReply', () => {
  describe.each(TENCENT_BEFORE_CAPABILITIES.commands.map((c) => [c.vendorKind] as const))('%s', (command) => {
    const row = EXPECTED[command] as Row;

    it('allow: answers the allow reply of the callback', () => {
      const { normalized } = callbackOf(command);
      expect(normalized.reply).toBeDefined();
      expect(answer(command, { action: 'allow' })).toEqual(normalized.reply);
    });

    it('deny: answers the block', () => {
      expect(outcome(command, { action: 'deny' })).toEqual(row.deny);
    });

    it('deny with a reason: answers the block that carries it', () => {
      expect(outcome(command, { action: 'deny', reason: REASON })).toEqual(row.denyWithReason);
    });

    it('modify: answers MsgBody and CloudCustomData', () => {
      expect(outcome(command, { action: 'modify', message: MASKED })).toEqual(row.modify);
    });
  });

  it('modify without ext: an empty CloudCustomData replaces the one the sender set', () => {
    const body = answer('C2C.CallbackBeforeSendMsg', {
      action: 'modify',
      message: { contents: [{ type: 'text', text: 'hi' }], ext: null },
    }).body;
    expect(body).toMatchObject({ ErrorCode: 0, CloudCustomData: '' });
  });

  it('modify: refuses no contents, unknown content and a message over 12 KB, naming the problem', () => {
    const modify = (message: ModifiedMessage) => () =>
      answer('Group.CallbackBeforeSendMsg', { action: 'modify', message });
    expect(modify({ contents: [] })).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(modify({ contents: [{ type: 'unknown', vendorType: 'x', raw: {} }] })).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
    expect(modify({ contents: [{ type: 'text', text: 'x'.repeat(12 * 1024) }] })).toThrow(
      /is \d+ bytes; Tencent takes at most 12288/,
    );
  });

  it('modify: refuses content the send path cannot encode, as a send would', () => {
    expect(() =>
      answer('C2C.CallbackBeforeSendMsg', {
        action: 'modify',
        message: { contents: [{ type: 'image', url: 'https://files.example.test/a.png' }] },
      }),
    ).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });
});

const FILES = 'https://files.example.test/chatfiles';
/** Contents Tencent carries losslessly, as the send round trip of the conformance suite has them. */
const ROUND_TRIP: MessageContent[] = [
  { type: 'text', text: 'hi 你好' },
  {
    type: 'image',
    url: `${FILES}/a.png`,
    width: 480,
    height: 720,
    size: 1234,
    format: 'png',
    variants: [{ kind: 'original', url: `${FILES}/a.png`, width: 480, height: 720, size: 1234 }],
  },
  { type: 'audio', url: `${FILES}/b.amr`, durationSec: 10, size: 6374 },
  { type: 'file', url: `${FILES}/d.txt`, name: 'd.txt', size: 10 },
  { type: 'location', latitude: 39.966, longitude: 116.322, address: '中关村' },
  { type: 'command', action: 'typing' },
  { type: 'custom', data: '{"sku":"rose"}', description: 'a rose', extension: 'x', sound: 'ding.caf' },
  { type: 'face', index: 3, data: 'smile' },
];

describe('a modified message round-trips', () => {
  it.each(['C2C.CallbackBeforeSendMsg', 'Group.CallbackBeforeSendMsg'])(
    '%s: the reply, normalized as Tencent would deliver it, gives back the same contents and ext',
    (command) => {
      const { request, context, normalized } = callbackOf(command);
      const message: ModifiedMessage = { contents: ROUND_TRIP, ext: { moderated: true, level: 2 } };
      const reply = tencentDecisionReply(
        normalized,
        request,
        { action: 'modify', message },
        toTencentElement,
      );
      const { MsgBody, CloudCustomData } = reply.body as Record<string, unknown>;
      const delivered = { ...(request.body as Record<string, unknown>), MsgBody, CloudCustomData };
      const again: NormalizedCallback = normalizeTencentCallback(
        { ...request, body: delivered, rawBody: JSON.stringify(delivered) },
        context,
      );
      expect(again.events[0]?.message?.contents).toEqual(ROUND_TRIP);
      expect(again.events[0]?.message?.ext).toEqual({ moderated: true, level: 2 });
    },
  );
});

describe('a plain-text CloudCustomData', () => {
  it.each(['C2C.CallbackBeforeSendMsg', 'Group.CallbackBeforeSendMsg'])(
    '%s: left as it was by a modify, is written back as the sender wrote it, not as its wrapper',
    (command) => {
      const { request, context } = callbackOf(command);
      const sent = { ...(request.body as Record<string, unknown>), CloudCustomData: 'vip level 3' };
      const plain = { ...request, body: sent, rawBody: JSON.stringify(sent) };
      const normalized = normalizeTencentCallback(plain, context);
      const ext = normalized.events[0]?.message?.ext;
      expect(ext).toEqual({ cloudCustomData: 'vip level 3' });
      const reply = tencentDecisionReply(
        normalized,
        plain,
        { action: 'modify', message: { contents: [{ type: 'text', text: '***' }], ext: ext ?? null } },
        toTencentElement,
      );
      expect(reply.body).toMatchObject({ ErrorCode: 0, CloudCustomData: 'vip level 3' });
      // A changed ext is the gateway's own, written as JSON.
      const changed = tencentDecisionReply(
        normalized,
        plain,
        {
          action: 'modify',
          message: { contents: [{ type: 'text', text: '***' }], ext: { cloudCustomData: 'x' } },
        },
        toTencentElement,
      );
      expect(changed.body).toMatchObject({ CloudCustomData: '{"cloudCustomData":"x"}' });
    },
  );
});
