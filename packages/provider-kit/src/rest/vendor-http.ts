import { VendorRequestError, type VendorErrorCode } from '@im-gateway/types';

/**
 * The part of an HTTP client (axios) a vendor POST needs, typed here so the kit does not depend on axios:
 * providers pass their `AxiosInstance`.
 */
export interface VendorHttpClient {
  request(config: {
    method: 'GET' | 'POST' | 'PUT';
    url: string;
    data?: string;
    timeout: number;
    headers: Record<string, string>;
    responseType: 'text' | 'arraybuffer';
    transformResponse: (raw: unknown) => unknown;
    validateStatus: () => boolean;
  }): Promise<{ status: number; data: unknown; headers: Record<string, unknown> }>;
}

/** A vendor's answer of any HTTP status: the raw text, its JSON object (or `{}`) and `Retry-After`. */
export interface VendorAnswer {
  status: number;
  body: Record<string, unknown>;
  text: string;
  /** Whether `text` was a JSON object (`body` is `{}` when it was not). */
  json: boolean;
  retryAfterMs?: number;
}

/** `Retry-After` in seconds (the only form vendors send), as milliseconds; anything else is ignored. */
export function retryAfterMs(header: unknown): number | undefined {
  if (header === undefined || header === null || header === '') return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The error for a request that got no answer: a timeout or an unreachable vendor, both retryable. */
export function vendorNetworkError(vendor: string, error: unknown): VendorRequestError {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT')
    return new VendorRequestError('vendor_timeout', `${vendor} did not answer in time.`, code);
  return new VendorRequestError('vendor_unavailable', `${vendor} could not be reached.`, code ?? 'network');
}

/**
 * The error code of an HTTP status no vendor-specific rule claimed: 429 a rate limit, 408 and 504
 * timeouts, other 5xx outages (all retryable, and given the vendor's `Retry-After`), any other a rejection.
 */
export function vendorStatusError(
  status: number,
  message: string,
  vendorCode: string,
  retryAfter?: number,
): VendorRequestError {
  const code: VendorErrorCode =
    status === 429
      ? 'vendor_rate_limited'
      : status === 408 || status === 504
        ? 'vendor_timeout'
        : status >= 500
          ? 'vendor_unavailable'
          : 'vendor_rejected';
  return code === 'vendor_rejected'
    ? new VendorRequestError(code, message, vendorCode)
    : new VendorRequestError(code, message, vendorCode, retryAfter);
}

/**
 * One JSON POST to a vendor. The body is read as text, so that a provider can read numbers beyond double
 * precision from it (Easemob's broadcast id); network failures become retryable `VendorRequestError`s
 * naming `vendor`; HTTP statuses are left to the caller.
 */
export async function postVendorJson(
  http: VendorHttpClient,
  vendor: string,
  request: { url: string; body: unknown; timeoutMs: number; headers?: Record<string, string> },
): Promise<VendorAnswer> {
  return requestVendor(http, vendor, {
    method: 'POST',
    url: request.url,
    body: JSON.stringify(request.body),
    timeoutMs: request.timeoutMs,
    headers: { 'content-type': 'application/json', ...request.headers },
  });
}

/**
 * One vendor request of any method with a body already encoded (JSON, a form), answered as `VendorAnswer`;
 * network failures become retryable `VendorRequestError`s, HTTP statuses are left to the caller.
 */
export async function requestVendor(
  http: VendorHttpClient,
  vendor: string,
  request: {
    method: 'GET' | 'POST' | 'PUT';
    url: string;
    body?: string;
    timeoutMs: number;
    headers?: Record<string, string>;
  },
): Promise<VendorAnswer> {
  let response: Awaited<ReturnType<VendorHttpClient['request']>>;
  try {
    response = await http.request({
      method: request.method,
      url: request.url,
      ...(request.body === undefined ? {} : { data: request.body }),
      timeout: Math.max(1, Math.floor(request.timeoutMs)),
      headers: { ...request.headers },
      responseType: 'text',
      transformResponse: (raw: unknown) => raw,
      validateStatus: () => true,
    });
  } catch (error) {
    throw vendorNetworkError(vendor, error);
  }
  const text = typeof response.data === 'string' ? response.data : '';
  const retryAfter = retryAfterMs(response.headers['retry-after']);
  const body = jsonObject(text);
  return {
    status: response.status,
    body: body ?? {},
    text,
    json: body !== undefined,
    ...(retryAfter === undefined ? {} : { retryAfterMs: retryAfter }),
  };
}

/**
 * Downloads a file a vendor links to (a signed storage URL: no credentials of ours go with it), as bytes.
 * Network failures become retryable `VendorRequestError`s; the status is left to the caller.
 */
export async function downloadVendorFile(
  http: VendorHttpClient,
  vendor: string,
  request: { url: string; timeoutMs: number },
): Promise<{ status: number; data: Buffer }> {
  try {
    const response = await http.request({
      method: 'GET',
      url: request.url,
      timeout: Math.max(1, Math.floor(request.timeoutMs)),
      headers: {},
      responseType: 'arraybuffer',
      transformResponse: (raw: unknown) => raw,
      validateStatus: () => true,
    });
    const data = response.data;
    return {
      status: response.status,
      data: Buffer.isBuffer(data)
        ? data
        : data instanceof ArrayBuffer
          ? Buffer.from(data)
          : Buffer.from(typeof data === 'string' ? data : ''),
    };
  } catch (error) {
    throw vendorNetworkError(vendor, error);
  }
}
