import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { id, int, ref, str, text, time, createTables, dropTables, type TableSpec } from './schema-columns.js';

/** Reconciliation: the message keys every stored message holds, and the runs that recover missing ones. */
const TABLES: TableSpec[] = [
  {
    table: new Table({
      name: 'message_receipts',
      columns: [
        str('app_id', 36, { isPrimary: true }),
        str('message_key', 255, { isPrimary: true }),
        ref('event_id'),
        str('origin', 16),
        time('created_at'),
      ],
    }),
    indices: [new TableIndex({ name: 'idx_message_receipts_created', columnNames: ['created_at'] })],
  },
  {
    table: new Table({
      name: 'reconciliation_runs',
      columns: [
        id(),
        ref('app_id'),
        str('trigger', 16),
        str('schedule_key', 32, { isNullable: true }),
        time('window_from'),
        time('window_to'),
        str('status', 16),
        text('progress'),
        int('seen'),
        int('matched'),
        int('recovered'),
        int('unreadable_count'),
        text('unreadable'),
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
      new TableIndex({ name: 'idx_reconciliation_runs_app', columnNames: ['app_id', 'id'] }),
      new TableIndex({ name: 'idx_reconciliation_runs_status', columnNames: ['status'] }),
      new TableIndex({
        name: 'uq_reconciliation_runs_schedule',
        columnNames: ['app_id', 'schedule_key'],
        isUnique: true,
      }),
    ],
  },
];

/**
 * The keys of the messages and recalls already stored, from the events' bodies, as `messageKeysOf` derives
 * them (the sender's `message.sent`, not Easemob's offline copies; each id a recall names), for ids that fit
 * the column as they are (a longer one, stored hashed from now on, is left out: SQL has no portable hash). Two statements
 * per engine because their JSON functions differ; the first event of a key wins, as it would have live.
 */
const BACKFILL: Record<'sqlite' | 'postgres', string[]> = {
  sqlite: [
    `INSERT INTO message_receipts (app_id, message_key, event_id, origin, created_at)
     SELECT app_id, 'sent:' || json_extract(body, '$.message.id'), id, 'callback', received_at FROM events
     WHERE type = 'message.sent' AND json_extract(body, '$.message.id') IS NOT NULL
       AND json_extract(body, '$.message.id') <> '' AND length(json_extract(body, '$.message.id')) <= 250
       AND coalesce(json_extract(body, '$.data.offline'), 0) <> 1
     ORDER BY id ON CONFLICT DO NOTHING`,
    `INSERT INTO message_receipts (app_id, message_key, event_id, origin, created_at)
     SELECT e.app_id, 'recalled:' || ids.value, e.id, 'callback', e.received_at
     FROM events e, json_each(CASE WHEN json_type(e.body, '$.data.messageIds') = 'array'
                                   THEN json_extract(e.body, '$.data.messageIds')
                                   ELSE json_array(json_extract(e.body, '$.data.messageId')) END) ids
     WHERE e.type = 'message.recalled' AND ids.type = 'text' AND ids.value <> '' AND length(ids.value) <= 246
     ORDER BY e.id ON CONFLICT DO NOTHING`,
  ],
  postgres: [
    `INSERT INTO message_receipts (app_id, message_key, event_id, origin, created_at)
     SELECT app_id, 'sent:' || (body::jsonb #>> '{message,id}'), id, 'callback', received_at FROM events
     WHERE type = 'message.sent' AND coalesce(body::jsonb #>> '{message,id}', '') <> ''
       AND length(body::jsonb #>> '{message,id}') <= 250
       AND coalesce(body::jsonb #>> '{data,offline}', 'false') <> 'true'
     ORDER BY id ON CONFLICT DO NOTHING`,
    `INSERT INTO message_receipts (app_id, message_key, event_id, origin, created_at)
     SELECT e.app_id, 'recalled:' || ids.value, e.id, 'callback', e.received_at
     FROM events e CROSS JOIN LATERAL jsonb_array_elements_text(
       CASE WHEN jsonb_typeof(e.body::jsonb #> '{data,messageIds}') = 'array' THEN e.body::jsonb #> '{data,messageIds}'
            WHEN jsonb_typeof(e.body::jsonb #> '{data,messageId}') = 'string'
              THEN jsonb_build_array(e.body::jsonb #> '{data,messageId}')
            ELSE '[]'::jsonb END) AS ids(value)
     WHERE e.type = 'message.recalled' AND ids.value <> '' AND length(ids.value) <= 246
     ORDER BY e.id ON CONFLICT DO NOTHING`,
  ],
};

export class Reconciliation1766300000000 implements MigrationInterface {
  name = 'Reconciliation1766300000000';

  async up(runner: QueryRunner): Promise<void> {
    await createTables(runner, TABLES);
    const engine = runner.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
    for (const sql of BACKFILL[engine]) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropTables(runner, TABLES);
  }
}
