import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { id, int, ref, str, text, time, createTables, dropTables, type TableSpec } from './schema-columns.js';

/** Vendor migration: bridges, their id tables, relays with their attempts, and the message-id map. */
const TABLES: TableSpec[] = [
  {
    table: new Table({
      name: 'bridges',
      columns: [
        id(),
        str('name', 200),
        ref('source_app_id'),
        ref('target_app_id'),
        str('direction', 16),
        text('conversation_kinds'),
        text('user_mapping'),
        str('status', 16),
        time('created_at'),
        time('updated_at'),
      ],
    }),
    indices: [
      new TableIndex({ name: 'idx_bridges_source', columnNames: ['source_app_id'] }),
      new TableIndex({ name: 'idx_bridges_target', columnNames: ['target_app_id'] }),
    ],
  },
  {
    table: new Table({
      name: 'bridge_mappings',
      columns: [
        id(),
        ref('bridge_id'),
        str('kind', 16),
        str('source_id', 128),
        str('target_id', 128),
        time('created_at'),
      ],
    }),
    indices: [
      new TableIndex({
        name: 'uq_bridge_mappings_source',
        columnNames: ['bridge_id', 'kind', 'source_id'],
        isUnique: true,
      }),
      new TableIndex({
        name: 'uq_bridge_mappings_target',
        columnNames: ['bridge_id', 'kind', 'target_id'],
        isUnique: true,
      }),
    ],
  },
  {
    table: new Table({
      name: 'relays',
      columns: [
        id(),
        ref('bridge_id'),
        ref('source_app_id'),
        ref('target_app_id'),
        ref('origin_event_id', true),
        str('action', 16),
        str('source_message_id', 200),
        str('conversation_kind', 16, { isNullable: true }),
        str('conversation_id', 200, { isNullable: true }),
        str('status', 16),
        str('reason', 500, { isNullable: true }),
        int('attempts', { default: 0 }),
        time('next_attempt_at', true),
        time('last_attempt_at', true),
        time('locked_until', true),
        text('last_error', true),
        text('target_message_ids', true),
        time('occurred_at'),
        time('created_at'),
        time('relayed_at', true),
        time('updated_at'),
      ],
    }),
    indices: [
      new TableIndex({
        name: 'uq_relays_source',
        columnNames: ['bridge_id', 'source_app_id', 'action', 'source_message_id'],
        isUnique: true,
      }),
      new TableIndex({ name: 'idx_relays_due', columnNames: ['status', 'next_attempt_at'] }),
      new TableIndex({ name: 'idx_relays_bridge', columnNames: ['bridge_id', 'id'] }),
      new TableIndex({ name: 'idx_relays_conversation', columnNames: ['bridge_id', 'conversation_id'] }),
    ],
  },
  {
    table: new Table({
      name: 'relay_attempts',
      columns: [
        id(),
        ref('relay_id'),
        time('attempted_at'),
        str('outcome', 16),
        int('duration_ms'),
        str('error', 500, { isNullable: true }),
      ],
    }),
    indices: [new TableIndex({ name: 'idx_relay_attempts_relay', columnNames: ['relay_id', 'id'] })],
  },
  {
    table: new Table({
      name: 'relayed_messages',
      columns: [
        id(),
        ref('bridge_id'),
        ref('relay_id'),
        ref('source_app_id'),
        str('source_message_id', 200),
        str('source_from', 128),
        str('source_to_type', 16),
        str('source_to_id', 200),
        ref('target_app_id'),
        str('target_message_id', 200),
        str('target_from', 128),
        str('target_to_type', 16),
        str('target_to_id', 200),
        time('recalled_at', true),
        ref('recall_relay_id', true),
        time('created_at'),
      ],
    }),
    indices: [
      new TableIndex({
        name: 'idx_relayed_messages_source',
        columnNames: ['source_app_id', 'source_message_id'],
      }),
      new TableIndex({
        name: 'idx_relayed_messages_target',
        columnNames: ['target_app_id', 'target_message_id'],
      }),
    ],
  },
];

export class Bridges1763900000000 implements MigrationInterface {
  name = 'Bridges1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTables(queryRunner, TABLES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTables(queryRunner, TABLES);
  }
}
