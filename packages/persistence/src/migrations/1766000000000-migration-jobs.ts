import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  bool,
  id,
  int,
  ref,
  str,
  text,
  time,
  createTables,
  dropTables,
  type TableSpec,
} from './schema-columns.js';

/** Migration jobs: moving a bridge's existing directory and history, with every item's state. */
const TABLES: TableSpec[] = [
  {
    table: new Table({
      name: 'migration_jobs',
      columns: [
        id(),
        ref('bridge_id'),
        str('direction', 16),
        ref('source_app_id'),
        ref('target_app_id'),
        text('scope'),
        time('history_from', true),
        time('history_to', true),
        bool('dry_run'),
        str('status', 16),
        str('history_state', 16),
        text('kinds'),
        text('users', true),
        text('password_sealed', true),
        str('error_code', 64, { isNullable: true }),
        text('error_message', true),
        str('lease_owner', 64, { isNullable: true }),
        time('lease_until', true),
        time('created_at'),
        time('updated_at'),
        time('started_at', true),
        time('finished_at', true),
      ],
    }),
    indices: [
      new TableIndex({ name: 'idx_migration_jobs_bridge', columnNames: ['bridge_id', 'id'] }),
      new TableIndex({ name: 'idx_migration_jobs_status', columnNames: ['status'] }),
    ],
  },
  {
    table: new Table({
      name: 'migration_items',
      columns: [
        id(),
        ref('job_id'),
        str('kind', 16),
        str('source_key', 400),
        text('payload'),
        str('conversation_key', 300, { isNullable: true }),
        str('order_key', 40, { isNullable: true }),
        str('status', 16),
        str('target_id', 200, { isNullable: true }),
        str('reason', 500, { isNullable: true }),
        str('error_code', 64, { isNullable: true }),
        text('error_message', true),
        str('vendor_code', 64, { isNullable: true }),
        int('attempts'),
        time('in_flight_at', true),
        time('updated_at'),
      ],
    }),
    indices: [
      new TableIndex({
        name: 'uq_migration_items_source',
        columnNames: ['job_id', 'kind', 'source_key'],
        isUnique: true,
      }),
      // Claiming: the pending items of one kind, in conversation and order; counting by status uses it too.
      new TableIndex({
        name: 'idx_migration_items_claim',
        columnNames: ['job_id', 'kind', 'status', 'conversation_key', 'order_key'],
      }),
      new TableIndex({ name: 'idx_migration_items_job', columnNames: ['job_id', 'id'] }),
    ],
  },
];

export class MigrationJobs1766000000000 implements MigrationInterface {
  name = 'MigrationJobs1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTables(queryRunner, TABLES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTables(queryRunner, TABLES);
  }
}
