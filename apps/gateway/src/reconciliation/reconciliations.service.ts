import { Injectable } from '@nestjs/common';
import {
  mapPage,
  newId,
  nowIso,
  ReconciliationRunEntity,
  ReconciliationRunRepository,
  type ReconciliationCursor,
} from '@im-gateway/persistence';
import {
  CapabilityUnsupportedError,
  ImGatewayError,
  type ReconcileCapabilities,
  type ReconcileSource,
} from '@im-gateway/types';
import { AppsService, type ResolvedApp } from '../tenancy/apps.service.js';
import type {
  ReconciliationCreateDto,
  ReconciliationListResponseDto,
  ReconciliationResponseDto,
} from './reconciliation.dto.js';
import { reportOf } from './reconciliation.report.js';
import { checkWindow } from './reconcile-window.js';
import { ReconciliationRunner } from './reconciliation.runner.js';

const MINUTE = 60_000;

/** The reconciliation capabilities of an app's provider; 422 when it has none. */
export function reconcileCapabilities(app: ResolvedApp): ReconcileCapabilities {
  const capabilities = app.provider.capabilities.reconcile;
  if (!capabilities || !app.provider.reconciliation)
    throw new CapabilityUnsupportedError(
      'reconcile',
      `${app.provider.displayName} history cannot be read back for reconciliation.`,
    );
  return capabilities;
}

/**
 * Where a run reads: the caller's choice when the vendor offers it, else the export once the whole window
 * is older than the vendor's export delay (before that an hour's file may be missing or partial, and a
 * missing file reads as "no messages"), else the conversations where the vendor can read those.
 */
export function sourceFor(
  capabilities: ReconcileCapabilities,
  window: { to: number },
  now: number,
  requested: ReconcileSource | undefined,
): ReconcileSource {
  if (requested !== undefined) {
    if (!capabilities.sources.includes(requested))
      throw new ImGatewayError('window_invalid', `This vendor's history cannot be read by ${requested}.`, [
        { field: 'source', message: `one of: ${capabilities.sources.join(', ')}` },
      ]);
    return requested;
  }
  const exportReady = window.to <= now - capabilities.exportDelayMinutes * MINUTE;
  if (!exportReady && capabilities.sources.includes('conversations')) return 'conversations';
  return 'export';
}

/** A new run row, pending, over a window in epoch ms. */
export function newRun(
  appId: string,
  window: { from: number; to: number },
  source: ReconcileSource,
  trigger: 'manual' | 'scheduled',
): ReconciliationRunEntity {
  const now = nowIso();
  const progress: ReconciliationCursor = { source, cursor: null };
  return Object.assign(new ReconciliationRunEntity(), {
    id: newId(),
    appId,
    trigger,
    scheduleKey: trigger === 'scheduled' ? new Date(window.from).toISOString() : null,
    windowFrom: new Date(window.from).toISOString(),
    windowTo: new Date(window.to).toISOString(),
    status: 'pending',
    progress,
    seen: 0,
    matched: 0,
    recovered: 0,
    unreadableCount: 0,
    unreadable: [],
    errorCode: null,
    errorMessage: null,
    leaseOwner: null,
    leaseUntil: null,
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    finishedAt: null,
  });
}

@Injectable()
export class ReconciliationsService {
  constructor(
    private readonly runs: ReconciliationRunRepository,
    private readonly apps: AppsService,
    private readonly runner: ReconciliationRunner,
  ) {}

  async create(appId: string, dto: ReconciliationCreateDto): Promise<ReconciliationResponseDto> {
    const app = await this.apps.resolve(appId);
    const capabilities = reconcileCapabilities(app);
    const now = Date.now();
    const window = checkWindow(dto.from, dto.to, capabilities, now);
    const run = newRun(appId, window, sourceFor(capabilities, window, now, dto.source), 'manual');
    await this.runs.insert(run);
    this.runner.wake();
    return reportOf(run);
  }

  async get(appId: string, id: string): Promise<ReconciliationResponseDto> {
    await this.apps.resolve(appId);
    const run = await this.runs.find(appId, id);
    if (!run) throw new ImGatewayError('not_found', `App ${appId} has no reconciliation run ${id}.`);
    return reportOf(run);
  }

  async list(
    appId: string,
    cursor: string | undefined,
    limit: number | undefined,
  ): Promise<ReconciliationListResponseDto> {
    await this.apps.resolve(appId);
    return mapPage(await this.runs.page(appId, cursor, limit), reportOf);
  }
}
