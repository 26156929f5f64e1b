import { IdempotencyKeyEntity } from './entities/idempotency-key.entity.js';
import type { Transactor } from './transactor.js';

const INSERT_KEY =
  'INSERT INTO idempotency_keys (id, app_id, key, request_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)';

/** The `idempotency_keys` table: one row per app and `Idempotency-Key`, with the first response. */
export class IdempotencyKeyRepository {
  constructor(private readonly transactor: Transactor) {}

  /** Deletes the app's key if it expired by `now`, so that it may be claimed again. */
  async removeExpired(appId: string, key: string, now: string): Promise<void> {
    await this.transactor.write((m) =>
      m
        .createQueryBuilder()
        .delete()
        .from(IdempotencyKeyEntity)
        .where('app_id = :appId AND key = :key AND expires_at <= :now', { appId, key, now })
        .execute(),
    );
  }

  /**
   * Claims a key with one plain INSERT (TypeORM's save would look the new row up first, in a transaction of
   * its own); a key already held fails with a unique violation (`isUniqueViolation`).
   */
  async insert(row: Omit<IdempotencyKeyEntity, 'responseStatus' | 'responseBody'>): Promise<void> {
    await this.transactor.query(INSERT_KEY, [
      row.id,
      row.appId,
      row.key,
      row.requestHash,
      row.createdAt,
      row.expiresAt,
    ]);
  }

  find(appId: string, key: string): Promise<IdempotencyKeyEntity | null> {
    return this.transactor.dataSource.manager.findOneBy(IdempotencyKeyEntity, { appId, key });
  }

  async complete(id: string, status: number, body: unknown): Promise<void> {
    await this.transactor.write((m) =>
      m.update(IdempotencyKeyEntity, { id }, { responseStatus: status, responseBody: body as object }),
    );
  }

  async remove(id: string): Promise<void> {
    await this.transactor.write((m) => m.delete(IdempotencyKeyEntity, { id }));
  }
}
