import { MigrationItemEntity, type MigrationItemStatus } from './entities/migration-item.entity.js';
import { newId } from './ids.js';
import { findPage, type Page } from './pagination.js';
import type { Transactor } from './transactor.js';
import {
  applySqliteMoves,
  CountMoves,
  detailOf,
  detailSql,
  postgresCountsCte,
  postgresRateInsert,
  RATE_BUCKET_MS,
  rateBucket,
  type CountMove,
} from './migration-item-counts.js';
import { storableText } from './work-rows.js';

/** A new item as the runner reads it from the source. */
export interface NewMigrationItem {
  kind: string;
  sourceKey: string;
  payload: unknown;
  conversationKey?: string | null;
  orderKey?: string | null;
  status: 'pending' | 'skipped';
  reason?: string | null;
}

/** What became of an item after an import call (or a check before one). */
export interface MigrationItemFinish {
  id: string;
  status: MigrationItemStatus;
  targetId?: string | null;
  reason?: string | null;
  error?: { code: string; message: string; vendorCode?: string } | null;
}

/** Items per kind and status, with how many were finished recently (for the rate). */
export interface MigrationItemCount {
  kind: string;
  status: MigrationItemStatus;
  count: number;
  recent: number;
}

/** How many items of a kind were skipped (or failed) for one reason (or error code). */
export interface MigrationReasonCount {
  kind: string;
  key: string;
  count: number;
}

const COLUMNS = [
  'id',
  'job_id',
  'kind',
  'source_key',
  'payload',
  'conversation_key',
  'order_key',
  'status',
  'reason',
  'attempts',
  'updated_at',
];
/** Rows per INSERT: 11 parameters each, far below either engine's limit. */
const CHUNK = 200;

/**
 * A pending item as an import lane reads it: what the import needs, no more. At tens of thousands of items a
 * second (members into Tencent) the read is the gateway's own time: TypeORM's query building and hydration
 * were a tenth of it, and the columns an import never looks at (the job, kind, status, times and errors, a
 * string each per row) half of the rest.
 */
export interface PendingMigrationItem {
  id: string;
  sourceKey: string;
  /** The contract item as JSON. */
  payload: string;
  conversationKey: string | null;
  /** Set when a call whose result the target assigns was under way (see `markInFlight`). */
  inFlightAt: string | null;
}

const PENDING_SELECT =
  'SELECT id, source_key AS "sourceKey", payload, conversation_key AS "conversationKey", in_flight_at AS "inFlightAt" FROM migration_items';

/** An item as a statement that moved it returns it (SQLite): enough to count it. */
interface MovedRow {
  job_id: string;
  kind: string;
  status: string;
  reason: string | null;
  error_code: string | null;
}

/** The count moves of new items, into the status they return. */
function movesInto(rows: readonly MovedRow[]): Iterable<CountMove> {
  const moves = new CountMoves();
  for (const r of rows) moves.add(r.job_id, r.kind, r.status, detailOf(r.status, r.reason, r.error_code), 1);
  return moves.values();
}

/** The filter on one-to-one keys (two ids joined by `|`), or on all other keys. */
const joinedKeys = (joined: boolean) => ` AND conversation_key ${joined ? '' : 'NOT '}LIKE '%|%'`;

/**
 * The `migration_items` table. Items are inserted idempotently (`ON CONFLICT DO NOTHING` on the job, kind and
 * source key, on both engines), so a page read again after a crash adds nothing; the job's runner (the one
 * holder of its lease) takes the pending items of a kind in order and records each one's result.
 */
export class MigrationItemRepository {
  constructor(private readonly transactor: Transactor) {}

