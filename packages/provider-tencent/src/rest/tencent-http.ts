import type { AxiosInstance } from 'axios';
import { VendorRequestError, type VendorErrorCode } from '@im-gateway/types';
import { postVendorJson, vendorStatusError } from '@im-gateway/provider-kit';

/** Codes that mean "our UserSig is stale or broken": sign again and repeat the call once (tencent.md §4.4). */
export const TENCENT_USERSIG_CODES: ReadonlySet<number> = new Set([
  60004, 60005, 70001, 70002, 70003, 70005, 20002,
]);

// tencent.md §4.4, "gateway action": back off / retry / fatal config / don't retry.
const RATE_LIMITED = new Set([60007, 60011, 60018, 60019, 70050, 10006, 10023]);
const UNAVAILABLE = new Set([70169, 70202, 70500, 20004, 20005, 90992, 91000, 90994, 90995, 10002]);
const TIMEOUT = new Set([60008]);
const AUTH = new Set([
  ...TENCENT_USERSIG_CODES,
  60006,
  60010,
  60016,
  60020,
  60021,
  70009,
  70013,
  70014,
  90009,
]);

function classify(code: number): VendorErrorCode {
  if (RATE_LIMITED.has(code)) return 'vendor_rate_limited';
  if (UNAVAILABLE.has(code)) return 'vendor_unavailable';
  if (TIMEOUT.has(code)) return 'vendor_timeout';
  if (AUTH.has(code)) return 'vendor_auth_failed';
  return 'vendor_rejected';
}

/** The error for a Tencent `ErrorCode` (HTTP 200, `ActionStatus: FAIL`, tencent.md §4.1). */
export function tencentError(code: number, info: string): VendorRequestError {
  return new VendorRequestError(
    classify(code),
    `Tencent answered ${code}: ${info || 'no detail'}`,
    String(code),
  );
}

/** The error for a non-200 HTTP answer: only network-level failures differ from 200 (tencent.md §4.1). */
export function tencentHttpError(status: number, retryAfterMs: number | undefined): VendorRequestError {
  return vendorStatusError(status, `Tencent answered HTTP ${status}.`, `http_${status}`, retryAfterMs);
}

/**
 * One REST call: `POST {base}/v4/{command}?{query}` with a JSON body. Answers the body of an HTTP 200 JSON
 * answer, whatever its `ActionStatus`; throws `VendorRequestError` for a network failure, another HTTP
 * status or a body that is not JSON.
 */
export async function tencentPost(
  http: AxiosInstance,
  url: string,
  body: Record<string, unknown>,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  // The body may not be empty (tencent.md §4.1).
  const answer = await postVendorJson(http, 'Tencent', { url, body, timeoutMs });
  if (answer.status !== 200) throw tencentHttpError(answer.status, answer.retryAfterMs);
  if (!answer.json)
    throw new VendorRequestError('vendor_unavailable', 'Tencent answered a body that is not JSON.');
  return answer.body;
}
