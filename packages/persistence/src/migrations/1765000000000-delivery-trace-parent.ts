import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { str } from './schema-columns.js';

/**
 * Each delivery keeps the W3C `traceparent` of the ingest that created it (55 characters), so the attempts,
 * which run later and maybe in another replica, join the callback's trace. Null for older rows.
 */
export class DeliveryTraceParent1765000000000 implements MigrationInterface {
  name = 'DeliveryTraceParent1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('deliveries', new TableColumn(str('trace_parent', 55, { isNullable: true })));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('deliveries', 'trace_parent');
  }
}
