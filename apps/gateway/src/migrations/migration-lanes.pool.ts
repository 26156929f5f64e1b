/**
 * The import lanes of one kind as a pool: up to `lanes` batches in flight, and a new batch starts as soon as
 * any lane frees up. A step that waited for all its lanes before reading the next ones (`Promise.allSettled`
 * over a fixed set) idled the lanes that ended first while its slowest one finished, and the vendor's
 * budget went unused for that time; a pool keeps calls waiting at the limiter instead.
 *
 * Pure scheduling, free of the database and the framework: the import step says what a batch is, which keys
 * (conversations, or rows of no conversation) it holds, how to read fresh batches and how to import one.
 */
export interface LaneWork<B> {
  /**
   * Batches of the next pending items, none holding a key in `busy` (the keys of the batches in flight when
   * the read began). `pending` false: nothing at all is pending, the kind is over.
   */
  next(busy: ReadonlySet<string>): Promise<{ batches: B[]; pending: boolean }>;
  /** The keys a batch holds while it is in flight: no other batch holding one of them starts meanwhile. */
  keysOf(batch: B): readonly string[];
  /** Imports one batch and records its results; a rejection stops the pool (see `runLanes`). */
  run(batch: B): Promise<void>;
  /** Asked before each batch starts: false (paused, cancelled, lease lost, shutting down) starts no more. */
  proceed(): Promise<boolean>;
}

/** How a pool ended: `over` when nothing was pending any more (the kind is done). */
export interface LanesEnd {
  batches: number;
  over: boolean;
}

/**
 * Runs batches until nothing is pending, `proceed` answers false, or a batch fails. Every batch started
 * has ended before this returns or throws (a failed one's error goes up after the others have recorded
 * their results), so nothing is left running between steps.
 */
export async function runLanes<B>(lanes: number, work: LaneWork<B>): Promise<LanesEnd> {
  const busy = new Set<string>();
  const running = new Set<Promise<void>>();
  const queue: B[] = [];
  let failure: { error: unknown } | null = null;
  let batches = 0;
  let over = false;
  const anyLane = () => Promise.race(running);
  for (;;) {
    if (failure) break;
    if (running.size >= lanes) {
      await anyLane();
      continue;
    }
    if (!(await work.proceed())) break;
    if (queue.length === 0) {
      // The keys in flight now are excluded: rows read while their batch runs may be finished under us.
      const fresh = await work.next(new Set(busy));
      queue.push(...fresh.batches);
      if (queue.length === 0) {
        over = !fresh.pending;
        // Only what is in flight is pending (a conversation's next rows wait for its batch): wait for it.
        if (over || running.size === 0) break;
        await anyLane();
        continue;
      }
    }
    const batch = queue.shift()!;
    const keys = work.keysOf(batch);
    for (const k of keys) busy.add(k);
    const lane: Promise<void> = work
      .run(batch)
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => {
        for (const k of keys) busy.delete(k);
        running.delete(lane);
      });
    running.add(lane);
    batches += 1;
  }
  await Promise.all(running);
  if (failure) throw (failure as { error: unknown }).error;
  return { batches, over };
}
