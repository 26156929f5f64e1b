import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import {
  EventRepository,
  IngestRepository,
  newId,
  nowIso,
  ReconciliationRunRepository,
  type ReconciliationCursor,
  type ReconciliationRunEntity,
} from '@im-gateway/persistence';
import type { HistoryMessage, MigrationPage } from '@im-gateway/types';
import { eventRow } from '../callbacks/callback-events.mapper.js';
import { DeliveryFanout } from '../endpoints/delivery/delivery-fanout.js';
import { DeliveryScheduler } from '../endpoints/delivery/delivery.scheduler.js';
import { VendorCallExecutor } from '../messages/vendor-call.executor.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { AppsService, type ResolvedApp } from '../tenancy/apps.service.js';
import { addUnreadable, HistoryRecovery } from './history-recovery.js';
import { reportOf } from './reconciliation.report.js';

/** A run's lease, renewed by heartbeat while this process works on it (as migration jobs and relays). */
export const RECONCILE_LEASE_MS = 8_000;
const HEARTBEAT_MS = 2_000;
const POLL_MS = 1_000;
/** One page's deadline: long, as the limiter makes calls wait for the app's budget (10 a minute on Easemob). */
const PAGE_DEADLINE_MS = 10 * 60_000;
/** The `conversations` source: how far before a window to look for conversations that had traffic. */
const CONVERSATION_LOOKBACK_MS = 24 * 3_600_000;
/** The `conversations` source: direct messages scanned for the pairs of users to read, newest first. */
const MAX_DIRECT_SCANNED = 50_000;
const STOP_WAIT_MS = 2_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Runs reconciliation runs: a loop in each gateway process claims one run's lease at a time and reads the
 * vendor's history a page at a time, recovering what is missing (`HistoryRecovery`) and storing its
 * progress and counts after each page. A page cut short by a crash is read again by whoever takes the lease
 * next, harmlessly: what it stored holds receipts. At the end, the run's report is published as the event
 * `reconciliation.completed` to the app's endpoints that subscribe to it.
 */
