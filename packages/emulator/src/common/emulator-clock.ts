/**
 * The emulator's clock: the `now` option plus an offset a test can move forward at runtime. History that
 * only becomes readable later (Tencent's hourly `get_history` files) needs time to pass, and an emulator
 * in another process (the CLI's) cannot be given a clock function. Tokens and signatures keep the wall
 * clock, so moving this one does not expire a caller's credentials.
 */
export class EmulatorClock {
  private offsetMs = 0;

  constructor(private readonly base: () => number = Date.now) {}

  /** Epoch ms. */
  readonly now = (): number => this.base() + this.offsetMs;

  /** Moves the clock forward; it never goes back, as history is kept in the order it was written. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`the clock only moves forward; got ${ms} ms`);
    this.offsetMs += ms;
  }

  /** Moves the clock forward to `epochMs`. */
  set(epochMs: number): void {
    this.advance(epochMs - this.now());
  }

  /** Back to the `now` option, with no offset (an emulator reset). */
  reset(): void {
    this.offsetMs = 0;
  }

  state(): { now: number; offsetMs: number } {
    return { now: this.now(), offsetMs: this.offsetMs };
  }
}
