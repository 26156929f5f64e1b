import { Injectable } from '@nestjs/common';
import {
  BridgeRepository,
  mapPage,
  MigrationItemRepository,
  MigrationJobEntity,
  MigrationJobRepository,
  newId,
  nowIso,
  type BridgeEntity,
  type MigrationItemEntity,
  type MigrationJobStatus,
  type MigrationKindState,
  type Page,
} from '@im-gateway/persistence';
import {
  CapabilityUnsupportedError,
  ImGatewayError,
  MIGRATION_KINDS,
  type MigrationKind,
} from '@im-gateway/types';
import { SecretBox } from '../common/secret-box.js';
import { AppsService } from '../tenancy/apps.service.js';
import { MigrationPlanError, planKinds } from './migration-kinds.plan.js';
import { progressOf, RATE_WINDOW_MS } from './migration-progress.js';
import type { PasswordSetting } from './migration-password.js';
import { MigrationRunner } from './migration.runner.js';
import type {
  MigrationCreateDto,
  MigrationItemQueryDto,
  MigrationItemResponseDto,
  MigrationJobResponseDto,
  MigrationRetryDto,
} from './migration.dto.js';
import { parseUserList } from './user-list.parser.js';

const notFound = (what: string) => new ImGatewayError('not_found', `${what} not found.`);
const conflict = (message: string) => new ImGatewayError('conflict', message);

/**
 * Migration job rules: what a request may ask for (the plan), which status changes are allowed, and the
 * job as the API shows it. The runner does the work; this service only writes the rows it reads.
 */
@Injectable()
export class MigrationsService {
  constructor(
    private readonly jobs: MigrationJobRepository,
    private readonly items: MigrationItemRepository,
    private readonly bridges: BridgeRepository,
    private readonly apps: AppsService,
    private readonly secretBox: SecretBox,
    private readonly runner: MigrationRunner,
  ) {}

  async create(bridgeId: string, dto: MigrationCreateDto): Promise<MigrationJobResponseDto> {
    const bridge = await this.bridge(bridgeId);
    const direction = dto.direction ?? 'forward';
    if (direction === 'reverse' && bridge.direction !== 'both')
      throw new ImGatewayError('invalid_request', 'direction reverse needs a bridge that relays both ways.');
    const [sourceAppId, targetAppId] =
      direction === 'forward'
        ? [bridge.sourceAppId, bridge.targetAppId]
        : [bridge.targetAppId, bridge.sourceAppId];
    const [source, target] = [await this.apps.resolve(sourceAppId), await this.apps.resolve(targetAppId)];
    // Every kind by default, history only with a window: a job of "everything" needs no window to be valid.
    const scope = dto.scope ?? MIGRATION_KINDS.filter((k) => k !== 'history' || dto.history !== undefined);
    const now = nowIso();
    const history = scope.includes('history') ? this.window(dto, now) : null;
    const users =
      dto.users === undefined
        ? null
        : parseUserList(this.userListInput(dto.users), source.provider.capabilities.ids.user);
    const passwords = this.passwords(dto);
    let plans;
    try {
      plans = planKinds({
        scope,
        explicit: dto.scope !== undefined,
        source: {
          displayName: source.provider.displayName,
          migration: source.provider.capabilities.migration,
        },
        target: {
          displayName: target.provider.displayName,
          migration: target.provider.capabilities.migration,
        },
        hasUserList: users !== null,
      });
    } catch (error) {
      if (!(error instanceof MigrationPlanError)) throw error;
      if (error.status === 422)
        throw new CapabilityUnsupportedError(`migration.${error.kind}`, error.message);
      throw new ImGatewayError('invalid_request', error.message, { kind: error.kind });
    }
    const kinds: Record<string, MigrationKindState> = {};
    for (const p of plans)
      kinds[p.kind] = {
        phase: p.read === 'none' ? 'skipped' : 'waiting',
        read: p.read,
        cursor: null,
        reason: p.skipReason,
      };
    const id = newId();
    const job = Object.assign(new MigrationJobEntity(), {
      id,
      bridgeId: bridge.id,
      direction,
      sourceAppId,
      targetAppId,
      scope: plans.map((p) => p.kind),
      historyFrom: history?.from ?? null,
      historyTo: history?.to ?? null,
      dryRun: dto.dryRun ?? false,
      status: 'pending',
      historyState: kinds.history && kinds.history.phase !== 'skipped' ? 'reading' : 'none',
      kinds,
      users,
      passwordSealed: this.secretBox.sealJson(passwords, `migration:${id}`),
      errorCode: null,
      errorMessage: null,
      leaseOwner: null,
      leaseUntil: null,
      createdAt: now,
      updatedAt: now,
      startedAt: null,
      finishedAt: null,
    });
    if (!(await this.jobs.insertIfIdle(job)))
      throw conflict(
        'The bridge has a migration job that is not finished: cancel it or let it finish first.',
      );
    this.runner.wake();
    return this.toResponse(job);
  }

