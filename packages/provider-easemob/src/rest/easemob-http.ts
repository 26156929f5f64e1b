import type { AxiosInstance } from 'axios';
import { VendorRequestError } from '@im-gateway/types';
import { postVendorJson, vendorStatusError, type VendorAnswer } from '@im-gateway/provider-kit';

/** A parsed Easemob answer: HTTP status, JSON body (or `{}`), the raw text and `Retry-After`. */
export type EasemobAnswer = VendorAnswer;

/**
 * One JSON POST. The body is kept as text too: the chat-room broadcast answers its id as a bare JSON number
 * beyond `Number.MAX_SAFE_INTEGER` (seed 001), which `JSON.parse` would round. Network failures become
 * retryable `VendorRequestError`s; HTTP statuses are left to the caller.
 */
export function easemobPost(
  http: AxiosInstance,
  url: string,
  data: unknown,
  timeoutMs: number,
  headers: Record<string, string> = {},
): Promise<EasemobAnswer> {
  return postVendorJson(http, 'Easemob', {
    url,
    body: data,
    timeoutMs,
    headers: { accept: 'application/json', ...headers },
  });
}

/**
 * The error for a non-200 answer (easemob.md §2.5–2.6): 429 and 403 "message send reach limit" are rate
 * limits, 408 and 5xx outages (the vendor's docs: pause and retry), 401 auth, any other 4xx a rejection.
 */
export function easemobError(answer: EasemobAnswer): VendorRequestError {
  const type = typeof answer.body.error === 'string' ? answer.body.error : `http_${answer.status}`;
  const description =
    typeof answer.body.error_description === 'string' ? answer.body.error_description : type;
  const code = answer.body.error_code === undefined ? type : `${type}:${String(answer.body.error_code)}`;
  const message = `Easemob answered ${answer.status}: ${description}`;
  if (answer.status === 403 && /reach limit/i.test(description))
    return new VendorRequestError('vendor_rate_limited', message, code, answer.retryAfterMs);
  if (answer.status === 401) return new VendorRequestError('vendor_auth_failed', message, code);
  return vendorStatusError(answer.status, message, code, answer.retryAfterMs);
}
