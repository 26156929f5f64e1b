import type { EntityManager } from 'typeorm';
import { messageKeysOf as vendorMessageKeys, type UnifiedEvent } from '@im-gateway/types';
import { storedMessageKey } from './message-key.js';
import type { DeliveryEntity } from './entities/delivery.entity.js';
import type { EventEntity } from './entities/event.entity.js';
import type { InboundCallbackEntity } from './entities/inbound-callback.entity.js';
import type { RelayEntity } from './entities/relay.entity.js';
import { valuesList } from './sql-values.js';
import { StatementBatcher } from './statement-batcher.js';
import type { SqliteHandle, Transactor } from './transactor.js';

export interface IngestBatch {
  callback: InboundCallbackEntity;
  events: EventEntity[];
  deliveries: DeliveryEntity[];
  /** Messages and recalls to repeat on the other side of a bridge (none when the app is in no bridge). */
  relays?: RelayEntity[];
}

/**
 * `duplicate`: the callback was stored before (a vendor retry), or every event it reports is of a message
 * already stored (a late callback of a recovered message): nothing new was stored.
 */
export type IngestResult = 'stored' | 'duplicate';

/** Events a reconciliation run recovered, with their deliveries and relays: stored where no receipt is. */
export interface RecoveredBatch {
  events: EventEntity[];
  deliveries: DeliveryEntity[];
  relays: RelayEntity[];
}

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
  'trace_parent',
];

const RELAY_COLUMNS = [
  'id',
  'bridge_id',
  'source_app_id',
  'target_app_id',
  'origin_event_id',
  'action',
  'source_message_id',
  'conversation_kind',
  'conversation_id',
  'status',
  'reason',
  'attempts',
  'next_attempt_at',
  'occurred_at',
  'created_at',
  'updated_at',
  'trace_parent',
];
/** An event's message keys as `message_receipts` stores them. */
const messageKeysOf = (event: UnifiedEvent): string[] => vendorMessageKeys(event).map(storedMessageKey);

const RECEIPT_COLUMNS = ['app_id', 'message_key', 'event_id', 'origin', 'created_at'];
/** The first event of a message key wins; a later one (of a message already stored) is not stored. */
const RECEIPT_CONFLICT = ' ON CONFLICT (app_id, message_key) DO NOTHING';

/** The receipt rows of an event (none for an event that reports no message or recall). */
const receiptRows = (e: EventEntity, origin: 'callback' | 'recovered'): unknown[][] =>
  messageKeysOf(e.body).map((key) => [e.appId, key, e.id, origin, e.receivedAt]);

/** The batch without the events `dropped` names, and without their deliveries and relays. */
function withoutEvents<
  T extends { events: EventEntity[]; deliveries: DeliveryEntity[]; relays?: RelayEntity[] },
>(batch: T, dropped: ReadonlySet<string>): T {
  if (dropped.size === 0) return batch;
  return {
    ...batch,
    events: batch.events.filter((e) => !dropped.has(e.id)),
    deliveries: batch.deliveries.filter((d) => !dropped.has(d.eventId)),
    relays: batch.relays?.filter((r) => !dropped.has(r.originEventId ?? '')),
  };
}

/** An app's message key, as one string: a group may hold several apps' callbacks. */
const appKey = (appId: unknown, key: unknown): string => `${String(appId)}\u0000${String(key)}`;

/**
 * The events a store must leave out, given the ids of the keyed events whose receipts it won (`won`) and
 * the app keys (`appKey`) already held by a recovered event (`recoveredKeys`, callbacks only). A recovery stores only
 * what it won. A callback leaves out only the events of messages a recovery stored: two callbacks that
 * report one message (a test, a vendor's oddity) are both stored, as they always were.
 */
function droppedEvents(
  events: readonly EventEntity[],
  won: ReadonlySet<string>,
  origin: 'callback' | 'recovered',
  recoveredKeys: ReadonlySet<string> = new Set(),
): Set<string> {
  const dropped = new Set<string>();
  for (const e of events) {
    const keys = messageKeysOf(e.body);
    if (keys.length === 0 || won.has(e.id)) continue;
    if (origin === 'recovered' || keys.some((k) => recoveredKeys.has(appKey(e.appId, k)))) dropped.add(e.id);
  }
  return dropped;
}

