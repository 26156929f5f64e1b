import { Logger } from '@nestjs/common';
import type { Wakeup, WorkQueue } from './work.queue.js';

const SWEEP_BATCH = 5_000;

export interface WorkRunnerOptions {
  /** What the work is, for logs (`delivery`, `relay`). */
  kind: string;
  /** One attempt at a row; returns what must be woken afterwards (its own retry, the next in line). */
  attempt(id: string): Promise<Wakeup[]>;
  /** Every row that should be in the queue now: due ones and those whose lease ran out (a crash). */
  unfinished(now: string, limit: number): Promise<Wakeup[]>;
  sweepMs: number;
}

/**
 * Runs a work queue over a work table: starts its worker, re-queues every unfinished row at start-up (a
 * crash or restart loses nothing: the rows are the truth), sweeps periodically for wake-ups that were lost,
 * and wakes rows just committed. Deliveries and relays both run on it.
 */
export class WorkRunner {
  private readonly logger: Logger;
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly queue: WorkQueue,
    private readonly options: WorkRunnerOptions,
  ) {
    this.logger = new Logger(`WorkRunner:${options.kind}`);
  }

  async start(): Promise<void> {
    await this.queue.start(async (id) => {
      const next = await this.options.attempt(id);
      if (next.length > 0) await this.queue.enqueue(next);
    });
    await this.sweep();
    this.sweepTimer = setInterval(() => void this.sweep(), this.options.sweepMs);
    this.sweepTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.queue.stop();
  }

  /** Wakes rows just committed. */
  async wake(wakeups: Wakeup[]): Promise<void> {
    if (wakeups.length === 0) return;
    try {
      await this.queue.enqueue(wakeups);
    } catch (error) {
      // The rows are committed; the sweep will find them even if the queue is unreachable now.
      this.logger.warn({ err: error }, `could not wake ${this.options.kind}s; the sweep will`);
    }
  }

  async sweep(): Promise<void> {
    try {
      await this.queue.enqueue(await this.options.unfinished(new Date().toISOString(), SWEEP_BATCH));
    } catch (error) {
      this.logger.warn({ err: error }, `${this.options.kind} sweep failed`);
    }
  }
}
