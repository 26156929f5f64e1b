import { Entity, PrimaryColumn } from 'typeorm';
import { IntColumn } from './columns.js';

/**
 * How many of a job's items of a kind are in a status, for one detail (a skipped item's reason, a failed
 * item's error code, `''` otherwise). Kept by the statements that change an item's status, in the same
 * statement or transaction, so a job's progress is a read of a few rows, not a count over its items (a
 * job of millions of members counted at every poll would hold SQLite's one connection for seconds).
 */
@Entity({ name: 'migration_item_counts' })
export class MigrationItemCountEntity {
  @PrimaryColumn({ name: 'job_id', type: 'varchar', length: 36 }) jobId!: string;
  @PrimaryColumn({ name: 'kind', type: 'varchar', length: 16 }) kind!: string;
  @PrimaryColumn({ name: 'status', type: 'varchar', length: 16 }) status!: string;
  @PrimaryColumn({ name: 'detail', type: 'varchar', length: 500 }) detail!: string;
  @IntColumn('count') count!: number;
}

/**
 * Items of a job finished per kind and status in one `bucket` (epoch ms / `RATE_BUCKET_MS`): the rate over
 * the last minute. A ring of `slot`s per kind and status, a new bucket taking the oldest slot's place, so
 * the table stays a few rows a job however long it runs.
 */
@Entity({ name: 'migration_item_rates' })
export class MigrationItemRateEntity {
  @PrimaryColumn({ name: 'job_id', type: 'varchar', length: 36 }) jobId!: string;
  @PrimaryColumn({ name: 'kind', type: 'varchar', length: 16 }) kind!: string;
  @PrimaryColumn({ name: 'status', type: 'varchar', length: 16 }) status!: string;
  @PrimaryColumn({ name: 'slot', type: 'integer' }) slot!: number;
  @IntColumn('bucket') bucket!: number;
  @IntColumn('count') count!: number;
}