/** Whether a stored callback brought nothing new: it reported events, and each was of a recovered message. */
const allDropped = (before: IngestBatch, after: IngestBatch): boolean =>
  before.events.length > 0 && after.events.length === 0;

/** A message already relayed for the bridge (the vendor sent it twice, in two callbacks) is not relayed again. */
const RELAY_CONFLICT = ' ON CONFLICT (bridge_id, source_app_id, action, source_message_id) DO NOTHING';

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
  d.traceParent ?? null,
];

const relayValues = (r: RelayEntity): unknown[] => [
  r.id,
  r.bridgeId,
  r.sourceAppId,
  r.targetAppId,
  r.originEventId,
  r.action,
  r.sourceMessageId,
  r.conversationKind,
  r.conversationId,
  r.status,
  r.reason,
  r.attempts,
  r.nextAttemptAt,
  r.occurredAt,
  r.createdAt,
  r.updatedAt,
  r.traceParent ?? null,
];

/** The cast a column's parameter needs in a `VALUES` list: its integer columns; the rest are text. */
const castOf = (column: string): string =>
  column === 'event_count' || column === 'attempts' ? '::integer' : '';

/** Callbacks committed together at most (group commit); a larger backlog waits for the next group. */
const MAX_GROUP = 128;
/** PostgreSQL: groups in flight at once (each holds one pooled connection; the rest of the pool serves the app). */
const POSTGRES_GROUPS_IN_FLIGHT = 6;
/** SQLite: rows per multi-row insert in a group (16 columns × 32 rows, far below its 32,766 parameters). */
const SQLITE_CHUNK = 32;
/** PostgreSQL accepts at most 65,535 parameters per statement. */
const MAX_PARAMETERS = 60_000;

/**
 * The write path of an accepted callback, in as few statements as the engines allow: one insert of the
 * raw callback that doubles as the dedupe check (`ON CONFLICT … DO NOTHING`), then one multi-row insert of
 * the events, one of the deliveries and one of the relays (if the app is bridged). Round trips and commits, not the rows, bound this path (see the
 * storage notes in the architecture), hence raw SQL here; on SQLite it runs synchronously on the driver's
 * handle.
 *
 * Group commit (`StatementBatcher`): callbacks that arrive while a commit is under way (or in the same turn
 * of the event loop) share the next transaction, and each caller's promise settles only after that
 * transaction has committed. Each callback stays all-or-nothing with its events and deliveries: if a group
 * fails, every callback of it is stored again in a transaction of its own, so a failure reaches only the
 * callback that caused it.
 */
export class IngestRepository {
  private readonly statements = new Map<string, string>();
  private readonly groups: StatementBatcher<IngestBatch, IngestResult>;

  constructor(private readonly transactor: Transactor) {
    const sqlite = transactor.engine === 'sqlite';
    const write = (batches: IngestBatch[]): Promise<IngestResult[]> =>
      sqlite ? transactor.sqlite((db) => this.storeSqliteGroup(db, batches)) : this.storePostgres(batches);
    this.groups = new StatementBatcher({
      maxBatch: MAX_GROUP,
      maxInFlight: sqlite ? 1 : POSTGRES_GROUPS_IN_FLIGHT,
      batch: write,
      one: (batch) => write([batch]).then(([result]) => result!),
    });
  }

  /** Stores a callback with its events and deliveries in one transaction; a known dedupe key stores nothing. */
  store(batch: IngestBatch): Promise<IngestResult> {
    return this.groups.submit(batch);
  }

  /**
   * A group on SQLite: one insert per callback (which tells new from duplicate), one per message key of its
   * events (which tells a new message from one already stored), then the rows kept, in chunks.
   */
  private storeSqliteGroup(db: SqliteHandle, batches: IngestBatch[]): IngestResult[] {
    const insertCallback = db.prepare(this.insertCallbackSql('?'));
    const stored: IngestBatch[] = [];
    const results = batches.map((b): IngestResult => {
      if (insertCallback.run(...callbackValues(b.callback).map(sqliteValue)).changes === 0)
        return 'duplicate';
      const kept = withoutEvents(b, this.insertSqliteReceipts(db, b.events, 'callback'));
      stored.push(kept);
      return allDropped(b, kept) ? 'duplicate' : 'stored';
    });
    this.insertSqliteRows(db, stored);
    return results;
  }

