import { describe, expect, it } from '@jest/globals';
import {
  ImGatewayError,
  type BeforeDecision,
  type MessageContent,
  type ModifiedMessage,
} from '@im-gateway/types';
import { easemobBeforeCallback } from '../../test/easemob-before-callbacks.js';
import { toEasemobMessage } from '../rest/easemob-message.mapper.js';
import { EASEMOB_BEFORE_CAPABILITIES } from './easemob-before.capabilities.js';
import { EASEMOB_CALLBACK_KINDS } from './easemob-callback.kinds.js';
import { normalizeEasemobCallback } from './easemob-callback.normalizer.js';
import { easemobDecisionReply, EASEMOB_MAX_REPLY_CHARS } from './easemob-decision.reply.js';

const REASON = 'links are not allowed';
const MASKED: ModifiedMessage = { contents: [{ type: 'text', text: '***' }], ext: { moderated: true } };
const UNSUPPORTED = 'capability_unsupported';
const KINDS = EASEMOB_BEFORE_CAPABILITIES.commands.map((c) => c.vendorKind);

function callbackOf(kind: string) {
  const callback = easemobBeforeCallback(kind);
  if (!callback) throw new Error(`no callback for ${kind}`);
  return { ...callback, normalized: normalizeEasemobCallback(callback.request, callback.context) };
}

function answer(kind: string, decision: BeforeDecision) {
  const { request, normalized } = callbackOf(kind);
  return easemobDecisionReply(normalized, request, decision, toEasemobMessage);
}

function outcome(kind: string, decision: BeforeDecision): unknown {
  try {
    const reply = answer(kind, decision);
    expect(reply.status).toBe(200);
    return reply.body;
  } catch (error) {
    if (error instanceof ImGatewayError) return error.code;
    throw error;
  }
}

describe('EASEMOB_BEFORE_CAPABILITIES', () => {
  it('declares exactly the presend kinds the classifier names, one per chat type and message type', () => {
    const presend = Object.keys(EASEMOB_CALLBACK_KINDS).filter((k) => k.startsWith('presend:'));
    expect([...KINDS].sort()).toEqual(presend.sort());
    expect(KINDS).toHaveLength(27);
  });

  it("waits Easemob's default 200 ms", () => {
    expect(EASEMOB_BEFORE_CAPABILITIES.timeoutMs).toBe(200);
  });

  it('lets every type be denied with a reason, and only txt be modified (text and ext)', () => {
    for (const c of EASEMOB_BEFORE_CAPABILITIES.commands) {
      expect({ kind: c.vendorKind, deny: c.deny, denyReason: c.denyReason }).toEqual({
        kind: c.vendorKind,
        deny: true,
        denyReason: true,
      });
      expect({ kind: c.vendorKind, modify: c.modify }).toEqual({
        kind: c.vendorKind,
        modify: c.vendorKind.endsWith(':txt') ? ['text', 'ext'] : [],
      });
    }
  });
});

describe('easemobDecisionReply', () => {
  describe.each(KINDS.map((k) => [k] as const))('%s', (kind) => {
    const txt = kind.endsWith(':txt');

    it('allow: answers {valid: true} without payload, as the allow reply', () => {
      const { normalized } = callbackOf(kind);
      expect(answer(kind, { action: 'allow' })).toEqual(normalized.reply);
      expect(answer(kind, { action: 'allow' }).body).toEqual({ valid: true });
    });

    it('deny: answers {valid: false}', () => {
      expect(outcome(kind, { action: 'deny' })).toEqual({ valid: false });
    });

    it('deny with a reason: answers it as the code shown to the sender', () => {
      expect(outcome(kind, { action: 'deny', reason: REASON })).toEqual({ valid: false, code: REASON });
    });

    it(txt ? 'modify: answers the text message as payload' : 'modify: is refused', () => {
      expect(outcome(kind, { action: 'modify', message: MASKED })).toEqual(
        txt ? { valid: true, payload: { msg: '***', type: 'txt', ext: { moderated: true } } } : UNSUPPORTED,
      );
    });
  });

  it('modify without ext: the payload has none', () => {
    const body = answer('presend:chat:txt', {
      action: 'modify',
      message: { contents: [{ type: 'text', text: 'hi' }], ext: null },
    }).body;
    expect(body).toEqual({ valid: true, payload: { msg: 'hi', type: 'txt' } });
  });

  it('keeps a long reason within the 1,000 characters Easemob accepts, marking the cut', () => {
    for (const reason of ['x'.repeat(5000), '"'.repeat(5000), '拒'.repeat(5000)]) {
      const body = answer('presend:groupchat:img', { action: 'deny', reason }).body as { code: string };
      expect(JSON.stringify(body).length).toBeLessThanOrEqual(EASEMOB_MAX_REPLY_CHARS);
      expect(JSON.stringify(body).length).toBeGreaterThan(EASEMOB_MAX_REPLY_CHARS - 10);
      expect(body.code.endsWith('…')).toBe(true);
    }
  });

  it('refuses a modified message over 1 KB, or one with other than one content, naming the problem', () => {
    const modify = (message: ModifiedMessage) => () =>
      answer('presend:chat:txt', { action: 'modify', message });
    expect(modify({ contents: [{ type: 'text', text: '好'.repeat(400) }] })).toThrow(
      /is \d+ bytes; Easemob takes at most 1024/,
    );
    expect(modify({ contents: [{ type: 'text', text: 'x'.repeat(990) }] })).toThrow(
      expect.objectContaining({ code: 'payload_too_large' }),
    );
    expect(modify({ contents: [] })).toThrow('An Easemob message has exactly one content.');
    expect(
      modify({
        contents: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
        ],
      }),
    ).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(modify({ contents: [{ type: 'unknown', vendorType: 'x', raw: {} }] })).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });

  it('answers the shape of the vendor example presend_response.json', () => {
    const body = answer('presend:groupchat:txt', { action: 'modify', message: MASKED }).body as Record<
      string,
      unknown
    >;
    // presend_response.json: {valid, code?, chatroom_msg_level?, payload}
    expect(Object.keys(body).sort()).toEqual(['payload', 'valid']);
    expect(typeof body.valid).toBe('boolean');
  });
});

describe('a modified message round-trips', () => {
  const contents: MessageContent[] = [{ type: 'text', text: 'hi 你好 ***' }];
  it.each(KINDS.filter((k) => k.endsWith(':txt')).map((k) => [k] as const))(
    '%s: the payload, normalized as a pre-send request, gives back the same content and ext',
    (kind) => {
      const { request, context, normalized } = callbackOf(kind);
      const ext = { moderated: true, em_at_list: ['user3'] };
      const reply = easemobDecisionReply(
        normalized,
        request,
        { action: 'modify', message: { contents, ext } },
        toEasemobMessage,
      );
      const { payload } = reply.body as { payload: unknown };
      const delivered = { ...(request.body as Record<string, unknown>), payload };
      const again = normalizeEasemobCallback(
        { ...request, body: delivered, rawBody: JSON.stringify(delivered) },
        context,
      );
      expect(again.events[0]?.message?.contents).toEqual(contents);
      expect(again.events[0]?.message?.ext).toEqual(ext);
      expect(again.events[0]?.message?.mentions).toEqual({ all: false, users: ['user3'] });
    },
  );
});