  /**
   * Inserts a page of items, leaving out those the job already has, and counts the new ones (see
   * `migration-item-counts.ts`); returns how many were new.
   */
  async insertPage(jobId: string, items: NewMigrationItem[], now: string): Promise<number> {
    let inserted = 0;
    for (let i = 0; i < items.length; i += CHUNK) {
      const part = items.slice(i, i + CHUNK);
      const params: unknown[] = [];
      const tuples = part.map((item) => {
        const row = [
          newId(),
          jobId,
          item.kind,
          item.sourceKey,
          JSON.stringify(item.payload),
          item.conversationKey ?? null,
          item.orderKey ?? null,
          item.status,
          storableText(item.reason ?? null, 500),
          0,
          now,
        ];
        const first = params.length;
        params.push(...row);
        return `(${row.map((_, n) => `$${first + n + 1}`).join(', ')})`;
      });
      const insert = `INSERT INTO migration_items (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}
         ON CONFLICT (job_id, kind, source_key) DO NOTHING`;
      if (this.transactor.engine === 'sqlite') {
        inserted += await this.transactor.sqlite((db) => {
          const rows = db
            .prepare(`${insert} RETURNING job_id, kind, status, reason, error_code`)
            .all(...params) as MovedRow[];
          applySqliteMoves(db, movesInto(rows), null);
          return rows.length;
        });
        continue;
      }
      const [row] = await this.transactor.query<{ n: number | string }>(
        `WITH moved AS (${insert} RETURNING job_id, kind, status, ${detailSql('migration_items')} AS detail),
         ${postgresCountsCte(null, 'moved')}
         SELECT COUNT(*) AS n FROM moved`,
        params,
      );
      inserted += Number(row?.n ?? 0);
    }
    return inserted;
  }

  /**
   * The next pending items of a kind, in the order they are imported: by conversation (history), then order
   * key, then insertion. Only the lease holder of the job calls this, so nothing else takes them meanwhile.
   */
  pending(jobId: string, kind: string, limit: number): Promise<MigrationItemEntity[]> {
    return this.transactor.read((m) =>
      m.find(MigrationItemEntity, {
        where: { jobId, kind, status: 'pending' },
        order: { conversationKey: 'ASC', orderKey: 'ASC', id: 'ASC' },
        take: limit,
      }),
    );
  }

  /**
   * The next groups, owners or conversations of a kind with pending items, after `after` in key order: what
   * the import lanes hand out, each key once per pass (a lane then imports that key's items alone, so its
   * order holds without any lock). `joined` narrows to keys that join two ids with `|` (one-to-one history:
   * see the gateway's `historyConversationKey`) or to the others, so that the two history import APIs each
   * get lanes of their own; absent, every key.
   */
  async pendingKeys(
    jobId: string,
    kind: string,
    after: string | null,
    limit: number,
    joined?: boolean,
  ): Promise<string[]> {
    const params: unknown[] = [jobId, kind, 'pending'];
    let where = 'job_id = $1 AND kind = $2 AND status = $3 AND conversation_key IS NOT NULL';
    if (after !== null) {
      params.push(after);
      where += ` AND conversation_key > $${params.length}`;
    }
    if (joined !== undefined) where += joinedKeys(joined);
    const rows = await this.transactor.query<{ conversation_key: string }>(
      `SELECT DISTINCT conversation_key FROM migration_items WHERE ${where}
       ORDER BY conversation_key LIMIT ${Math.trunc(limit)}`,
      params,
    );
    return rows.map((r) => r.conversation_key);
  }

  /** How many items of a kind are pending; `joined`: only one-to-one keys (two ids joined by `|`), or none of them. */
  async pendingCount(jobId: string, kind: string, joined?: boolean): Promise<number> {
    let where = 'job_id = $1 AND kind = $2 AND status = $3';
    if (joined !== undefined) where += ` AND conversation_key IS NOT NULL${joinedKeys(joined)}`;
    const [row] = await this.transactor.query<{ count: number | string }>(
      `SELECT COUNT(*) AS count FROM migration_items WHERE ${where}`,
      [jobId, kind, 'pending'],
    );
    return Number(row?.count ?? 0);
  }

