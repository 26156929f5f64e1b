import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { CallbackRejectedError, type CallbackRejectionCode, type CallbackRequest } from '@im-gateway/types';
import { fixtureRequest } from '@im-gateway/provider-kit/conformance';
import { fixtureContext, FIXTURE_NOW, FIXTURES } from '../../test/tencent-fixtures.js';
import { TENCENT_REQUEST_TIME_SKEW_SECONDS, verifyTencentCallback } from './tencent-callback.verifier.js';

const fixture = FIXTURES.load('Group.CallbackAfterSendMsg');
const TOKEN = 'xxxxyyyy';
const nowSeconds = Math.floor(FIXTURE_NOW.getTime() / 1000);

/** The vendor's recipe (tencent.md §1.2), computed here independently of the code under test. */
const sign = (token: string, requestTime: string): string =>
  createHash('sha256')
    .update(token + requestTime)
    .digest('hex');

function request(
  query: Record<string, string | undefined> = {},
  body: unknown = fixture.body,
): CallbackRequest {
  return fixtureRequest({
    ...fixture,
    query: { ...fixture.query, ...query } as Record<string, string>,
    body,
  });
}

function signed(requestTime: number, extra: Record<string, string | undefined> = {}): CallbackRequest {
  const time = String(requestTime);
  return request({ RequestTime: time, Sign: sign(TOKEN, time), ...extra });
}

const withToken = fixtureContext(fixture, { callbackToken: TOKEN });

function rejectionOf(run: () => void): CallbackRejectionCode | 'accepted' {
  try {
    run();
    return 'accepted';
  } catch (error) {
    if (error instanceof CallbackRejectedError) return error.code;
    throw error;
  }
}

describe('verifyTencentCallback', () => {
  it('matches the vendor test vector for Sign', () => {
    expect(sign('xxxxyyyy', '1669872112')).toBe(
      '17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061',
    );
  });

  it('accepts an unsigned callback for its own app when the app allows unsigned callbacks', () => {
    const open = fixtureContext(fixture, { allowUnsignedCallbacks: true });
    expect(rejectionOf(() => verifyTencentCallback(request(), open))).toBe('accepted');
  });

  it('refuses an unsigned callback for an app with neither a token nor allowUnsignedCallbacks', () => {
    const bare = fixtureContext(fixture, { allowUnsignedCallbacks: undefined });
    expect(rejectionOf(() => verifyTencentCallback(request(), bare))).toBe('callback_signature_missing');
    // Anyone can compute a Sign over a token they pick: with no token to check it against, it proves nothing.
    const time = String(nowSeconds);
    const forged = request({ RequestTime: time, Sign: sign('attacker-token', time) });
    expect(rejectionOf(() => verifyTencentCallback(forged, bare))).toBe('callback_signature_missing');
  });

  it('still requires the signature when the app has a token and also allows unsigned callbacks', () => {
    const both = fixtureContext(fixture, { callbackToken: TOKEN, allowUnsignedCallbacks: true });
    expect(rejectionOf(() => verifyTencentCallback(request(), both))).toBe('callback_signature_missing');
    expect(rejectionOf(() => verifyTencentCallback(signed(nowSeconds), both))).toBe('accepted');
  });

  it('accepts a correctly signed, fresh callback', () => {
    expect(rejectionOf(() => verifyTencentCallback(signed(nowSeconds - 5), withToken))).toBe('accepted');
  });

  it('accepts a RequestTime exactly at the edge of the window', () => {
    expect(
      rejectionOf(() =>
        verifyTencentCallback(signed(nowSeconds - TENCENT_REQUEST_TIME_SKEW_SECONDS), withToken),
      ),
    ).toBe('accepted');
  });

  it('refuses a callback for another SdkAppid', () => {
    expect(
      rejectionOf(() => verifyTencentCallback(request({ SdkAppid: '1400000001' }), fixtureContext(fixture))),
    ).toBe('callback_app_mismatch');
  });

  it('refuses a callback without SdkAppid', () => {
    expect(
      rejectionOf(() => verifyTencentCallback(request({ SdkAppid: undefined }), fixtureContext(fixture))),
    ).toBe('callback_app_mismatch');
  });

  it('refuses another app even with a valid signature', () => {
    expect(rejectionOf(() => verifyTencentCallback(signed(nowSeconds, { SdkAppid: '42' }), withToken))).toBe(
      'callback_app_mismatch',
    );
  });

  it('refuses a missing Sign when a token is configured', () => {
    expect(
      rejectionOf(() => verifyTencentCallback(request({ RequestTime: String(nowSeconds) }), withToken)),
    ).toBe('callback_signature_missing');
  });

  it('refuses a missing RequestTime when a token is configured', () => {
    expect(
      rejectionOf(() => verifyTencentCallback(request({ Sign: sign(TOKEN, String(nowSeconds)) }), withToken)),
    ).toBe('callback_signature_missing');
  });

  it('refuses a Sign made with another token', () => {
    const time = String(nowSeconds);
    expect(
      rejectionOf(() =>
        verifyTencentCallback(request({ RequestTime: time, Sign: sign('other', time) }), withToken),
      ),
    ).toBe('callback_signature_invalid');
  });

  it('refuses a Sign replayed with another RequestTime', () => {
    const req = request({ RequestTime: String(nowSeconds), Sign: sign(TOKEN, String(nowSeconds - 1)) });
    expect(rejectionOf(() => verifyTencentCallback(req, withToken))).toBe('callback_signature_invalid');
  });

  it('refuses a stale RequestTime beyond the skew', () => {
    expect(
      rejectionOf(() =>
        verifyTencentCallback(signed(nowSeconds - TENCENT_REQUEST_TIME_SKEW_SECONDS - 1), withToken),
      ),
    ).toBe('callback_request_expired');
  });

  it('refuses a RequestTime in the future beyond the skew', () => {
    expect(
      rejectionOf(() =>
        verifyTencentCallback(signed(nowSeconds + TENCENT_REQUEST_TIME_SKEW_SECONDS + 1), withToken),
      ),
    ).toBe('callback_request_expired');
  });

  it('refuses a RequestTime that is not a number of seconds, even when signed', () => {
    const time = '2024-01-01T00:00:00Z';
    expect(
      rejectionOf(() =>
        verifyTencentCallback(request({ RequestTime: time, Sign: sign(TOKEN, time) }), withToken),
      ),
    ).toBe('callback_request_expired');
  });

  it('refuses a body naming another CallbackCommand than the query', () => {
    expect(
      rejectionOf(() =>
        verifyTencentCallback(
          request({ CallbackCommand: 'C2C.CallbackAfterSendMsg' }),
          fixtureContext(fixture),
        ),
      ),
    ).toBe('callback_malformed');
  });

  it('refuses a callback without CallbackCommand in the query', () => {
    expect(
      rejectionOf(() =>
        verifyTencentCallback(request({ CallbackCommand: undefined }), fixtureContext(fixture)),
      ),
    ).toBe('callback_malformed');
  });

  it.each([
    ['an array', []],
    ['a string', 'hello'],
    ['null', null],
    ['a number', 42],
  ])('refuses a body that is %s', (_label, body) => {
    expect(rejectionOf(() => verifyTencentCallback(request({}, body), fixtureContext(fixture)))).toBe(
      'callback_malformed',
    );
  });
});
