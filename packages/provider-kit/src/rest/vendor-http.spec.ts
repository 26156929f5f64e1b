import { describe, expect, it } from '@jest/globals';
import type { VendorRequestError } from '@im-gateway/types';
import { postVendorJson, retryAfterMs, vendorStatusError, type VendorHttpClient } from './vendor-http.js';

const answering = (
  status: number,
  data: unknown,
  headers: Record<string, unknown> = {},
): VendorHttpClient => ({
  request: async () => ({ status, data, headers }),
});
const failing = (code?: string): VendorHttpClient => ({
  request: async () => {
    throw Object.assign(new Error('network'), code === undefined ? {} : { code });
  },
});
const post = (http: VendorHttpClient) =>
  postVendorJson(http, 'Acme', { url: 'http://x', body: {}, timeoutMs: 5 });

describe('postVendorJson', () => {
  it('keeps the text beside the JSON object, so a big number can be read exactly', async () => {
    const text = '{"data":{"id":1234567890123456789012}}';
    const answer = await post(answering(200, text));
    expect(answer).toMatchObject({ status: 200, text, json: true });
    expect(answer.body.data).toEqual({ id: 1.2345678901234568e21 });
  });

  it('answers {} for a body that is not a JSON object, and says so', async () => {
    await expect(post(answering(502, '<html>'))).resolves.toMatchObject({ body: {}, json: false });
    await expect(post(answering(200, '[1]'))).resolves.toMatchObject({ body: {}, json: false });
  });

  it('reads Retry-After in seconds', async () => {
    await expect(post(answering(429, '{}', { 'retry-after': '2' }))).resolves.toMatchObject({
      retryAfterMs: 2000,
    });
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs('0')).toBe(0);
  });

  it('turns a timeout and an unreachable vendor into retryable errors naming the vendor', async () => {
    await expect(post(failing('ECONNABORTED'))).rejects.toMatchObject({
      code: 'vendor_timeout',
      message: 'Acme did not answer in time.',
      vendorCode: 'ECONNABORTED',
    });
    await expect(post(failing())).rejects.toMatchObject({
      code: 'vendor_unavailable',
      message: 'Acme could not be reached.',
      vendorCode: 'network',
    });
  });
});

describe('vendorStatusError', () => {
  it.each([
    [429, 'vendor_rate_limited', 1000],
    [408, 'vendor_timeout', 1000],
    [504, 'vendor_timeout', 1000],
    [503, 'vendor_unavailable', 1000],
    [400, 'vendor_rejected', undefined],
    [404, 'vendor_rejected', undefined],
  ])('maps HTTP %i to %s (Retry-After kept: %s)', (status, code, retryAfter) => {
    const error: VendorRequestError = vendorStatusError(status, 'm', `http_${status}`, 1000);
    expect({ code: error.code, retryAfterMs: error.retryAfterMs }).toEqual({
      code,
      retryAfterMs: retryAfter,
    });
  });
});