  /** Inserts the events' receipts; answers the events to leave out (`droppedEvents`). */
  private insertSqliteReceipts(
    db: SqliteHandle,
    events: EventEntity[],
    origin: 'callback' | 'recovered',
  ): Set<string> {
    const won = new Set<string>();
    const recoveredKeys = new Set<string>();
    const insert = db.prepare(this.insertSql('?', 'message_receipts', RECEIPT_COLUMNS, 1) + RECEIPT_CONFLICT);
    const holder = db.prepare(`SELECT origin FROM message_receipts WHERE app_id = ? AND message_key = ?`);
    for (const e of events)
      for (const row of receiptRows(e, origin)) {
        if (insert.run(...row).changes > 0) won.add(e.id);
        else if (origin === 'callback') {
          const held = holder.all(row[0], row[1])[0] as { origin: string } | undefined;
          if (held?.origin === 'recovered') recoveredKeys.add(appKey(row[0], row[1]));
        }
      }
    return droppedEvents(events, won, origin, recoveredKeys);
  }

  private insertSqliteRows(db: SqliteHandle, stored: Omit<IngestBatch, 'callback'>[]): void {
    this.insertSqliteChunks(
      db,
      'events',
      EVENT_COLUMNS,
      stored.flatMap((b) => b.events.map(eventValues)),
    );
    this.insertSqliteChunks(
      db,
      'deliveries',
      DELIVERY_COLUMNS,
      stored.flatMap((b) => b.deliveries.map(deliveryValues)),
    );
    this.insertSqliteChunks(
      db,
      'relays',
      RELAY_COLUMNS,
      stored.flatMap((b) => (b.relays ?? []).map(relayValues)),
      RELAY_CONFLICT,
    );
  }

  /**
   * Stores recovered events whose message keys no callback (and no other run) stored first, with their
   * deliveries and relays, in one transaction; answers the ids of the events stored. Two runs racing on
   * the same message: the receipt's primary key lets exactly one of them store it.
   */
  storeRecovered(batch: RecoveredBatch): Promise<string[]> {
    if (batch.events.length === 0) return Promise.resolve([]);
    if (this.transactor.engine === 'sqlite')
      return this.transactor.sqlite((db) => {
        const kept = withoutEvents(batch, this.insertSqliteReceipts(db, batch.events, 'recovered'));
        this.insertSqliteRows(db, [kept]);
        return kept.events.map((e) => e.id);
      });
    return this.transactor.transaction(async (m) => {
      const kept = withoutEvents(batch, await this.insertPostgresReceipts(m, batch.events, 'recovered'));
      await this.insertPostgresRows(m, [kept]);
      return kept.events.map((e) => e.id);
    });
  }

