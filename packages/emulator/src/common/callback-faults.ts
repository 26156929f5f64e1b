import { prng } from '../seed/seed-spec.js';
import { isObject } from './http-helpers.js';

/**
 * A fault on the post-event callbacks an emulator fires on its own (after-send, recall...): the lost ones
 * never reach the receiver, as if the vendor had given up after every retry. Reconciliation tests need
 * callbacks lost on purpose and a list of exactly which, to check the gateway recovered them from history.
 * Before-callbacks are never lost: the vendor waits for their answer, so losing one is a different fault.
 */
export interface CallbackFaultSpec {
  /** Share of matching callbacks lost, 0..1, drawn from a PRNG seeded with `seed`. */
  dropRate?: number;
  /** The PRNG's seed (an unsigned 32-bit integer; default 1): one seed, one sequence of losses. */
  seed?: number;
  /** Every matching callback is lost until the fault is cleared: the vendor stops firing for a time. */
  paused?: boolean;
  /** Only callbacks of these kinds (`CallbackAttempt.kind`: Easemob `chat`/`recall`, a Tencent command). */
  kinds?: string[];
}

/** A callback the fault lost: no HTTP request was made for it. */
export interface DroppedCallback {
  vendor: 'easemob' | 'tencent';
  app: string;
  kind: string;
  /** The URL it would have been posted to. */
  url: string;
  body: unknown;
  /** Why: the fault was paused, or the draw fell under `dropRate`. */
  reason: 'paused' | 'dropRate';
  /** Epoch ms (wall clock, like `CallbackAttempt.at`). */
  at: number;
}

type Outgoing = Pick<DroppedCallback, 'vendor' | 'app' | 'kind' | 'url' | 'body'>;

const FIELDS = ['dropRate', 'seed', 'paused', 'kinds'];
const DEFAULT_SEED = 1;
const MAX_DROPPED = 10_000;

/** Checks a spec from a request body or a caller; answers it cleaned, or what is wrong with it. */
export function readCallbackFaultSpec(
  raw: unknown,
): { ok: true; spec: CallbackFaultSpec } | { ok: false; error: string } {
  if (!isObject(raw))
    return { ok: false, error: 'body must be a JSON object { dropRate?, seed?, paused?, kinds? }' };
  const unknown = Object.keys(raw).filter((key) => !FIELDS.includes(key));
  if (unknown.length > 0)
    return { ok: false, error: `unknown field ${unknown.join(', ')}; expected ${FIELDS.join(', ')}` };
  const { dropRate, seed, paused, kinds } = raw;
  if (dropRate !== undefined && (typeof dropRate !== 'number' || !(dropRate >= 0 && dropRate <= 1)))
    return { ok: false, error: `dropRate must be a number from 0 to 1, got ${JSON.stringify(dropRate)}` };
  if (
    seed !== undefined &&
    !(Number.isInteger(seed) && (seed as number) >= 0 && (seed as number) <= 0xffffffff)
  )
    return { ok: false, error: `seed must be an integer from 0 to 4294967295, got ${JSON.stringify(seed)}` };
  if (paused !== undefined && typeof paused !== 'boolean')
    return { ok: false, error: `paused must be true or false, got ${JSON.stringify(paused)}` };
  if (
    kinds !== undefined &&
    (!Array.isArray(kinds) || kinds.length === 0 || !kinds.every((k) => typeof k === 'string' && k !== ''))
  )
    return { ok: false, error: 'kinds must be a non-empty array of callback kinds (strings)' };
  if (dropRate === undefined && paused !== true)
    return { ok: false, error: 'a callback fault needs dropRate (0..1) or paused: true' };
  return {
    ok: true,
    spec: {
      ...(dropRate !== undefined ? { dropRate } : {}),
      ...(seed !== undefined ? { seed: seed as number } : {}),
      ...(paused !== undefined ? { paused } : {}),
      ...(kinds !== undefined ? { kinds: [...(kinds as string[])] } : {}),
    },
  };
}

/**
 * The callback fault of one emulator (at most one at a time: setting replaces it) and the record of what
 * it lost. The PRNG is the seed generator's hand-written mulberry32: a few lines, already here, and
 * reproducible across Node versions, which `Math.random` is not (and it cannot be seeded).
 */
export class CallbackFaults {
  private spec: CallbackFaultSpec | null = null;
  private random: () => number = prng(DEFAULT_SEED);
  private readonly lost: DroppedCallback[] = [];

  /** Replaces the fault and restarts its PRNG; throws a TypeError for a spec `readCallbackFaultSpec` refuses. */
  set(raw: CallbackFaultSpec): CallbackFaultSpec {
    const read = readCallbackFaultSpec(raw);
    if (!read.ok) throw new TypeError(read.error);
    this.spec = read.spec;
    this.random = prng(read.spec.seed ?? DEFAULT_SEED);
    return read.spec;
  }

  /** Removes the fault; what it lost stays listed. */
  clear(): void {
    this.spec = null;
  }

  get(): CallbackFaultSpec | null {
    return this.spec ? { ...this.spec } : null;
  }

  /** Every callback lost so far, oldest first. */
  dropped(): DroppedCallback[] {
    return this.lost.map((item) => ({ ...item }));
  }

  /** Removes the fault and forgets what it lost. */
  reset(): void {
    this.clear();
    this.lost.length = 0;
  }

  /**
   * Whether this callback is lost; a lost one is recorded. The PRNG draws only for callbacks the fault
   * applies to, so a seed gives the same losses however many other kinds are fired in between.
   */
  drops(callback: Outgoing): boolean {
    const spec = this.spec;
    if (!spec || (spec.kinds && !spec.kinds.includes(callback.kind))) return false;
    let reason: DroppedCallback['reason'] | undefined;
    if (spec.paused) reason = 'paused';
    else if (spec.dropRate !== undefined && this.random() < spec.dropRate) reason = 'dropRate';
    if (!reason) return false;
    const { vendor, app, kind, url, body } = callback;
    this.lost.push({ vendor, app, kind, url, body, reason, at: Date.now() });
    // Bounded like the attempt log.
    if (this.lost.length > MAX_DROPPED) this.lost.splice(0, 1_000);
    return true;
  }
}
