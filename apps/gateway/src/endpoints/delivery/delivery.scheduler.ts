import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DeliveryRepository } from '@im-gateway/persistence';
import { GatewaySettingsRef } from '../../common/settings.ref.js';
import { DeliveryQueue, type DeliveryWakeup } from './delivery.queue.js';
import { DeliveryWorker } from './delivery.worker.js';

const SWEEP_BATCH = 5_000;

/**
 * Runs the delivery queue: starts its worker, re-queues every unfinished delivery at start-up (a crash or
 * restart loses nothing: the rows are the truth), sweeps periodically for wake-ups that were lost, and
 * wakes new deliveries after ingest commits them.
 */
@Injectable()
export class DeliveryScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryScheduler.name);
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly queue: DeliveryQueue,
    private readonly worker: DeliveryWorker,
    private readonly deliveries: DeliveryRepository,
    private readonly settings: GatewaySettingsRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.start(async (id) => {
      const next = await this.worker.attempt(id);
      if (next.length > 0) await this.queue.enqueue(next);
    });
    await this.sweep();
    this.sweepTimer = setInterval(() => void this.sweep(), this.settings.value.deliverySweepMs);
    this.sweepTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.queue.stop();
    this.worker.sender.close();
  }

  /** Wakes deliveries just committed (fan-out, retry, recovery). */
  async wake(wakeups: DeliveryWakeup[]): Promise<void> {
    if (wakeups.length === 0) return;
    try {
      await this.queue.enqueue(wakeups);
    } catch (error) {
      // The rows are committed; the sweep will find them even if the queue is unreachable now.
      this.logger.warn({ err: error }, 'could not wake deliveries; the sweep will');
    }
  }

  async sweep(): Promise<void> {
    try {
      const rows = await this.deliveries.unfinished(new Date().toISOString(), SWEEP_BATCH);
      await this.queue.enqueue(rows.map((r) => ({ id: r.id, dueAt: r.next_attempt_at })));
    } catch (error) {
      this.logger.warn({ err: error }, 'delivery sweep failed');
    }
  }
}
