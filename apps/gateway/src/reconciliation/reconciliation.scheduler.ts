import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import {
  AppRepository,
  MessageReceiptRepository,
  ReconciliationRunRepository,
} from '@im-gateway/persistence';
import { ProviderRegistry } from '../providers/provider-registry.js';
import { nextScheduledWindow, scheduleOf } from './reconcile-window.js';
import { ReconciliationRunner } from './reconciliation.runner.js';
import { newRun, sourceFor } from './reconciliations.service.js';

/** How often each process looks for windows due (replicas racing create one run: `schedule_key` is unique). */
const TICK_MS = 60_000;
/** Windows created per app per tick at most: a gateway back from a long stop catches up over a few ticks. */
const CATCH_UP = 24;
/**
 * Receipts are needed only while a vendor can still show the message in its history; the longest window
 * any provider declares is 7 days, and a day more covers scheduling delays. Pruned once an hour.
 */
const RECEIPT_DAYS = 8;
const PRUNE_EVERY_MS = 3_600_000;
/** Receipts deleted per statement; the next batch waits for the event loop's other work. */
const PRUNE_BATCH = 5_000;

/** Creates the scheduled runs of apps with `reconcile.enabled`, and prunes receipts past any history. */
@Injectable()
export class ReconciliationScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReconciliationScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private lastPrune = 0;

  constructor(
    private readonly apps: AppRepository,
    private readonly registry: ProviderRegistry,
    private readonly runs: ReconciliationRunRepository,
    private readonly receipts: MessageReceiptRepository,
    private readonly runner: ReconciliationRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
    void this.tick();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One round: the windows now due for every scheduled app. Public for tests. */
  async tick(now = Date.now()): Promise<number> {
    let created = 0;
    try {
      for (const app of await this.apps.all()) {
        const settings = app.settings?.reconcile;
        const provider = this.registry.find(app.provider);
        const capabilities = provider?.capabilities.reconcile;
        if (!settings?.enabled || !capabilities || app.disabled) continue;
        const schedule = scheduleOf(capabilities, settings);
        const last = await this.runs.lastScheduledEnd(app.id);
        let end = last === null ? null : Date.parse(last);
        for (let i = 0; i < CATCH_UP; i++) {
          const window = nextScheduledWindow(schedule, capabilities, end, now);
          if (!window) break;
          if (
            await this.runs.insertScheduled(
              newRun(app.id, window, sourceFor(capabilities, window, now, undefined), 'scheduled'),
            )
          )
            created += 1;
          end = window.to;
        }
      }
      if (now - this.lastPrune >= PRUNE_EVERY_MS) {
        this.lastPrune = now;
        const before = new Date(now - RECEIPT_DAYS * 86_400_000).toISOString();
        while ((await this.receipts.pruneBefore(before, PRUNE_BATCH)) === PRUNE_BATCH)
          await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'reconciliation scheduling failed; trying again next tick');
    }
    if (created > 0) this.runner.wake();
    return created;
  }
}
