import { Logger } from '@nestjs/common';
import { currentRequestId, runWithRequestId } from '../request-context.js';
import { WorkQueue, delayOf, type Wakeup } from './work.queue.js';

/** The in-process queue of a single gateway: timers for due times, a bounded number of attempts at once. */
export class MemoryWorkQueue extends WorkQueue {
  readonly driver = 'memory' as const;
  private readonly logger: Logger;
  private handler: ((id: string) => Promise<void>) | null = null;
  private readonly timers = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  private readonly ready: string[] = [];
  private readonly readySet = new Set<string>();
  /** The request each waiting row was woken for (see `request-context.ts`); the latest wake-up wins. */
  private readonly requestIds = new Map<string, string | undefined>();
  private running = 0;
  private stopped = false;
  private idle: (() => void) | null = null;

  constructor(
    private readonly concurrency: number,
    /** What the work is, for logs (`delivery`, `relay`). */
    private readonly kind = 'work',
  ) {
    super();
    this.logger = new Logger(`MemoryWorkQueue:${kind}`);
  }

  async start(handler: (id: string) => Promise<void>): Promise<void> {
    this.handler = handler;
  }

  async enqueue(wakeups: Wakeup[]): Promise<void> {
    const now = Date.now();
    const requestId = currentRequestId();
    for (const w of wakeups) {
      if (requestId || !this.requestIds.has(w.id)) this.requestIds.set(w.id, requestId);
      const delay = delayOf(w, now);
      if (delay === 0) {
        this.makeReady(w.id);
        continue;
      }
      const at = now + delay;
      const existing = this.timers.get(w.id);
      if (existing && existing.at <= at) continue; // an earlier wake-up is already set
      if (existing) clearTimeout(existing.timer);
      const timer = setTimeout(() => {
        this.timers.delete(w.id);
        this.makeReady(w.id);
      }, delay);
      timer.unref();
      this.timers.set(w.id, { at, timer });
    }
    this.pump();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.ready.length = 0;
    this.readySet.clear();
    this.requestIds.clear();
    if (this.running > 0) await new Promise<void>((resolve) => (this.idle = resolve));
  }

  private makeReady(id: string): void {
    if (this.readySet.has(id)) return;
    this.readySet.add(id);
    this.ready.push(id);
    this.pump();
  }

  private pump(): void {
    while (!this.stopped && this.handler && this.running < this.concurrency && this.ready.length > 0) {
      const id = this.ready.shift()!;
      this.readySet.delete(id);
      const requestId = this.requestIds.get(id);
      this.requestIds.delete(id);
      this.running++;
      const handler = this.handler;
      runWithRequestId(requestId, () => handler(id))
        .catch((error: unknown) => this.logger.error({ err: error, id }, `${this.kind} attempt crashed`))
        .finally(() => {
          this.running--;
          if (this.running === 0 && this.idle) this.idle();
          this.pump();
        });
    }
  }
}
