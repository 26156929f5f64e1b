import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The events list filters by type, conversation or user and pages in id order. With indexes on (app_id,
 * type) and (app_id, conversation_id) alone, a filtered page read every matching row and sorted it — or walked
 * the app's events in id order until it found a hundred — and at a million events a page took 50 ms and more
 * (`npm run bench -- --only growth`). Each filter now has an index that ends in `id`, so a page is a range scan
 * that stops after its rows; the user filter (`actor`) had none. Building them locks writes to `events`
 * while it runs: seconds per million rows.
 */
const REPLACED = [
  { old: 'idx_events_app_type', name: 'idx_events_app_type_id', columnNames: ['app_id', 'type', 'id'] },
  {
    old: 'idx_events_app_conversation',
    name: 'idx_events_app_conversation_id',
    columnNames: ['app_id', 'conversation_id', 'id'],
  },
];
const ADDED = { name: 'idx_events_app_actor_id', columnNames: ['app_id', 'actor', 'id'] };

export class EventListIndexes1766400000000 implements MigrationInterface {
  name = 'EventListIndexes1766400000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const { old, name, columnNames } of REPLACED) {
      await runner.createIndex('events', new TableIndex({ name, columnNames }));
      await runner.dropIndex('events', old);
    }
    await runner.createIndex('events', new TableIndex(ADDED));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('events', ADDED.name);
    for (const { old, name, columnNames } of REPLACED) {
      await runner.createIndex('events', new TableIndex({ name: old, columnNames: columnNames.slice(0, 2) }));
      await runner.dropIndex('events', name);
    }
  }
}
