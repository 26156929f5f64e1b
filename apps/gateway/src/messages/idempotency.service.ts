import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { IdempotencyKeyRepository, newId, nowIso } from '@im-gateway/persistence';
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
  constructor(private readonly keys: IdempotencyKeyRepository) {}

  /** A stable hash of a request body: same JSON value, same hash, whatever the key order. */
  hash(body: unknown): string {
    return createHash('sha256').update(canonicalJson(body)).digest('hex');
  }

  async claim(appId: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    const now = nowIso();
    const claimed = await this.keys.claim(
      {
        id: newId(),
        appId,
        key,
        requestHash,
        createdAt: now,
        expiresAt: new Date(Date.now() + IDEMPOTENCY_TTL_MS).toISOString(),
      },
      now,
    );
    if (claimed !== null) return { kind: 'new', id: claimed };
    const first = await this.keys.find(appId, key);
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

  async release(id: string): Promise<void> {
    await this.keys.remove(id);
  }
}
