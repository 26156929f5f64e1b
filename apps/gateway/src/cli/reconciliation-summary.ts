import type { ReconciliationRun } from './reconciliation-client.js';
import { renderTable } from './text-table.js';

/**
 * The closing summary of a run: its window and source, the counts (`seen` = `matched` + `recovered` +
 * `unreadable`), then why messages were unreadable, with a few examples each, and the run's error.
 */
export function renderRunSummary(run: ReconciliationRun): string {
  const parts = [
    `reconciliation ${run.id}: ${run.status} (${run.source}, ${run.window.from} to ${run.window.to})`,
    renderTable([
      ['seen', 'matched', 'recovered', 'unreadable'],
      [run.seen, run.matched, run.recovered, run.unreadable.count].map(String),
    ]),
  ];
  if (run.conversations)
    parts.push(`conversations read: ${run.conversations.read}/${run.conversations.total}`);
  if (run.unreadable.reasons.length > 0)
    parts.push(
      'unreadable:',
      ...run.unreadable.reasons.map(
        (r) => `  ${r.count} × ${r.reason}${r.examples.length > 0 ? ` (e.g. ${r.examples.join(', ')})` : ''}`,
      ),
    );
  if (run.error) parts.push(`error: ${run.error.code}: ${run.error.message}`);
  return parts.join('\n');
}

/** The runs of `list`, one row each, newest first as the API gives them. */
export function renderRunList(runs: readonly ReconciliationRun[]): string {
  const rows = [['run', 'status', 'trigger', 'source', 'from', 'to', 'seen', 'recovered', 'unreadable']];
  for (const run of runs)
    rows.push([
      run.id,
      run.status,
      run.trigger,
      run.source,
      run.window.from,
      run.window.to,
      String(run.seen),
      String(run.recovered),
      String(run.unreadable.count),
    ]);
  return renderTable(rows);
}
