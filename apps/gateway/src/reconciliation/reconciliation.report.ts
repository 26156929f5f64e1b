import type { ReconciliationRunEntity, UnreadableEntry } from '@im-gateway/persistence';

/** A run as the API and the `reconciliation.completed` event show it. */
export interface ReconciliationReport {
  id: string;
  appId: string;
  trigger: 'manual' | 'scheduled';
  status: ReconciliationRunEntity['status'];
  window: { from: string; to: string };
  source: 'export' | 'conversations';
  /** Messages read from the vendor's history (each once), and what became of them. */
  seen: number;
  matched: number;
  recovered: number;
  unreadable: { count: number; reasons: UnreadableEntry[] };
  /** How far the run is, 0 to 1: through the window (export) or through the conversations. */
  progress: number;
  /** `conversations` source: conversations read so far, of how many. */
  conversations?: { read: number; total: number };
  error: { code: string; message: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

function progressOf(run: ReconciliationRunEntity): number {
  if (run.status === 'completed') return 1;
  const { progress } = run;
  if (progress.source === 'conversations') {
    const total = progress.conversations?.length;
    return total ? Math.min(1, (progress.at ?? 0) / total) : 0;
  }
  const from = Date.parse(run.windowFrom);
  const span = Date.parse(run.windowTo) - from;
  return progress.upTo === undefined || span <= 0
    ? 0
    : Math.min(1, Math.max(0, (progress.upTo - from) / span));
}

export function reportOf(run: ReconciliationRunEntity): ReconciliationReport {
  const { progress } = run;
  return {
    id: run.id,
    appId: run.appId,
    trigger: run.trigger,
    status: run.status,
    window: { from: run.windowFrom, to: run.windowTo },
    source: progress.source,
    progress: progressOf(run),
    seen: run.seen,
    matched: run.matched,
    recovered: run.recovered,
    unreadable: { count: run.unreadableCount, reasons: run.unreadable },
    ...(progress.source === 'conversations' && progress.conversations
      ? {
          conversations: {
            read: Math.min(progress.at ?? 0, progress.conversations.length),
            total: progress.conversations.length,
          },
        }
      : {}),
    error: run.errorCode ? { code: run.errorCode, message: run.errorMessage ?? '' } : null,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}
