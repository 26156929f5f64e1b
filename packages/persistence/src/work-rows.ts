import type { SqliteHandle, Transactor } from './transactor.js';

/**
 * The two statements every queued work table (deliveries, relays) runs per attempt, in as few round trips as
 * each engine allows: they showed in the delivery profile, where round trips, not rows, bound the path.
 */

/**
 * Text as both engines can store it: PostgreSQL refuses NUL in a text value (a receiver's binary, gzip or
 * UTF-16 answer has them), which would make recording the attempt fail and leave its row claimed for ever.
 * NUL becomes U+FFFD, as an undecodable byte already does; everything else is kept.
 */
export function storableText(text: string | null | undefined, maxLength?: number): string | null {
  if (text === null || text === undefined) return null;
  const clean = text.replaceAll('\u0000', '\uFFFD');
  return maxLength === undefined ? clean : clean.slice(0, maxLength);
}

/**
 * Extends the leases of rows still under way in a work table (`deliveries` under `delivering`, `relays` under
 * `relaying`): the heartbeat of the process attempting them, one statement for all of them.
 */
export async function renewLeases(
  transactor: Transactor,
  table: 'deliveries' | 'relays',
  underWay: 'delivering' | 'relaying',
  ids: string[],
  lockUntil: string,
): Promise<void> {
  if (ids.length === 0) return;
  const marks = ids.map((_, i) => `$${i + 2}`).join(', ');
  await transactor.query(
    `UPDATE ${table} SET locked_until = $1 WHERE status = '${underWay}' AND id IN (${marks})`,
    [lockUntil, ...ids],
  );
}

/**
 * Claims one row with a conditional `UPDATE … RETURNING` (`claimSql`) and returns it with the stored JSON of
 * the event it names in `eventIdColumn` (`event_body`, null when there is none): on PostgreSQL in the same
 * statement, on SQLite in the same synchronous step.
 */
export async function claimWithEventBody<T extends object>(
  transactor: Transactor,
  claimSql: string,
  params: unknown[],
  eventIdColumn: keyof T & string,
): Promise<(T & { event_body: string | null }) | null> {
  if (transactor.engine === 'postgres') {
    const rows = await transactor.query<T & { event_body: string | null }>(
      `WITH claimed AS (${claimSql}) SELECT c.*, e.body AS event_body FROM claimed c LEFT JOIN events e ON e.id = c.${eventIdColumn}`,
      params,
    );
    return rows[0] ?? null;
  }
  return transactor.sqlite((db) => claimInSqlite<T>(db, claimSql, params, eventIdColumn));
}

/** SQLite: `claimWithEventBody`'s step inside a transaction the caller holds (several claims share one). */
export function claimInSqlite<T extends object>(
  db: SqliteHandle,
  claimSql: string,
  params: unknown[],
  eventIdColumn: keyof T & string,
): (T & { event_body: string | null }) | null {
  const [claimed] = db.prepare(claimSql).all(...params) as T[];
  if (!claimed) return null;
  const eventId = claimed[eventIdColumn];
  const [event] = eventId
    ? (db.prepare('SELECT body FROM events WHERE id = $1').all(eventId) as { body: string }[])
    : [];
  return { ...claimed, event_body: event?.body ?? null };
}

/**
 * Records an attempt (`insertSql`) and the next state of its row (`updateSql`) together: one statement on
 * PostgreSQL (a data-modifying CTE is atomic), two cached statements in one transaction on SQLite.
 */
export class AttemptRecorder {
  private readonly postgresSql: string;

  constructor(
    private readonly insertSql: string,
    private readonly updateSql: string,
    insertParams: number,
  ) {
    const renumbered = updateSql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + insertParams}`);
    this.postgresSql = `WITH attempt AS (${insertSql}) ${renumbered}`;
  }

  async record(transactor: Transactor, attempt: unknown[], next: unknown[]): Promise<void> {
    if (transactor.engine === 'postgres') {
      await transactor.query(this.postgresSql, [...attempt, ...next]);
      return;
    }
    await this.recordAllSqlite(transactor, [{ attempt, next }]);
  }

  /**
   * SQLite: several attempts and next states in one transaction. Each SQLite commit appends the pages it
   * touched to the WAL: one commit per attempt was most of the delivery drain's database time.
   */
  async recordAllSqlite(
    transactor: Transactor,
    rows: { attempt: unknown[]; next: unknown[] }[],
  ): Promise<void> {
    await transactor.sqlite((db) => {
      for (const { attempt, next } of rows) {
        db.prepare(this.insertSql).run(...attempt);
        db.prepare(this.updateSql).run(...next);
      }
    });
  }
}

/** Rows of a work table not yet finished (pending or under way), for monitoring. */
export interface Backlog {
  count: number;
  /** When the oldest of them was created (ISO 8601), or null when there are none. */
  oldestCreatedAt: string | null;
}
