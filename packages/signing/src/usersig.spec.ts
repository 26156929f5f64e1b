import { describe, expect, it } from '@jest/globals';
import { deflateSync, inflateSync } from 'node:zlib';
import { Api } from 'tls-sig-api-v2/TLSSigAPIv2.js';
import { generateUserSig, UserSigError, verifyUserSig } from './usersig.js';

// tencent.md §5.2: the official package with the clock pinned at 1700000000.
const VECTOR = {
  sdkAppId: 1400000000,
  secretKey: '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e',
  identifier: 'administrator',
  expireSeconds: 15552000,
  now: new Date(1700000000 * 1000),
  sig: 'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokpuZl5mcUlRYkl*UVQBcUp2YkFBZkpSlaGJgZQAJEpycxNVbIyNEcVTa0oyCwCiZuamhrBRYsz05WslLycqyoS89ws-EJCIhJLTXK1jTIsy8vM0yO98ir9sotzDSpyDf1cI0KNzE1slWoBQr40pw__',
};

function decodeSig(sig: string): Record<string, unknown> {
  const b64 = sig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
  return JSON.parse(inflateSync(Buffer.from(b64, 'base64')).toString('utf8')) as Record<string, unknown>;
}

function reason(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof UserSigError ? error.reason : `not a UserSigError: ${String(error)}`;
  }
  return undefined;
}

describe('generateUserSig', () => {
  it('reproduces the documented test vector byte for byte', () => {
    expect(generateUserSig(VECTOR)).toBe(VECTOR.sig);
  });

  it('matches the official library for the same clock', () => {
    const official = new Api(1400000001, 'another-secret').genUserSig('alice', 86400);
    const issuedAt = decodeSig(official)['TLS.time'] as number;
    const ours = generateUserSig({
      sdkAppId: 1400000001,
      secretKey: 'another-secret',
      identifier: 'alice',
      expireSeconds: 86400,
      now: new Date(issuedAt * 1000),
    });
    expect(ours).toBe(official);
  });

  it('adds TLS.userbuf to the document and the signed content', () => {
    const sig = generateUserSig({ ...VECTOR, userBuf: Buffer.from([1, 2, 3]) });
    expect(decodeSig(sig)['TLS.userbuf']).toBe('AQID');
    expect(verifyUserSig(sig, { ...VECTOR, now: VECTOR.now }).identifier).toBe('administrator');
  });
});

describe('verifyUserSig', () => {
  it('accepts a sig from the official library and returns its fields', () => {
    const official = new Api(VECTOR.sdkAppId, VECTOR.secretKey).genUserSig('admin', 3600);
    const verified = verifyUserSig(official, VECTOR);
    expect(verified).toMatchObject({ identifier: 'admin', sdkAppId: VECTOR.sdkAppId, expireSeconds: 3600 });
    expect(Math.abs(verified.issuedAt - Date.now() / 1000)).toBeLessThan(5);
  });

  it('accepts the documented vector until time + expire and refuses it one second later', () => {
    const lastValid = new Date((1700000000 + VECTOR.expireSeconds) * 1000);
    expect(verifyUserSig(VECTOR.sig, { ...VECTOR, now: lastValid }).issuedAt).toBe(1700000000);
    const after = new Date(lastValid.getTime() + 1000);
    expect(reason(() => verifyUserSig(VECTOR.sig, { ...VECTOR, now: after }))).toBe('expired');
  });

  it('refuses a sig signed with another key', () => {
    const forged = new Api(VECTOR.sdkAppId, 'not-the-key').genUserSig('admin', 3600);
    expect(reason(() => verifyUserSig(forged, VECTOR))).toBe('signature_mismatch');
  });

  it('refuses a sig issued for another SDKAppID', () => {
    const other = new Api(1400000999, VECTOR.secretKey).genUserSig('admin', 3600);
    expect(reason(() => verifyUserSig(other, VECTOR))).toBe('sdkappid_mismatch');
  });

  it('refuses a document whose identifier was changed after signing', () => {
    const doc = decodeSig(VECTOR.sig);
    doc['TLS.identifier'] = 'mallory';
    expect(reason(() => verifyUserSig(reencode(doc), { ...VECTOR, now: VECTOR.now }))).toBe(
      'signature_mismatch',
    );
  });

  it('refuses an extended expiry', () => {
    const doc = decodeSig(VECTOR.sig);
    doc['TLS.expire'] = 999999999;
    expect(reason(() => verifyUserSig(reencode(doc), { ...VECTOR, now: VECTOR.now }))).toBe(
      'signature_mismatch',
    );
  });

  it.each([
    ['empty', ''],
    ['not base64', 'abc def'],
    ['not deflated', 'aGVsbG8_'],
    ['flipped characters', VECTOR.sig.slice(0, 20) + 'AAAA' + VECTOR.sig.slice(24)],
  ])('refuses a malformed sig (%s)', (_name, sig) => {
    expect(reason(() => verifyUserSig(sig, { ...VECTOR, now: VECTOR.now }))).toBe('malformed');
  });

  it('refuses a document without TLS.ver 2.0', () => {
    const doc = decodeSig(VECTOR.sig);
    doc['TLS.ver'] = '1.0';
    expect(reason(() => verifyUserSig(reencode(doc), { ...VECTOR, now: VECTOR.now }))).toBe('malformed');
  });
});

function reencode(doc: Record<string, unknown>): string {
  return deflateSync(Buffer.from(JSON.stringify(doc)))
    .toString('base64')
    .replace(/\+/g, '*')
    .replace(/\//g, '-')
    .replace(/=/g, '_');
}