  /** Inserts the events' receipts; answers the events to leave out (`droppedEvents`). */
  private async insertPostgresReceipts(
    manager: EntityManager,
    events: EventEntity[],
    origin: 'callback' | 'recovered',
  ): Promise<Set<string>> {
    const rows = events.flatMap((e) => receiptRows(e, origin));
    const won = new Set<string>();
    const wonKeys = new Set<string>();
    const perStatement = Math.floor(MAX_PARAMETERS / RECEIPT_COLUMNS.length);
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows.slice(i, i + perStatement);
      const inserted: Row[] = await manager.query(
        this.insertSql('$', 'message_receipts', RECEIPT_COLUMNS, chunk.length) +
          RECEIPT_CONFLICT +
          ' RETURNING app_id, message_key, event_id',
        chunk.flat(),
      );
      for (const r of inserted) {
        won.add(String(r.event_id));
        wonKeys.add(appKey(r.app_id, r.message_key));
      }
    }
    const recoveredKeys = new Set<string>();
    const lost = rows.filter((r) => !wonKeys.has(appKey(r[0], r[1])));
    if (origin === 'callback' && lost.length > 0) {
      // Which of the keys this store lost a recovery holds: one statement, whatever the apps of the group.
      const held: Row[] = await manager.query(
        `SELECT r.app_id, r.message_key FROM message_receipts r
         JOIN unnest($1::text[], $2::text[]) AS l(app_id, message_key)
           ON r.app_id = l.app_id AND r.message_key = l.message_key
         WHERE r.origin = 'recovered'`,
        [lost.map((r) => String(r[0])), lost.map((r) => String(r[1]))],
      );
      for (const r of held) recoveredKeys.add(appKey(r.app_id, r.message_key));
    }
    return droppedEvents(events, won, origin, recoveredKeys);
  }

  /**
   * Rows in multi-row inserts of SQLITE_CHUNK rows, the rest one by one: two statement texts per table, so
   * the prepared-statement cache holds them all, whatever the group's size.
   */
  private insertSqliteChunks(
    db: SqliteHandle,
    table: string,
    columns: string[],
    rows: unknown[][],
    suffix = '',
  ): void {
    let i = 0;
    for (; i + SQLITE_CHUNK <= rows.length; i += SQLITE_CHUNK)
      db.prepare(this.insertSql('?', table, columns, SQLITE_CHUNK) + suffix).run(
        ...rows
          .slice(i, i + SQLITE_CHUNK)
          .flat()
          .map(sqliteValue),
      );
    for (; i < rows.length; i++)
      db.prepare(this.insertSql('?', table, columns, 1) + suffix).run(...rows[i]!.map(sqliteValue));
  }

  /**
   * A group on PostgreSQL in one statement, so one round trip and no BEGIN/COMMIT: the callbacks are
   * inserted in a data-modifying CTE (`ON CONFLICT DO NOTHING RETURNING id` — the returned ids are the new
   * ones), and the events, deliveries and relays of exactly those callbacks in three more. One statement is
   * one transaction: all of it commits, or none. Foreign keys are checked at the end of the statement, when
   * the callbacks and events are in. A group too large for one statement's parameters takes the transaction.
   */
  private async storePostgres(batches: IngestBatch[]): Promise<IngestResult[]> {
    const rows = (pick: (b: IngestBatch) => unknown[][]) =>
      batches.flatMap((b) => pick(b).map((values) => [b.callback.id, ...values]));
    const receipts = rows((b) => b.events.flatMap((e) => receiptRows(e, 'callback')));
    const keyed = receipts.length > 0;
    // With receipts, an event row carries its first message key: it is left out when a recovery holds it.
    const events = rows((b) =>
      b.events.map((e) => [...(keyed ? [messageKeysOf(e.body)[0] ?? null] : []), ...eventValues(e)]),
    );
    const deliveries = rows((b) => b.deliveries.map(deliveryValues));
    const relays = rows((b) => (b.relays ?? []).map(relayValues));
    const parameters =
      batches.length * CALLBACK_COLUMNS.length +
      receipts.length * (RECEIPT_COLUMNS.length + 1) +
      events.length * (EVENT_COLUMNS.length + 2) +
      deliveries.length * (DELIVERY_COLUMNS.length + 1) +
      relays.length * (RELAY_COLUMNS.length + 1);
    if (parameters > MAX_PARAMETERS)
      return this.transactor.transaction((m) => this.storePostgresGroup(m, batches));

    const params: unknown[] = batches.flatMap((b) => callbackValues(b.callback));
    const parts = [`WITH cb AS (${this.insertCallbackSql('$', batches.length)})`];
    const insertOf = (
      table: string,
      columns: string[],
      values: unknown[][],
      options: { extra?: string[]; where?: string; suffix?: string } = {},
    ) => {
      if (values.length === 0) return;
      const first = params.length;
      params.push(...values.flat());
      const extra = options.extra ?? [];
      const casts = ['', ...extra.map(() => ''), ...columns.map(castOf)];
      parts.push(
        `, ${table}_new AS (INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM (VALUES ${valuesList(values.length, casts, first)}) AS v(${['_callback_id', ...extra, ...columns].join(', ')}) WHERE v._callback_id IN (SELECT id FROM cb)${options.where ?? ''}${options.suffix ?? ''})`,
      );
    };
    if (keyed) {
      // The statement's snapshot shows the receipts committed before it began: a recovery committing
      // while it runs can still be stored beside it (docs/reconciliation.md, "Exactly once").
      insertOf('message_receipts', RECEIPT_COLUMNS, receipts, {
        suffix: `${RECEIPT_CONFLICT} RETURNING event_id`,
      });
      insertOf('events', EVENT_COLUMNS, events, {
        extra: ['_key'],
        where:
          ' AND (v._key IS NULL OR v.id IN (SELECT event_id FROM message_receipts_new) OR NOT EXISTS' +
          " (SELECT 1 FROM message_receipts r WHERE r.app_id = v.app_id AND r.message_key = v._key AND r.origin = 'recovered'))",
        suffix: ' RETURNING id',
      });
      const ofStored = (column: string) => ` AND v.${column} IN (SELECT id FROM events_new)`;
      insertOf('deliveries', DELIVERY_COLUMNS, deliveries, { where: ofStored('event_id') });
      insertOf('relays', RELAY_COLUMNS, relays, {
        where: ofStored('origin_event_id'),
        suffix: RELAY_CONFLICT,
      });
    } else {
      insertOf('events', EVENT_COLUMNS, events);
      insertOf('deliveries', DELIVERY_COLUMNS, deliveries);
      insertOf('relays', RELAY_COLUMNS, relays, { suffix: RELAY_CONFLICT });
    }
    const tail = keyed
      ? ` SELECT id, 'callback' AS kind FROM cb UNION ALL SELECT id, 'event' AS kind FROM events_new`
      : ` SELECT id, 'callback' AS kind FROM cb`;
    const inserted = await this.transactor.query<Row>(`${parts.join('')}${tail}`, params);
    const stored = new Set(inserted.filter((r) => r.kind === 'callback').map((r) => String(r.id)));
    const storedEvents = new Set(inserted.filter((r) => r.kind === 'event').map((r) => String(r.id)));
    return batches.map((b) => {
      if (!stored.has(b.callback.id)) return 'duplicate';
      const nothingNew = keyed && b.events.length > 0 && !b.events.some((e) => storedEvents.has(e.id));
      return nothingNew ? 'duplicate' : 'stored';
    });
  }

  /** A group in several statements: the callbacks (those returned are new), their receipts, then the rows kept. */
  private async storePostgresGroup(manager: EntityManager, batches: IngestBatch[]): Promise<IngestResult[]> {
    const inserted: Row[] = await manager.query(
      this.insertCallbackSql('$', batches.length),
      batches.flatMap((b) => callbackValues(b.callback)),
    );
    const stored = new Set(inserted.map((r) => String(r.id)));
    const fresh = batches.filter((b) => stored.has(b.callback.id));
    const dropped = await this.insertPostgresReceipts(
      manager,
      fresh.flatMap((b) => b.events),
      'callback',
    );
    const kept = fresh.map((b) => withoutEvents(b, dropped));
    await this.insertPostgresRows(manager, kept);
    return batches.map((b) => {
      if (!stored.has(b.callback.id)) return 'duplicate';
      return allDropped(b, withoutEvents(b, dropped)) ? 'duplicate' : 'stored';
    });
  }

  private async insertPostgresRows(
    manager: EntityManager,
    kept: Omit<IngestBatch, 'callback'>[],
  ): Promise<void> {
    await this.insertRows(
      manager,
      'events',
      EVENT_COLUMNS,
      kept.flatMap((b) => b.events.map(eventValues)),
    );
    await this.insertRows(
      manager,
      'deliveries',
      DELIVERY_COLUMNS,
      kept.flatMap((b) => b.deliveries.map(deliveryValues)),
    );
    await this.insertRows(
      manager,
      'relays',
      RELAY_COLUMNS,
      kept.flatMap((b) => (b.relays ?? []).map(relayValues)),
      RELAY_CONFLICT,
    );
  }

  private async insertRows(
    manager: EntityManager,
    table: string,
    columns: string[],
    rows: unknown[][],
    suffix = '',
  ): Promise<void> {
    const perStatement = Math.floor(MAX_PARAMETERS / columns.length);
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows.slice(i, i + perStatement);
      await manager.query(this.insertSql('$', table, columns, chunk.length) + suffix, chunk.flat());
    }
  }

  private insertCallbackSql(style: '$' | '?', rows = 1): string {
    return `${this.insertSql(style, 'inbound_callbacks', CALLBACK_COLUMNS, rows)} ON CONFLICT (app_id, dedupe_key) DO NOTHING${style === '$' ? ' RETURNING id' : ''}`;
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
