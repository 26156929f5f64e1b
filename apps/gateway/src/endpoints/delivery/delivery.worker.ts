import { Injectable, Logger } from '@nestjs/common';
import pLimit, { type LimitFunction } from 'p-limit';
import {
  DeliveryAttemptEntity,
  DeliveryRepository,
  EndpointRepository,
  newId,
  type ClaimedDelivery,
  type DeliveryOutcome,
  type EndpointHealthPatch,
} from '@im-gateway/persistence';
import { LeaseKeeper } from '../../common/queue/lease-keeper.js';
import type { UnifiedEvent } from '@im-gateway/types';
import { redactUrl } from '../../common/logger.js';
import { GatewaySettingsRef } from '../../common/settings.ref.js';
import { MetricsService } from '../../metrics/metrics.service.js';
import { EndpointDirectory, type DeliverableEndpoint } from '../endpoint-directory.js';
import type { Wakeup } from '../../common/queue/work.queue.js';
import { nextAttemptDelayMs } from '../../common/queue/retry-schedule.js';
import type { WebhookResponse } from './webhook-sender.js';
import type { DestinationType } from '../destinations/destination.js';
import { destinationMessage } from '../destinations/destination-message.js';
import { Destinations } from '../destinations/destinations.js';
import { withSpanFrom } from '../../tracing/spans.js';

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A claim is leased for 8 s and renewed every 2 s while its attempt runs, however long the receiver takes:
 * a process that dies stops renewing, so its deliveries are retaken within 8 s, while a live one may stall
 * (event loop, database) for 6 s before another worker could retake one of its attempts.
 */
export const DELIVERY_LEASE_MS = 8_000;
export const DELIVERY_HEARTBEAT_MS = 2_000;
/** A wake-up may come this early (timer drift) and still claim its delivery. */
const EARLY_WAKEUP_MS = 250;

/**
 * One delivery attempt: claim the delivery, hand the signed CloudEvent to the endpoint's destination (an
 * HTTP POST, or a broker publish confirmed by the broker), record the attempt, and decide what comes next
 * (delivered, retry at the scheduled time, failed, endpoint disabled). Knows no destination type itself.
 * Returns what must be woken afterwards (its own retry, the next event of an ordered conversation).
 */
