import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { fixtureRequest } from '@im-gateway/provider-kit/conformance';
import { CallbackRejectedError } from '@im-gateway/types';
import { verifyTencentCallback } from '../src/callback/index.js';
import { FIXTURE_NOW, fixtureContext, FIXTURES } from './tencent-fixtures.js';

const TOKEN = 'fixture-callback-token';
const seconds = String(Math.floor(FIXTURE_NOW.getTime() / 1000));

/** The vendor's recipe, computed here rather than with the code under test: sha256(token + RequestTime). */
const sign = (token: string, time = seconds) => createHash('sha256').update(`${token}${time}`).digest('hex');

function rejectionCode(query: Record<string, string | undefined>, name: string, token?: string) {
  const fixture = FIXTURES.load(name);
  const context = fixtureContext(fixture, token === undefined ? {} : { callbackToken: token });
  try {
    verifyTencentCallback(
      fixtureRequest({ ...fixture, query: { ...fixture.query, ...query } as Record<string, string> }),
      context,
    );
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(CallbackRejectedError);
    return (error as CallbackRejectedError).code;
  }
}

describe.each(FIXTURES.names())('Tencent signature on fixture %s', (name) => {
  // The examples' Sign is made with a token the docs do not print: golden files are made without one.
  it('is verified for its own app when no callback token is set', () => {
    expect(rejectionCode({}, name)).toBeUndefined();
  });

  it('accepts the fixture signed with the app token', () => {
    expect(rejectionCode({ RequestTime: seconds, Sign: sign(TOKEN) }, name, TOKEN)).toBeUndefined();
  });

  it('rejects a Sign made with another token', () => {
    expect(rejectionCode({ RequestTime: seconds, Sign: sign('other') }, name, TOKEN)).toBe(
      'callback_signature_invalid',
    );
  });

  it('rejects a callback without Sign once a token is set', () => {
    expect(rejectionCode({ RequestTime: seconds, Sign: undefined }, name, TOKEN)).toBe(
      'callback_signature_missing',
    );
  });
});
