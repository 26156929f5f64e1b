/**
 * How much later than booked a paced call may reach the vendor, learned per schedule from the calls it
 * made.
 *
 * A call waits for its booked moment, but then wakes late (a busy event loop, a timer's resolution), may
 * wait for another limit of the same API, and travels to the vendor, which counts arrivals in its own
 * sliding window. If every call arrives between 0 and `d` after its booking, any vendor window of
 * `perSeconds` holds only calls booked within `perSeconds` + `d`: a schedule whose window is that long
 * never earns a 429. `d` cannot be seen from here (the vendor does not say when a call arrived), but it is
 * bounded: a call arrives after it leaves and before its answer comes back, so its offset is at most its
 * lateness (booked → sent) plus its round trip (sent → answered). The guard is the largest of each over
 * the last `SAMPLES` calls, plus a margin: a near vendor's schedule gives up a few percent of a per-second
 * budget instead of the 9 % that a fixed 100 ms cost, and a far or slow one gets the longer guard it needs.
 *
 * The guard never goes below `FLOOR_MS`: calls are booked ahead of their answers (a backlog books them
 * all at once), so a delay that grows between booking and arrival is met only by what the guard already
 * holds. A schedule that has not seen `MIN_SAMPLES` answers uses at least `DEFAULT_GUARD_MS`, the fixed
 * guard this replaced, and a vendor rate limit that still happens (the bound was wrong: a vendor that
 * counts at the end of its processing, say) doubles the guard, up to `CEILING_MS`, for the next `SAMPLES`
 * calls.
 */
export const DEFAULT_GUARD_MS = 100;
export const FLOOR_MS = 40;
export const CEILING_MS = 1000;
/** Lateness allowed even when none was seen: a timer alone wakes a millisecond or two late. */
export const LATENESS_FLOOR_MS = 10;
export const MARGIN_MS = 5;
export const SAMPLES = 128;
export const MIN_SAMPLES = 16;
/** Guards are whole steps, so a schedule holds few distinct ones (`vendor-pacer.ts`). */
export const STEP_MS = 10;

/** The last `SAMPLES` values, and their maximum. */
class RecentMax {
  private readonly values = new Float64Array(SAMPLES);
  private next = 0;
  count = 0;

  push(value: number): void {
    this.values[this.next] = value;
    this.next = (this.next + 1) % SAMPLES;
    this.count = Math.min(this.count + 1, SAMPLES);
  }

  max(): number {
    let most = 0;
    for (let i = 0; i < this.count; i++) most = Math.max(most, this.values[i]!);
    return most;
  }
}

interface Observed {
  lateness: RecentMax;
  trips: RecentMax;
}

/** The guards of this process's schedules, keyed as the schedules are. */
export class ArrivalGuards {
  private readonly observed = new Map<string, Observed>();

  /** The guard to book the next call of `key` with, in ms. */
  guardMs(key: string): number {
    const o = this.observed.get(key);
    if (!o) return DEFAULT_GUARD_MS;
    const learned = Math.max(LATENESS_FLOOR_MS, o.lateness.max()) + o.trips.max() + MARGIN_MS;
    const least = o.trips.count < MIN_SAMPLES ? DEFAULT_GUARD_MS : FLOOR_MS;
    return Math.min(CEILING_MS, Math.max(least, Math.ceil(learned / STEP_MS) * STEP_MS));
  }

  /**
   * How late a call booked with `guardMs` may wake and still go: what the guard leaves beside the round
   * trip. A call woken later books again (its missed slot stays booked, which only errs on the safe side),
   * and its lateness widens the guard for the calls after it.
   */
  latenessAllowedMs(key: string, guardMs: number): number {
    const o = this.observed.get(key);
    if (!o || o.trips.count === 0) return guardMs / 2;
    return Math.max(0, guardMs - o.trips.max() - MARGIN_MS);
  }

  /** A call of `key` left (or woke, to book again) `ms` after its booked moment. */
  recordLateness(key: string, ms: number): void {
    this.of(key).lateness.push(Math.max(0, ms));
  }

  /** A call of `key` was answered (or failed) `ms` after it left. */
  recordTrip(key: string, ms: number): void {
    this.of(key).trips.push(Math.max(0, ms));
  }

  /** The vendor refused a call of `key` for its rate: double the guard. */
  recordVendorLimit(key: string): void {
    const guard = this.guardMs(key);
    const o = this.of(key);
    // Counted as a round trip, so it ages out with the others.
    o.trips.push(Math.min(CEILING_MS, 2 * guard));
  }

  private of(key: string): Observed {
    let o = this.observed.get(key);
    if (!o) {
      o = { lateness: new RecentMax(), trips: new RecentMax() };
      this.observed.set(key, o);
    }
    return o;
  }
}