  /**
   * The pending items of some groups, owners or conversations: key by key in key order, each key's in
   * import order (order key, then insertion). One read serves a lane's several short conversations.
   */
  pendingOfKeys(
    jobId: string,
    kind: string,
    keys: readonly string[],
    limit: number,
  ): Promise<PendingMigrationItem[]> {
    if (keys.length === 0) return Promise.resolve([]);
    const marks = keys.map((_, i) => `$${i + 3}`).join(', ');
    return this.transactor.query<PendingMigrationItem>(
      `${PENDING_SELECT}
       WHERE job_id = $1 AND kind = $2 AND status = 'pending' AND conversation_key IN (${marks})
       ORDER BY conversation_key, order_key, id LIMIT ${Math.trunc(limit)}`,
      [jobId, kind, ...keys],
    );
  }

  /** The pending items of a kind imported without a key (accounts, profiles, groups…), by id after `afterId`. */
  pendingUnkeyed(
    jobId: string,
    kind: string,
    afterId: string | null,
    limit: number,
  ): Promise<PendingMigrationItem[]> {
    return this.transactor.query<PendingMigrationItem>(
      `${PENDING_SELECT}
       WHERE job_id = $1 AND kind = $2 AND status = 'pending' AND conversation_key IS NULL AND id > $3
       ORDER BY id LIMIT ${Math.trunc(limit)}`,
      [jobId, kind, afterId ?? ''],
    );
  }

  /** The source keys of a kind's items after `after`, in key order (the owners of per-user kinds). */
  async sourceKeys(jobId: string, kind: string, after: string | null, limit: number): Promise<string[]> {
    const rows = await this.transactor.query<{ source_key: string }>(
      `SELECT source_key FROM migration_items WHERE job_id = $1 AND kind = $2 AND source_key > $3
       ORDER BY source_key LIMIT ${Math.trunc(limit)}`,
      [jobId, kind, after ?? ''],
    );
    return rows.map((r) => r.source_key);
  }

  /**
   * PostgreSQL: refreshes the planner's statistics of the items' job, kind and status, once a job's pages
   * are in and before its items are imported. Without it, a job's items are new values the statistics have
   * never seen: the planner takes the job's pending items for a handful and finds each batch's items by
   * hashing all of them, so recording a batch costs in proportion to the job (36 ms instead of 4 for a
   * batch of 200 out of 100,000, members into Tencent). Autovacuum's analyze comes too late for a bulk load
   * of seconds. SQLite keeps no statistics unless asked, and picks its indexes by their shape.
   */
  async analyze(): Promise<void> {
    if (this.transactor.engine === 'postgres')
      await this.transactor.query('ANALYZE migration_items (job_id, kind, status)');
  }

  /** Marks items as under way before a call whose result the target assigns (see the runner). */
  async markInFlight(ids: string[], now: string): Promise<void> {
    if (ids.length === 0) return;
    const marks = ids.map((_, i) => `$${i + 2}`).join(', ');
    await this.transactor.query(`UPDATE migration_items SET in_flight_at = $1 WHERE id IN (${marks})`, [
      now,
      ...ids,
    ]);
  }

