import { Entity, Index } from 'typeorm';
import { IdColumn, IntColumn, JsonColumn, RefColumn, StringColumn, TimeColumn } from './columns.js';

/** The first response to an `Idempotency-Key`, replayed for 24 h to the same request. */
@Entity({ name: 'idempotency_keys' })
@Index('uq_idempotency_keys_app_key', ['appId', 'key'], { unique: true })
export class IdempotencyKeyEntity {
  @IdColumn() id!: string;
  @RefColumn('app_id') appId!: string;
  @StringColumn('key', 255) key!: string;
  @StringColumn('request_hash', 64) requestHash!: string;
  @IntColumn('response_status', { nullable: true }) responseStatus!: number | null;
  @JsonColumn('response_body', { nullable: true }) responseBody!: unknown;
  @TimeColumn('created_at') createdAt!: string;
  @TimeColumn('expires_at') expiresAt!: string;
}
