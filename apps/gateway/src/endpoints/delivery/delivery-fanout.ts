import { Injectable } from '@nestjs/common';
import { DeliveryEntity, newId, type EndpointEntity, type EventEntity } from '@im-gateway/persistence';
import { eventTypeMatches } from '@im-gateway/types';
import { currentTraceparent } from '../../tracing/spans.js';
import { EndpointDirectory } from '../endpoint-directory.js';

/** Whether an endpoint subscribes to an event type (no patterns = every type). */
export function endpointWants(endpoint: Pick<EndpointEntity, 'eventTypes'>, type: string): boolean {
  return endpoint.eventTypes.length === 0 || endpoint.eventTypes.some((p) => eventTypeMatches(p, type));
}

/** The conversation key that orders deliveries of an ordered endpoint; events without one are not held. */
export function orderingKey(
  endpoint: Pick<EndpointEntity, 'ordering'>,
  event: Pick<EventEntity, 'conversationType' | 'conversationId'>,
): string | null {
  if (endpoint.ordering !== 'conversation' || !event.conversationId) return null;
  return `${event.conversationType ?? ''}/${event.conversationId}`.slice(0, 300);
}

/** Whether a migration bridge caused the event (ingest's echo marking gives it `data.relay`). */
function isRelayed(event: EventEntity): boolean {
  const data = (event.body as { data?: Record<string, unknown> }).data;
  return data?.relay !== undefined;
}

/** Fan-out at ingest: one delivery row per matching enabled endpoint, written with the events. */
@Injectable()
export class DeliveryFanout {
  constructor(private readonly directory: EndpointDirectory) {}

  async deliveriesFor(appId: string, events: EventEntity[], now: string): Promise<DeliveryEntity[]> {
    if (events.length === 0) return [];
    const endpoints = await this.directory.enabledForApp(appId);
    const rows: DeliveryEntity[] = [];
    const traceParent = currentTraceparent();
    for (const event of events) {
      const relayed = isRelayed(event);
      for (const endpoint of endpoints) {
        if (!endpointWants(endpoint, event.type)) continue;
        if (relayed && endpoint.excludeRelayed) continue;
        rows.push(
          Object.assign(new DeliveryEntity(), {
            id: newId(),
            appId,
            endpointId: endpoint.id,
            eventId: event.id,
            status: 'pending',
            attempts: 0,
            nextAttemptAt: now,
            lastAttemptAt: null,
            orderingKey: orderingKey(endpoint, event),
            occurredAt: event.occurredAt,
            lockedUntil: null,
            createdAt: now,
            updatedAt: now,
            traceParent,
          }),
        );
      }
    }
    return rows;
  }
}
