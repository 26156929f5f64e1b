import { Injectable } from '@nestjs/common';
import {
  MigrationItemRepository,
  MigrationJobRepository,
  MIGRATION_JOB_STATUSES,
} from '@im-gateway/persistence';
import { Gauge } from 'prom-client';
import { MetricsService } from './metrics.service.js';

/**
 * Migration gauges, read from the database at scrape time like the backlog ones (BacklogMetrics): jobs and
 * items are rows shared by every replica, so only the tables know the totals.
 */
@Injectable()
export class MigrationMetrics {
  constructor(metrics: MetricsService, jobs: MigrationJobRepository, items: MigrationItemRepository) {
    new Gauge({
      name: 'imgw_migration_items_pending',
      help: 'Items of running migration jobs still to import, by kind (all replicas).',
      labelNames: ['kind'] as const,
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const { kind, count } of await items.pendingOfRunningJobs()) this.set({ kind }, count);
      },
    });
    new Gauge({
      name: 'imgw_migration_jobs',
      help: 'Migration jobs by status (all replicas).',
      labelNames: ['status'] as const,
      registers: [metrics.registry],
      async collect() {
        const counts = await jobs.countByStatus();
        for (const status of MIGRATION_JOB_STATUSES)
          this.set({ status }, counts.find((c) => c.status === status)?.count ?? 0);
      },
    });
  }
}
