import { UserSigError, verifyUserSig, type VerifiedUserSig } from '@im-gateway/signing';
import type { TencentApp } from './tencent.types.js';
import { refuse } from './tencent-errors.js';

// UserSig failures → the codes of tencent.md §4.4.
const USERSIG_CODES: Record<UserSigError['reason'], [number, string]> = {
  malformed: [70003, 'UserSig is invalid: decoding failed'],
  sdkappid_mismatch: [70014, 'SDKAppID in the request does not match the one in the UserSig'],
  signature_mismatch: [70009, 'UserSig verification failed: signed with another key'],
  expired: [70001, 'UserSig expired'],
};

const UINT32_MAX = 0xffffffff;

// Admin UserSigs are reused call after call (tencent.md §4.1), so a successful verification is
// remembered; expiry is still checked on every call.
const verifiedCache = new Map<string, VerifiedUserSig>();
const CACHE_LIMIT = 1000;

function verifyCached(usersig: string, sdkAppId: number, secretKey: string): VerifiedUserSig {
  const key = `${sdkAppId}|${secretKey}|${usersig}`;
  const cached = verifiedCache.get(key);
  if (cached && Date.now() / 1000 <= cached.issuedAt + cached.expireSeconds) return cached;
  const verified = verifyUserSig(usersig, { sdkAppId, secretKey });
  if (verifiedCache.size >= CACHE_LIMIT) verifiedCache.clear();
  verifiedCache.set(key, verified);
  return verified;
}

/**
 * Checks the query every REST call carries (tencent.md §4.1): `sdkappid`, `identifier`,
 * `usersig`, `random` (uint32), `contenttype=json`; the UserSig is verified with the app's key and
 * its identifier must equal `identifier`. Returns the app and the caller's identifier.
 */
export function authenticate(
  query: Record<string, string | undefined>,
  apps: Map<number, TencentApp>,
): { app: TencentApp; identifier: string } {
  const sdkAppId = Number(query['sdkappid']);
  const app = Number.isInteger(sdkAppId) ? apps.get(sdkAppId) : undefined;
  if (!app) refuse(60006, 'SDKAppID is invalid');
  const identifier = query['identifier'];
  if (!identifier) refuse(60004, 'identifier is missing in the URL');
  const usersig = query['usersig'];
  if (!usersig) refuse(70002, 'UserSig is empty');
  const random = query['random'];
  if (random === undefined || !/^\d+$/.test(random) || Number(random) > UINT32_MAX) {
    refuse(60002, 'HTTP parse error: random must be a uint32');
  }
  if (query['contenttype'] !== 'json') refuse(60002, 'HTTP parse error: contenttype must be json');
  let verified;
  try {
    verified = verifyCached(usersig, sdkAppId, app.secretKey);
  } catch (error) {
    if (error instanceof UserSigError) {
      const [code, info] = USERSIG_CODES[error.reason];
      refuse(code, info);
    }
    throw error;
  }
  if (verified.identifier !== identifier) refuse(70013, 'identifier does not match the one in the UserSig');
  if (app.adminIdentifiers && !app.adminIdentifiers.includes(identifier)) {
    refuse(60010, 'the request must come from an App admin');
  }
  return { app, identifier };
}
