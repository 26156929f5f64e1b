import type { BeforePolicy } from './before-policy.types.js';

/**
 * How long a replica trusts its copy of an app's policy before it asks the database whether the row
 * changed. A write on this replica drops the copy at once; a write on another replica is seen within this
 * time. The check reads two columns by primary key, so it costs at most one cheap query per app per
 * second on the callback path, not one per callback.
 */
export const POLICY_RECHECK_MS = 1_000;

/** Which stored row a copy came from: the version restarts when a policy is deleted and created again. */
export interface PolicyGeneration {
  createdAt: string;
  version: number;
}

interface Entry {
  policy: BeforePolicy | null;
  generation: PolicyGeneration | null;
  checkedAt: number;
}

/** Per-app copies of the stored policies, with the generation each was read at. */
export class BeforePolicyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly writes = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The copy, if it was confirmed current less than `POLICY_RECHECK_MS` ago. */
  fresh(appId: string): { policy: BeforePolicy | null } | undefined {
    const entry = this.entries.get(appId);
    return entry && this.now() - entry.checkedAt < POLICY_RECHECK_MS ? entry : undefined;
  }

  /** The copy, if it was read from the row at `generation`; it is then confirmed current from now. */
  confirm(appId: string, generation: PolicyGeneration | null): { policy: BeforePolicy | null } | undefined {
    const entry = this.entries.get(appId);
    if (!entry || !sameGeneration(entry.generation, generation)) return undefined;
    entry.checkedAt = this.now();
    return entry;
  }

  /**
   * A mark of the app's writes so far: a copy read before a write here must not be kept after it, so `set`
   * takes the mark taken before reading and ignores the copy when a write came in between.
   */
  mark(appId: string): number {
    return this.writes.get(appId) ?? 0;
  }

  set(appId: string, policy: BeforePolicy | null, generation: PolicyGeneration | null, mark: number): void {
    if (mark !== this.mark(appId)) return;
    this.entries.set(appId, { policy, generation, checkedAt: this.now() });
  }

  /** After a write here: the copy goes, and a read that was in flight keeps none. */
  drop(appId: string): void {
    this.entries.delete(appId);
    this.writes.set(appId, this.mark(appId) + 1);
  }
}

function sameGeneration(a: PolicyGeneration | null, b: PolicyGeneration | null): boolean {
  return a === b || (a !== null && b !== null && a.createdAt === b.createdAt && a.version === b.version);
}
