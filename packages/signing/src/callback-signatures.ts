import { createHash } from 'node:crypto';

/**
 * Easemob post-send callback `security` field: MD5 over `callId + secret + timestamp`, plain string
 * concatenation with the timestamp as its decimal string, lowercase hex (the vendor computes it with
 * commons-codec `DigestUtils#md5Hex`). Vendor: easemob.md §4.5, seed 000 (common fields).
 */
export function easemobCallbackSignature(callId: string, secret: string, timestamp: string | number): string {
  return createHash('md5')
    .update(`${callId}${secret}${String(timestamp)}`, 'utf8')
    .digest('hex');
}

/**
 * Tencent callback `Sign` query parameter: SHA-256 (not an HMAC) over the console token immediately
 * followed by `RequestTime` (Unix seconds), lowercase hex. Vendor: tencent.md §1.2.
 */
export function tencentCallbackSign(token: string, requestTime: string | number): string {
  return createHash('sha256')
    .update(`${token}${String(requestTime)}`, 'utf8')
    .digest('hex');
}
