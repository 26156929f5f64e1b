import { EventEntity, InboundCallbackEntity, newId } from '@im-gateway/persistence';
import type { NormalizedCallback, UnifiedEvent, UnifiedEventDraft } from '@im-gateway/types';

export interface AcceptedCallback {
  appId: string;
  provider: string;
  rawBody: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[]>;
  normalized: NormalizedCallback;
  receivedAt: string;
}

/** The envelope of EVENT-MODEL.md, in its order: gateway fields first, then what the vendor said. */
function toUnifiedEvent(
  draft: UnifiedEventDraft,
  appId: string,
  provider: string,
  receivedAt: string,
): UnifiedEvent {
  const { type, occurredAt, dedupeKey, conversation, actor, subjects, message, data, raw } = draft;
  return {
    id: newId(),
    type,
    provider,
    appId,
    occurredAt,
    receivedAt,
    dedupeKey,
    ...(conversation ? { conversation } : {}),
    ...(actor !== undefined ? { actor } : {}),
    ...(subjects !== undefined ? { subjects } : {}),
    ...(message ? { message } : {}),
    data,
    raw,
  };
}

/** The row of one event, of a callback (`callbackId`) or of the gateway itself (null: recovered, its own). */
export function eventRow(
  draft: UnifiedEventDraft,
  appId: string,
  provider: string,
  receivedAt: string,
  callbackId: string | null,
): EventEntity {
  const body = toUnifiedEvent(draft, appId, provider, receivedAt);
  return Object.assign(new EventEntity(), {
    id: body.id,
    appId,
    callbackId,
    provider,
    type: body.type,
    dedupeKey: body.dedupeKey,
    conversationType: body.conversation?.type ?? null,
    conversationId: body.conversation?.id ?? null,
    actor: body.actor ?? null,
    occurredAt: body.occurredAt,
    receivedAt: body.receivedAt,
    body,
  });
}

/** The rows an accepted callback becomes: the raw callback and one row per unified event. */
export function toRows(accepted: AcceptedCallback): {
  callback: InboundCallbackEntity;
  events: EventEntity[];
} {
  const callback = Object.assign(new InboundCallbackEntity(), {
    id: newId(),
    appId: accepted.appId,
    provider: accepted.provider,
    dedupeKey: accepted.normalized.dedupeKey,
    vendorKind: accepted.normalized.vendorKind.slice(0, 128),
    verdict: 'accepted',
    rawBody: accepted.rawBody,
    query: accepted.query,
    headers: accepted.headers,
    eventCount: accepted.normalized.events.length,
    receivedAt: accepted.receivedAt,
  });
  const events = accepted.normalized.events.map((draft) =>
    eventRow(draft, accepted.appId, accepted.provider, accepted.receivedAt, callback.id),
  );
  return { callback, events };
}

/** The longest value each bounded column keeps (the persistence entities' varchar lengths). */
const CALLBACK_LIMITS = { dedupeKey: 255, vendorKind: 128 } as const;
const EVENT_LIMITS = {
  type: 96,
  dedupeKey: 255,
  conversationType: 16,
  conversationId: 255,
  actor: 255,
} as const;

/**
 * Why the rows of a callback can never be stored, or undefined when they can: a vendor id longer than its
 * column. PostgreSQL refuses such a row where SQLite keeps it; both engines refuse the callback alike.
 */
export function unstorableReason(callback: InboundCallbackEntity, events: EventEntity[]): string | undefined {
  for (const [field, max] of Object.entries(CALLBACK_LIMITS)) {
    const value = callback[field as keyof typeof CALLBACK_LIMITS];
    if (value.length > max) return `The callback's ${field} is longer than ${max} characters.`;
  }
  for (const event of events) {
    const reason = unstorableEventReason(event);
    if (reason) return `The callback's ${reason}`;
  }
  return undefined;
}

/** Why an event's row can never be stored (a bounded column's value too long), or undefined. */
export function unstorableEventReason(event: EventEntity): string | undefined {
  for (const [field, max] of Object.entries(EVENT_LIMITS)) {
    const value = event[field as keyof typeof EVENT_LIMITS];
    if (typeof value === 'string' && value.length > max)
      return `${field === 'actor' ? 'sender' : field} is longer than ${max} characters.`;
  }
  return undefined;
}
