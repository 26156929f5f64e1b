import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { int, ref, str, createTables, dropTables, type TableSpec } from './schema-columns.js';

/** Migration jobs' item counts by kind, status and detail, and their finish rates (`migration-item-counts.ts`). */
const TABLES: TableSpec[] = [
  {
    table: new Table({
      name: 'migration_item_counts',
      columns: [
        { ...ref('job_id'), isPrimary: true },
        { ...str('kind', 16), isPrimary: true },
        { ...str('status', 16), isPrimary: true },
        { ...str('detail', 500), isPrimary: true },
        int('count'),
      ],
    }),
    indices: [],
  },
  {
    table: new Table({
      name: 'migration_item_rates',
      columns: [
        { ...ref('job_id'), isPrimary: true },
        { ...str('kind', 16), isPrimary: true },
        { ...str('status', 16), isPrimary: true },
        int('slot', { isPrimary: true }),
        int('bucket'),
        int('count'),
      ],
    }),
    indices: [],
  },
];

/** The counts of the jobs already stored, from their items (their rates start empty). */
const BACKFILL = `INSERT INTO migration_item_counts (job_id, kind, status, detail, count)
  SELECT job_id, kind, status,
    CASE status WHEN 'skipped' THEN COALESCE(reason, '') WHEN 'failed' THEN COALESCE(error_code, '') ELSE '' END,
    COUNT(*)
  FROM migration_items GROUP BY 1, 2, 3, 4`;

export class MigrationItemCounts1766500000000 implements MigrationInterface {
  name = 'MigrationItemCounts1766500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTables(queryRunner, TABLES);
    await queryRunner.query(BACKFILL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTables(queryRunner, TABLES);
  }
}
