import { ApiKeyEntity } from './entities/api-key.entity.js';
import { AppEntity } from './entities/app.entity.js';
import { findPage, type Page } from './pagination.js';
import type { Transactor } from './transactor.js';

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

  /** Deletes an app with its API keys, in one transaction. */
  async remove(id: string): Promise<void> {
    await this.transactor.transaction(async (m) => {
      await m.delete(ApiKeyEntity, { appId: id });
      await m.delete(AppEntity, { id });
    });
  }
}
