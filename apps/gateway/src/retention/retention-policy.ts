import { idBefore, RETENTION_KINDS, type AppSettings, type RetentionKind } from '@im-gateway/persistence';

const DAY_MS = 86_400_000;

/** The days each kind is kept for one app: its own override where it has one, else the gateway's default. */
export function effectiveDays(
  defaults: Readonly<Record<RetentionKind, number>>,
  settings: AppSettings | null,
): Record<RetentionKind, number> {
  const own = settings?.retention ?? {};
  return Object.fromEntries(RETENTION_KINDS.map((kind) => [kind, own[kind] ?? defaults[kind]])) as Record<
    RetentionKind,
    number
  >;
}

/** The id below which rows of a kind kept `days` days are due at `now`; null when kept for ever (0). */
export function cutoffId(days: number, now: Date): string | null {
  return days > 0 ? idBefore(new Date(now.getTime() - days * DAY_MS)) : null;
}

/**
 * The rest after a batch that took `busyMs`, so that deleting takes `sharePercent` of a run's time: the
 * pace holds however slow the batches get (a busy database makes them longer, and the rest with them).
 */
export function restAfter(busyMs: number, sharePercent: number): number {
  return sharePercent >= 100 ? 0 : (busyMs * (100 - sharePercent)) / sharePercent;
}
