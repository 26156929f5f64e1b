import { Injectable, Logger } from '@nestjs/common';
import {
  DeliveryAttemptEntity,
  DeliveryRepository,
  EndpointRepository,
  newId,
  type DeliveryOutcome,
  type EndpointHealthPatch,
} from '@im-gateway/persistence';
import { webhookSignatureHeader } from '@im-gateway/signing';
import type { UnifiedEvent } from '@im-gateway/types';
import { GatewaySettingsRef } from '../../common/settings.ref.js';
import { MetricsService } from '../../metrics/metrics.service.js';
import { EndpointDirectory } from '../endpoint-directory.js';
import { toCloudEvent } from './cloud-event.js';
import type { Wakeup } from '../../common/queue/work.queue.js';
import { nextAttemptDelayMs } from '../../common/queue/retry-schedule.js';
import { WebhookSender, type WebhookResponse } from './webhook-sender.js';
import { withSpanFrom } from '../../tracing/spans.js';

/** An attempt lasts at most the timeout; the lease adds room for recording it, then another worker may retake it. */
const LEASE_MARGIN_MS = 5_000;
/** A wake-up may come this early (timer drift) and still claim its delivery. */
const EARLY_WAKEUP_MS = 250;

/**
 * One delivery attempt: claim the delivery, POST the CloudEvent with Standard Webhooks headers, record the
 * attempt, and decide what comes next (delivered, retry at the scheduled time, failed, endpoint disabled).
 * Returns what must be woken afterwards (its own retry, the next event of an ordered conversation).
 */
@Injectable()
export class DeliveryWorker {
  private readonly logger = new Logger(DeliveryWorker.name);
  readonly sender: WebhookSender;

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly directory: EndpointDirectory,
    private readonly endpoints: EndpointRepository,
    private readonly settings: GatewaySettingsRef,
    private readonly metrics: MetricsService,
  ) {
    this.sender = new WebhookSender(settings.value.endpointsAllowPrivate);
  }

  async attempt(deliveryId: string): Promise<Wakeup[]> {
    const { deliveryTimeoutMs, deliveryRetryScheduleMs: schedule } = this.settings.value;
    const now = new Date();
    const claimed = await this.deliveries.claim(
      deliveryId,
      now.toISOString(),
      new Date(now.getTime() + deliveryTimeoutMs + LEASE_MARGIN_MS).toISOString(),
      new Date(now.getTime() + EARLY_WAKEUP_MS).toISOString(),
    );
    if (!claimed) return []; // not due, taken by another worker, or behind an earlier event of its conversation

    const target = await this.directory.deliverable(claimed.endpoint_id, now);
    const event = claimed.event_body ? (JSON.parse(claimed.event_body) as UnifiedEvent) : null;
    if (!target || target.endpoint.disabled || !event) {
      await this.deliveries.release(deliveryId, 'cancelled', new Date().toISOString());
      return this.nextInConversation(claimed.endpoint_id, claimed.ordering_key);
    }

    const body = JSON.stringify(toCloudEvent(event));
    const timestamp = Math.floor(now.getTime() / 1000);
    const headers = {
      ...target.endpoint.headers,
      'content-type': 'application/cloudevents+json',
      'user-agent': 'im-gateway',
      'webhook-id': event.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': webhookSignatureHeader(target.secrets, { id: event.id, timestamp, body }),
    };
    const response = await withSpanFrom(
      claimed.trace_parent,
      'webhook.attempt',
      { 'imgw.delivery.id': deliveryId, 'imgw.endpoint.id': claimed.endpoint_id },
      () => this.sender.post(target.endpoint.url, headers, body, deliveryTimeoutMs),
    );
    const attempts = claimed.attempts + 1;
    const finishedAt = new Date();
    const outcome = this.outcome(response, attempts, schedule, finishedAt);
    await this.deliveries.finish(deliveryId, outcome, this.attemptRow(deliveryId, now, response));
    this.metrics.deliveryAttempts.inc({ result: outcome.status === 'pending' ? 'retry' : outcome.status });
    await this.updateEndpointHealth(
      target.endpoint.id,
      target.endpoint.appId,
      target.endpoint.failingSince,
      response,
      finishedAt,
    );

    if (outcome.status === 'pending') return [{ id: deliveryId, dueAt: outcome.nextAttemptAt }];
    return this.nextInConversation(claimed.endpoint_id, claimed.ordering_key);
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
    if (patch.disabled) this.logger.warn({ endpointId, reason: patch.disabledReason }, 'endpoint disabled');
  }

  private async nextInConversation(endpointId: string, key: string | null): Promise<Wakeup[]> {
    if (!key) return [];
    const next = await this.deliveries.nextInConversation(endpointId, key);
    return next ? [{ id: next.id, dueAt: next.next_attempt_at }] : [];
  }
}
