import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  createDataSource,
  DeliveryEntity,
  EventEntity,
  InboundCallbackEntity,
  IngestRepository,
  MessageReceiptRepository,
  MIGRATIONS,
  newId,
  nowIso,
  RelayEntity,
  Transactor,
} from '../src/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';

let db: TestDatabase;
let ds: DataSource;
let ingest: IngestRepository;
let receipts: MessageReceiptRepository;

beforeAll(async () => {
  db = await createTestDatabase();
  ds = await createDataSource(db.settings);
  const transactor = new Transactor(ds);
  ingest = new IngestRepository(transactor);
  receipts = new MessageReceiptRepository(transactor);
});
afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

type EventBody = { type: string; message?: { id: string }; data: Record<string, unknown> };

function event(appId: string, body: EventBody, callbackId: string | null): EventEntity {
  const now = nowIso();
  return Object.assign(new EventEntity(), {
    id: newId(),
    appId,
    callbackId,
    provider: 'easemob',
    type: body.type,
    dedupeKey: newId(),
    conversationType: 'direct',
    conversationId: 'u2',
    actor: 'u1',
    occurredAt: now,
    receivedAt: now,
    body: body as never,
  });
}

function deliveryOf(e: EventEntity): DeliveryEntity {
  const now = nowIso();
  return Object.assign(new DeliveryEntity(), {
    id: newId(),
    appId: e.appId,
    endpointId: 'ep1',
    eventId: e.id,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    lastAttemptAt: null,
    orderingKey: null,
    occurredAt: now,
    lockedUntil: null,
    createdAt: now,
    updatedAt: now,
  });
}

function relayOf(e: EventEntity, sourceMessageId: string): RelayEntity {
  const now = nowIso();
  return Object.assign(new RelayEntity(), {
    id: newId(),
    bridgeId: 'br1',
    sourceAppId: e.appId,
    targetAppId: 'other',
    originEventId: e.id,
    action: 'message',
    sourceMessageId,
    conversationKind: 'direct',
    conversationId: 'u1|u2',
    status: 'pending',
    reason: null,
    attempts: 0,
    nextAttemptAt: now,
    occurredAt: now,
    createdAt: now,
    updatedAt: now,
  });
}

/** A callback reporting the given events, each with a delivery and (messages) a relay. */
function callback(appId: string, bodies: EventBody[]) {
  const row = Object.assign(new InboundCallbackEntity(), {
    id: newId(),
    appId,
    provider: 'easemob',
    dedupeKey: newId(),
    vendorKind: 'chat:txt',
    verdict: 'accepted',
    rawBody: '{}',
    query: {},
    headers: {},
    eventCount: bodies.length,
    receivedAt: nowIso(),
  });
  const events = bodies.map((b) => event(appId, b, row.id));
  return {
    callback: row,
    events,
    deliveries: events.map(deliveryOf),
    relays: events.flatMap((e) => {
      const id = e.body.message?.id;
      // A bridge relays only ids that fit its column (the ingest path checks that first).
      return e.type === 'message.sent' && id && id.length < 100 ? [relayOf(e, `${id}:${e.id}`)] : [];
    }),
  };
}

function recovered(appId: string, bodies: EventBody[]) {
  const events = bodies.map((b) => event(appId, b, null));
  return { events, deliveries: events.map(deliveryOf), relays: [] as RelayEntity[] };
}

const sent = (id: string, data: Record<string, unknown> = {}): EventBody => ({
  type: 'message.sent',
  message: { id },
  data,
});
const counts = async (appId: string) => ({
  events: await ds.getRepository(EventEntity).countBy({ appId }),
  deliveries: await ds.getRepository(DeliveryEntity).countBy({ appId }),
  relays: await ds.getRepository(RelayEntity).countBy({ sourceAppId: appId }),
});