  /**
   * Records the results of one batch of a job's items of one kind (a lane's batch) together, each item's
   * attempts counted, and moves the items' counts out of `pending` into the rate of their new status. Only
   * pending items of that job and kind change: a result is for an item taken as pending, and the counts must
   * know where each item came from.
   */
  async finish(jobId: string, kind: string, results: MigrationItemFinish[], now: string): Promise<void> {
    if (results.length === 0) return;
    const values = results.map((r) => [
      r.id,
      r.status,
      r.targetId ?? null,
      storableText(r.reason ?? null, 500),
      r.error?.code ?? null,
      storableText(r.error?.message ?? null),
      r.error?.vendorCode?.slice(0, 64) ?? null,
    ]);
    const at = Date.parse(now);
    if (this.transactor.engine === 'sqlite') {
      // One UPDATE per outcome, for all the items that share it (a batch of members is most often 200 times
      // the same "done"), its ids as a JSON array; whether a row changed is all the count moves need, as the
      // outcome is known. An UPDATE per item cost a quarter more (a group of 200 members recorded alone:
      // 0.82 ms, now 0.64), and the members' import at scale is bound by the gateway's own time. The unary
      // `+` keeps SQLite from looking the rows up by the claim index (the job's pending items, all of them)
      // instead of by id.
      const sql = `UPDATE migration_items SET status = ?, target_id = ?, reason = ?, error_code = ?,
        error_message = ?, vendor_code = ?, attempts = attempts + 1, in_flight_at = NULL, updated_at = ?
        WHERE id IN (SELECT value FROM json_each(?)) AND +job_id = ? AND +kind = ? AND +status = 'pending'`;
      const outcomes = new Map<string, { outcome: unknown[]; ids: unknown[] }>();
      for (const [id, ...outcome] of values) {
        const key = JSON.stringify(outcome);
        const same = outcomes.get(key);
        if (same) same.ids.push(id);
        else outcomes.set(key, { outcome, ids: [id] });
      }
      await this.transactor.sqlite((db) => {
        const update = db.prepare(sql);
        const moves = new CountMoves();
        for (const { outcome, ids } of outcomes.values()) {
          const { changes } = update.run(...outcome, now, JSON.stringify(ids), jobId, kind);
          if (changes === 0) continue;
          const [status, , reason, errorCode] = outcome as [string, unknown, string | null, string | null];
          moves.add(jobId, kind, status, detailOf(status, reason, errorCode), changes);
          moves.add(jobId, kind, 'pending', '', -changes);
        }
        applySqliteMoves(db, moves.values(), at);
      });
      return;
    }
    // One statement for the batch, its counts and its rate: a lane's record is one round trip, and holds a
    // pooled connection for no longer (a transaction of one UPDATE per item took a BEGIN, an UPDATE per item
    // and a COMMIT). The results go as one array per column, seven parameters instead of seven per item:
    // about half the bytes to write (a batch of 200: 14 KB, not 25) and a short statement to parse. In the
    // at-scale profile of members into Tencent, the socket writes were a third of the gateway's time.
    const { bucket, slot } = rateBucket(at);
    const columns = values[0]!.map((_, c) => values.map((row) => row[c]));
    await this.transactor.query(
      `WITH moved AS (
         UPDATE migration_items m SET status = v.status, target_id = v.target_id, reason = v.reason,
           error_code = v.error_code, error_message = v.error_message, vendor_code = v.vendor_code,
           attempts = m.attempts + 1, in_flight_at = NULL, updated_at = $1
         FROM unnest($6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
           AS v(id, status, target_id, reason, error_code, error_message, vendor_code)
         WHERE m.id = v.id AND m.job_id = $4 AND m.kind = $5 AND m.status = 'pending'
         RETURNING m.job_id, m.kind, m.status, ${detailSql('m')} AS detail),
       ${postgresCountsCte('pending', 'moved')}
       ${postgresRateInsert(2)}`,
      [now, slot, bucket, jobId, kind, ...columns],
    );
  }

  /**
   * Every kind's items by status, with how many of them finished since `recentSince` (to within one rate
   * bucket, `RATE_BUCKET_MS`): a read of the job's few count rows, however many items it has.
   */
  async counts(jobId: string, recentSince: string): Promise<MigrationItemCount[]> {
    const rows = await this.transactor.query<{
      kind: string;
      status: MigrationItemStatus;
      count: number | string;
    }>(
      `SELECT kind, status, SUM(count) AS count FROM migration_item_counts WHERE job_id = $1
       GROUP BY kind, status HAVING SUM(count) > 0`,
      [jobId],
    );
    const rates = await this.transactor.query<{ kind: string; status: string; recent: number | string }>(
      `SELECT kind, status, SUM(count) AS recent FROM migration_item_rates WHERE job_id = $1 AND bucket >= $2
       GROUP BY kind, status`,
      [jobId, Math.floor(Date.parse(recentSince) / RATE_BUCKET_MS)],
    );
    const recent = new Map(rates.map((r) => [`${r.kind}/${r.status}`, Number(r.recent)]));
    return rows.map((r) => ({
      kind: r.kind,
      status: r.status,
      count: Number(r.count),
      recent: recent.get(`${r.kind}/${r.status}`) ?? 0,
    }));
  }

