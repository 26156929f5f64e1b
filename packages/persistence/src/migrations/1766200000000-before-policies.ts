import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createTables, dropTables, int, str, text, time, type TableSpec } from './schema-columns.js';

/** Before-callback policies: one row per app, keyed by the app. */
const TABLES: TableSpec[] = [
  {
    table: new Table({
      name: 'before_policies',
      columns: [
        str('app_id', 36, { isPrimary: true }),
        text('policy'),
        str('on_error', 8),
        text('secret_encrypted', true),
        int('version'),
        time('created_at'),
        time('updated_at'),
      ],
    }),
    indices: [],
  },
];

export class BeforePolicies1766200000000 implements MigrationInterface {
  name = 'BeforePolicies1766200000000';

  async up(runner: QueryRunner): Promise<void> {
    await createTables(runner, TABLES);
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropTables(runner, TABLES);
  }
}
