import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { CallbackRejectedError, type CallbackContext } from '@im-gateway/types';
import type { EasemobConfig } from '../easemob.config.js';
import { verifyEasemobCallback } from './easemob-callback.verifier.js';

const config: EasemobConfig = {
  orgName: 'org',
  appName: 'app',
  clientId: 'x',
  clientSecret: 'y',
  callbackSecret: 's3cret',
};
// Half a minute after the signed timestamp below: Easemob stamps the time its server received the message.
const now = new Date(1700000000000 + 30_000);

function verify(
  body: unknown,
  overrides: Partial<EasemobConfig> = {},
  clock: Partial<Pick<CallbackContext<EasemobConfig>, 'now' | 'callbackWindowSeconds'>> = {},
): string | undefined {
  const context: CallbackContext<EasemobConfig> = {
    appId: 'a',
    config: { ...config, ...overrides },
    now,
    ...clock,
  };
  try {
    verifyEasemobCallback({ body, rawBody: JSON.stringify(body) ?? '', query: {}, headers: {} }, context);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(CallbackRejectedError);
    return (error as CallbackRejectedError).code;
  }
}

const base = { callId: 'org#app_1', timestamp: 1700000000000, appkey: 'org#app', chat_type: 'chat' };
const security = createHash('md5').update(`org#app_1s3cret1700000000000`).digest('hex');

describe('verifyEasemobCallback', () => {
  it('accepts a callback signed with MD5(callId + secret + timestamp)', () => {
    expect(verify({ ...base, security })).toBeUndefined();
  });

  it('accepts the signature in upper-case hex', () => {
    expect(verify({ ...base, security: security.toUpperCase() })).toBeUndefined();
  });

  it('refuses a body that is not a JSON object', () => {
    for (const body of [null, 'x', 42, [base]]) expect(verify(body)).toBe('callback_malformed');
  });

  it('refuses a callback for another App Key, before looking at the signature', () => {
    expect(verify({ ...base, appkey: 'other#app', security })).toBe('callback_app_mismatch');
    expect(verify({ ...base, appkey: 'org#App', security })).toBe('callback_app_mismatch');
  });

  it('accepts a callback without appkey when it is signed', () => {
    const { appkey: _a, ...rest } = base;
    expect(verify({ ...rest, security })).toBeUndefined();
  });

  it('refuses an unsigned callback unless the app allows them', () => {
    expect(verify(base)).toBe('callback_signature_missing');
    expect(verify({ ...base, security: '' })).toBe('callback_signature_missing');
    expect(verify(base, { allowUnsignedCallbacks: true })).toBeUndefined();
  });

  it('refuses a signed callback when the app has no callbackSecret to check it with', () => {
    expect(verify({ ...base, security }, { callbackSecret: undefined })).toBe('callback_signature_invalid');
    expect(verify({ ...base, security }, { callbackSecret: undefined, allowUnsignedCallbacks: true })).toBe(
      'callback_signature_invalid',
    );
  });

  it('refuses a non-string or truncated signature', () => {
    expect(verify({ ...base, security: 12345 })).toBe('callback_signature_invalid');
    expect(verify({ ...base, security: security.slice(1) })).toBe('callback_signature_invalid');
  });

  it('refuses a wrong signature even when unsigned callbacks are allowed', () => {
    expect(verify({ ...base, security: '0'.repeat(32) }, { allowUnsignedCallbacks: true })).toBe(
      'callback_signature_invalid',
    );
  });

  describe('binds the signature to its callId and a time window', () => {
    /** The vendor's recipe, computed here: MD5(callId + secret + timestamp). */
    const signed = (body: Record<string, unknown>) => ({
      ...body,
      security: createHash('md5')
        .update(`${String(body.callId ?? '')}s3cret${String(body.timestamp ?? '')}`)
        .digest('hex'),
    });

    it('refuses a callback signed over a timestamp from 2001 or from 2150', () => {
      for (const timestamp of [Date.UTC(2001, 0, 1), Date.UTC(2150, 0, 1)])
        expect(verify(signed({ ...base, timestamp }))).toBe('callback_request_expired');
    });

    it('accepts up to 10 minutes either way by default, and refuses beyond', () => {
      const at = (ms: number) => signed({ ...base, timestamp: now.getTime() + ms });
      expect(verify(at(-600_000))).toBeUndefined();
      expect(verify(at(600_000))).toBeUndefined();
      expect(verify(at(-600_001))).toBe('callback_request_expired');
      expect(verify(at(600_001))).toBe('callback_request_expired');
    });

    it('uses the window the operator configured', () => {
      const hourOld = signed({ ...base, timestamp: now.getTime() - 3_600_000 });
      expect(verify(hourOld)).toBe('callback_request_expired');
      expect(verify(hourOld, {}, { callbackWindowSeconds: 7200 })).toBeUndefined();
      expect(verify(signed(base), {}, { callbackWindowSeconds: 10 })).toBe('callback_request_expired');
    });

    it('refuses a signed callback whose timestamp is missing or not Unix milliseconds', () => {
      const { timestamp: _t, ...untimed } = base;
      expect(verify(signed(untimed))).toBe('callback_request_expired');
      for (const timestamp of ['', 'soon', '1700000000000.5', -1, 1.5e3])
        expect(verify(signed({ ...base, timestamp }))).toBe('callback_request_expired');
    });

    it('refuses a signed callback without callId: its signature would cover only the time', () => {
      const { callId: _c, ...anonymous } = base;
      expect(verify(signed(anonymous))).toBe('callback_signature_invalid');
      expect(verify(signed({ ...base, callId: '' }))).toBe('callback_signature_invalid');
      // One captured callback of that shape would otherwise sign any content for the same timestamp.
      const captured = signed({ ...anonymous, payload: { msg: 'hello' } });
      expect(verify({ ...captured, payload: { msg: 'forged' }, from: 'admin' })).toBe(
        'callback_signature_invalid',
      );
    });
  });
});
