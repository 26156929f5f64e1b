import { Injectable } from '@nestjs/common';
import {
  AppRepository,
  DeliveryEntity,
  DeliveryLogRepository,
  DeliveryRepository,
  EndpointRepository,
  EventRepository,
  IngestRepository,
  mapPage,
  newId,
  nowIso,
  type DeliveryStatus,
  type EndpointEntity,
  type Page,
} from '@im-gateway/persistence';
import { ImGatewayError } from '@im-gateway/types';
import { EndpointDirectory } from '../endpoint-directory.js';
import { currentTraceparent } from '../../tracing/spans.js';
import { DeliveryFanout, orderingKey } from './delivery-fanout.js';
import { testEventRows } from './test-event.js';
import type { DeliveryResponseDto } from './delivery.dto.js';
import { DeliveryScheduler } from './delivery.scheduler.js';

/** The attempt log and manual recovery: retry one delivery, redeliver one event, recover an endpoint. */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly rows: DeliveryLogRepository,
    private readonly endpoints: EndpointRepository,
    private readonly events: EventRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly scheduler: DeliveryScheduler,
    private readonly fanout: DeliveryFanout,
    private readonly directory: EndpointDirectory,
    private readonly apps: AppRepository,
    private readonly ingest: IngestRepository,
  ) {}

  /**
   * Sends a made-up `message.sent` event (`data.test: true`) to one endpoint, whatever its event types:
   * stored with its delivery like any event, so the attempt log and retries work as for real ones.
   */
  async sendTest(appId: string, endpointId: string): Promise<{ eventId: string; deliveryId: string }> {
    const endpoint = await this.endpoint(appId, endpointId);
    if (endpoint.disabled)
      throw new ImGatewayError(
        'conflict',
        `Endpoint ${endpointId} is disabled; enable it to send it a test event.`,
      );
    const app = await this.apps.find(appId);
    if (!app) throw new ImGatewayError('not_found', `No app ${appId}.`);
    const now = nowIso();
    const { callback, event } = testEventRows(app, now);
    const delivery = Object.assign(new DeliveryEntity(), {
      id: newId(),
      appId,
      endpointId,
      eventId: event.id,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastAttemptAt: null,
      orderingKey: orderingKey(endpoint, event),
      occurredAt: now,
      lockedUntil: null,
      createdAt: now,
      updatedAt: now,
      traceParent: currentTraceparent(),
    });
    await this.ingest.store({ callback, events: [event], deliveries: [delivery] });
    await this.scheduler.wake([{ id: delivery.id, dueAt: null }]);
    return { eventId: event.id, deliveryId: delivery.id };
  }

  async list(
    appId: string,
    endpointId: string,
    q: { status?: string; cursor?: string; limit?: number },
  ): Promise<Page<DeliveryResponseDto>> {
    await this.endpoint(appId, endpointId);
    const page = await this.rows.page(endpointId, q.status as DeliveryStatus | undefined, q.cursor, q.limit);
    return mapPage(page, toResponse);
  }

  async get(appId: string, endpointId: string, deliveryId: string): Promise<DeliveryResponseDto> {
    const row = await this.delivery(appId, endpointId, deliveryId);
    const log = await this.rows.attempts(deliveryId);
    return {
      ...toResponse(row),
      attemptLog: log.map(({ id, attemptedAt, statusCode, durationMs, responseExcerpt, error }) => ({
        id,
        attemptedAt,
        statusCode,
        durationMs,
        responseExcerpt,
        error,
      })),
    };
  }

  /** One more attempt now, whatever the schedule said (a failed delivery gets exactly one). */
  async retry(appId: string, endpointId: string, deliveryId: string): Promise<DeliveryResponseDto> {
    await this.delivery(appId, endpointId, deliveryId);
    const requeued = await this.deliveries.requeue({ ids: [deliveryId] }, nowIso());
    if (requeued.length === 0)
      throw new ImGatewayError('conflict', 'The delivery is being attempted right now.');
    await this.scheduler.wake([{ id: deliveryId, dueAt: null }]);
    return toResponse((await this.rows.find(deliveryId))!);
  }

  /** Every failed delivery of an endpoint created since a time, back in line. */
  async recover(appId: string, endpointId: string, since: string): Promise<number> {
    await this.endpoint(appId, endpointId);
    const ids = await this.deliveries.requeue(
      { endpointId, failedSince: new Date(since).toISOString() },
      nowIso(),
    );
    await this.scheduler.wake(ids.map((id) => ({ id, dueAt: null })));
    return ids.length;
  }

  /** Sends one event again to every enabled endpoint that wants it now (new deliveries where there were none). */
  async redeliver(appId: string, eventId: string): Promise<number> {
    const event = await this.events.find(appId, eventId);
    if (!event) throw new ImGatewayError('not_found', `No event ${eventId} in app ${appId}.`);
    this.directory.invalidate(appId);
    const wanted = await this.fanout.deliveriesFor(appId, [event], nowIso());
    const existing = await this.rows.forEvent(eventId);
    const byEndpoint = new Map(existing.map((d) => [d.endpointId, d]));
    const fresh = wanted.filter((d) => !byEndpoint.has(d.endpointId));
    await this.rows.insert(fresh);
    const again = wanted.flatMap((d) =>
      byEndpoint.has(d.endpointId) ? [byEndpoint.get(d.endpointId)!.id] : [],
    );
    const requeued = await this.deliveries.requeue({ ids: again }, nowIso());
    const ids = [...fresh.map((d) => d.id), ...requeued];
    await this.scheduler.wake(ids.map((id) => ({ id, dueAt: null })));
    return ids.length;
  }

  private async endpoint(appId: string, endpointId: string): Promise<EndpointEntity> {
    const endpoint = await this.endpoints.find(endpointId, appId);
    if (!endpoint) throw new ImGatewayError('not_found', `No endpoint ${endpointId} in app ${appId}.`);
    return endpoint;
  }

  private async delivery(appId: string, endpointId: string, deliveryId: string): Promise<DeliveryEntity> {
    const row = await this.rows.find(deliveryId, { appId, endpointId });
    if (!row) throw new ImGatewayError('not_found', `No delivery ${deliveryId} for endpoint ${endpointId}.`);
    return row;
  }
}

function toResponse(d: DeliveryEntity): DeliveryResponseDto {
  return {
    id: d.id,
    endpointId: d.endpointId,
    eventId: d.eventId,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt,
    lastAttemptAt: d.lastAttemptAt,
    createdAt: d.createdAt,
  };
}
