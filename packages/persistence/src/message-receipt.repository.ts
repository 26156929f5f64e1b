import { storedMessageKey } from './message-key.js';
import type { Transactor } from './transactor.js';

/** Keys per lookup: far below either engine's parameter limit, and a history page is at most 1,000. */
const LOOKUP_CHUNK = 500;

/**
 * The `message_receipts` table, read side: which of a history page's messages an app already stores.
 * Rows are written with the events they stand for, by `IngestRepository` (callbacks and recoveries).
 */
export class MessageReceiptRepository {
  constructor(private readonly transactor: Transactor) {}

  /** The keys among `keys` that the app already has a receipt for. */
  async known(appId: string, keys: readonly string[]): Promise<Set<string>> {
    const original = new Map(keys.map((k) => [storedMessageKey(k), k]));
    const stored = [...original.keys()];
    const found = new Set<string>();
    for (let i = 0; i < stored.length; i += LOOKUP_CHUNK) {
      const chunk = stored.slice(i, i + LOOKUP_CHUNK);
      const marks = chunk.map((_, j) => `$${j + 2}`).join(', ');
      const rows = await this.transactor.query<{ message_key: string }>(
        `SELECT message_key FROM message_receipts WHERE app_id = $1 AND message_key IN (${marks})`,
        [appId, ...chunk],
      );
      for (const r of rows) found.add(original.get(r.message_key) ?? r.message_key);
    }
    return found;
  }

  /**
   * Deletes up to `limit` of the receipts written before `before` (older than any vendor's readable
   * history), oldest first; answers how many. The caller repeats while a whole batch went: one statement
   * over a day's receipts of a busy app would hold SQLite's writer, or one PostgreSQL transaction, for long.
   */
  async pruneBefore(before: string, limit: number): Promise<number> {
    const rows = await this.transactor.query<{ app_id: string }>(
      `DELETE FROM message_receipts WHERE (app_id, message_key) IN (
         SELECT app_id, message_key FROM message_receipts WHERE created_at < $1 ORDER BY created_at LIMIT $2
       ) RETURNING app_id`,
      [before, limit],
    );
    return rows.length;
  }
}
