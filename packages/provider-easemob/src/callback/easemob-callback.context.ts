import { isRecord } from '@im-gateway/provider-kit/callback';
import type { UnifiedEventDraft } from '@im-gateway/types';
import type { EasemobClassification } from './easemob-callback.types.js';
import { parseEasemobId } from './easemob-ids.js';

/** What every family normalizer gets: the body, its classification and the shared facts. */
export interface EasemobNormalizeInput {
  body: Record<string, unknown>;
  payload: Record<string, unknown>;
  classification: EasemobClassification;
  /** App Keys to strip from decorated ids: the body's own `appkey` and the configured `org#app`. */
  appKeys: string[];
  /** The vendor's `timestamp` (ms) as ISO, or the gateway clock when absent. */
  occurredAt: string;
}

/** An event before the callback-level fields (`dedupeKey`, `raw`) are added. */
export type EasemobEventDraft = Omit<UnifiedEventDraft, 'dedupeKey' | 'raw'>;

export function payloadOf(body: Record<string, unknown>): Record<string, unknown> {
  return isRecord(body.payload) ? body.payload : {};
}

/** Drops undefined values so stored `data` carries only what the vendor said. */
export function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

/**
 * A user field as a plain id plus, when it was decorated, the original under `<name>Resource` (the
 * event model keeps the decorated form in `data`, e.g. `data.fromResource`).
 */
export function userField(
  input: EasemobNormalizeInput,
  value: unknown,
  name: string,
): { id?: string; data: Record<string, unknown> } {
  const { id } = parseEasemobId(value, input.appKeys);
  const decorated = typeof value === 'string' && value !== id ? { [`${name}Resource`]: value } : {};
  return { ...(id === undefined ? {} : { id }), data: decorated };
}

/** `provider.unknown` for a callback the gateway cannot map: the vendor's kind goes to `data.vendorType`. */
export function unknownDraft(
  input: EasemobNormalizeInput,
  extra: Record<string, unknown> = {},
): EasemobEventDraft {
  return {
    type: 'provider.unknown',
    occurredAt: input.occurredAt,
    data: compact({ vendorType: input.classification.kind, ...extra }),
  };
}

/** Easemob `status.error_code`: `ok` or empty means success; anything else is a failed operation. */
export function operationStatus(status: unknown): Record<string, unknown> {
  if (!isRecord(status)) return { ok: true };
  const code = status.error_code;
  const ok = code === undefined || code === null || code === '' || code === 'ok';
  return compact({
    ok,
    errorCode: ok ? undefined : code,
    errorDescription:
      typeof status.description === 'string' && status.description !== '' ? status.description : undefined,
  });
}