@Injectable()
export class ReconciliationRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReconciliationRunner.name);
  private readonly owner = newId();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly runs: ReconciliationRunRepository,
    private readonly events: EventRepository,
    private readonly ingest: IngestRepository,
    private readonly apps: AppsService,
    private readonly executor: VendorCallExecutor,
    private readonly recovery: HistoryRecovery,
    private readonly fanout: DeliveryFanout,
    private readonly deliveries: DeliveryScheduler,
    private readonly metrics: MetricsService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.timer.unref();
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.running) await Promise.race([this.running, sleep(STOP_WAIT_MS)]);
  }

  /** Looks for work now (a run was created). */
  wake(): void {
    if (this.running || this.stopped) return;
    this.running = this.loop()
      .catch((error: unknown) => this.logger.error({ err: error }, 'reconciliation runner loop failed'))
      .finally(() => (this.running = null));
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const now = Date.now();
      const id = await this.runs.claim(
        this.owner,
        new Date(now).toISOString(),
        new Date(now + RECONCILE_LEASE_MS).toISOString(),
      );
      if (!id) return;
      await this.runLeased(id);
    }
  }

  private async runLeased(id: string): Promise<void> {
    let lost = false;
    const heartbeat = setInterval(() => {
      this.runs.renew(id, this.owner, new Date(Date.now() + RECONCILE_LEASE_MS).toISOString()).then(
        (held) => (lost ||= !held),
        (error: unknown) => this.logger.warn({ err: error, runId: id }, 'reconciliation lease not renewed'),
      );
    }, HEARTBEAT_MS);
    heartbeat.unref();
    let run: ReconciliationRunEntity | null = null;
    let app: ResolvedApp | null = null;
    try {
      run = await this.runs.findById(id);
      if (!run) return;
      app = await this.apps.resolve(run.appId);
      if (run.status === 'pending')
        await this.runs.save(
          id,
          this.owner,
          { status: 'running', startedAt: run.startedAt ?? nowIso() },
          nowIso(),
        );
      while (!this.stopped && !lost) {
        const done = await this.page(app, run);
        if (!(await this.runs.save(id, this.owner, this.progressOf(run), nowIso()))) return;
        if (done) {
          await this.complete(app, run);
          return;
        }
      }
    } catch (error) {
      const e = error as { code?: unknown; message?: unknown };
      const code = typeof e?.code === 'string' ? e.code : 'internal_error';
      const message = (typeof e?.message === 'string' ? e.message : String(error)).slice(0, 2000);
      this.logger.warn({ err: error, runId: id }, 'reconciliation run failed');
      if (
        run &&
        !lost &&
        (await this.runs.finish(
          id,
          this.owner,
          'failed',
          { ...this.progressOf(run), errorCode: code, errorMessage: message },
          nowIso(),
        ))
      ) {
        this.metrics.reconciliationRuns.inc({ provider: app?.app.provider ?? 'unknown', status: 'failed' });
        if (app)
          await this.publish(app, {
            ...run,
            status: 'failed',
            errorCode: code,
            errorMessage: message,
            finishedAt: nowIso(),
          });
      }
    } finally {
      clearInterval(heartbeat);
      if (!lost && this.stopped) await this.runs.release(id, this.owner).catch(() => undefined);
    }
  }

  private progressOf(run: ReconciliationRunEntity): Partial<ReconciliationRunEntity> {
    const { progress, seen, matched, recovered, unreadableCount, unreadable } = run;
    return { progress, seen, matched, recovered, unreadableCount, unreadable };
  }

  /** Reads and recovers one page; true when the run has read everything. Mutates the run's progress and counts. */
  private async page(app: ResolvedApp, run: ReconciliationRunEntity): Promise<boolean> {
    const window = { from: Date.parse(run.windowFrom), to: Date.parse(run.windowTo) };
    const ctx = this.executor.context(app.provider, app.app.id, PAGE_DEADLINE_MS);
    const progress: ReconciliationCursor = run.progress;
    let page: MigrationPage<HistoryMessage>;
    if (progress.source === 'export') {
      const reader = app.provider.migration?.reader;
      if (!reader)
        throw Object.assign(new Error(`${app.app.provider} cannot read its history.`), {
          code: 'capability_unsupported',
        });
      page = await reader.history(app.config, window, progress.cursor, ctx);
    } else {
      const read = app.provider.reconciliation?.conversationHistory;
      if (!read)
        throw Object.assign(new Error(`${app.app.provider} cannot read history by conversation.`), {
          code: 'capability_unsupported',
        });
      if (progress.conversations === undefined) {
        progress.conversations = await this.events.messageConversations(
          app.app.id,
          new Date(window.from - CONVERSATION_LOOKBACK_MS).toISOString(),
          new Date().toISOString(),
          MAX_DIRECT_SCANNED,
        );
        progress.at = 0;
      }
      const conversation = progress.conversations[progress.at ?? 0];
      if (!conversation) return true;
      try {
        page = await read(app.config, conversation, window, progress.cursor, ctx);
      } catch (error) {
        // One conversation the vendor refuses (a group since deleted) does not stop the run: it is reported.
        const e = error as { code?: unknown; message?: unknown };
        if (e?.code !== 'vendor_rejected') throw error;
        const reason = `A conversation could not be read: ${String(e.message)}`;
        addUnreadable(run.unreadable, {
          reason,
          count: 1,
          examples: [`${conversation.type}:${conversation.id}`],
        });
        run.unreadableCount += 1;
        page = { items: [], next: null };
      }
      if (page.next === null) {
        progress.at = (progress.at ?? 0) + 1;
        progress.cursor = null;
      } else progress.cursor = page.next;
    }
    const outcome = await this.recovery.recover(app, run.id, page.items, progress.source);
    run.seen += outcome.seen;
    run.matched += outcome.matched;
    run.recovered += outcome.recovered;
    for (const entry of outcome.unreadable) {
      run.unreadableCount += entry.count;
      addUnreadable(run.unreadable, entry);
    }
    if (progress.source === 'export') {
      // The export is read oldest hour first: the newest send time read so far says how far the run is.
      for (const m of page.items) progress.upTo = Math.max(progress.upTo ?? 0, m.sentAt);
      progress.cursor = page.next;
      return page.next === null;
    }
    return (progress.at ?? 0) >= (progress.conversations?.length ?? 0);
  }

  private async complete(app: ResolvedApp, run: ReconciliationRunEntity): Promise<void> {
    const finishedAt = nowIso();
    if (!(await this.runs.finish(run.id, this.owner, 'completed', this.progressOf(run), finishedAt))) return;
    this.metrics.reconciliationRuns.inc({ provider: app.app.provider, status: 'completed' });
    this.logger.log(
      { runId: run.id, appId: app.app.id, seen: run.seen, recovered: run.recovered },
      'reconciliation run completed',
    );
    await this.publish(app, { ...run, status: 'completed', finishedAt });
  }

  /** The run's report as the event `reconciliation.completed`, delivered to the endpoints subscribed to it. */
  private async publish(app: ResolvedApp, run: ReconciliationRunEntity): Promise<void> {
    const now = nowIso();
    const row = eventRow(
      {
        type: 'reconciliation.completed',
        occurredAt: run.finishedAt ?? now,
        dedupeKey: `reconciliation:${run.id}`,
        data: { run: reportOf(run) },
        raw: null,
      },
      app.app.id,
      app.app.provider,
      now,
      null,
    );
    const deliveries = await this.fanout.deliveriesFor(app.app.id, [row], now);
    await this.ingest.storeRecovered({ events: [row], deliveries, relays: [] });
    void this.deliveries.wake(deliveries.map((d) => ({ id: d.id, dueAt: d.nextAttemptAt })));
  }
}
