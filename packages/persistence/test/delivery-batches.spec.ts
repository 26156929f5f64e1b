import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  createDataSource,
  DeliveryAttemptEntity,
  DeliveryEntity,
  DeliveryRepository,
  EventEntity,
  IngestRepository,
  InboundCallbackEntity,
  newId,
  Transactor,
} from '../src/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';

// Claims and finishes made together share statements on PostgreSQL and a transaction on SQLite
// (StatementBatcher). The outcomes must be those of the same calls made one by one.
const engine = process.env.DATABASE_URL ? 'postgres' : 'sqlite';
let db: TestDatabase;
let ds: DataSource;
let deliveries: DeliveryRepository;
let ingest: IngestRepository;

beforeAll(async () => {
  db = await createTestDatabase();
  ds = await createDataSource(db.settings);
  const transactor = new Transactor(ds);
  deliveries = new DeliveryRepository(transactor);
  ingest = new IngestRepository(transactor);
});
afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

const T0 = '2026-01-01T00:00:00.000Z';
const LATER = '2026-01-01T00:05:00.000Z';

/** One stored callback with an event per ordering key and a delivery of each to endpoint `ep`. */
async function seed(key: string, orderingKeys: (string | null)[]): Promise<DeliveryEntity[]> {
  const callback = Object.assign(new InboundCallbackEntity(), {
    id: newId(),
    appId: 'app',
    provider: 'easemob',
    dedupeKey: key,
    vendorKind: 'chat:txt',
    verdict: 'accepted',
    rawBody: '{}',
    query: {},
    headers: {},
    eventCount: orderingKeys.length,
    receivedAt: T0,
  });
  const events = orderingKeys.map((_, i) =>
    Object.assign(new EventEntity(), {
      id: newId(),
      appId: 'app',
      callbackId: callback.id,
      provider: 'easemob',
      type: 'message.sent',
      dedupeKey: `${key}#${i}`,
      conversationType: 'direct',
      conversationId: 'a|b',
      actor: 'a',
      occurredAt: new Date(Date.parse(T0) + i * 1000).toISOString(),
      receivedAt: T0,
      body: { n: i } as never,
    }),
  );
  const rows = events.map((e, i) =>
    Object.assign(new DeliveryEntity(), {
      id: newId(),
      appId: 'app',
      endpointId: 'ep',
      eventId: e.id,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: T0,
      lastAttemptAt: null,
      orderingKey: orderingKeys[i],
      occurredAt: e.occurredAt,
      lockedUntil: null,
      createdAt: T0,
      updatedAt: T0,
    }),
  );
  await ingest.store({ callback, events, deliveries: rows });
  return rows;
}

const claim = (id: string) => deliveries.claim(id, T0, LATER);

/** PostgreSQL: how many transactions last wrote these deliveries (one when a single statement did). */
async function writers(ids: string[]): Promise<number | null> {
  if (engine !== 'postgres') return null;
  const [row] = (await ds.query(
    'SELECT count(DISTINCT xmin::text)::integer AS n FROM deliveries WHERE id = ANY($1)',
    [ids],
  )) as [{ n: number }];
  return row.n;
}
const oneStatementOnPostgres = engine === 'postgres' ? 1 : null;

