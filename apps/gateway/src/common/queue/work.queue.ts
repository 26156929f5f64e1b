/** A piece of work to attempt (a delivery, a relay), and when. */
export interface Wakeup {
  id: string;
  /** When it is due (ISO-8601); null or past = now. */
  dueAt: string | null;
}

/**
 * When an unfinished row (delivery or relay) should be woken: a pending one when it is due; one under way
 * just after its lease ends, when it is claimable if its owner died.
 */
export function unfinishedWakeup(row: {
  id: string;
  next_attempt_at: string | null;
  locked_until: string | null;
}): Wakeup {
  const dueAt = row.locked_until
    ? new Date(Date.parse(row.locked_until) + 50).toISOString()
    : row.next_attempt_at;
  return { id: row.id, dueAt };
}

/**
 * Wakes workers for rows of a work table (deliveries, relays). Only a wake-up: the table is the truth and a
 * claim there decides who attempts, so a wake-up lost (crash) is found again by the sweep, and one given
 * twice is harmless.
 */
export abstract class WorkQueue {
  abstract readonly driver: 'memory' | 'bullmq';
  abstract start(handler: (id: string) => Promise<void>): Promise<void>;
  abstract enqueue(wakeups: Wakeup[]): Promise<void>;
  abstract stop(): Promise<void>;
}

/** Milliseconds until a wake-up is due (timers cannot wait longer than ~24.8 days; the sweep covers the rest). */
export function delayOf(wakeup: Wakeup, now = Date.now()): number {
  if (!wakeup.dueAt) return 0;
  return Math.min(Math.max(0, Date.parse(wakeup.dueAt) - now), 2 ** 31 - 1);
}