describe(`message receipts (${process.env.DATABASE_URL ? 'postgres' : 'sqlite'})`, () => {
  it('records the key of each message a callback stores, and finds them', async () => {
    const app = newId();
    expect(await ingest.store(callback(app, [sent('m1'), { type: 'user.online', data: {} }]))).toBe('stored');
    expect(await receipts.known(app, ['sent:m1', 'sent:m2'])).toEqual(new Set(['sent:m1']));
    expect(await receipts.known(newId(), ['sent:m1'])).toEqual(new Set());
  });

  it('does not recover a message a callback brought, and recovers one it did not', async () => {
    const app = newId();
    await ingest.store(callback(app, [sent('m1')]));
    const stored = await ingest.storeRecovered(recovered(app, [sent('m1'), sent('m2')]));
    expect(stored).toHaveLength(1);
    expect(await counts(app)).toEqual({ events: 2, deliveries: 2, relays: 1 });
  });

  it('takes a late callback of a recovered message as a duplicate: no event, delivery or relay', async () => {
    const app = newId();
    expect(await ingest.storeRecovered(recovered(app, [sent('m1')]))).toHaveLength(1);
    expect(await ingest.store(callback(app, [sent('m1')]))).toBe('duplicate');
    expect(await counts(app)).toEqual({ events: 1, deliveries: 1, relays: 0 });
    // The raw callback is kept for audits all the same.
    expect(await ds.getRepository(InboundCallbackEntity).countBy({ appId: app })).toBe(1);
  });

  it('stores the rest of a callback when one of its events is of a message already stored', async () => {
    const app = newId();
    await ingest.storeRecovered(recovered(app, [sent('m1')]));
    const both = callback(app, [sent('m1'), { type: 'message.recalled', data: { messageId: 'm1' } }]);
    expect(await ingest.store(both)).toBe('stored');
    expect(await counts(app)).toEqual({ events: 2, deliveries: 2, relays: 0 });
    expect(await receipts.known(app, ['recalled:m1'])).toEqual(new Set(['recalled:m1']));
  });

  it('leaves offline copies and events without a message id unkeyed, as before', async () => {
    const app = newId();
    for (let i = 0; i < 2; i++)
      expect(
        await ingest.store(
          callback(app, [sent('m1', { offline: true }), { type: 'message.sent', data: {} }]),
        ),
      ).toBe('stored');
    expect((await counts(app)).events).toBe(4);
  });

  it('stores two callbacks that report one message, as before: only a recovery makes a callback a duplicate', async () => {
    const app = newId();
    const results = await Promise.all([
      ingest.store(callback(app, [sent('m1')])),
      ingest.store(callback(app, [sent('m1')])),
    ]);
    expect(results).toEqual(['stored', 'stored']);
    expect((await counts(app)).events).toBe(2);
    // The message is there all the same: a recovery does not store it a third time.
    expect(await ingest.storeRecovered(recovered(app, [sent('m1')]))).toEqual([]);
  });

  it('leaves out the recovered messages of a callback group, and stores the rest of the group', async () => {
    const app = newId();
    await ingest.storeRecovered(recovered(app, [sent('r1')]));
    const results = await Promise.all([
      ingest.store(callback(app, [sent('r1')])),
      ingest.store(callback(app, [sent('r2')])),
      ingest.store(callback(app, [{ type: 'user.online', data: {} }])),
    ]);
    expect(results).toEqual(['duplicate', 'stored', 'stored']);
    expect(await counts(app)).toEqual({ events: 3, deliveries: 3, relays: 1 });
  });

  it('lets one of two runs racing on the same messages store each', async () => {
    const app = newId();
    const ids = Array.from({ length: 50 }, (_, i) => `m${i}`);
    const [a, b] = await Promise.all([
      ingest.storeRecovered(
        recovered(
          app,
          ids.map((id) => sent(id)),
        ),
      ),
      ingest.storeRecovered(
        recovered(
          app,
          ids.map((id) => sent(id)),
        ),
      ),
    ]);
    expect(a.length + b.length).toBe(50);
    expect(await counts(app)).toEqual({ events: 50, deliveries: 50, relays: 0 });
  });

  it('stores a key longer than its column hashed, and still tells the message apart', async () => {
    const app = newId();
    const long = 'x'.repeat(400);
    expect(await ingest.store(callback(app, [sent(long)]))).toBe('stored');
    expect(await receipts.known(app, [`sent:${long}`, `sent:${long}y`])).toEqual(new Set([`sent:${long}`]));
    expect(await ingest.storeRecovered(recovered(app, [sent(long), sent(`${long}y`)]))).toHaveLength(1);
  });

  it('leaves out a recovered message in a group too large for one statement (several statements on PostgreSQL)', async () => {
    const app = newId();
    await ingest.storeRecovered(recovered(app, [sent('big-0')]));
    const many = Array.from({ length: 4_000 }, (_, i) => sent(`big-${i}`));
    expect(await ingest.store(callback(app, many))).toBe('stored');
    expect((await counts(app)).events).toBe(4_000);
    expect(await receipts.known(app, ['sent:big-0', 'sent:big-3999'])).toEqual(
      new Set(['sent:big-0', 'sent:big-3999']),
    );
  });

  it('keys every message a recall of several names', async () => {
    const app = newId();
    await ingest.store(callback(app, [{ type: 'message.recalled', data: { messageIds: ['g:1', 'g:2'] } }]));
    expect(await receipts.known(app, ['recalled:g:1', 'recalled:g:2', 'recalled:g:3'])).toEqual(
      new Set(['recalled:g:1', 'recalled:g:2']),
    );
  });

  it('backfills the keys of the events stored before receipts existed', async () => {
    const app = newId();
    const old = [
      event(app, sent('b1'), null),
      event(app, sent('b1', { offline: true }), null),
      event(app, sent('b2', { offline: true }), null),
      event(app, { type: 'message.recalled', data: { messageIds: ['b3', 'b4'] } }, null),
      event(app, { type: 'message.recalled', data: { messageId: 'b5' } }, null),
      event(app, { type: 'message.sent', message: { id: '' }, data: {} }, null),
    ];
    await ds.getRepository(EventEntity).save(old);
    const migration = MIGRATIONS.find((m) => m.name === 'Reconciliation1766300000000')!;
    const runner = ds.createQueryRunner();
    try {
      await new migration().down(runner);
      await new migration().up(runner);
    } finally {
      await runner.release();
    }
    const all = ['sent:b1', 'sent:b2', 'recalled:b3', 'recalled:b4', 'recalled:b5', 'sent:'];
    expect(await receipts.known(app, all)).toEqual(
      new Set(['sent:b1', 'recalled:b3', 'recalled:b4', 'recalled:b5']),
    );
  });

  it('prunes receipts older than a time, a batch at a time, and none newer', async () => {
    const app = newId();
    await ingest.store(callback(app, [sent('p1'), sent('p2'), sent('p3')]));
    await ingest.store(callback(app, [sent('kept')]));
    await ds.query(
      `UPDATE message_receipts SET created_at = '2000-01-01T00:00:00.000Z' WHERE app_id = '${app}' AND message_key <> 'sent:kept'`,
    );
    const before = '2001-01-01T00:00:00.000Z';
    const keys = ['sent:p1', 'sent:p2', 'sent:p3', 'sent:kept'];
    // Other tests' receipts are newer than 2001: only these three are due.
    expect(await receipts.pruneBefore(before, 2)).toBe(2);
    expect((await receipts.known(app, keys)).size).toBe(2);
    expect(await receipts.pruneBefore(before, 2)).toBe(1);
    expect(await receipts.pruneBefore(before, 2)).toBe(0);
    expect(await receipts.known(app, keys)).toEqual(new Set(['sent:kept']));
  });
});
