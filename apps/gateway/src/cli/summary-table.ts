import type { MigrationJob } from './migration-client.js';
import { renderTable } from './text-table.js';

/** The closing summary: per kind the counts, then why items were skipped and how items failed. */
export function renderSummary(job: MigrationJob): string {
  const rows = [['kind', 'total', 'done', 'skipped', 'failed', 'pending']];
  for (const kind of job.scope) {
    const p = job.progress[kind];
    if (p) rows.push([kind, p.total, p.done, p.skipped, p.failed, p.pending].map(String));
  }
  const parts = [
    `migration ${job.id}: ${job.status}${job.dryRun ? ' (dry run: nothing written)' : ''}`,
    renderTable(rows),
  ];
  if (job.report.skippedByReason.length > 0)
    parts.push('skipped:', ...job.report.skippedByReason.map((s) => `  ${s.kind}: ${s.count} × ${s.reason}`));
  if (job.report.failedByCode.length > 0)
    parts.push('failed:', ...job.report.failedByCode.map((f) => `  ${f.kind}: ${f.count} × ${f.code}`));
  if (job.error) parts.push(`error: ${job.error.code}: ${job.error.message}`);
  return parts.join('\n');
}
