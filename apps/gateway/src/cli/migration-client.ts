import { queryString, type GatewayApi } from './gateway-api.js';

/** The migration API as the CLI sees it, typed after the responses documented in docs/migration.md. */

export interface KindProgress {
  phase: 'waiting' | 'reading' | 'importing' | 'done' | 'skipped';
  total: number;
  done: number;
  skipped: number;
  failed: number;
  pending: number;
  ratePerSecond: number;
  etaSeconds: number | null;
}

export type JobStatus = 'pending' | 'running' | 'paused' | 'cancelled' | 'completed' | 'failed';

export interface MigrationJob {
  id: string;
  bridgeId: string;
  direction: 'forward' | 'reverse';
  scope: string[];
  dryRun: boolean;
  status: JobStatus;
  error: { code: string; message: string } | null;
  progress: Record<string, KindProgress>;
  report: {
    skippedByReason: { kind: string; reason: string; count: number }[];
    failedByCode: { kind: string; code: string; count: number }[];
  };
}

export interface MigrationItem {
  id: string;
  kind: string;
  sourceId: string;
  targetId: string | null;
  status: string;
  reason: string | null;
  error: { code: string; message: string } | null;
}

export const FINISHED: readonly JobStatus[] = ['completed', 'cancelled', 'failed'];

export class MigrationClient {
  constructor(private readonly api: GatewayApi) {}

  private jobPath(bridgeId: string, jobId?: string): string {
    const base = `/v1/bridges/${encodeURIComponent(bridgeId)}/migrations`;
    return jobId === undefined ? base : `${base}/${encodeURIComponent(jobId)}`;
  }

  start(bridgeId: string, body: Record<string, unknown>): Promise<MigrationJob> {
    return this.api.request('POST', this.jobPath(bridgeId), body);
  }

  get(bridgeId: string, jobId: string): Promise<MigrationJob> {
    return this.api.request('GET', this.jobPath(bridgeId, jobId));
  }

  act(bridgeId: string, jobId: string, action: 'pause' | 'resume' | 'cancel'): Promise<MigrationJob> {
    return this.api.request('POST', `${this.jobPath(bridgeId, jobId)}/${action}`);
  }

  retry(bridgeId: string, jobId: string, kind?: string): Promise<MigrationJob> {
    return this.api.request('POST', `${this.jobPath(bridgeId, jobId)}/retry`, kind ? { kind } : {});
  }

  async items(
    bridgeId: string,
    jobId: string,
    filter: { kind?: string; status?: string; limit?: number },
  ): Promise<MigrationItem[]> {
    const page = await this.api.request<{ data: MigrationItem[] }>(
      'GET',
      `${this.jobPath(bridgeId, jobId)}/items${queryString(filter)}`,
    );
    return page.data;
  }
}
