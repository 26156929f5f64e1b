import { Entity, Index } from 'typeorm';
import { IdColumn, IntColumn, RefColumn, StringColumn, TextColumn, TimeColumn } from './columns.js';

export const MIGRATION_ITEM_STATUSES = ['pending', 'done', 'skipped', 'failed'] as const;
export type MigrationItemStatus = (typeof MIGRATION_ITEM_STATUSES)[number];

/**
 * One item of a migration job: an account, a group, a member, a message… as the source gave it (`payload`,
 * the contract item as JSON), and what became of it. `sourceKey` is unique per job and kind, so a page read
 * again after a crash inserts nothing new. History items carry their conversation and an order key (sent
 * time, then read order), the order they are imported in.
 */
@Entity({ name: 'migration_items' })
@Index('uq_migration_items_source', ['jobId', 'kind', 'sourceKey'], { unique: true })
@Index('idx_migration_items_claim', ['jobId', 'kind', 'status', 'conversationKey', 'orderKey'])
@Index('idx_migration_items_job', ['jobId', 'id'])
export class MigrationItemEntity {
  @IdColumn() id!: string;
  @RefColumn('job_id') jobId!: string;
  @StringColumn('kind', 16) kind!: string;
  @StringColumn('source_key', 400) sourceKey!: string;
  @TextColumn('payload') payload!: string;
  @StringColumn('conversation_key', 300, { nullable: true }) conversationKey!: string | null;
  @StringColumn('order_key', 40, { nullable: true }) orderKey!: string | null;
  @StringColumn('status', 16) status!: MigrationItemStatus;
  @StringColumn('target_id', 200, { nullable: true }) targetId!: string | null;
  @StringColumn('reason', 500, { nullable: true }) reason!: string | null;
  @StringColumn('error_code', 64, { nullable: true }) errorCode!: string | null;
  @TextColumn('error_message', { nullable: true }) errorMessage!: string | null;
  @StringColumn('vendor_code', 64, { nullable: true }) vendorCode!: string | null;
  @IntColumn('attempts') attempts!: number;
  /** Set before a call whose result the target assigns (a group's id), cleared by its result. */
  @TimeColumn('in_flight_at', { nullable: true }) inFlightAt!: string | null;
  @TimeColumn('updated_at') updatedAt!: string;
}
