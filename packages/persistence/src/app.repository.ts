import { AppEntity } from './entities/app.entity.js';
import { findPage, type Page } from './pagination.js';
import type { Transactor } from './transactor.js';

/**
 * What an app owns, child tables first. Relays, relayed messages and bridge mappings are not here: they
 * belong to bridges, and an app on a bridge cannot be deleted (its bridge is deleted first, with them).
 */
const PURGE = [
  `DELETE FROM delivery_attempts WHERE delivery_id IN (SELECT id FROM deliveries WHERE app_id = $1)`,
  `DELETE FROM deliveries WHERE app_id = $1`,
  `DELETE FROM endpoints WHERE app_id = $1`,
  `DELETE FROM events WHERE app_id = $1`,
  `DELETE FROM inbound_callbacks WHERE app_id = $1`,
  `DELETE FROM messages WHERE app_id = $1`,
  `DELETE FROM idempotency_keys WHERE app_id = $1`,
  `DELETE FROM api_keys WHERE app_id = $1`,
  `DELETE FROM before_policies WHERE app_id = $1`,
  `DELETE FROM message_receipts WHERE app_id = $1`,
  `DELETE FROM reconciliation_runs WHERE app_id = $1`,
  `DELETE FROM apps WHERE id = $1`,
];

/** The `apps` table: tenants and their sealed vendor configs. */
export class AppRepository {
  constructor(private readonly transactor: Transactor) {}

  find(id: string): Promise<AppEntity | null> {
    return this.transactor.dataSource.manager.findOneBy(AppEntity, { id });
  }

  exists(id: string): Promise<boolean> {
    return this.transactor.dataSource.manager.existsBy(AppEntity, { id });
  }

  /** Every app (a handful per installation), for lists that show each row's apps. */
  all(): Promise<AppEntity[]> {
    return this.transactor.dataSource.manager.find(AppEntity);
  }

  page(cursor: string | undefined, limit: number | undefined): Promise<Page<AppEntity>> {
    return findPage(this.transactor.dataSource.manager, AppEntity, {}, cursor, limit);
  }

  /** Inserts or updates the whole row. */
  async save(app: AppEntity): Promise<void> {
    await this.transactor.write((m) => m.save(app));
  }

  /**
   * Deletes an app with everything it owns, in one transaction: its keys, endpoints (and their sealed
   * secrets), stored callbacks and events, sent messages, idempotency keys, deliveries and their attempt
   * log. Its pending deliveries go with their rows, so no worker can claim them afterwards; one already
   * claimed finishes its attempt and its record then updates nothing.
   */
  async remove(id: string): Promise<void> {
    if (this.transactor.engine === 'sqlite') {
      await this.transactor.sqlite((db) => {
        for (const sql of PURGE) db.prepare(sql).run(id);
      });
      return;
    }
    await this.transactor.transaction(async (m) => {
      for (const sql of PURGE) await m.query(sql, [id]);
    });
  }
}
