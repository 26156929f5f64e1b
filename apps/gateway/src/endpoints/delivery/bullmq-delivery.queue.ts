import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { DeliveryQueue, delayOf, type DeliveryWakeup } from './delivery.queue.js';

const QUEUE_NAME = 'imgw-deliveries';

/**
 * BullMQ on Redis: every gateway replica runs a worker on one shared queue, so the work spreads over
 * replicas. Job ids are `<delivery>@<due time>`, so replicas sweeping the same due delivery add one job.
 */
export class BullmqDeliveryQueue extends DeliveryQueue {
  readonly driver = 'bullmq' as const;
  private readonly connection: Redis;
  private readonly queue: Queue;
  private worker: Worker | null = null;

  constructor(
    redisUrl: string,
    private readonly concurrency: number,
    prefix = 'imgw',
  ) {
    super();
    // BullMQ's blocking commands need maxRetriesPerRequest: null.
    this.connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.queue = new Queue(QUEUE_NAME, { connection: this.connection, prefix });
  }

  async start(handler: (id: string) => Promise<void>): Promise<void> {
    this.worker = new Worker(QUEUE_NAME, async (job) => handler((job.data as { id: string }).id), {
      connection: this.connection.duplicate(),
      prefix: this.queue.opts.prefix,
      concurrency: this.concurrency,
    });
    await this.worker.waitUntilReady();
  }

  async enqueue(wakeups: DeliveryWakeup[]): Promise<void> {
    if (wakeups.length === 0) return;
    const now = Date.now();
    await this.queue.addBulk(
      wakeups.map((w) => ({
        name: 'deliver',
        data: { id: w.id },
        opts: {
          jobId: `${w.id}@${w.dueAt ?? 'now'}`.replace(/:/g, '_'),
          delay: delayOf(w, now),
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    await this.connection.quit().catch(() => undefined);
  }
}
