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

const TABLES: TableSpec[] = [
  {
    table: new Table({
      name: 'apps',
      columns: [
        id(),
        str('name', 200),
        str('provider', 64),
        text('config'),
        text('secrets_encrypted'),
        bool('disabled'),
        time('created_at'),
        time('updated_at'),
      ],
    }),
    indices: [],
  },
  {
    table: new Table({
      name: 'api_keys',
      columns: [
        id(),
        ref('app_id'),
        str('name', 200),
        str('prefix', 32),
        str('key_hash', 64),
        time('created_at'),
        time('last_used_at', true),
      ],
    }),
    indices: [
      new TableIndex({ name: 'idx_api_keys_app', columnNames: ['app_id'] }),
      new TableIndex({ name: 'uq_api_keys_hash', columnNames: ['key_hash'], isUnique: true }),
    ],
  },
  {
    table: new Table({
      name: 'inbound_callbacks',
      columns: [
        id(),
        ref('app_id'),
        str('provider', 64),
        str('dedupe_key', 255),
        str('vendor_kind', 128),
        str('verdict', 16),
        text('raw_body'),
        text('query'),
        text('headers'),
        int('event_count'),
        time('received_at'),
      ],
    }),
    indices: [
      new TableIndex({
        name: 'uq_inbound_callbacks_dedupe',
        columnNames: ['app_id', 'dedupe_key'],
        isUnique: true,
      }),
    ],
  },
  {
    table: new Table({
      name: 'events',
      columns: [
        id(),
        ref('app_id'),
        ref('callback_id', true),
        str('provider', 64),
        str('type', 96),
        str('dedupe_key', 255),
        str('conversation_type', 16, { isNullable: true }),
        str('conversation_id', 255, { isNullable: true }),
        str('actor', 255, { isNullable: true }),
        time('occurred_at'),
        time('received_at'),
        text('body'),
      ],
    }),
    indices: [
      new TableIndex({ name: 'uq_events_dedupe', columnNames: ['app_id', 'dedupe_key'], isUnique: true }),
      new TableIndex({ name: 'idx_events_app_id', columnNames: ['app_id', 'id'] }),
      new TableIndex({ name: 'idx_events_app_type', columnNames: ['app_id', 'type'] }),
      new TableIndex({ name: 'idx_events_app_conversation', columnNames: ['app_id', 'conversation_id'] }),
    ],
  },
  {
    table: new Table({
      name: 'endpoints',
      columns: [
        id(),
        ref('app_id'),
        text('url'),
        str('description', 500, { default: "''" }),
        text('event_types'),
        bool('disabled'),
        str('disabled_reason', 200, { isNullable: true }),
        text('headers'),
        str('ordering', 16, { default: "'none'" }),
        bool('exclude_relayed'),
        text('secret_encrypted'),
        text('previous_secret_encrypted', true),
        time('previous_secret_expires_at', true),
        time('failing_since', true),
        time('created_at'),
        time('updated_at'),
      ],
    }),
    indices: [new TableIndex({ name: 'idx_endpoints_app', columnNames: ['app_id'] })],
  },
  {
    table: new Table({
      name: 'deliveries',
      columns: [
        id(),
        ref('app_id'),
        ref('endpoint_id'),
        ref('event_id'),
        str('status', 16),
        int('attempts', { default: 0 }),
        time('next_attempt_at', true),
        time('last_attempt_at', true),
        str('ordering_key', 300, { isNullable: true }),
        time('occurred_at'),
        time('locked_until', true),
        time('created_at'),
        time('updated_at'),
      ],
    }),
    indices: [
      new TableIndex({
        name: 'uq_deliveries_event_endpoint',
        columnNames: ['event_id', 'endpoint_id'],
        isUnique: true,
      }),
      new TableIndex({ name: 'idx_deliveries_due', columnNames: ['status', 'next_attempt_at'] }),
      new TableIndex({ name: 'idx_deliveries_endpoint', columnNames: ['endpoint_id', 'id'] }),
    ],
  },
  {
    table: new Table({
      name: 'delivery_attempts',
      columns: [
        id(),
        ref('delivery_id'),
        time('attempted_at'),
        int('status_code', { isNullable: true }),
        int('duration_ms'),
        text('response_excerpt', true),
        str('error', 500, { isNullable: true }),
      ],
    }),
    indices: [new TableIndex({ name: 'idx_delivery_attempts_delivery', columnNames: ['delivery_id', 'id'] })],
  },
  {
    table: new Table({
      name: 'messages',
      columns: [
        id(),
        ref('app_id'),
        str('provider', 64),
        str('status', 16),
        text('request'),
        text('results'),
        time('created_at'),
        time('recalled_at', true),
      ],
    }),
    indices: [new TableIndex({ name: 'idx_messages_app', columnNames: ['app_id', 'id'] })],
  },
  {
    table: new Table({
      name: 'idempotency_keys',
      columns: [
        id(),
        ref('app_id'),
        str('key', 255),
        str('request_hash', 64),
        int('response_status', { isNullable: true }),
        text('response_body', true),
        time('created_at'),
        time('expires_at'),
      ],
    }),
    indices: [
      new TableIndex({ name: 'uq_idempotency_keys_app_key', columnNames: ['app_id', 'key'], isUnique: true }),
    ],
  },
];

export class InitialSchema1732300000000 implements MigrationInterface {
  name = 'InitialSchema1732300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTables(queryRunner, TABLES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTables(queryRunner, TABLES);
  }
}
