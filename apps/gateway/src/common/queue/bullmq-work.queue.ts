import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { currentRequestId, runWithRequestId } from '../request-context.js';
import { WorkQueue, delayOf, type Wakeup } from './work.queue.js';

/**
 * BullMQ on Redis: every gateway replica runs a worker on one shared queue, so the work spreads over
 * replicas. Job ids are `<row id>@<due time>`, so replicas sweeping the same due row add one job.
 */
export class BullmqWorkQueue extends WorkQueue {
  readonly driver = 'bullmq' as const;
  private readonly connection: Redis;
  private readonly queue: Queue;
  private worker: Worker | null = null;
  private workerConnection: Redis | null = null;

  constructor(
    redisUrl: string,
    /** The BullMQ queue name (`imgw-deliveries`, `imgw-relays`). */
    private readonly name: string,
    private readonly concurrency: number,
    prefix = 'imgw',
  ) {
    super();
    // BullMQ's blocking commands need maxRetriesPerRequest: null.
    this.connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.queue = new Queue(this.name, { connection: this.connection, prefix });
  }

  async start(handler: (id: string) => Promise<void>): Promise<void> {
    // A worker blocks its connection while it waits for jobs, so it gets one of its own.
    this.workerConnection = this.connection.duplicate({ maxRetriesPerRequest: null });
    this.worker = new Worker(
      this.name,
      async (job) => {
        const { id, requestId } = job.data as { id: string; requestId?: string };
        return runWithRequestId(requestId, () => handler(id));
      },
      {
        connection: this.workerConnection,
        prefix: this.queue.opts.prefix,
        concurrency: this.concurrency,
        // A job of a dead worker is handed out again after 5-10 s instead of BullMQ's 30-60 s. The row's own
        // lease decides who attempts, so a job re-run too early only finds its row taken.
        lockDuration: 10_000,
        stalledInterval: 5_000,
      },
    );
    await this.worker.waitUntilReady();
  }

  async enqueue(wakeups: Wakeup[]): Promise<void> {
    if (wakeups.length === 0) return;
    const now = Date.now();
    // The request that caused the work rides along, so the attempt's log lines name it on any replica.
    const requestId = currentRequestId();
    await this.queue.addBulk(
      wakeups.map((w) => ({
        name: 'attempt',
        data: requestId ? { id: w.id, requestId } : { id: w.id },
        opts: {
          jobId: `${w.id}@${w.dueAt ?? 'now'}`.replace(/:/g, '_'),
          delay: delayOf(w, now),
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }

  /** BullMQ leaves connections it was given open: they are closed here, or the process would not exit. */
  async stop(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    await Promise.all(
      [this.connection, this.workerConnection].map((c) => c?.quit().catch(() => c.disconnect())),
    );
  }
}
