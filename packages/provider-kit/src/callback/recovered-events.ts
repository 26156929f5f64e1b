import type { ReconcileSource, UnifiedEventDraft } from '@im-gateway/types';
import { isRecord } from './json-values.js';

/** Per event type, the paths (`data.x`, `message.x`, `actor`) of what only a callback carries. */
export type CallbackOnlyFields = Readonly<Partial<Record<string, readonly string[]>>>;

/** The event without the given paths: one level deep (`field` or `head.field`), copying what it changes. */
function without(event: UnifiedEventDraft, paths: readonly string[]): UnifiedEventDraft {
  const out: Record<string, unknown> = { ...event, data: { ...event.data } };
  if (event.message) out.message = { ...event.message };
  for (const path of paths) {
    const [head, field] = path.split('.') as [string, string | undefined];
    if (field === undefined) delete out[head];
    else if (isRecord(out[head])) delete out[head][field];
  }
  return out as unknown as UnifiedEventDraft;
}

/**
 * The events a provider's own callback normalizer made from a callback body rebuilt out of a history
 * record, as reconciliation stores them: without what only a callback carries, with the record as `raw`,
 * `dedupeKey` = `recovered:<type>:<messageId>` and the marker `data.recovered` (the contract of
 * `ReconciliationApi.recoveredEvents`). One place, so every provider marks them alike.
 */
export function markRecovered(
  events: readonly UnifiedEventDraft[],
  options: { messageId: string; record: unknown; source: ReconcileSource; callbackOnly: CallbackOnlyFields },
): UnifiedEventDraft[] {
  return events.map((event) => {
    const kept = without(event, options.callbackOnly[event.type] ?? []);
    return {
      ...kept,
      dedupeKey: `recovered:${event.type}:${options.messageId}`,
      data: { ...kept.data, recovered: { source: options.source } },
      raw: options.record,
    };
  });
}