describe(`DeliveryRepository, many at once (${engine})`, () => {
  it('claims 40 deliveries made due together, each with its event, each once', async () => {
    const rows = await seed(
      'many',
      Array.from({ length: 40 }, () => null),
    );
    const claimed = await Promise.all(rows.map((r) => claim(r.id)));
    expect(claimed.map((c) => c?.id)).toEqual(rows.map((r) => r.id));
    expect(claimed.map((c) => JSON.parse(c!.event_body!))).toEqual(rows.map((_, i) => ({ n: i })));
    expect(await writers(rows.map((r) => r.id))).toBe(oneStatementOnPostgres);
    expect(await Promise.all(rows.map((r) => claim(r.id)))).toEqual(rows.map(() => null)); // leased now
  });

  it('gives a delivery asked for several times at once to one asker', async () => {
    const [row] = await seed('twice', [null]);
    const claimed = await Promise.all([claim(row!.id), claim(row!.id), claim(row!.id)]);
    expect(claimed.filter((c) => c !== null)).toHaveLength(1);
  });

  it('claims only the first of a conversation when its whole conversation is asked for at once', async () => {
    const rows = await seed('ordered', ['conv', 'conv', 'conv']);
    const claimed = await Promise.all(rows.map((r) => claim(r.id)));
    expect(claimed.map((c) => c?.id ?? null)).toEqual([rows[0]!.id, null, null]);
  });

  it('records many finished attempts together, each with its delivery’s next state', async () => {
    const rows = await seed(
      'finish',
      Array.from({ length: 30 }, () => null),
    );
    await Promise.all(rows.map((r) => claim(r.id)));
    await Promise.all(
      rows.map((r, i) =>
        deliveries.finish(
          r.id,
          i % 2
            ? { status: 'delivered', attempts: 1, nextAttemptAt: null, lastAttemptAt: LATER }
            : { status: 'pending', attempts: 1, nextAttemptAt: LATER, lastAttemptAt: LATER },
          Object.assign(new DeliveryAttemptEntity(), {
            id: newId(),
            deliveryId: r.id,
            attemptedAt: LATER,
            statusCode: i % 2 ? 200 : null,
            durationMs: i,
            responseExcerpt: i % 2 ? 'ok' : null,
            error: i % 2 ? null : 'timeout',
          }),
        ),
      ),
    );
    expect(await writers(rows.map((r) => r.id))).toBe(oneStatementOnPostgres);
    const after = await ds.getRepository(DeliveryEntity).findBy(rows.map((r) => ({ id: r.id })));
    const byId = new Map(after.map((d) => [d.id, d]));
    rows.forEach((r, i) =>
      expect(byId.get(r.id)).toMatchObject({
        status: i % 2 ? 'delivered' : 'pending',
        attempts: 1,
        nextAttemptAt: i % 2 ? null : LATER,
        lastAttemptAt: LATER,
        lockedUntil: null,
      }),
    );
    const attempts = await ds
      .getRepository(DeliveryAttemptEntity)
      .findBy(rows.map((r) => ({ deliveryId: r.id })));
    expect(attempts).toHaveLength(30);
    expect(attempts.filter((a) => a.statusCode === 200)).toHaveLength(15);
    expect(attempts.filter((a) => a.error === 'timeout' && a.statusCode === null)).toHaveLength(15);
  });

  it('lets a finish that breaks a constraint fail alone, not the others recorded with it', async () => {
    const rows = await seed('broken', [null, null, null, null]);
    await Promise.all(rows.map((r) => claim(r.id)));
    const attempt = (deliveryId: string, id = newId()) =>
      Object.assign(new DeliveryAttemptEntity(), {
        id,
        deliveryId,
        attemptedAt: LATER,
        statusCode: 200,
        durationMs: 1,
        responseExcerpt: null,
        error: null,
      });
    const outcome = { status: 'delivered' as const, attempts: 1, nextAttemptAt: null, lastAttemptAt: LATER };
    const first = attempt(rows[0]!.id);
    await deliveries.finish(rows[0]!.id, outcome, first);
    const results = await Promise.allSettled([
      deliveries.finish(rows[1]!.id, outcome, attempt(rows[1]!.id)),
      deliveries.finish(rows[2]!.id, outcome, attempt(rows[2]!.id, first.id)), // an attempt id taken already
      deliveries.finish(rows[3]!.id, outcome, attempt(rows[3]!.id)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const status = async (i: number) =>
      (await ds.getRepository(DeliveryEntity).findOneByOrFail({ id: rows[i]!.id })).status;
    expect([await status(1), await status(2), await status(3)]).toEqual([
      'delivered',
      'delivering',
      'delivered',
    ]);
    expect(await ds.getRepository(DeliveryAttemptEntity).countBy({ deliveryId: rows[2]!.id })).toBe(0);
  });
});
