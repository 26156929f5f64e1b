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
const now = new Date('2024-01-01T00:00:00.000Z');

function verify(body: unknown, overrides: Partial<EasemobConfig> = {}): string | undefined {
  const context: CallbackContext<EasemobConfig> = { appId: 'a', config: { ...config, ...overrides }, now };
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
});
