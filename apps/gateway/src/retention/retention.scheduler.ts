import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  AppRepository,
  nowIso,
  RETENTION_KINDS,
  RetentionRepository,
  type RetentionKind,
} from '@im-gateway/persistence';
import { GatewaySettingsRef } from '../common/settings.ref.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { cutoffId, effectiveDays, restAfter } from './retention-policy.js';

export type PruneCounts = Record<RetentionKind | 'idempotencyKeys', number>;

/**
 * Prunes rows past their retention period (docs/operations.md, "Retention"): every app in turn, each kind
 * in batches of `RETENTION_BATCH_SIZE` until none is due, then expired idempotency keys, then (SQLite) gives
 * the freed pages back. After each batch the run rests in proportion to the batch's time
 * (`RETENTION_SHARE_PERCENT`), so a run keeps going until the backlog is gone — at 1,000 callbacks/s rows
 * arrive faster than a run cut off after a fixed time removed them — yet never holds the database more than
 * that share. Every replica may run it: the deletes are idempotent.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<PruneCounts> | undefined;
  private stopped = false;
  /** Ends a rest at once when the gateway stops. */
  private readonly stopping = new AbortController();

  constructor(
    private readonly retention: RetentionRepository,
    private readonly apps: AppRepository,
    private readonly settings: GatewaySettingsRef,
    private readonly metrics: MetricsService,
  ) {}

  onApplicationBootstrap(): void {
    const { intervalMs } = this.settings.value.retention;
    if (intervalMs === 0) return;
    const next = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => {
        this.runOnce()
          .catch((error: unknown) => this.logger.warn(`pruning failed: ${String(error)}`))
          .finally(next);
      }, intervalMs);
      this.timer.unref();
    };
    next();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pruning run (the timer's, or a test's); runs do not overlap. */
  runOnce(now = new Date()): Promise<PruneCounts> {
    this.running ??= this.prune(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async prune(now: Date): Promise<PruneCounts> {
    const { days, batchSize, sharePercent } = this.settings.value.retention;
    const counts: PruneCounts = {
      events: 0,
      callbacks: 0,
      attempts: 0,
      relays: 0,
      messages: 0,
      idempotencyKeys: 0,
    };
    for (const app of await this.apps.all()) {
      const own = effectiveDays(days, app.settings);
      for (const kind of RETENTION_KINDS) {
        const before = cutoffId(own[kind], now);
        if (before === null) continue;
        counts[kind] += await this.drain(() => this.pruneKind(kind, app.id, before, batchSize), sharePercent);
      }
    }
    counts.idempotencyKeys = await this.drain(
      () => this.retention.pruneExpiredIdempotencyKeys(nowIso(), batchSize),
      sharePercent,
    );
    for (const [kind, n] of Object.entries(counts)) if (n > 0) this.metrics.retentionDeleted.inc({ kind }, n);
    if (Object.values(counts).some((n) => n > 0)) {
      const space = await this.retention.reclaimSpace();
      this.logger.log(
        `pruned ${Object.entries(counts)
          .filter(([, n]) => n > 0)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ')}${space === 'converted' ? '; the SQLite file now gives freed space back' : ''}`,
      );
    }
    return counts;
  }

  private pruneKind(kind: RetentionKind, appId: string, before: string, limit: number): Promise<number> {
    switch (kind) {
      case 'events':
        return this.retention.pruneEvents(appId, before, limit);
      case 'callbacks':
        return this.retention.pruneCallbacks(appId, before, limit);
      case 'attempts':
        return this.retention.pruneAttempts(appId, before, limit);
      case 'relays':
        return this.retention.pruneRelays(appId, before, limit);
      case 'messages':
        return this.retention.pruneMessages(appId, before, limit);
    }
  }

  /**
   * Repeats `batch` while it deletes something and the gateway is not stopping, resting after each batch
   * (`restAfter`). The time spent in batches and the rest taken are counted, so the pace shows in metrics.
   */
  private async drain(batch: () => Promise<number>, sharePercent: number): Promise<number> {
    let total = 0;
    while (!this.stopped) {
      const started = performance.now();
      const n = await batch();
      const busyMs = performance.now() - started;
      total += n;
      // Every statement rests, the last (empty) one too: the share holds for the run as a whole.
      const restMs = restAfter(busyMs, sharePercent);
      this.metrics.retentionBusySeconds.inc(busyMs / 1000);
      this.metrics.retentionRestSeconds.inc(restMs / 1000);
      if (restMs > 0) await sleep(restMs, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      if (n === 0) break;
    }
    return total;
  }
}
