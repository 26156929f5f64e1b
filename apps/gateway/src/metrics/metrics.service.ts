import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

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
