import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds: from a fast local receiver to a vendor call near its deadline. */
const ATTEMPT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Prometheus metrics of one gateway instance (its own registry, so instances in one process don't clash). */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly callbacks = new Counter({
    name: 'imgw_callbacks_total',
    help: 'Vendor callbacks by provider and outcome (accepted, duplicate, rejected, unavailable).',
    labelNames: ['provider', 'outcome', 'code'] as const,
    registers: [this.registry],
  });

  readonly events = new Counter({
    name: 'imgw_events_total',
    help: 'Unified events stored, by provider and type.',
    labelNames: ['provider', 'type'] as const,
    registers: [this.registry],
  });

  readonly deliveryAttempts = new Counter({
    name: 'imgw_delivery_attempts_total',
    help: 'Webhook delivery attempts by result (delivered, retry, failed).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly relays = new Counter({
    name: 'imgw_relay_attempts_total',
    help: 'Bridge relay attempts by action (message, recall) and result (relayed, retry, failed, unmapped, skipped).',
    labelNames: ['action', 'result'] as const,
    registers: [this.registry],
  });

  readonly migrationItems = new Counter({
    name: 'imgw_migration_items_total',
    help: 'Migration job items imported, by kind and outcome (done, skipped, failed).',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly reconciliationRuns = new Counter({
    name: 'imgw_reconciliation_runs_total',
    help: 'Reconciliation runs ended, by provider and status (completed, failed).',
    labelNames: ['provider', 'status'] as const,
    registers: [this.registry],
  });

  readonly reconciliationMessages = new Counter({
    name: 'imgw_reconciliation_messages_total',
    help: 'Messages reconciliation read from vendor history, by provider and outcome (matched, recovered, unreadable).',
    labelNames: ['provider', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly deliveryDuration = new Histogram({
    name: 'imgw_delivery_attempt_duration_seconds',
    help: 'Webhook delivery attempt duration by result (delivered, retry, failed).',
    labelNames: ['result'] as const,
    buckets: ATTEMPT_BUCKETS,
    registers: [this.registry],
  });

  readonly relayDuration = new Histogram({
    name: 'imgw_relay_attempt_duration_seconds',
    help: 'Bridge relay attempt duration by action and result.',
    labelNames: ['action', 'result'] as const,
    buckets: ATTEMPT_BUCKETS,
    registers: [this.registry],
  });

  readonly vendorCalls = new Counter({
    name: 'imgw_vendor_calls_total',
    help: 'Vendor REST calls (each attempt) by provider, API and outcome (ok, or the error code).',
    labelNames: ['provider', 'api', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly vendorCallDuration = new Histogram({
    name: 'imgw_vendor_call_duration_seconds',
    help: 'Vendor REST call (one attempt) duration by provider, API and outcome.',
    labelNames: ['provider', 'api', 'outcome'] as const,
    buckets: ATTEMPT_BUCKETS,
    registers: [this.registry],
  });

  readonly arrivalGuard = new Gauge({
    name: 'imgw_vendor_arrival_guard_seconds',
    help: "How much later than booked a paced call may reach the vendor, as the limiter last learned it (the schedule's window is the vendor's plus this), by provider and API.",
    labelNames: ['provider', 'api'] as const,
    registers: [this.registry],
  });

  readonly rateLimitWait = new Histogram({
    name: 'imgw_vendor_rate_limit_wait_seconds',
    help: "Time a vendor call waited for the app's budget, by provider, API and outcome (granted, exhausted).",
    labelNames: ['provider', 'api', 'outcome'] as const,
    buckets: [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly retentionBusySeconds = new Counter({
    name: 'imgw_retention_busy_seconds_total',
    help: 'Seconds pruning spent in its delete statements.',
    registers: [this.registry],
  });

  readonly retentionRestSeconds = new Counter({
    name: 'imgw_retention_rest_seconds_total',
    help: 'Seconds pruning rested between batches, to hold its share of the database (RETENTION_SHARE_PERCENT).',
    registers: [this.registry],
  });

  readonly retentionDeleted = new Counter({
    name: 'imgw_retention_deleted_total',
    help: 'Rows deleted by retention, by kind (events, callbacks, attempts, relays, messages, idempotencyKeys).',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly beforeDecisions = new Counter({
    name: 'imgw_before_decisions_total',
    help: 'Before-callback decisions by provider, action (allow, deny, modify) and source (rule, endpoint, fallback, default).',
    labelNames: ['provider', 'action', 'source'] as const,
    registers: [this.registry],
  });

  readonly beforeDecisionDuration = new Histogram({
    name: 'imgw_before_decision_seconds',
    help: "Time to decide a before-callback (rules, and the decision endpoint when asked), by provider and source; bounded by the vendor's wait.",
    labelNames: ['provider', 'source'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2],
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'imgw_http_request_duration_seconds',
    help: 'HTTP request duration by route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'imgw_' });
  }
}
