import type { AxiosInstance, AxiosResponse } from 'axios';
import { VendorRequestError } from '@im-gateway/types';

/** A parsed Easemob answer: HTTP status, JSON body (or `{}`), the raw text and `Retry-After`. */
export interface EasemobAnswer {
  status: number;
  body: Record<string, unknown>;
  text: string;
  retryAfterMs?: number;
}

function retryAfterMs(header: unknown): number | undefined {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

function parse(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/**
 * One JSON POST. The body is read as text: the chat-room broadcast answers its id as a bare JSON number
 * beyond `Number.MAX_SAFE_INTEGER` (seed 001), which `JSON.parse` would round. Network failures become
 * retryable `VendorRequestError`s; HTTP statuses are left to the caller.
 */
export async function easemobPost(
  http: AxiosInstance,
  url: string,
  data: unknown,
  timeoutMs: number,
  headers: Record<string, string> = {},
): Promise<EasemobAnswer> {
  let response: AxiosResponse<string>;
  try {
    response = await http.request<string>({
      method: 'POST',
      url,
      data: JSON.stringify(data),
      timeout: Math.max(1, Math.floor(timeoutMs)),
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      responseType: 'text',
      transformResponse: (raw: unknown) => raw,
      validateStatus: () => true,
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ECONNABORTED' || code === 'ETIMEDOUT')
      throw new VendorRequestError('vendor_timeout', 'Easemob did not answer in time.', code);
    throw new VendorRequestError('vendor_unavailable', 'Easemob could not be reached.', code ?? 'network');
  }
  const text = typeof response.data === 'string' ? response.data : '';
  const retryAfter = retryAfterMs(response.headers['retry-after']);
  return {
    status: response.status,
    body: parse(text),
    text,
    ...(retryAfter === undefined ? {} : { retryAfterMs: retryAfter }),
  };
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
  if (answer.status === 429 || (answer.status === 403 && /reach limit/i.test(description)))
    return new VendorRequestError('vendor_rate_limited', message, code, answer.retryAfterMs);
  if (answer.status === 401) return new VendorRequestError('vendor_auth_failed', message, code);
  if (answer.status === 408 || answer.status === 504)
    return new VendorRequestError('vendor_timeout', message, code, answer.retryAfterMs);
  if (answer.status >= 500)
    return new VendorRequestError('vendor_unavailable', message, code, answer.retryAfterMs);
  return new VendorRequestError('vendor_rejected', message, code);
}
