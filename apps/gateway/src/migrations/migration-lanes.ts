/**
 * The import lanes of one kind: `lanes` workers, each taking the next unit of work (a group, owner or
 * conversation, or a chunk of items of a kind imported without one) and importing it whole before it takes
 * another, until every source is exhausted, a unit says stop, or one fails.
 *
 * Why units are handed out rather than batches: a source is a cursor that moves past each unit it hands out,
 * so a conversation belongs to one lane for the whole pass, and its messages go out in order without any
 * bookkeeping of what is in flight. (Batches picked from the pending rows by every lane need that bookkeeping,
 * and a batch read while another of its conversation was still being recorded could start beside it.)
 *
 * Why several sources: a kind may import through more than one vendor API, each with a budget of its own
 * (one-to-one and group history). The lanes spread over the sources, so every API has calls waiting at the
 * limiter instead of one API's units running while the other's wait for them.
 *
 * Pure scheduling, free of the database and the framework (the import step says what a unit is).
 */

/** A cursor over units: each call gives the next ones in order, an empty array when there are none left. */
export type LaneSource<U> = () => Promise<readonly U[]>;

export interface LanePlan<U> {
  lanes: number;
  sources: readonly LaneSource<U>[];
  /**
   * How much work each source has, by index (e.g. the vendor calls its units need); lanes are shared in
   * proportion while two or more sources have units. None: equal.
   */
  weights?: readonly number[];
  /** Imports one unit whole and records its results; false: start no more units (paused, cancelled, …). */
  run(unit: U): Promise<boolean>;
}

/** How a pass ended: `stopped` when a unit said stop, so units may be left (else every source ran dry). */
export interface LanesEnd {
  units: number;
  stopped: boolean;
}

class SourceState<U> {
  /** Lanes on one of this source's units now, or waiting for its read. */
  lanes = 0;
  private readonly buffer: U[] = [];
  private exhausted = false;
  private filling: Promise<void> | null = null;

  constructor(private readonly source: LaneSource<U>) {}

  /** Whether the source has nothing left (its last read came back empty, or failed). */
  get dry(): boolean {
    return this.exhausted && this.buffer.length === 0;
  }

  /** The next unit, reading more when none is buffered (one read at a time); null when the source is dry. */
  async take(): Promise<U | null> {
    while (this.buffer.length === 0 && !this.exhausted) {
      this.filling ??= this.source().then(
        (units) => {
          if (units.length === 0) this.exhausted = true;
          else this.buffer.push(...units);
        },
        (error: unknown) => {
          // A failed read ends the source; the error goes up through the lane that waited for it.
          this.exhausted = true;
          throw error;
        },
      );
      const filling = this.filling;
      try {
        await filling;
      } finally {
        if (this.filling === filling) this.filling = null;
      }
    }
    return this.buffer.shift() ?? null;
  }
}

/**
 * Runs a pass. Every unit started has ended before this returns or throws (the first error goes up after the
 * other lanes have finished the unit they were on, its results recorded), so nothing is left running.
 */
export async function runLanes<U>(plan: LanePlan<U>): Promise<LanesEnd> {
  const states = plan.sources.map((s) => new SourceState(s));
  let turn = 0;
  let units = 0;
  let stopped = false;
  let failure: { error: unknown } | null = null;

  /**
   * The next unit, from the source with the fewest lanes for its weight (ties in turn), skipping dry ones;
   * null when all are dry. Balancing by lanes, not by units taken, matters when units differ in length: lanes
   * taking sources strictly in turn would end up on the source with the long units (a few large groups)
   * while the other's many short conversations waited, and its API's budget went unused. Weighing by work
   * matters when one source has far less: its lanes would run it to its end first, on the same CPU the other
   * source needs to keep its API busy, and then leave that API alone to set the pace anyway.
   */
  const weight = (i: number) => Math.max(Number.MIN_VALUE, plan.weights?.[i] ?? 1);
  const next = async (): Promise<{ unit: U; from: SourceState<U> } | null> => {
    const first = turn++;
    const order = states
      .map((state, i) => ({
        state,
        // A source without a lane comes first, however light: each API keeps at least one lane busy.
        load: state.lanes === 0 ? 0 : (state.lanes + 1) / weight(i),
        rotation: (i - first + states.length * 2) % states.length,
      }))
      .sort((a, b) => a.load - b.load || a.rotation - b.rotation);
    for (const { state } of order) {
      if (state.dry) continue;
      // Counted before the read, so lanes that wait for the same read spread over the other sources.
      state.lanes += 1;
      let unit: U | null;
      try {
        unit = await state.take();
      } catch (error) {
        state.lanes -= 1;
        throw error;
      }
      if (unit !== null) return { unit, from: state };
      state.lanes -= 1;
    }
    return null;
  };

  const lane = async (): Promise<void> => {
    while (!stopped && failure === null) {
      let taken: { unit: U; from: SourceState<U> } | null;
      try {
        taken = await next();
      } catch (error) {
        failure ??= { error };
        return;
      }
      if (taken === null) return;
      try {
        if (stopped || failure !== null) return;
        units += 1;
        if (!(await plan.run(taken.unit))) stopped = true;
      } catch (error) {
        failure ??= { error };
      } finally {
        taken.from.lanes -= 1;
      }
    }
  };

  await Promise.all(Array.from({ length: Math.max(1, plan.lanes) }, lane));
  if (failure) throw (failure as { error: unknown }).error;
  return { units, stopped };
}
