import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import {
  BridgeRepository,
  MigrationItemRepository,
  MigrationJobRepository,
  newId,
  nowIso,
  type MigrationJobEntity,
  type MigrationKindState,
} from '@im-gateway/persistence';
import { MIGRATION_KINDS, type MigrationKind } from '@im-gateway/types';
import { SecretBox } from '../common/secret-box.js';
import { VendorCallExecutor } from '../messages/vendor-call.executor.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { AppsService } from '../tenancy/apps.service.js';
import type { JobRun } from './migration-job.context.js';
import { MigrationImportStep } from './migration-importer.step.js';
import { passwordPolicy, type PasswordPolicy, type PasswordSetting } from './migration-password.js';
import { MigrationReadStep } from './migration-reader.step.js';

/**
 * A job's lease lasts 8 s and is renewed every 2 s while this process works on it, as relays are: a process
 * that dies stops renewing, and another replica (or this one restarted) takes the job over within seconds.
 */
export const MIGRATION_LEASE_MS = 8_000;
export const MIGRATION_HEARTBEAT_MS = 2_000;
/** How often an idle runner looks for a job (a create, resume or retry on this process wakes it at once). */
const POLL_MS = 1_000;
/**
 * The deadline of one page or batch: long, as the limiter makes calls wait for the app's budget (shared by
 * every replica through Redis) rather than exceed the vendor's documented rate.
 */
export const BATCH_DEADLINE_MS = 10 * 60_000;
/** How stale the job's status may be when an import lane starts a run (see `proceed` in `runLeased`). */
const RECHECK_MS = 100;
/** On shutdown, how long the step under way may take to end before the process goes (its lease then runs out). */
const STOP_WAIT_MS = 2_000;

/**
 * A step refused for the vendor's rate limit after the executor's own retries waits this long (then longer)
 * and is done again, rather than failing the job: a budget counted per minute (Easemob's history export, 10
 * calls a minute) can be spent by a process that crashed, whose limiter state died with it when no Redis is
 * shared. Steps are idempotent, so doing one again is safe; after the last pause the job fails as before.
 */
const RATE_LIMIT_PAUSES_MS = [5_000, 15_000, 30_000, 60_000, 60_000];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Runs migration jobs: a loop in each gateway process claims one job's lease at a time and works through it
 * one step at a time — a page read, or a pass over a kind's pending items in `IMPORT_LANES` lanes, each lane
 * on a conversation (or group, or owner) of its own — in the order of `MIGRATION_KINDS`, rereading the job's
 * row before each step and, at most `RECHECK_MS` old, before each run of batches, so a pause or cancel takes
 * effect between runs. Every step leaves the job
 * resumable: a read stores its items and then its cursor, an import records each item's result; a step cut
 * short by a crash is done again by whoever takes the lease next (items are inserted idempotently, and the
 * writers answer `exists` for what the target already has).
 */
