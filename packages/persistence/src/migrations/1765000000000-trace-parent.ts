import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { str } from './schema-columns.js';

/**
 * Each delivery and relay keeps the W3C `traceparent` of the ingest that created it (55 characters), so the attempts,
 * which run later and maybe in another replica, join the callback's trace. Null for older rows.
 */
const TABLES = ['deliveries', 'relays'];

export class TraceParent1765000000000 implements MigrationInterface {
  name = 'TraceParent1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await runner.addColumn(table, new TableColumn(str('trace_parent', 55, { isNullable: true })));
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of TABLES) await runner.dropColumn(table, 'trace_parent');
  }
}
