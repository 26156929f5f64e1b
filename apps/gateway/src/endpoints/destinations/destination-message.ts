import { webhookSignatureHeader } from '@im-gateway/signing';
import type { UnifiedEvent } from '@im-gateway/types';
import { toCloudEvent } from '../delivery/cloud-event.js';
import type { DestinationMessage } from './destination.js';

/**
 * The signed message for one event, the same bytes for every destination type: the CloudEvent in
 * structured mode, signed per Standard Webhooks with every secret that signs now. Broker messages also
 * carry the CloudEvents attributes as `ce-*` headers (binary-mode names), so consumers can filter or route
 * without parsing the body; the body stays the structured document, whose content type says so.
 */
export function destinationMessage(
  event: UnifiedEvent,
  secrets: string[],
  staticHeaders: Record<string, string>,
  now: Date,
  withAttributes: boolean,
): DestinationMessage {
  const ce = toCloudEvent(event);
  const body = JSON.stringify(ce);
  const timestamp = Math.floor(now.getTime() / 1000);
  const attributes: Record<string, string> = withAttributes
    ? {
        'ce-specversion': ce.specversion,
        'ce-id': ce.id,
        'ce-source': ce.source,
        'ce-type': ce.type,
        ...(ce.subject ? { 'ce-subject': ce.subject } : {}),
        'ce-time': ce.time,
        'ce-improvider': ce.improvider,
      }
    : {};
  return {
    body,
    headers: {
      ...staticHeaders,
      ...attributes,
      'content-type': 'application/cloudevents+json',
      'webhook-id': event.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': webhookSignatureHeader(secrets, { id: event.id, timestamp, body }),
    },
    placeholders: {
      type: event.type,
      appId: event.appId,
      conversationType: event.conversation?.type ?? 'none',
      conversationId: event.conversation?.id ?? 'none',
    },
  };
}
