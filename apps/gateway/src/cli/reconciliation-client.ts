import type { ReconciliationReport } from '../reconciliation/reconciliation.report.js';
import { queryString, type GatewayApi } from './gateway-api.js';

/** A run as `GET /v1/apps/{appId}/reconciliations/{id}` answers it (docs/reconciliation.md). */
export type ReconciliationRun = ReconciliationReport;

/** A run in one of these states changes no more. */
export const RUN_FINISHED: readonly ReconciliationRun['status'][] = ['completed', 'failed'];

/** The reconciliation API as the CLI sees it. */
export class ReconciliationClient {
  constructor(private readonly api: GatewayApi) {}

  private runsPath(appId: string, runId?: string): string {
    const base = `/v1/apps/${encodeURIComponent(appId)}/reconciliations`;
    return runId === undefined ? base : `${base}/${encodeURIComponent(runId)}`;
  }

  /** Starts a run over `[from, to)`; the API refuses a window the vendor cannot read (`window_invalid`). */
  start(appId: string, body: { from: string; to: string; source?: string }): Promise<ReconciliationRun> {
    return this.api.request('POST', this.runsPath(appId), body);
  }

  get(appId: string, runId: string): Promise<ReconciliationRun> {
    return this.api.request('GET', this.runsPath(appId, runId));
  }

  /** One page of the app's runs, newest first. */
  list(
    appId: string,
    page: { cursor?: string; limit?: number },
  ): Promise<{ data: ReconciliationRun[]; nextCursor: string | null }> {
    return this.api.request('GET', `${this.runsPath(appId)}${queryString(page)}`);
  }
}
