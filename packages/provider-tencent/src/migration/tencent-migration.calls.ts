import {
  failedRecipient,
  type MigrationItemResult,
  type RecipientError,
  type VendorCallContext,
} from '@im-gateway/types';
import type { TencentRestClient } from '../rest/tencent-rest.client.js';

export type Json = Record<string, unknown>;

/** One vendor call through the gateway's limiter (`ctx.call` paces, times out and retries), as sends do. */
export type TencentCall = (api: string, body: Json) => Promise<Json>;

export function tencentCaller(client: TencentRestClient, ctx: VendorCallContext): TencentCall {
  return (api, body) => ctx.call(api, 1, (timeoutMs) => client.post(api, body, timeoutMs));
}

export const records = (value: unknown): Json[] =>
  Array.isArray(value) ? value.filter((v): v is Json => typeof v === 'object' && v !== null) : [];

/** The error of a failed call, as an item result carries it. */
export function itemError(error: unknown): RecipientError {
  const result = failedRecipient('', error);
  if (result.status !== 'failed') throw error;
  return result.error;
}

export const failed = (key: string, error: RecipientError): MigrationItemResult => ({
  key,
  status: 'failed',
  error,
});

/** A per-item refusal the vendor states in a result code, not as a call error. */
export const refused = (key: string, vendorCode: string | number, message: string): MigrationItemResult =>
  failed(key, { code: 'vendor_rejected', message, vendorCode: String(vendorCode) });

/**
 * Runs `work` per chunk; a chunk whose call fails fails its items. Throws the first error when every chunk
 * failed and nothing else was decided, since then nothing of the batch was imported (the writer contract).
 */
export async function settleChunks<T>(
  chunks: readonly T[][],
  keyOf: (item: T) => string,
  work: (chunk: T[]) => Promise<MigrationItemResult[]>,
  decided: MigrationItemResult[] = [],
): Promise<MigrationItemResult[]> {
  const results = [...decided];
  const errors: unknown[] = [];
  for (const chunk of chunks) {
    try {
      results.push(...(await work(chunk)));
    } catch (error) {
      errors.push(error);
      const why = itemError(error);
      results.push(...chunk.map((item) => failed(keyOf(item), why)));
    }
  }
  if (errors.length > 0 && errors.length === chunks.length && decided.length === 0) throw errors[0];
  return results;
}

/** Results in the order of the request's keys. */
export function inOrder(
  keys: readonly string[],
  results: readonly MigrationItemResult[],
): MigrationItemResult[] {
  const byKey = new Map(results.map((r) => [r.key, r]));
  return keys.map((k) => byKey.get(k) as MigrationItemResult);
}