  /** Skipped items by kind and reason, and failed ones by kind and error code. */
  async reasons(jobId: string): Promise<{ skipped: MigrationReasonCount[]; failed: MigrationReasonCount[] }> {
    const rows = await this.transactor.query<{
      kind: string;
      status: string;
      key: string;
      count: number | string;
    }>(
      `SELECT kind, status, detail AS key, count FROM migration_item_counts
       WHERE job_id = $1 AND status IN ('skipped', 'failed') AND count > 0 ORDER BY kind, detail`,
      [jobId],
    );
    const of = (status: string) =>
      rows
        .filter((r) => r.status === status)
        .map((r) => ({ kind: r.kind, key: r.key, count: Number(r.count) }));
    return { skipped: of('skipped'), failed: of('failed') };
  }

  /** Pending items of every running job, by kind (the pending gauge). */
  async pendingOfRunningJobs(): Promise<{ kind: string; count: number }[]> {
    const rows = await this.transactor.query<{ kind: string; count: number | string }>(
      `SELECT c.kind, SUM(c.count) AS count FROM migration_item_counts c
       JOIN migration_jobs j ON j.id = c.job_id
       WHERE j.status = 'running' AND c.status = 'pending' GROUP BY c.kind HAVING SUM(c.count) > 0`,
    );
    return rows.map((r) => ({ kind: r.kind, count: Number(r.count) }));
  }

  /** A page of a job's items in id order, filtered by kind and status. */
  page(
    jobId: string,
    filter: { kind?: string; status?: MigrationItemStatus },
    cursor: string | undefined,
    limit: number | undefined,
  ): Promise<Page<MigrationItemEntity>> {
    const where = {
      jobId,
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    };
    return this.transactor.read((m) => findPage(m, MigrationItemEntity, where, cursor, limit));
  }

  /**
   * Puts failed items back to pending (the retry API): all of a job, of one kind, or the ones named. Returns
   * how many. The error stays until the next attempt replaces it; the in-flight mark is dropped, as a retry
   * is the caller's word that the item may be sent again.
   */
  async retry(jobId: string, where: { kind?: string; ids?: string[] }, now: string): Promise<number> {
    const params: unknown[] = [now, jobId];
    let filter = '';
    if (where.kind) filter += ` AND kind = $${params.push(where.kind)}`;
    if (where.ids) {
      if (where.ids.length === 0) return 0;
      filter += ` AND id IN (${where.ids.map((id) => `$${params.push(id)}`).join(', ')})`;
    }
    const update = `UPDATE migration_items SET status = 'pending', in_flight_at = NULL, updated_at = $1
       WHERE job_id = $2 AND status = 'failed'${filter}`;
    if (this.transactor.engine === 'sqlite')
      return this.transactor.sqlite((db) => {
        const rows = db.prepare(`${update} RETURNING job_id, kind, error_code`).all(...params) as MovedRow[];
        const moves = new CountMoves();
        for (const r of rows) {
          moves.add(r.job_id, r.kind, 'failed', detailOf('failed', null, r.error_code), -1);
          moves.add(r.job_id, r.kind, 'pending', '', 1);
        }
        applySqliteMoves(db, moves.values(), null);
        return rows.length;
      });
    const [row] = await this.transactor.query<{ n: number | string }>(
      `WITH moved AS (${update} RETURNING job_id, kind, status, COALESCE(error_code, '') AS detail),
       ${postgresCountsCte('failed', 'pending')}
       SELECT COUNT(*) AS n FROM moved`,
      params,
    );
    return Number(row?.n ?? 0);
  }

  /** An item by id within a job. */
  find(jobId: string, id: string): Promise<MigrationItemEntity | null> {
    return this.transactor.read((m) => m.findOneBy(MigrationItemEntity, { jobId, id }));
  }
}
