import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { CallbackRejectedError } from '@im-gateway/types';
import { verifyEasemobCallback } from '../src/callback/index.js';
import { fixtureRequest } from '@im-gateway/provider-kit/conformance';
import { clockNear, FIXTURE_SECRET, fixtureContext, FIXTURES } from './easemob-fixtures.js';

type Body = Record<string, unknown>;

/** The vendor's recipe, computed here rather than with the code under test: MD5(callId + secret + timestamp). */
function sign(body: Body, secret = FIXTURE_SECRET): Body {
  const security = createHash('md5')
    .update(`${String(body.callId ?? '')}${secret}${String(body.timestamp ?? '')}`)
    .digest('hex');
  return { ...body, security };
}

function rejectionCode(body: Body, strict = true, now = clockNear(body)): string | undefined {
  const context = {
    ...fixtureContext(body, strict ? { allowUnsignedCallbacks: false } : {}),
    now,
  };
  try {
    verifyEasemobCallback(fixtureRequest(FIXTURES.load(FIXTURES.names()[0] ?? ''), body), context);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(CallbackRejectedError);
    return (error as CallbackRejectedError).code;
  }
}

/** Flips one character of a string (a hex digit stays a hex digit, so only the value changes). */
function flipOneByte(value: string): string {
  if (value.length === 0) return 'x';
  const last = value.at(-1) ?? '';
  return value.slice(0, -1) + (last === '0' ? '1' : '0');
}

describe.each(FIXTURES.names())('Easemob signature on fixture %s', (name) => {
  const body = FIXTURES.load(name).body as Body;
  const signed = sign(body);

  it('accepts the body re-signed with the app secret, when it carries the callId the signature binds', () => {
    // Examples printed without callId (reaction, thread, bare payloads) cannot be signed meaningfully: the
    // signature would cover only the time, and callbacks are deduplicated by callId.
    expect(rejectionCode(signed)).toBe(body.callId ? undefined : 'callback_signature_invalid');
  });

  it('rejects the body re-signed with the app secret once its timestamp is 11 minutes from the clock', () => {
    const now = clockNear(body);
    for (const timestamp of [now.getTime() - 660_000, now.getTime() + 660_000]) {
      const moved = sign({ ...body, callId: body.callId ?? 'org#app_1', timestamp });
      expect(rejectionCode(moved, true, now)).toBe('callback_request_expired');
    }
  });

  it('rejects a signature with one changed byte', () => {
    expect(rejectionCode({ ...signed, security: flipOneByte(String(signed.security)) })).toBe(
      'callback_signature_invalid',
    );
  });

  it('rejects the signature once one byte of the signed callId is changed', () => {
    const callId = String(body.callId ?? '');
    const i = Math.floor(callId.length / 2);
    const changed = callId.slice(0, i) + (callId[i] === 'a' ? 'b' : 'a') + callId.slice(i + 1);
    expect(rejectionCode({ ...signed, callId: changed })).toBe('callback_signature_invalid');
  });

  it('rejects the old signature once callId is changed', () => {
    expect(rejectionCode({ ...signed, callId: `${String(body.callId ?? '')}0` })).toBe(
      'callback_signature_invalid',
    );
  });

  it('rejects the old signature once timestamp is changed', () => {
    const timestamp =
      typeof body.timestamp === 'number' ? body.timestamp + 1 : `${String(body.timestamp ?? '')}1`;
    expect(rejectionCode({ ...signed, timestamp })).toBe('callback_signature_invalid');
  });

  it('rejects a signature made with another secret', () => {
    expect(rejectionCode(sign(body, 'another-secret'))).toBe('callback_signature_invalid');
  });

  it('rejects the unsigned body unless unsigned callbacks are allowed', () => {
    const { security: _dropped, ...unsigned } = body;
    expect(rejectionCode(unsigned)).toBe('callback_signature_missing');
    expect(rejectionCode(unsigned, false)).toBeUndefined();
  });
});
