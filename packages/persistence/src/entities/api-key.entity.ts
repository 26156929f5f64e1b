import { Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, StringColumn, TimeColumn } from './columns.js';

/** An app-scoped API key. Only a hash is kept: the key is shown once, at creation. */
@Entity({ name: 'api_keys' })
export class ApiKeyEntity {
  @IdColumn() id!: string;
  @Index('idx_api_keys_app') @RefColumn('app_id') appId!: string;
  @StringColumn('name', 200) name!: string;
  /** The first characters of the key, so operators can tell keys apart. */
  @StringColumn('prefix', 32) prefix!: string;
  @Index('uq_api_keys_hash', { unique: true }) @StringColumn('key_hash', 64) keyHash!: string;
  @TimeColumn('created_at') createdAt!: string;
  @TimeColumn('last_used_at', { nullable: true }) lastUsedAt!: string | null;
}