@Injectable()
export class DeliveryWorker {
  private readonly logger = new Logger(DeliveryWorker.name);
  private readonly leases: LeaseKeeper;
  /**
   * Sends in flight at once, per kind of destination: an HTTP attempt holds a socket to a user's receiver, a
   * broker publish one frame on a shared connection, whose confirmation it awaits (the broker drain was bound
   * by that wait at 32 in flight). The queue runs both counts together; a claimed attempt waits here for its
   * kind's turn, its lease kept alive meanwhile.
   */
  private readonly sending: { http: LimitFunction; broker: LimitFunction };

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly directory: EndpointDirectory,
    private readonly endpoints: EndpointRepository,
    private readonly settings: GatewaySettingsRef,
    private readonly metrics: MetricsService,
    readonly destinations: Destinations,
  ) {
    this.leases = new LeaseKeeper('delivery', DELIVERY_LEASE_MS, DELIVERY_HEARTBEAT_MS, (ids, until) =>
      deliveries.renew(ids, until),
    );
    this.sending = {
      http: pLimit(settings.value.deliveryConcurrency),
      broker: pLimit(settings.value.deliveryBrokerConcurrency),
    };
  }

  async attempt(deliveryId: string): Promise<Wakeup[]> {
    const now = new Date();
    const claimed = await this.deliveries.claim(
      deliveryId,
      now.toISOString(),
      new Date(now.getTime() + DELIVERY_LEASE_MS).toISOString(),
      new Date(now.getTime() + EARLY_WAKEUP_MS).toISOString(),
    );
    if (!claimed) return []; // not due, taken by another worker, or behind an earlier event of its conversation

    this.leases.hold(deliveryId);
    try {
      return await this.attemptClaimed(claimed, now);
    } finally {
      this.leases.release(deliveryId);
    }
  }

  private async attemptClaimed(claimed: ClaimedDelivery, now: Date): Promise<Wakeup[]> {
    const { deliveryTimeoutMs, deliveryRetryScheduleMs: schedule } = this.settings.value;
    const deliveryId = claimed.id;
    let target: DeliverableEndpoint | null = null;
    let response: WebhookResponse;
    try {
      target = await this.directory.deliverable(claimed.endpoint_id, now);
      const event = claimed.event_body ? (JSON.parse(claimed.event_body) as UnifiedEvent) : null;
      if (!target || target.endpoint.disabled || !event) {
        await this.deliveries.release(deliveryId, 'cancelled', new Date().toISOString());
        return this.nextInConversation(claimed.endpoint_id, claimed.ordering_key);
      }
      response = await this.send(target, event, deliveryTimeoutMs, claimed);
    } catch (error) {
      // Whatever went wrong once the delivery was claimed (a stored header Node refuses to send, an
      // unreadable secret…) is a failed attempt on the schedule: no input may leave it claimed to loop.
      response = {
        ok: false,
        durationMs: Date.now() - now.getTime(),
        error: `not sent: ${errorText(error)}`,
      };
    }
    const attempts = claimed.attempts + 1;
    const finishedAt = new Date();
    const outcome = this.outcome(response, attempts, schedule, finishedAt);
    await this.record(deliveryId, outcome, now, response);
    const result = outcome.status === 'pending' ? 'retry' : outcome.status;
    this.metrics.deliveryAttempts.inc({ result });
    this.metrics.deliveryDuration.observe({ result }, response.durationMs / 1000);
    this.logAttempt(claimed, target?.endpoint.url ?? '', response, outcome, result);
    if (target)
      await this.updateEndpointHealth(
        target.endpoint.id,
        target.endpoint.appId,
        target.endpoint.failingSince,
        response,
        finishedAt,
      ).catch((error: unknown) =>
        this.logger.warn({ err: error, deliveryId }, 'endpoint health not updated'),
      );

    if (outcome.status === 'pending') return [{ id: deliveryId, dueAt: outcome.nextAttemptAt }];
    return this.nextInConversation(claimed.endpoint_id, claimed.ordering_key);
  }

  private send(
    target: DeliverableEndpoint,
    event: UnifiedEvent,
    timeoutMs: number,
    { id: deliveryId, trace_parent: traceParent }: ClaimedDelivery,
  ): Promise<WebhookResponse> {
    const type = target.endpoint.type as DestinationType;
    const destination = this.destinations.of(type);
    if (!destination) throw new Error(`unknown destination type ${type}`);
    return this.sending[type === 'http' ? 'http' : 'broker'](() => {
      // Signed when it leaves, not when claimed: the wait for a turn does not age `webhook-timestamp`.
      const message = destinationMessage(
        event,
        target.secrets,
        target.endpoint.headers,
        new Date(),
        type !== 'http',
      );
      return withSpanFrom(
        traceParent,
        'webhook.attempt',
        {
          'imgw.delivery.id': deliveryId,
          'imgw.endpoint.id': target.endpoint.id,
          'imgw.endpoint.type': type,
        },
        () =>
          destination.send(
            {
              endpointId: target.endpoint.id,
              type,
              url: target.url,
              settings: target.endpoint.destination,
            },
            message,
            timeoutMs,
          ),
      );
    });
  }

  /**
   * Records the attempt with the delivery's next state. Should the attempt row itself be refused, the state
   * is still recorded with a bare row: otherwise the delivery would be retaken after every lease, for ever.
   */
  private async record(id: string, outcome: DeliveryOutcome, at: Date, r: WebhookResponse): Promise<void> {
    try {
      await this.deliveries.finish(id, outcome, this.attemptRow(id, at, r));
    } catch (error) {
      this.logger.warn({ err: error, deliveryId: id }, 'attempt not recorded in full; recording it bare');
      const bare = {
        ok: r.ok,
        status: r.status,
        durationMs: r.durationMs,
        error: 'the answer could not be stored',
      };
      await this.deliveries.finish(id, outcome, this.attemptRow(id, at, bare));
    }
  }

  /**
   * One line per attempt: failures at info, where an operator looks first; successes at debug, as a busy
   * gateway delivers too many to log each at info. The URL loses credential-like query values.
   */
  private logAttempt(
    claimed: ClaimedDelivery,
    url: string,
    response: WebhookResponse,
    outcome: DeliveryOutcome,
    result: string,
  ): void {
    const line = {
      deliveryId: claimed.id,
      eventId: claimed.event_id,
      endpointId: claimed.endpoint_id,
      url: redactUrl(url),
      attempt: outcome.attempts,
      result,
      status: response.status ?? null,
      durationMs: response.durationMs,
      nextAttemptAt: outcome.nextAttemptAt,
      ...(response.error ? { error: response.error.slice(0, 200) } : {}),
    };
    if (response.ok) this.logger.debug(line, 'delivery attempt');
    else this.logger.log(line, 'delivery attempt');
  }

  private outcome(
    response: WebhookResponse,
    attempts: number,
    schedule: number[],
    at: Date,
  ): DeliveryOutcome {
    const lastAttemptAt = at.toISOString();
    if (response.ok) return { status: 'delivered', attempts, nextAttemptAt: null, lastAttemptAt };
    // 410 Gone: the receiver says the endpoint no longer exists; retrying would only repeat that.
    if (response.status === 410) return { status: 'failed', attempts, nextAttemptAt: null, lastAttemptAt };
    const delay = nextAttemptDelayMs(schedule, attempts, {
      status: response.status,
      retryAfter: response.retryAfter,
    });
    if (delay === null) return { status: 'failed', attempts, nextAttemptAt: null, lastAttemptAt };
    return {
      status: 'pending',
      attempts,
      nextAttemptAt: new Date(at.getTime() + delay).toISOString(),
      lastAttemptAt,
    };
  }

  private attemptRow(deliveryId: string, at: Date, r: WebhookResponse): DeliveryAttemptEntity {
    return Object.assign(new DeliveryAttemptEntity(), {
      id: newId(),
      deliveryId,
      attemptedAt: at.toISOString(),
      statusCode: r.status ?? null,
      durationMs: r.durationMs,
      responseExcerpt: r.excerpt ?? null,
      error: r.error ? r.error.slice(0, 500) : null,
    });
  }

  /** 410 disables the endpoint at once; failing every attempt for too long (5 days by default) does too. */
  private async updateEndpointHealth(
    endpointId: string,
    appId: string,
    failingSince: string | null,
    r: WebhookResponse,
    at: Date,
  ): Promise<void> {
    const now = at.toISOString();
    let patch: EndpointHealthPatch | null = null;
    if (r.ok) {
      if (failingSince) patch = { failingSince: null };
    } else if (r.status === 410) {
      patch = {
        disabled: true,
        disabledReason: 'the receiver answered 410 Gone',
        failingSince: failingSince ?? now,
      };
    } else if (!failingSince) {
      patch = { failingSince: now };
    } else if (at.getTime() - Date.parse(failingSince) >= this.settings.value.endpointDisableAfterMs) {
      patch = { disabled: true, disabledReason: `every attempt failed since ${failingSince}` };
    }
    if (!patch) return;
    await this.endpoints.updateHealth(endpointId, patch, now);
    this.directory.invalidate(appId);
    if (patch.disabled) {
      this.logger.warn({ endpointId, reason: patch.disabledReason }, 'endpoint disabled');
      await this.destinations.close(endpointId);
    }
  }

  private async nextInConversation(endpointId: string, key: string | null): Promise<Wakeup[]> {
    if (!key) return [];
    const next = await this.deliveries.nextInConversation(endpointId, key);
    return next ? [{ id: next.id, dueAt: next.next_attempt_at }] : [];
  }
}
