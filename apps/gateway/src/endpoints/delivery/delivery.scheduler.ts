import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DeliveryRepository } from '@im-gateway/persistence';
import { GatewaySettingsRef } from '../../common/settings.ref.js';
import { unfinishedWakeup, type Wakeup } from '../../common/queue/work.queue.js';
import { WorkRunner } from '../../common/queue/work-runner.js';
import { DeliveryQueue } from './delivery.queue.js';
import { DeliveryWorker } from './delivery.worker.js';

/**
 * Runs the delivery queue (see `WorkRunner`): every unfinished delivery is re-queued at start-up and by the
 * periodic sweep, and new deliveries are woken after ingest commits them.
 */
@Injectable()
export class DeliveryScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runner: WorkRunner;

  constructor(
    queue: DeliveryQueue,
    private readonly worker: DeliveryWorker,
    deliveries: DeliveryRepository,
    settings: GatewaySettingsRef,
  ) {
    this.runner = new WorkRunner(queue, {
      kind: 'delivery',
      attempt: (id) => worker.attempt(id),
      unfinished: async (now, limit) => (await deliveries.unfinished(now, limit)).map(unfinishedWakeup),
      sweepMs: settings.value.deliverySweepMs,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.worker.destinations.closeAll();
  }

  /** Wakes deliveries just committed (fan-out, retry, recovery). */
  wake(wakeups: Wakeup[]): Promise<void> {
    return this.runner.wake(wakeups);
  }

  sweep(): Promise<void> {
    return this.runner.sweep();
  }
}
