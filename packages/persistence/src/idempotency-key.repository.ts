import { IdempotencyKeyEntity } from './entities/idempotency-key.entity.js';
import type { Transactor } from './transactor.js';

// Both engines: an upsert whose update applies only to an expired row, RETURNING what it wrote (SQLite 3.35+).
const CLAIM_KEY = `INSERT INTO idempotency_keys (id, app_id, key, request_hash, created_at, expires_at)
  VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (app_id, key) DO UPDATE SET request_hash = excluded.request_hash, created_at = excluded.created_at,
    expires_at = excluded.expires_at, response_status = NULL, response_body = NULL
  WHERE idempotency_keys.expires_at <= $7
  RETURNING id`;

/** The `idempotency_keys` table: one row per app and `Idempotency-Key`, with the first response. */
export class IdempotencyKeyRepository {
  constructor(private readonly transactor: Transactor) {}

  /**
   * Claims a key in one statement and one commit: a new row, or the row of the same key expired by `now`
   * taken over (its answer cleared). Returns the claimed row's id, or null when the key is held (the first
   * request's row is then read with `find`). One upsert instead of a delete of the expired key and an insert:
   * each was a commit of its own on every send that carries a key.
   */
  async claim(
    row: Omit<IdempotencyKeyEntity, 'responseStatus' | 'responseBody'>,
    now: string,
  ): Promise<string | null> {
    const [claimed] = await this.transactor.query<{ id: string }>(CLAIM_KEY, [
      row.id,
      row.appId,
      row.key,
      row.requestHash,
      row.createdAt,
      row.expiresAt,
      now,
    ]);
    return claimed?.id ?? null;
  }

  find(appId: string, key: string): Promise<IdempotencyKeyEntity | null> {
    return this.transactor.dataSource.manager.findOneBy(IdempotencyKeyEntity, { appId, key });
  }

  async remove(id: string): Promise<void> {
    await this.transactor.write((m) => m.delete(IdempotencyKeyEntity, { id }));
  }
}
