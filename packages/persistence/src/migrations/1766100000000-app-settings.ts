import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { text } from './schema-columns.js';

/** Per-app settings (JSON) that override the gateway's defaults, such as retention periods. Null: none. */
export class AppSettings1766100000000 implements MigrationInterface {
  name = 'AppSettings1766100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('apps', new TableColumn(text('settings', true)));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('apps', 'settings');
  }
}