  async list(
    bridgeId: string,
    cursor: string | undefined,
    limit: number | undefined,
  ): Promise<Page<MigrationJobResponseDto>> {
    await this.bridge(bridgeId);
    const page = await this.jobs.page(bridgeId, cursor, limit);
    const data = [];
    for (const job of page.data) data.push(await this.toResponse(job));
    return { data, nextCursor: page.nextCursor };
  }

  async get(bridgeId: string, jobId: string): Promise<MigrationJobResponseDto> {
    return this.toResponse(await this.job(bridgeId, jobId));
  }

  async listItems(
    bridgeId: string,
    jobId: string,
    q: MigrationItemQueryDto,
  ): Promise<Page<MigrationItemResponseDto>> {
    const job = await this.job(bridgeId, jobId);
    const page = await this.items.page(job.id, { kind: q.kind, status: q.status }, q.cursor, q.limit);
    return mapPage(page, (row) => this.itemResponse(row));
  }

  pause(bridgeId: string, jobId: string): Promise<MigrationJobResponseDto> {
    return this.move(bridgeId, jobId, ['pending', 'running'], 'paused');
  }

  /** Resumes a paused job, or a failed one (from where it stopped: its cursors and items are kept). */
  async resume(bridgeId: string, jobId: string): Promise<MigrationJobResponseDto> {
    const job = await this.job(bridgeId, jobId);
    if (
      !(await this.jobs.transition(job.id, ['paused', 'failed'], 'running', nowIso(), { finishedAt: null }))
    )
      throw conflict(`A ${job.status} job cannot be resumed.`);
    await this.jobs.update(job.id, { errorCode: null, errorMessage: null }, nowIso());
    this.runner.wake();
    return this.get(bridgeId, jobId);
  }

  /** Cancels a job; its items stay, as the record of what was and was not moved. */
  cancel(bridgeId: string, jobId: string): Promise<MigrationJobResponseDto> {
    return this.move(bridgeId, jobId, ['pending', 'running', 'paused'], 'cancelled', true);
  }

  /**
   * Failed items back to pending, and the job running again; the runner maps their ids again, so an upload
   * of the missing or refused ids makes them pass.
   */
  async retry(bridgeId: string, jobId: string, dto: MigrationRetryDto): Promise<MigrationJobResponseDto> {
    const job = await this.job(bridgeId, jobId);
    if (job.dryRun) throw conflict('A dry run imports nothing; create a job without dryRun.');
    if (job.status === 'cancelled') throw conflict('A cancelled job cannot be retried; create a new job.');
    const retried = await this.items.retry(job.id, { kind: dto.kind, ids: dto.itemIds }, nowIso());
    if (retried > 0) {
      // The live relay waits for this history again until the retried messages are in.
      if (job.historyState === 'done' && (dto.kind === undefined || dto.kind === 'history'))
        await this.jobs.update(job.id, { historyState: 'importing' }, nowIso());
      await this.jobs.transition(job.id, ['completed', 'failed'], 'running', nowIso(), { finishedAt: null });
      this.runner.wake();
    }
    return this.get(bridgeId, jobId);
  }

