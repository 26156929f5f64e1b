import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { str, text } from './schema-columns.js';

/**
 * Endpoints that publish to a broker rather than POST: the destination type (`http` for every existing row),
 * the type's settings as JSON (exchange, subject, stream…), and the broker URL sealed when it carries
 * credentials (the `url` column then keeps it with the password redacted, as the API shows it).
 */
export class Destinations1765300000000 implements MigrationInterface {
  name = 'Destinations1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('endpoints', new TableColumn(str('type', 16, { default: "'http'" })));
    await runner.addColumn('endpoints', new TableColumn(text('destination', true)));
    await runner.addColumn('endpoints', new TableColumn(text('url_encrypted', true)));
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const column of ['url_encrypted', 'destination', 'type'])
      await runner.dropColumn('endpoints', column);
  }
}