@Injectable()
export class MigrationRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MigrationRunner.name);
  private readonly owner = newId();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly jobs: MigrationJobRepository,
    private readonly items: MigrationItemRepository,
    private readonly bridges: BridgeRepository,
    private readonly apps: AppsService,
    private readonly executor: VendorCallExecutor,
    private readonly reader: MigrationReadStep,
    private readonly importer: MigrationImportStep,
    private readonly secretBox: SecretBox,
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
    // A step that does not end in time keeps its lease only until the lease runs out: no heartbeat after this.
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.running) await Promise.race([this.running, sleep(STOP_WAIT_MS)]);
  }

  /** Looks for work now (a job was created, resumed or retried). */
  wake(): void {
    if (this.running || this.stopped) return;
    this.running = this.loop()
      .catch((error: unknown) => this.logger.error({ err: error }, 'migration runner loop failed'))
      .finally(() => (this.running = null));
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const now = Date.now();
      const id = await this.jobs.claim(
        this.owner,
        new Date(now).toISOString(),
        new Date(now + MIGRATION_LEASE_MS).toISOString(),
      );
      if (!id) return;
      await this.runLeased(id);
    }
  }

  private async runLeased(id: string): Promise<void> {
    let lost = false;
    const heartbeat = (this.heartbeat = setInterval(() => {
      const until = new Date(Date.now() + MIGRATION_LEASE_MS).toISOString();
      this.jobs.renew(this.owner, [id], until).then(
        (held) => (lost ||= held.length === 0),
        (error: unknown) => this.logger.warn({ err: error, jobId: id }, 'migration lease not renewed'),
      );
    }, MIGRATION_HEARTBEAT_MS));
    heartbeat.unref();
    let run: JobRun | null = null;
    let limited = 0;
    let checkedAt = 0;
    // Whether the import lanes may start another run: the process is not stopping, the lease is held, and the
    // job still runs (its row reread at most every `RECHECK_MS`, not once per run of every lane).
    const proceed = async (): Promise<boolean> => {
      if (this.stopped || lost) return false;
      if (Date.now() - checkedAt < RECHECK_MS) return true;
      checkedAt = Date.now();
      const job = await this.jobs.find(id);
      return job?.status === 'running' && !this.stopped && !lost;
    };
    try {
      while (!this.stopped && !lost) {
        const job = await this.jobs.find(id);
        checkedAt = Date.now();
        if (!job || (job.status !== 'pending' && job.status !== 'running')) break;
        run = run === null ? await this.prepare(job) : Object.assign(run, { job });
        if (!run) break;
        try {
          if (!(await this.step(run, proceed))) break;
          limited = 0;
        } catch (error) {
          const pause = RATE_LIMIT_PAUSES_MS[limited++];
          if ((error as { code?: unknown })?.code !== 'vendor_rate_limited' || pause === undefined)
            throw error;
          this.logger.warn(
            { err: error, jobId: id, pauseMs: pause },
            'migration step rate limited; done again',
          );
          await sleep(pause);
        }
      }
    } catch (error) {
      const e = error as { code?: unknown; message?: unknown };
      const code = typeof e?.code === 'string' ? e.code : 'internal_error';
      const message = typeof e?.message === 'string' ? e.message : String(error);
      this.logger.warn({ err: error, jobId: id }, 'migration job failed');
      if (!lost)
        await this.jobs.transition(id, ['running', 'pending'], 'failed', nowIso(), {
          finishedAt: nowIso(),
          error: { code, message },
        });
    } finally {
      clearInterval(heartbeat);
      if (!lost) await this.jobs.release(id, this.owner).catch(() => undefined);
    }
  }

  /** The job's bridge and apps; a job whose bridge is gone fails. */
  private async prepare(job: MigrationJobEntity): Promise<JobRun | null> {
    if (job.status === 'pending') {
      await this.jobs.transition(job.id, ['pending'], 'running', nowIso());
      await this.jobs.update(job.id, { startedAt: job.startedAt ?? nowIso() }, nowIso());
      job.status = 'running';
    }
    const bridge = await this.bridges.find(job.bridgeId);
    if (!bridge) {
      await this.fail(job, 'not_found', 'the bridge was deleted');
      return null;
    }
    const [source, target] = [
      await this.apps.resolve(job.sourceAppId),
      await this.apps.resolve(job.targetAppId),
    ];
    return {
      job,
      bridge,
      source,
      target,
      context: (app) => this.executor.context(app.provider, app.app.id, BATCH_DEADLINE_MS),
    };
  }

  private async fail(job: MigrationJobEntity, code: string, message: string): Promise<void> {
    await this.jobs.transition(job.id, ['running', 'pending'], 'failed', nowIso(), {
      finishedAt: nowIso(),
      error: { code, message },
    });
  }

  /** One step of a job; false when there is nothing more to do now. */
  private async step(run: JobRun, proceed: () => Promise<boolean>): Promise<boolean> {
    const { job } = run;
    const kind = MIGRATION_KINDS.find((k) => {
      const phase = job.kinds[k]?.phase;
      return phase !== undefined && phase !== 'done' && phase !== 'skipped';
    });
    if (!kind) {
      if (await this.reopen(run)) return true;
      if (await this.jobs.transition(job.id, ['running'], 'completed', nowIso(), { finishedAt: nowIso() }))
        await this.jobs.update(
          job.id,
          { historyState: job.historyState === 'none' ? 'none' : 'done' },
          nowIso(),
        );
      return false;
    }
    const state = job.kinds[kind]!;
    switch (state.phase) {
      case 'waiting':
        await this.setPhase(run, kind, { ...state, phase: 'reading' });
        return true;
      case 'reading': {
        if (!(await this.reader.page(run, kind))) return true;
        const phase = job.dryRun ? 'done' : 'importing';
        await this.setPhase(
          run,
          kind,
          { ...job.kinds[kind]!, phase },
          kind === 'history' ? phase : undefined,
        );
        return true;
      }
      case 'importing': {
        const end = await this.importer.pass(run, kind, this.passwords(job), {
          proceed,
          recorded: (results) => {
            for (const r of results) this.metrics.migrationItems.inc({ kind, outcome: r.status });
          },
        });
        if (!end.stopped)
          await this.setPhase(
            run,
            kind,
            { ...state, phase: 'done' },
            kind === 'history' ? 'done' : undefined,
          );
        return true;
      }
      default:
        return true;
    }
  }

  /**
   * Before a job completes: kinds with pending items again (a retry while the job ran) import once more,
   * in order. A dry run leaves its items pending: they are the plan.
   */
  private async reopen(run: JobRun): Promise<boolean> {
    if (run.job.dryRun) return false;
    const counts = await this.items.counts(run.job.id, nowIso());
    const open = MIGRATION_KINDS.filter((k) =>
      counts.some((c) => c.kind === k && c.status === 'pending' && c.count > 0),
    );
    if (open.length === 0) return false;
    const kinds = { ...run.job.kinds };
    for (const k of open) kinds[k] = { ...kinds[k]!, phase: 'importing' };
    run.job.kinds = kinds;
    const patch: Partial<MigrationJobEntity> = { kinds };
    if (open.includes('history')) patch.historyState = run.job.historyState = 'importing';
    await this.jobs.update(run.job.id, patch, nowIso());
    return true;
  }

  private async setPhase(
    run: JobRun,
    kind: MigrationKind,
    state: MigrationKindState,
    history?: 'importing' | 'done',
  ): Promise<void> {
    run.job.kinds = { ...run.job.kinds, [kind]: state };
    const patch: Partial<MigrationJobEntity> = { kinds: run.job.kinds };
    if (history) patch.historyState = run.job.historyState = history;
    await this.jobs.update(run.job.id, patch, nowIso());
  }

  private passwords(job: MigrationJobEntity): PasswordPolicy {
    const setting: PasswordSetting = job.passwordSealed
      ? this.secretBox.openJson<PasswordSetting>(job.passwordSealed, `migration:${job.id}`)
      : { mode: 'random' };
    return passwordPolicy(setting);
  }
}
