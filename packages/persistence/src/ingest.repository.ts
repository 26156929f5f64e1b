import type { EntityManager } from 'typeorm';
import type { DeliveryEntity } from './entities/delivery.entity.js';
import type { EventEntity } from './entities/event.entity.js';
import type { InboundCallbackEntity } from './entities/inbound-callback.entity.js';
import type { SqliteHandle, Transactor } from './transactor.js';

export interface IngestBatch {
  callback: InboundCallbackEntity;
  events: EventEntity[];
  deliveries: DeliveryEntity[];
}

export type IngestResult = 'stored' | 'duplicate';

type Row = Record<string, unknown>;

const CALLBACK_COLUMNS = [
  'id',
  'app_id',
  'provider',
  'dedupe_key',
  'vendor_kind',
  'verdict',
  'raw_body',
  'query',
  'headers',
  'event_count',
  'received_at',
];
const EVENT_COLUMNS = [
  'id',
  'app_id',
  'callback_id',
  'provider',
  'type',
  'dedupe_key',
  'conversation_type',
  'conversation_id',
  'actor',
  'occurred_at',
  'received_at',
  'body',
];
const DELIVERY_COLUMNS = [
  'id',
  'app_id',
  'endpoint_id',
  'event_id',
  'status',
  'attempts',
  'next_attempt_at',
  'last_attempt_at',
  'ordering_key',
  'occurred_at',
  'locked_until',
  'created_at',
  'updated_at',
];

const callbackValues = (c: InboundCallbackEntity): unknown[] => [
  c.id,
  c.appId,
  c.provider,
  c.dedupeKey,
  c.vendorKind,
  c.verdict,
  c.rawBody,
  JSON.stringify(c.query),
  JSON.stringify(c.headers),
  c.eventCount,
  c.receivedAt,
];
const eventValues = (e: EventEntity): unknown[] => [
  e.id,
  e.appId,
  e.callbackId,
  e.provider,
  e.type,
  e.dedupeKey,
  e.conversationType,
  e.conversationId,
  e.actor,
  e.occurredAt,
  e.receivedAt,
  JSON.stringify(e.body),
];
const deliveryValues = (d: DeliveryEntity): unknown[] => [
  d.id,
  d.appId,
  d.endpointId,
  d.eventId,
  d.status,
  d.attempts,
  d.nextAttemptAt,
  d.lastAttemptAt,
  d.orderingKey,
  d.occurredAt,
  d.lockedUntil,
  d.createdAt,
  d.updatedAt,
];

/**
 * The write path of an accepted callback, in as few statements as the engines allow: one insert of the
 * raw callback that doubles as the dedupe check (`ON CONFLICT … DO NOTHING`), then one multi-row insert of
 * the events and one of the deliveries. Round trips, not fsyncs, bound this path (see the storage notes in
 * the architecture), hence raw SQL here; on SQLite it runs synchronously on the driver's handle.
 */
export class IngestRepository {
  private readonly statements = new Map<string, string>();

  constructor(private readonly transactor: Transactor) {}

  /** Stores a callback with its events and deliveries in one transaction; a known dedupe key stores nothing. */
  store(batch: IngestBatch): Promise<IngestResult> {
    if (this.transactor.engine === 'sqlite')
      return this.transactor.sqlite((db) => this.storeSqlite(db, batch));
    return this.transactor.transaction((manager) => this.storePostgres(manager, batch));
  }

  private async storePostgres(manager: EntityManager, batch: IngestBatch): Promise<IngestResult> {
    const inserted: Row[] = await manager.query(this.insertCallbackSql('$'), callbackValues(batch.callback));
    if (inserted.length === 0) return 'duplicate';
    if (batch.events.length > 0) {
      await manager.query(
        this.insertSql('$', 'events', EVENT_COLUMNS, batch.events.length),
        batch.events.flatMap(eventValues),
      );
    }
    if (batch.deliveries.length > 0) {
      await manager.query(
        this.insertSql('$', 'deliveries', DELIVERY_COLUMNS, batch.deliveries.length),
        batch.deliveries.flatMap(deliveryValues),
      );
    }
    return 'stored';
  }

  // better-sqlite3 is synchronous: the whole batch commits before any other request runs.
  private storeSqlite(db: SqliteHandle, batch: IngestBatch): IngestResult {
    const inserted = db
      .prepare(this.insertCallbackSql('?'))
      .run(...callbackValues(batch.callback).map(sqliteValue));
    if (inserted.changes === 0) return 'duplicate';
    if (batch.events.length > 0) {
      db.prepare(this.insertSql('?', 'events', EVENT_COLUMNS, batch.events.length)).run(
        ...batch.events.flatMap(eventValues).map(sqliteValue),
      );
    }
    if (batch.deliveries.length > 0) {
      db.prepare(this.insertSql('?', 'deliveries', DELIVERY_COLUMNS, batch.deliveries.length)).run(
        ...batch.deliveries.flatMap(deliveryValues).map(sqliteValue),
      );
    }
    return 'stored';
  }

  private insertCallbackSql(style: '$' | '?'): string {
    return `${this.insertSql(style, 'inbound_callbacks', CALLBACK_COLUMNS, 1)} ON CONFLICT (app_id, dedupe_key) DO NOTHING${style === '$' ? ' RETURNING id' : ''}`;
  }

  private insertSql(style: '$' | '?', table: string, columns: string[], rows: number): string {
    const cacheKey = `${style}${table}${rows}`;
    const cached = this.statements.get(cacheKey);
    if (cached) return cached;
    let n = 0;
    const tuple = () => `(${columns.map(() => (style === '$' ? `$${++n}` : '?')).join(', ')})`;
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, tuple).join(', ')}`;
    this.statements.set(cacheKey, sql);
    return sql;
  }
}

/** better-sqlite3 binds booleans only as numbers. */
function sqliteValue(value: unknown): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}
