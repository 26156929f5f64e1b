import type { MigrationItemCount, MigrationKindState, MigrationPhase } from '@im-gateway/persistence';
import type { MigrationKind } from '@im-gateway/types';

/** The window the rate is measured over: items finished in the last minute. */
export const RATE_WINDOW_MS = 60_000;

export interface KindProgress {
  phase: MigrationPhase;
  total: number;
  done: number;
  skipped: number;
  failed: number;
  pending: number;
  ratePerSecond: number;
  etaSeconds: number | null;
  /** Why the whole kind is skipped (the source cannot read it, or the target cannot import it), else null. */
  reason: string | null;
}

/**
 * Each kind's progress from its phase and the item counts (one aggregate query): the rate is what finished
 * in the last `RATE_WINDOW_MS`, the ETA what is pending at that rate (null while nothing moves).
 */
export function progressOf(
  kinds: Record<string, MigrationKindState>,
  scope: readonly MigrationKind[],
  counts: readonly MigrationItemCount[],
): Record<string, KindProgress> {
  const out: Record<string, KindProgress> = {};
  for (const kind of scope) {
    const of = counts.filter((c) => c.kind === kind);
    const n = (status: string) => of.find((c) => c.status === status)?.count ?? 0;
    const recent = of.reduce((sum, c) => sum + c.recent, 0);
    const pending = n('pending');
    const ratePerSecond = Math.round((recent / (RATE_WINDOW_MS / 1000)) * 100) / 100;
    out[kind] = {
      phase: kinds[kind]?.phase ?? 'waiting',
      total: of.reduce((sum, c) => sum + c.count, 0),
      done: n('done'),
      skipped: n('skipped'),
      failed: n('failed'),
      pending,
      ratePerSecond,
      etaSeconds: pending === 0 ? 0 : ratePerSecond > 0 ? Math.ceil(pending / ratePerSecond) : null,
      reason: kinds[kind]?.reason ?? null,
    };
  }
  return out;
}
