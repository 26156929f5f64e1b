import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { IdempotencyKeyEntity, isUniqueViolation, newId, nowIso, Transactor } from '@im-gateway/persistence';
import { canonicalJson } from '@im-gateway/provider-kit/callback';
import { ImGatewayError } from '@im-gateway/types';

/** How long a key and its first response are kept (the `Idempotency-Key` contract). */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

export type IdempotencyClaim =
  { kind: 'new'; id: string } | { kind: 'replay'; status: number; body: unknown };

/**
 * `Idempotency-Key`: the first request with a key claims it (a unique row per app and key); a repeat with
 * the same body gets the stored response, with another body 409 `idempotency_conflict`. A key whose
 * first request is still running answers 409 `conflict`, and a request that ended in an error releases
 * its key so that the client may retry.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    @InjectRepository(IdempotencyKeyEntity) private readonly keys: Repository<IdempotencyKeyEntity>,
    private readonly transactor: Transactor,
  ) {}

  /** A stable hash of a request body: same JSON value, same hash, whatever the key order. */
  hash(body: unknown): string {
    return createHash('sha256').update(canonicalJson(body)).digest('hex');
  }

  async claim(appId: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    const now = nowIso();
    await this.transactor.write((m) =>
      m
        .createQueryBuilder()
        .delete()
        .from(IdempotencyKeyEntity)
        .where('app_id = :appId AND key = :key AND expires_at <= :now', { appId, key, now })
        .execute(),
    );
    const id = newId();
    try {
      // One plain INSERT: TypeORM's save would look the new row up first, in a transaction of its own.
      await this.transactor.query(
        'INSERT INTO idempotency_keys (id, app_id, key, request_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [id, appId, key, requestHash, now, new Date(Date.now() + IDEMPOTENCY_TTL_MS).toISOString()],
      );
      return { kind: 'new', id };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const first = await this.keys.findOneBy({ appId, key });
    if (!first) throw new ImGatewayError('conflict', 'This Idempotency-Key is being reused concurrently.');
    if (first.requestHash !== requestHash)
      throw new ImGatewayError(
        'idempotency_conflict',
        'This Idempotency-Key was used with a different request body in the last 24 hours.',
      );
    if (first.responseStatus === null)
      throw new ImGatewayError(
        'conflict',
        'The first request with this Idempotency-Key is still in progress.',
      );
    return { kind: 'replay', status: first.responseStatus, body: first.responseBody };
  }

  async complete(id: string, status: number, body: unknown): Promise<void> {
    await this.transactor.write((m) =>
      m.update(IdempotencyKeyEntity, { id }, { responseStatus: status, responseBody: body as object }),
    );
  }

  async release(id: string): Promise<void> {
    await this.transactor.write((m) => m.delete(IdempotencyKeyEntity, { id }));
  }
}
