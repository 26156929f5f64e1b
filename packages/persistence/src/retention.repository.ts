import type { Transactor } from './transactor.js';

/** The kinds of rows that retention prunes, each with its own period. */
export const RETENTION_KINDS = ['events', 'callbacks', 'attempts', 'relays', 'messages'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/**
 * The smallest id made at `at` or later: ids are UUIDv7, whose first 48 bits are the creation time in ms,
 * so every row created before `at` has an id below it and "older than" is an index range on the key.
 */
export function idBefore(at: Date): string {
  const hex = Math.max(0, at.getTime()).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}

const UNFINISHED_DELIVERY = "('pending', 'delivering')";
const UNFINISHED_RELAY = "('pending', 'relaying')";

/**
 * Deletes rows past their retention period, a batch at a time, so that pruning never holds the database
 * for long. It never deletes work still to do (a delivery or relay not finished, or an event or relay such
 * work needs), nor what bridges keep for good: the id tables (`bridge_mappings`) and the message-id pairs
 * (`relayed_messages`), which recalls, echoes and reconciliation look up however old the message is.
 * Each method answers how many rows of its kind it deleted (dependent rows deleted with them not counted).
 */
export class RetentionRepository {
  constructor(private readonly transactor: Transactor) {}

  /** `id IN (…)` over a JSON array parameter: one statement text whatever the batch size. */
  private ids(param: string): string {
    return this.transactor.engine === 'postgres'
      ? `(SELECT value FROM json_array_elements_text(${param}::json))`
      : `(SELECT value FROM json_each(${param}))`;
  }

  private async select(sql: string, params: unknown[]): Promise<string[]> {
    const rows = await this.transactor.query<{ id: string }>(sql, params);
    return rows.map((r) => r.id);
  }

  /** Runs `statements` (each with its parameters) in one transaction; answers the rows the last returned. */
  private async inTransaction(statements: [string, unknown[]][]): Promise<number> {
    if (this.transactor.engine === 'sqlite')
      return this.transactor.sqlite((db) => {
        let last = 0;
        for (const [sql, params] of statements) last = db.prepare(sql).run(...params).changes;
        return last;
      });
    return this.transactor.transaction(async (manager) => {
      let last = 0;
      for (const [sql, params] of statements) {
        const result = (await manager.queryRunner!.query(sql, params, true)) as { affected?: number };
        last = result.affected ?? 0;
      }
      return last;
    });
  }

  /**
   * Events of `appId` created before `beforeId`, with their finished deliveries and those deliveries'
   * attempts. An event with a delivery or relay still to do stays (and so do its deliveries).
   */
  async pruneEvents(appId: string, beforeId: string, limit: number): Promise<number> {
    const ids = await this.select(
      `SELECT e.id FROM events e WHERE e.app_id = $1 AND e.id < $2
         AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id AND d.status IN ${UNFINISHED_DELIVERY})
         AND NOT EXISTS (SELECT 1 FROM relays r WHERE r.origin_event_id = e.id AND r.status IN ${UNFINISHED_RELAY})
       ORDER BY e.id LIMIT $3`,
      [appId, beforeId, limit],
    );
    if (ids.length === 0) return 0;
    const list = JSON.stringify(ids);
    // The checks are made again inside the transaction: a replay may have queued a delivery meanwhile.
    return this.inTransaction([
      [
        `DELETE FROM delivery_attempts WHERE delivery_id IN (SELECT d.id FROM deliveries d
           WHERE d.event_id IN ${this.ids('$1')} AND d.status NOT IN ${UNFINISHED_DELIVERY})`,
        [list],
      ],
      [
        `DELETE FROM deliveries WHERE event_id IN ${this.ids('$1')} AND status NOT IN ${UNFINISHED_DELIVERY}`,
        [list],
      ],
      [
        `DELETE FROM events WHERE id IN ${this.ids('$1')}
           AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = events.id)
           AND NOT EXISTS (SELECT 1 FROM relays r WHERE r.origin_event_id = events.id AND r.status IN ${UNFINISHED_RELAY})`,
        [list],
      ],
    ]);
  }

  /** Raw callbacks of `appId` received before `beforeId` (their events keep their own period). */
  async pruneCallbacks(appId: string, beforeId: string, limit: number): Promise<number> {
    const ids = await this.select(
      'SELECT id FROM inbound_callbacks WHERE app_id = $1 AND id < $2 ORDER BY id LIMIT $3',
      [appId, beforeId, limit],
    );
    if (ids.length === 0) return 0;
    return this.inTransaction([
      [`DELETE FROM inbound_callbacks WHERE id IN ${this.ids('$1')}`, [JSON.stringify(ids)]],
    ]);
  }

  /** Attempt logs (delivery and relay) made before `beforeId`, of work that is finished. */
  async pruneAttempts(appId: string, beforeId: string, limit: number): Promise<number> {
    const deliveryAttempts = await this.select(
      `SELECT a.id FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id
       WHERE d.app_id = $1 AND a.id < $2 AND d.status NOT IN ${UNFINISHED_DELIVERY} ORDER BY a.id LIMIT $3`,
      [appId, beforeId, limit],
    );
    const relayAttempts = await this.select(
      `SELECT a.id FROM relay_attempts a JOIN relays r ON r.id = a.relay_id
       WHERE r.source_app_id = $1 AND a.id < $2 AND r.status NOT IN ${UNFINISHED_RELAY} ORDER BY a.id LIMIT $3`,
      [appId, beforeId, limit],
    );
    let deleted = 0;
    if (deliveryAttempts.length > 0)
      deleted += await this.inTransaction([
        [`DELETE FROM delivery_attempts WHERE id IN ${this.ids('$1')}`, [JSON.stringify(deliveryAttempts)]],
      ]);
    if (relayAttempts.length > 0)
      deleted += await this.inTransaction([
        [`DELETE FROM relay_attempts WHERE id IN ${this.ids('$1')}`, [JSON.stringify(relayAttempts)]],
      ]);
    return deleted;
  }

  /**
   * Finished relays from `appId` created before `beforeId`, with their attempts. The message-id pairs the
   * relays made (`relayed_messages`) stay.
   */
  async pruneRelays(appId: string, beforeId: string, limit: number): Promise<number> {
    const ids = await this.select(
      `SELECT id FROM relays WHERE source_app_id = $1 AND id < $2 AND status NOT IN ${UNFINISHED_RELAY}
       ORDER BY id LIMIT $3`,
      [appId, beforeId, limit],
    );
    if (ids.length === 0) return 0;
    const list = JSON.stringify(ids);
    return this.inTransaction([
      [`DELETE FROM relay_attempts WHERE relay_id IN ${this.ids('$1')}`, [list]],
      [`DELETE FROM relays WHERE id IN ${this.ids('$1')} AND status NOT IN ${UNFINISHED_RELAY}`, [list]],
    ]);
  }

  /** Send records of `appId` made before `beforeId`. */
  async pruneMessages(appId: string, beforeId: string, limit: number): Promise<number> {
    const ids = await this.select(
      'SELECT id FROM messages WHERE app_id = $1 AND id < $2 ORDER BY id LIMIT $3',
      [appId, beforeId, limit],
    );
    if (ids.length === 0) return 0;
    return this.inTransaction([
      [`DELETE FROM messages WHERE id IN ${this.ids('$1')}`, [JSON.stringify(ids)]],
    ]);
  }

  /** Idempotency keys past their expiry (each key carries its own), of every app. */
  async pruneExpiredIdempotencyKeys(now: string, limit: number): Promise<number> {
    const ids = await this.select(
      'SELECT id FROM idempotency_keys WHERE expires_at < $1 ORDER BY id LIMIT $2',
      [now, limit],
    );
    if (ids.length === 0) return 0;
    return this.inTransaction([
      [`DELETE FROM idempotency_keys WHERE id IN ${this.ids('$1')}`, [JSON.stringify(ids)]],
    ]);
  }

  /**
   * SQLite: gives freed pages back to the file system (`incremental_vacuum`). A database made before
   * retention existed has no incremental vacuum; it is converted once (`VACUUM` rewrites the file). On
   * PostgreSQL autovacuum reuses the space and this does nothing.
   */
  async reclaimSpace(maxPages = 4096): Promise<'converted' | 'reclaimed' | 'none'> {
    if (this.transactor.engine !== 'sqlite') return 'none';
    const [mode] = await this.transactor.query<{ auto_vacuum: number }>('PRAGMA auto_vacuum');
    if (mode?.auto_vacuum !== 2) {
      await this.transactor.sqliteExec('PRAGMA auto_vacuum = INCREMENTAL; VACUUM');
      return 'converted';
    }
    // One step frees one page: exec runs the pragma to its end.
    await this.transactor.sqliteExec(`PRAGMA incremental_vacuum(${Math.max(1, Math.floor(maxPages))})`);
    return 'reclaimed';
  }
}