  private async move(
    bridgeId: string,
    jobId: string,
    from: MigrationJobStatus[],
    to: MigrationJobStatus,
    finishes = false,
  ): Promise<MigrationJobResponseDto> {
    const job = await this.job(bridgeId, jobId);
    const extra = finishes ? { finishedAt: nowIso() } : {};
    if (!(await this.jobs.transition(job.id, from, to, nowIso(), extra)))
      throw conflict(`A ${job.status} job cannot be ${to === 'paused' ? 'paused' : to}.`);
    return this.get(bridgeId, jobId);
  }

  private async bridge(id: string): Promise<BridgeEntity> {
    const bridge = await this.bridges.find(id);
    if (!bridge) throw notFound('Bridge');
    return bridge;
  }

  private async job(bridgeId: string, jobId: string): Promise<MigrationJobEntity> {
    await this.bridge(bridgeId);
    const job = await this.jobs.find(jobId);
    if (!job || job.bridgeId !== bridgeId) throw notFound('Migration job');
    return job;
  }

  private window(dto: MigrationCreateDto, now: string): { from: string; to: string } {
    if (!dto.history)
      throw new ImGatewayError('validation_failed', 'history is required when the scope has history.', [
        { field: 'history', message: 'history is required when the scope has history' },
      ]);
    const from = new Date(dto.history.from).toISOString();
    const to = dto.history.to ? new Date(dto.history.to).toISOString() : now;
    if (from >= to)
      throw new ImGatewayError('validation_failed', 'history.from must be before history.to.', [
        { field: 'history.from', message: 'must be before history.to' },
      ]);
    return { from, to };
  }

  private userListInput(raw: unknown): string[] | { csv: string } {
    if (Array.isArray(raw)) return raw as string[];
    const csv = (raw as { csv?: unknown } | null)?.csv;
    if (typeof csv === 'string') return { csv };
    throw new ImGatewayError(
      'invalid_user_list',
      'users, line 1: send a JSON array of user ids or {"csv": "…"}.',
      {
        line: 1,
      },
    );
  }

  private passwords(dto: MigrationCreateDto): PasswordSetting {
    const p = dto.passwords;
    if (!p || p.mode === 'random') return { mode: 'random' };
    if (!p.value)
      throw new ImGatewayError('validation_failed', 'passwords.value is required with mode fixed.', [
        { field: 'passwords.value', message: 'is required with mode fixed' },
      ]);
    return { mode: 'fixed', value: p.value };
  }

  private async toResponse(job: MigrationJobEntity): Promise<MigrationJobResponseDto> {
    const since = new Date(Date.now() - RATE_WINDOW_MS).toISOString();
    const counts = await this.items.counts(job.id, since);
    const reasons = await this.items.reasons(job.id);
    return {
      id: job.id,
      bridgeId: job.bridgeId,
      direction: job.direction,
      sourceAppId: job.sourceAppId,
      targetAppId: job.targetAppId,
      scope: job.scope,
      history: job.historyFrom && job.historyTo ? { from: job.historyFrom, to: job.historyTo } : null,
      dryRun: job.dryRun,
      status: job.status,
      createdAt: job.createdAt,
      updatedAt: job.updatedAt,
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
      error: job.errorCode ? { code: job.errorCode, message: job.errorMessage ?? '' } : null,
      progress: progressOf(job.kinds, job.scope as MigrationKind[], counts),
      report: {
        skippedByReason: reasons.skipped.map((r) => ({ kind: r.kind, reason: r.key, count: r.count })),
        failedByCode: reasons.failed.map((r) => ({ kind: r.kind, code: r.key, count: r.count })),
      },
    };
  }

  private itemResponse(row: MigrationItemEntity): MigrationItemResponseDto {
    return {
      id: row.id,
      kind: row.kind,
      sourceId: row.sourceKey,
      targetId: row.targetId,
      status: row.status,
      reason: row.reason,
      error: row.errorCode
        ? {
            code: row.errorCode,
            message: row.errorMessage ?? '',
            ...(row.vendorCode ? { vendorCode: row.vendorCode } : {}),
          }
        : null,
      attempts: row.attempts,
      updatedAt: row.updatedAt,
    };
  }
}
