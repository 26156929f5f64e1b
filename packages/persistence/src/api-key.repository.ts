import { ApiKeyEntity } from './entities/api-key.entity.js';
import type { Transactor } from './transactor.js';

/** The `api_keys` table: app-scoped keys, stored by hash. */
export class ApiKeyRepository {
  constructor(private readonly transactor: Transactor) {}

  async insert(key: ApiKeyEntity): Promise<void> {
    await this.transactor.write((m) => m.insert(ApiKeyEntity, key));
  }

  forApp(appId: string): Promise<ApiKeyEntity[]> {
    return this.transactor.dataSource.manager.find(ApiKeyEntity, { where: { appId }, order: { id: 'ASC' } });
  }

  findByHash(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.transactor.dataSource.manager.findOneBy(ApiKeyEntity, { keyHash });
  }

  async touch(id: string, lastUsedAt: string): Promise<void> {
    await this.transactor.write((m) => m.update(ApiKeyEntity, { id }, { lastUsedAt }));
  }

  /** Deletes a key of an app; false when the app has no such key. */
  async remove(appId: string, id: string): Promise<boolean> {
    const result = await this.transactor.write((m) => m.delete(ApiKeyEntity, { id, appId }));
    return Boolean(result.affected);
  }
}
