import { createHmac } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { timingSafeEqualString } from './timing-safe-equal.js';

// TLSSigAPIv2 (tencent.md §5.1) on node:crypto and node:zlib rather than the official
// `tls-sig-api-v2` package: that package reads `Date.now()` itself (no clock to inject), ships no
// types and has no verify function, which the emulator needs; the algorithm is a dozen lines and
// the package stays a test oracle (tencent.md §5.3).

export interface UserSigKey {
  sdkAppId: number;
  secretKey: string;
}

export interface GenerateUserSigInput extends UserSigKey {
  identifier: string;
  expireSeconds: number;
  /** Issue time; defaults to the current clock. */
  now?: Date;
  /** TRTC PrivateMapKey payload; IM UserSigs carry none. */
  userBuf?: Buffer;
}

export interface VerifyUserSigOptions extends UserSigKey {
  now?: Date;
}

export interface VerifiedUserSig {
  identifier: string;
  sdkAppId: number;
  /** `TLS.time`, Unix seconds. */
  issuedAt: number;
  expireSeconds: number;
}

export type UserSigErrorReason = 'malformed' | 'sdkappid_mismatch' | 'signature_mismatch' | 'expired';

export class UserSigError extends Error {
  constructor(
    readonly reason: UserSigErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'UserSigError';
  }
}

/** Tencent's base64 variant: `+` → `*`, `/` → `-`, `=` → `_` (tencent.md §5.1 step 4). */
function escapeBase64(standard: string): string {
  return standard.replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
}

function unescapeBase64(sig: string): string {
  return sig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
}

function hmacContent(
  identifier: string,
  sdkAppId: number,
  time: number,
  expire: number,
  userBuf?: string,
): string {
  let content =
    `TLS.identifier:${identifier}\n` +
    `TLS.sdkappid:${sdkAppId}\n` +
    `TLS.time:${time}\n` +
    `TLS.expire:${expire}\n`;
  if (userBuf !== undefined) content += `TLS.userbuf:${userBuf}\n`;
  return content;
}

function hmac(secretKey: string, content: string): string {
  return createHmac('sha256', secretKey).update(content, 'utf8').digest('base64');
}

/** Issues a UserSig byte-identical to the official Node library's for the same inputs and clock. */
export function generateUserSig(input: GenerateUserSigInput): string {
  const time = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const userBuf = input.userBuf?.toString('base64');
  // Key order as the official Node library writes it, so the output matches byte for byte.
  const doc: Record<string, string | number> = {
    'TLS.ver': '2.0',
    'TLS.identifier': String(input.identifier),
    'TLS.sdkappid': Number(input.sdkAppId),
    'TLS.time': time,
    'TLS.expire': Number(input.expireSeconds),
  };
  if (userBuf !== undefined) doc['TLS.userbuf'] = userBuf;
  doc['TLS.sig'] = hmac(
    input.secretKey,
    hmacContent(input.identifier, input.sdkAppId, time, input.expireSeconds, userBuf),
  );
  return escapeBase64(deflateSync(Buffer.from(JSON.stringify(doc), 'utf8')).toString('base64'));
}

function decode(sig: string): Record<string, unknown> {
  if (sig.length === 0 || !/^[A-Za-z0-9*_-]+$/.test(sig))
    throw new UserSigError('malformed', 'UserSig is empty or not in base64');
  try {
    const parsed: unknown = JSON.parse(
      inflateSync(Buffer.from(unescapeBase64(sig), 'base64')).toString('utf8'),
    );
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch {
    throw new UserSigError('malformed', 'UserSig does not inflate to a JSON document');
  }
}

/**
 * Checks a UserSig the way the vendor does (Go `VerifyUserSig`, tencent.md §5.1): decode, inflate,
 * parse, SDKAppID, recomputed HMAC, then expiry (`now > time + expire`). The identifier is returned
 * for the caller to compare with the request's `identifier`. Throws `UserSigError`.
 */
export function verifyUserSig(sig: string, options: VerifyUserSigOptions): VerifiedUserSig {
  const doc = decode(sig);
  const identifier = doc['TLS.identifier'];
  const sdkAppId = doc['TLS.sdkappid'];
  const time = doc['TLS.time'];
  const expire = doc['TLS.expire'];
  const signature = doc['TLS.sig'];
  const userBuf = doc['TLS.userbuf'];
  if (
    doc['TLS.ver'] !== '2.0' ||
    typeof identifier !== 'string' ||
    typeof sdkAppId !== 'number' ||
    typeof time !== 'number' ||
    typeof expire !== 'number' ||
    typeof signature !== 'string' ||
    (userBuf !== undefined && typeof userBuf !== 'string')
  ) {
    throw new UserSigError('malformed', 'UserSig document lacks TLS.* fields');
  }
  if (sdkAppId !== Number(options.sdkAppId)) {
    throw new UserSigError('sdkappid_mismatch', `UserSig was issued for SDKAppID ${sdkAppId}`);
  }
  const expected = hmac(options.secretKey, hmacContent(identifier, sdkAppId, time, expire, userBuf));
  if (!timingSafeEqualString(signature, expected)) {
    throw new UserSigError('signature_mismatch', 'UserSig signature does not match the secret key');
  }
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (nowSeconds > time + expire) {
    throw new UserSigError('expired', `UserSig expired at ${time + expire}`);
  }
  return { identifier, sdkAppId, issuedAt: time, expireSeconds: expire };
}
