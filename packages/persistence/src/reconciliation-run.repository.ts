import { ReconciliationRunEntity, type ReconciliationStatus } from './entities/reconciliation-run.entity.js';
import { isUniqueViolation } from './errors.js';
import { findPage, type Page } from './pagination.js';
import type { Transactor } from './transactor.js';

/**
 * The `reconciliation_runs` table. A run executes in one gateway process at a time, the holder of its
 * lease, renewed by heartbeat; a run whose lease ran out (its process died) is taken over by any replica
 * and goes on from the progress stored after its last page.
 */
export class ReconciliationRunRepository {
  constructor(private readonly transactor: Transactor) {}

  async insert(run: ReconciliationRunEntity): Promise<void> {
    await this.transactor.write((m) => m.insert(ReconciliationRunEntity, run));
  }

  /** Inserts a scheduled run unless the app has one with the same `schedule_key`; answers whether it did. */
  async insertScheduled(run: ReconciliationRunEntity): Promise<boolean> {
    try {
      await this.insert(run);
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  findById(id: string): Promise<ReconciliationRunEntity | null> {
    return this.transactor.read((m) => m.findOneBy(ReconciliationRunEntity, { id }));
  }

  find(appId: string, id: string): Promise<ReconciliationRunEntity | null> {
    return this.transactor.read((m) => m.findOneBy(ReconciliationRunEntity, { appId, id }));
  }

  page(
    appId: string,
    cursor: string | undefined,
    limit: number | undefined,
  ): Promise<Page<ReconciliationRunEntity>> {
    return this.transactor.read((m) => findPage(m, ReconciliationRunEntity, { appId }, cursor, limit));
  }

  /** The end of the app's latest scheduled window, if it has had one. */
  async lastScheduledEnd(appId: string): Promise<string | null> {
    const rows = await this.transactor.query<{ end: string | null }>(
      `SELECT MAX(window_to) AS "end" FROM reconciliation_runs WHERE app_id = $1 AND trigger = 'scheduled'`,
      [appId],
    );
    return rows[0]?.end ?? null;
  }

  /**
   * Takes the lease of one runnable run (pending, or running with its lease run out), oldest first, in one
   * conditional UPDATE, so two replicas racing for a run cannot both win it.
   */
  async claim(owner: string, now: string, leaseUntil: string): Promise<string | null> {
    const rows = await this.transactor.query<{ id: string }>(
      `UPDATE reconciliation_runs SET lease_owner = $1, lease_until = $2
       WHERE id = (SELECT id FROM reconciliation_runs
                   WHERE status IN ('pending', 'running') AND (lease_until IS NULL OR lease_until < $3)
                   ORDER BY id LIMIT 1)
         AND (lease_until IS NULL OR lease_until < $4)
       RETURNING id`,
      [owner, leaseUntil, now, now],
    );
    return rows[0]?.id ?? null;
  }

  /** Extends `owner`'s lease on a run; false when another process has taken it over. */
  async renew(id: string, owner: string, leaseUntil: string): Promise<boolean> {
    const rows = await this.transactor.query<{ id: string }>(
      `UPDATE reconciliation_runs SET lease_until = $1 WHERE id = $2 AND lease_owner = $3 RETURNING id`,
      [leaseUntil, id, owner],
    );
    return rows.length > 0;
  }

  /**
   * Writes the fields given while `owner` holds the run's lease, stamping `updated_at`; false when it does
   * not (the run was taken over, and its new holder's progress must not be overwritten).
   */
  async save(
    id: string,
    owner: string,
    patch: Partial<Omit<ReconciliationRunEntity, 'id' | 'appId'>>,
    now: string,
  ): Promise<boolean> {
    return this.transactor.write(async (m) => {
      const result = await m.update(
        ReconciliationRunEntity,
        { id, leaseOwner: owner },
        { ...patch, updatedAt: now },
      );
      return (result.affected ?? 0) > 0;
    });
  }

  /** Ends a run (completed or failed) and gives up its lease, if `owner` still holds it. */
  finish(
    id: string,
    owner: string,
    status: Extract<ReconciliationStatus, 'completed' | 'failed'>,
    patch: Partial<Omit<ReconciliationRunEntity, 'id' | 'appId'>>,
    now: string,
  ): Promise<boolean> {
    return this.save(
      id,
      owner,
      { ...patch, status, finishedAt: now, leaseOwner: null, leaseUntil: null },
      now,
    );
  }

  /** Gives up a lease without ending the run (shutdown): another process may go on at once. */
  async release(id: string, owner: string): Promise<void> {
    await this.transactor.query(
      `UPDATE reconciliation_runs SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2 RETURNING id`,
      [id, owner],
    );
  }
}
