import { In } from 'typeorm';
import {
  MigrationJobEntity,
  UNFINISHED_JOB_STATUSES,
  type MigrationJobStatus,
} from './entities/migration-job.entity.js';
import { findPage, type Page } from './pagination.js';
import type { Transactor } from './transactor.js';

/**
 * The `migration_jobs` table. A job runs in one gateway process at a time: the process holds its lease
 * (`lease_owner`, `lease_until`), renews it by heartbeat, and a lease that runs out (the process died) lets
 * any replica take the job over. Status changes from the API are plain updates the runner reads between
 * batches.
 */
export class MigrationJobRepository {
  constructor(private readonly transactor: Transactor) {}

  async insert(job: MigrationJobEntity): Promise<void> {
    await this.transactor.write((m) => m.insert(MigrationJobEntity, job));
  }

  /**
   * Inserts a job unless its bridge has an unfinished one (dry runs aside, which may always start); returns
   * whether it was inserted. One transaction that first takes a lock on the bridge's jobs on PostgreSQL (an
   * advisory lock, held to the end of the transaction; SQLite runs its transactions one at a time), so two
   * requests racing cannot both start a job.
   */
  async insertIfIdle(job: MigrationJobEntity): Promise<boolean> {
    return this.transactor.transaction(async (m) => {
      if (!job.dryRun) {
        if (this.transactor.engine === 'postgres')
          await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`migration_jobs:${job.bridgeId}`]);
        const busy = await m.findOneBy(MigrationJobEntity, {
          bridgeId: job.bridgeId,
          dryRun: false,
          status: In([...UNFINISHED_JOB_STATUSES]),
        });
        if (busy) return false;
      }
      await m.insert(MigrationJobEntity, job);
      return true;
    });
  }

  find(id: string): Promise<MigrationJobEntity | null> {
    return this.transactor.read((m) => m.findOneBy(MigrationJobEntity, { id }));
  }

  /** The bridge's job that is not finished yet (dry runs aside), if any. */
  unfinished(bridgeId: string): Promise<MigrationJobEntity | null> {
    return this.transactor.read((m) =>
      m.findOneBy(MigrationJobEntity, {
        bridgeId,
        dryRun: false,
        status: In([...UNFINISHED_JOB_STATUSES]),
      }),
    );
  }

  page(
    bridgeId: string,
    cursor: string | undefined,
    limit: number | undefined,
  ): Promise<Page<MigrationJobEntity>> {
    return this.transactor.read((m) => findPage(m, MigrationJobEntity, { bridgeId }, cursor, limit));
  }

  /** Writes the fields given (the runner's progress, a status change), stamping `updated_at`. */
  async update(id: string, patch: Partial<MigrationJobEntity>, now: string): Promise<void> {
    await this.transactor.write((m) => m.update(MigrationJobEntity, { id }, { ...patch, updatedAt: now }));
  }

  /**
   * Moves a job from one of `from` to `to` in one conditional statement, so a pause racing a completion
   * cannot overwrite it. Returns whether the job moved.
   */
  async transition(
    id: string,
    from: readonly MigrationJobStatus[],
    to: MigrationJobStatus,
    now: string,
    extra: { finishedAt?: string | null; error?: { code: string; message: string } } = {},
  ): Promise<boolean> {
    // The status and its error go in one UPDATE: a reader never sees a failed job without its error.
    // Placeholders must come in order (SQLite binds them by position), so the SET values are numbered first.
    const sets: string[] = ['status = $1', 'updated_at = $2'];
    const values: unknown[] = [to, now];
    const set = (column: string, value: unknown) => {
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    };
    if (extra.finishedAt !== undefined) set('finished_at', extra.finishedAt);
    if (extra.error !== undefined) {
      set('error_code', extra.error.code);
      set('error_message', extra.error.message.slice(0, 2000));
    }
    values.push(id);
    const idMark = `$${values.length}`;
    const marks = from.map((status) => {
      values.push(status);
      return `$${values.length}`;
    });
    const rows = await this.transactor.query<{ id: string }>(
      `UPDATE migration_jobs SET ${sets.join(', ')}
       WHERE id = ${idMark} AND status IN (${marks.join(', ')}) RETURNING id`,
      values,
    );
    return rows.length > 0;
  }

  /**
   * Takes the lease of one runnable job (pending or running) whose lease is free or ran out, oldest first.
   * One conditional UPDATE: two replicas racing for a job cannot both win it.
   */
  async claim(owner: string, now: string, leaseUntil: string): Promise<string | null> {
    const rows = await this.transactor.query<{ id: string }>(
      `UPDATE migration_jobs SET lease_owner = $1, lease_until = $2
       WHERE id = (SELECT id FROM migration_jobs
                   WHERE status IN ('pending', 'running') AND (lease_until IS NULL OR lease_until < $3)
                   ORDER BY id LIMIT 1)
         AND (lease_until IS NULL OR lease_until < $4)
       RETURNING id`,
      [owner, leaseUntil, now, now],
    );
    return rows[0]?.id ?? null;
  }

  /** Extends the leases `owner` holds; returns the ids still held (a job taken over is missing). */
  async renew(owner: string, ids: string[], leaseUntil: string): Promise<string[]> {
    if (ids.length === 0) return [];
    const marks = ids.map((_, i) => `$${i + 3}`).join(', ');
    const rows = await this.transactor.query<{ id: string }>(
      `UPDATE migration_jobs SET lease_until = $1 WHERE lease_owner = $2 AND id IN (${marks}) RETURNING id`,
      [leaseUntil, owner, ...ids],
    );
    return rows.map((r) => r.id);
  }

  /** Gives a lease back (the job paused, finished, or the process stops). */
  async release(id: string, owner: string): Promise<void> {
    await this.transactor.query(
      `UPDATE migration_jobs SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2`,
      [id, owner],
    );
  }

  /** Jobs by status, for the status gauge: one aggregate. */
  async countByStatus(): Promise<{ status: string; count: number }[]> {
    const rows = await this.transactor.query<{ status: string; count: number | string }>(
      `SELECT status, COUNT(*) AS count FROM migration_jobs GROUP BY status`,
    );
    return rows.map((r) => ({ status: r.status, count: Number(r.count) }));
  }

  /**
   * Whether a job's history still holds back live relaying into a conversation of the bridge (see the
   * relay gate): an unfinished, non-dry-run job in the same direction whose history is still being read
   * (any conversation may turn up) or has items of that conversation still pending.
   */
  async holdsConversation(bridgeId: string, sourceAppId: string, conversationKey: string): Promise<boolean> {
    const rows = await this.transactor.query<{ id: string }>(
      `SELECT j.id FROM migration_jobs j
       WHERE j.bridge_id = $1 AND j.source_app_id = $2 AND j.dry_run = $3
         AND j.status IN ('pending', 'running', 'paused')
         AND (j.history_state = 'reading'
              OR (j.history_state = 'importing' AND EXISTS (
                    SELECT 1 FROM migration_items i
                    WHERE i.job_id = j.id AND i.kind = 'history' AND i.status = 'pending'
                      AND i.conversation_key = $4)))
       LIMIT 1`,
      [bridgeId, sourceAppId, false, conversationKey],
    );
    return rows.length > 0;
  }
}
