/** A delivery to attempt, and when. */
export interface DeliveryWakeup {
  id: string;
  /** When it is due (ISO-8601); null or past = now. */
  dueAt: string | null;
}

/**
 * Wakes workers for deliveries. Only a wake-up: the `deliveries` table is the truth and a claim there decides
 * who attempts, so a wake-up lost (crash) is found again by the sweep, and one given twice is harmless.
 */
export abstract class DeliveryQueue {
  abstract readonly driver: 'memory' | 'bullmq';
  abstract start(handler: (deliveryId: string) => Promise<void>): Promise<void>;
  abstract enqueue(wakeups: DeliveryWakeup[]): Promise<void>;
  abstract stop(): Promise<void>;
}

/** Milliseconds until a wake-up is due (timers cannot wait longer than ~24.8 days; the sweep covers the rest). */
export function delayOf(wakeup: DeliveryWakeup, now = Date.now()): number {
  if (!wakeup.dueAt) return 0;
  return Math.min(Math.max(0, Date.parse(wakeup.dueAt) - now), 2 ** 31 - 1);
}
