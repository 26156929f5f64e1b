import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { RelayRepository } from '@im-gateway/persistence';
import { unfinishedWakeup, type Wakeup } from '../../common/queue/work.queue.js';
import { WorkRunner } from '../../common/queue/work-runner.js';
import { GatewaySettingsRef } from '../../common/settings.ref.js';
import { RelayQueue } from './relay.queue.js';
import { RelayWorker } from './relay.worker.js';

/**
 * Runs the relay queue exactly as the delivery queue runs (see `WorkRunner`): relays are rows written with
 * their event, re-queued at start-up and by the sweep, so a crash or restart loses none.
 */
@Injectable()
export class RelayScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runner: WorkRunner;

  constructor(queue: RelayQueue, worker: RelayWorker, relays: RelayRepository, settings: GatewaySettingsRef) {
    this.runner = new WorkRunner(queue, {
      kind: 'relay',
      attempt: (id) => worker.attempt(id),
      unfinished: async (now, limit) => (await relays.unfinished(now, limit)).map(unfinishedWakeup),
      sweepMs: settings.value.deliverySweepMs,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }

  wake(wakeups: Wakeup[]): Promise<void> {
    return this.runner.wake(wakeups);
  }
}
