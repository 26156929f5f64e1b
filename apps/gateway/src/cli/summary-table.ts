import type { MigrationJob } from './migration-client.js';

/** Pads a table of strings into aligned columns; the first row is the header. */
export function renderTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)));
  const [header, ...body] = rows;
  return [
    line(header!).join('  '),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map((r) => line(r).join('  ')),
  ].join('\n');
}

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
