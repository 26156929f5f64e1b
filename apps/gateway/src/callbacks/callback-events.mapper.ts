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
  const events = accepted.normalized.events.map((draft) => {
    const body = toUnifiedEvent(draft, accepted.appId, accepted.provider, accepted.receivedAt);
    return Object.assign(new EventEntity(), {
      id: body.id,
      appId: accepted.appId,
      callbackId: callback.id,
      provider: accepted.provider,
      type: body.type,
      dedupeKey: body.dedupeKey,
      conversationType: body.conversation?.type ?? null,
      conversationId: body.conversation?.id ?? null,
      actor: body.actor ?? null,
      occurredAt: body.occurredAt,
      receivedAt: body.receivedAt,
      body,
    });
  });
  return { callback, events };
}
