interface Waiting<I, O> {
  item: I;
  resolve(result: O): void;
  reject(error: unknown): void;
}

export interface StatementBatcherOptions<I, O> {
  /** Runs a batch of two or more in one statement; returns one result per item, in order. */
  batch(items: I[]): Promise<O[]>;
  /** Runs one item alone: a batch of one, and each item of a batch that failed. */
  one(item: I): Promise<O>;
  /** Items per batch at most. */
  maxBatch: number;
  /** Batches in flight at once (each holds one pooled connection). */
  maxInFlight: number;
}

/**
 * Group commit for one kind of statement: calls made in the same turn of the event loop, or while the
 * batches in flight use all their slots, share the next statement. Every caller's promise settles only after
 * that statement did. If a batch fails, each of its items runs again alone, so an error reaches only the
 * caller that caused it. Written here rather than taken from a library: the batching libraries (DataLoader
 * and the like) batch reads by key and cache them, where this batches writes and must never cache.
 */
export class StatementBatcher<I, O> {
  private pending: Waiting<I, O>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(private readonly options: StatementBatcherOptions<I, O>) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.pending.length === 0 || this.inFlight >= this.options.maxInFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.pending.length > 0 && this.inFlight < this.options.maxInFlight) {
        const group = this.pending.splice(0, this.options.maxBatch);
        this.inFlight++;
        void this.run(group).finally(() => {
          this.inFlight--;
          this.schedule();
        });
      }
    });
  }

  private async run(group: Waiting<I, O>[]): Promise<void> {
    if (group.length === 1) {
      const [only] = group as [Waiting<I, O>];
      await this.options.one(only.item).then(only.resolve, only.reject);
      return;
    }
    let results: O[];
    try {
      results = await this.options.batch(group.map((w) => w.item));
    } catch {
      await Promise.all(group.map((w) => this.options.one(w.item).then(w.resolve, w.reject)));
      return;
    }
    group.forEach((w, i) => w.resolve(results[i]!));
  }
}
