import type { UnifiedEvent } from '@im-gateway/types';

/** A unified event as a CloudEvents 1.0 structured-mode JSON document (the webhook-out body). */
export interface CloudEventDocument {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject?: string;
  time: string;
  datacontenttype: 'application/json';
  improvider: string;
  data: Record<string, unknown>;
}

/**
 * The envelope carries id, type, time, source (the app) and the provider; `data` is the rest of the
 * unified event. `subject` is `<conversation type>/<conversation id>`, so receivers can route by it.
 */
export function toCloudEvent(event: UnifiedEvent): CloudEventDocument {
  const { id, type, occurredAt, appId, provider, ...rest } = event;
  return {
    specversion: '1.0',
    id,
    source: `/apps/${appId}`,
    type,
    ...(event.conversation ? { subject: `${event.conversation.type}/${event.conversation.id}` } : {}),
    time: occurredAt,
    datacontenttype: 'application/json',
    improvider: provider,
    data: rest,
  };
}
