import { describe, expect, it } from '@jest/globals';
import { fixtureRequest } from '@im-gateway/provider-kit/conformance';
import { fixtureContext, FIXTURES } from '../../test/tencent-fixtures.js';
import { normalizeTencentCallback } from './tencent-callback.normalizer.js';
import { tencentCallbackReply } from './tencent-callback.reply.js';

const OK = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };

describe('tencentCallbackReply', () => {
  it('acks an accepted after-callback with HTTP 200 and the OK body', () => {
    const fixture = FIXTURES.load('C2C.CallbackAfterSendMsg');
    const normalized = normalizeTencentCallback(fixtureRequest(fixture), fixtureContext(fixture));
    expect(normalized.reply).toBeUndefined();
    expect(tencentCallbackReply({ kind: 'accepted', normalized })).toEqual({ status: 200, body: OK });
  });

  it('answers a before-send callback with the allow reply (no MsgBody, so the message is delivered unchanged)', () => {
    const fixture = FIXTURES.load('C2C.CallbackBeforeSendMsg');
    const normalized = normalizeTencentCallback(fixtureRequest(fixture), fixtureContext(fixture));
    expect(normalized.reply).toEqual({ status: 200, body: OK });
    expect(tencentCallbackReply({ kind: 'accepted', normalized })).toEqual({ status: 200, body: OK });
  });

  it('acks a duplicate callback without storing it again', () => {
    const normalized = { dedupeKey: 'k', vendorKind: 'State.StateChange', events: [] };
    expect(tencentCallbackReply({ kind: 'duplicate', normalized })).toEqual({ status: 200, body: OK });
  });

  it('gives a duplicate before-callback the same allow reply as the first copy', () => {
    const fixture = FIXTURES.load('C2C.CallbackBeforeSendMsg');
    const normalized = normalizeTencentCallback(fixtureRequest(fixture), fixtureContext(fixture));
    expect(tencentCallbackReply({ kind: 'duplicate', normalized })).toEqual(normalized.reply);
  });

  it('answers a rejected callback with the failure form and the rejection status', () => {
    expect(
      tencentCallbackReply({
        kind: 'rejected',
        status: 401,
        code: 'callback_signature_invalid',
        message: 'Sign does not match',
      }),
    ).toEqual({
      status: 401,
      body: { ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'Sign does not match' },
    });
  });

  it('answers unavailable with a non-200 status so that Tencent counts the callback as failed', () => {
    const reply = tencentCallbackReply({ kind: 'unavailable', message: 'database down' });
    expect(reply.status).toBe(503);
    expect(reply.body).toEqual({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'database down' });
  });
});
