/**
 * The migration API as the CLI sees it: plain `fetch` over the gateway's REST API, typed after the
 * responses documented in docs/migration.md. The CLI uses nothing the API does not offer to every client.
 */

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

/** An API answer other than 2xx, with the gateway's error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class MigrationClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl.replace(/\/$/, '')}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
    if (!response.ok) {
      const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
      throw new ApiError(response.status, error?.code ?? 'http_error', error?.message ?? text);
    }
    return parsed as T;
  }

  private jobPath(bridgeId: string, jobId?: string): string {
    const base = `/v1/bridges/${encodeURIComponent(bridgeId)}/migrations`;
    return jobId === undefined ? base : `${base}/${encodeURIComponent(jobId)}`;
  }

  start(bridgeId: string, body: Record<string, unknown>): Promise<MigrationJob> {
    return this.request('POST', this.jobPath(bridgeId), body);
  }

  get(bridgeId: string, jobId: string): Promise<MigrationJob> {
    return this.request('GET', this.jobPath(bridgeId, jobId));
  }

  act(bridgeId: string, jobId: string, action: 'pause' | 'resume' | 'cancel'): Promise<MigrationJob> {
    return this.request('POST', `${this.jobPath(bridgeId, jobId)}/${action}`);
  }

  retry(bridgeId: string, jobId: string, kind?: string): Promise<MigrationJob> {
    return this.request('POST', `${this.jobPath(bridgeId, jobId)}/retry`, kind ? { kind } : {});
  }

  async items(
    bridgeId: string,
    jobId: string,
    filter: { kind?: string; status?: string; limit?: number },
  ): Promise<MigrationItem[]> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) if (value !== undefined) query.set(key, String(value));
    const page = await this.request<{ data: MigrationItem[] }>(
      'GET',
      `${this.jobPath(bridgeId, jobId)}/items?${query.toString()}`,
    );
    return page.data;
  }
}
