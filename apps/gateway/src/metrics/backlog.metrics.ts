import { Injectable } from '@nestjs/common';
import { DeliveryRepository, RelayRepository, type Backlog } from '@im-gateway/persistence';
import { Gauge } from 'prom-client';
import { MetricsService } from './metrics.service.js';

const ageSeconds = (b: Backlog, now: number): number =>
  b.oldestCreatedAt ? Math.max(0, (now - Date.parse(b.oldestCreatedAt)) / 1000) : 0;

/**
 * Backlog gauges, read from the database at scrape time rather than kept as counters: the rows are shared by
 * every replica and survive restarts, so only the table knows the true backlog; one aggregate over the
 * status index per table costs less than keeping per-process counters right across replicas and crashes.
 */
@Injectable()
export class BacklogMetrics {
  constructor(metrics: MetricsService, deliveries: DeliveryRepository, relays: RelayRepository) {
    const sources = { delivery: () => deliveries.backlog(), relay: () => relays.backlog() };
    for (const [kind, read] of Object.entries(sources)) {
      let last: Promise<Backlog> | null = null;
      // Both gauges of a kind come from one query per scrape.
      const current = (): Promise<Backlog> => {
        last ??= read().finally(() => setImmediate(() => (last = null)));
        return last;
      };
      new Gauge({
        name: `imgw_${kind}_backlog`,
        help: `${kind === 'delivery' ? 'Deliveries' : 'Relays'} pending or under way (all replicas).`,
        registers: [metrics.registry],
        async collect() {
          this.set((await current()).count);
        },
      });
      new Gauge({
        name: `imgw_${kind}_backlog_oldest_age_seconds`,
        help: `Age of the oldest ${kind} pending or under way, 0 when there is none.`,
        registers: [metrics.registry],
        async collect() {
          this.set(ageSeconds(await current(), Date.now()));
        },
      });
    }
  }
}
