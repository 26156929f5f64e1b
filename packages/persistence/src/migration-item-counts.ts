import type { SqliteHandle } from './transactor.js';

/**
 * Keeping `migration_item_counts` and `migration_item_rates` (see their entities) in step with the items:
 * every statement that changes an item's status moves its counts in the same statement (PostgreSQL, with
 * data-modifying CTEs) or the same transaction (SQLite). No trigger does it: a row trigger per item costs
 * PostgreSQL more than the item's update, and SQLite has no statement triggers.
 */

/** A rate bucket's length: the rate over the last minute is read from the buckets that began in it. */
export const RATE_BUCKET_MS = 5_000;
/** Buckets kept per kind and status: two minutes, more than the minute read, so none is reused while read. */
const RATE_SLOTS = 24;

/** The detail an item is counted under, in SQL over a row alias: the skip reason, the error code, or ''. */
export const detailSql = (t: string) =>
  `CASE ${t}.status WHEN 'skipped' THEN COALESCE(${t}.reason, '') WHEN 'failed' THEN COALESCE(${t}.error_code, '') ELSE '' END`;

/** The same in code. */
export const detailOf = (status: string, reason: string | null, errorCode: string | null): string =>
  status === 'skipped' ? (reason ?? '') : status === 'failed' ? (errorCode ?? '') : '';

/** The bucket of a time (epoch ms) and its slot in the ring. */
export function rateBucket(at: number): { bucket: number; slot: number } {
  const bucket = Math.floor(at / RATE_BUCKET_MS);
  return { bucket, slot: bucket % RATE_SLOTS };
}

/** Items that moved into (`delta` > 0) or out of a count. */
export interface CountMove {
  jobId: string;
  kind: string;
  status: string;
  detail: string;
  delta: number;
}

/** Count moves by key: a batch of hundreds of items comes to one or two, merged as they are added. */
export class CountMoves {
  private readonly moves = new Map<string, CountMove>();

  add(jobId: string, kind: string, status: string, detail: string, delta: number): void {
    // Called once or twice per item of every batch: a key of plain joins, no object unless the key is new.
    const key = `${jobId}\u0000${kind}\u0000${status}\u0000${detail}`;
    const known = this.moves.get(key);
    if (known) known.delta += delta;
    else this.moves.set(key, { jobId, kind, status, detail, delta });
  }

  values(): IterableIterator<CountMove> {
    return this.moves.values();
  }
}

const COUNT_UPSERT_SQLITE = `INSERT INTO migration_item_counts (job_id, kind, status, detail, count)
  VALUES (?, ?, ?, ?, ?) ON CONFLICT (job_id, kind, status, detail)
  DO UPDATE SET count = migration_item_counts.count + excluded.count`;

/** What a finish adds to a slot: the bucket's count, or a new bucket's in place of an old one. */
const RATE_CONFLICT = ` ON CONFLICT (job_id, kind, status, slot) DO UPDATE SET
  count = CASE WHEN migration_item_rates.bucket = excluded.bucket
               THEN migration_item_rates.count + excluded.count ELSE excluded.count END,
  bucket = excluded.bucket`;

/**
 * SQLite, inside the transaction that moved the items: applies the count moves, and adds the items that
 * moved out of `pending` to the rate of their new status (`finishedAt`, epoch ms; none for other moves).
 */
export function applySqliteMoves(
  db: SqliteHandle,
  moves: Iterable<CountMove>,
  finishedAt: number | null,
): void {
  const count = db.prepare(COUNT_UPSERT_SQLITE);
  const rate = db.prepare(
    `INSERT INTO migration_item_rates (job_id, kind, status, slot, bucket, count) VALUES (?, ?, ?, ?, ?, ?)${RATE_CONFLICT}`,
  );
  const finished = new CountMoves();
  for (const m of moves) {
    if (m.delta === 0) continue;
    count.run(m.jobId, m.kind, m.status, m.detail, m.delta);
    if (finishedAt !== null && m.status !== 'pending' && m.delta > 0)
      finished.add(m.jobId, m.kind, m.status, '', m.delta);
  }
  if (finishedAt === null) return;
  const { bucket, slot } = rateBucket(finishedAt);
  for (const m of finished.values()) rate.run(m.jobId, m.kind, m.status, slot, bucket, m.delta);
}

/**
 * PostgreSQL: the CTE `counted` of a statement whose first CTE, `moved` (job_id, kind, status, detail),
 * lists the items a data-modifying CTE changed. They move into their status and detail now (`into: 'moved'`)
 * or into `pending` (a retry); out of `pending` (a finish), out of the failed count of `moved.detail` (a
 * retry: `detail` is then the error code they failed with), or out of nothing (new items). Every statement
 * takes the counts in one order, so two lanes finishing at once wait for each other rather than deadlock.
 */
export function postgresCountsCte(from: 'pending' | 'failed' | null, into: 'moved' | 'pending'): string {
  const added =
    into === 'moved'
      ? 'SELECT job_id, kind, status, detail, COUNT(*) AS n FROM moved GROUP BY job_id, kind, status, detail'
      : `SELECT job_id, kind, 'pending' AS status, '' AS detail, COUNT(*) AS n FROM moved GROUP BY job_id, kind`;
  const taken =
    from === 'pending'
      ? ` UNION ALL SELECT job_id, kind, 'pending', '', -COUNT(*) FROM moved GROUP BY job_id, kind`
      : from === 'failed'
        ? ` UNION ALL SELECT job_id, kind, 'failed', detail, -COUNT(*) FROM moved GROUP BY job_id, kind, detail`
        : '';
  // Summed per count, as one INSERT … ON CONFLICT may touch a row once only (an item put back to pending
  // moves into and out of the same count).
  return `counted AS (
    INSERT INTO migration_item_counts (job_id, kind, status, detail, count)
    SELECT job_id, kind, status, detail, SUM(n) FROM (${added}${taken}) AS c
    GROUP BY job_id, kind, status, detail ORDER BY job_id, kind, status, detail
    ON CONFLICT (job_id, kind, status, detail)
    DO UPDATE SET count = migration_item_counts.count + excluded.count)`;
}

/**
 * PostgreSQL: the closing INSERT of a finish, adding the items of `moved` to the rate of their status; its
 * slot and bucket are the parameters `$first` and `$first + 1`.
 */
export function postgresRateInsert(first: number): string {
  return `INSERT INTO migration_item_rates (job_id, kind, status, slot, bucket, count)
    SELECT job_id, kind, status, $${first}::integer, $${first + 1}::integer, COUNT(*)
    FROM moved WHERE status <> 'pending' GROUP BY job_id, kind, status ORDER BY job_id, kind, status${RATE_CONFLICT}`;
}
