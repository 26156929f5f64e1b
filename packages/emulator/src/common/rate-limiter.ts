/**
 * Sliding-window counters (exact, not fixed buckets, so a burst that straddles a second boundary
 * is judged the way a test expects). Each key keeps the times and weights of its recent events.
 */
export class SlidingWindowLimiter {
  private readonly windows = new Map<
    string,
    { at: number[]; weight: number[]; head: number; total: number }
  >();

  /** `clock`: the emulator's own (its `now` option), so a test can hold time still for a burst. */
  constructor(private readonly clock: () => number = Date.now) {}

  /**
   * Adds `weight` events under `key` unless that would exceed `limit` within `windowMs`;
   * answers whether they were admitted.
   */
  take(key: string, limit: number, windowMs: number, weight = 1, now = this.clock()): boolean {
    let w = this.windows.get(key);
    if (!w) {
      w = { at: [], weight: [], head: 0, total: 0 };
      this.windows.set(key, w);
    }
    while (w.head < w.at.length && (w.at[w.head] ?? 0) <= now - windowMs) {
      w.total -= w.weight[w.head] ?? 0;
      w.head++;
    }
    if (w.head > 1024 && w.head * 2 > w.at.length) {
      w.at = w.at.slice(w.head);
      w.weight = w.weight.slice(w.head);
      w.head = 0;
    }
    if (w.total + weight > limit) return false;
    w.at.push(now);
    w.weight.push(weight);
    w.total += weight;
    return true;
  }

  clear(): void {
    this.windows.clear();
  }
}
