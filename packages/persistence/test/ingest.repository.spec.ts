import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  createDataSource,
  DeliveryEntity,
  EventEntity,
  IngestRepository,
  Transactor,
  InboundCallbackEntity,
  RelayEntity,
  newId,
  nowIso,
} from '../src/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';

let db: TestDatabase;
let ds: DataSource;
let repo: IngestRepository;

beforeAll(async () => {
  db = await createTestDatabase();
  ds = await createDataSource(db.settings);
  repo = new IngestRepository(new Transactor(ds));
});
afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

function batch(appId: string, dedupeKey: string, eventCount: number) {
  const now = nowIso();
  const callback = Object.assign(new InboundCallbackEntity(), {
    id: newId(),
    appId,
    provider: 'easemob',
    dedupeKey,
    vendorKind: 'chat:txt',
    verdict: 'accepted',
    rawBody: '{"callId":"c"}',
    query: { a: '1' },
    headers: {},
    eventCount,
    receivedAt: now,
  });
  const events = Array.from({ length: eventCount }, (_, i) =>
    Object.assign(new EventEntity(), {
      id: newId(),
      appId,
      callbackId: callback.id,
      provider: 'easemob',
      type: 'message.sent',
      dedupeKey: `${dedupeKey}#${i}`,
      conversationType: 'group',
      conversationId: 'g1',
      actor: 'u1',
      occurredAt: now,
      receivedAt: now,
      body: { id: 'x', data: { i }, raw: { emoji: '表情 😀' } } as never,
    }),
  );
  const deliveries = events.map((e) =>
    Object.assign(new DeliveryEntity(), {
      id: newId(),
      appId,
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
    }),
  );
  return { callback, events, deliveries };
}

/** A relay of the batch's first event over bridge `bridgeId`. */
function relayOf(b: ReturnType<typeof batch>, bridgeId: string, sourceMessageId: string): RelayEntity {
  return Object.assign(new RelayEntity(), {
    id: newId(),
    bridgeId,
    sourceAppId: b.callback.appId,
    targetAppId: 'app6',
    originEventId: b.events[0]!.id,
    action: 'message',
    sourceMessageId,
    conversationKind: 'direct',
    conversationId: 'a|b',
    status: 'pending',
    reason: null,
    attempts: 0,
    nextAttemptAt: nowIso(),
    occurredAt: nowIso(),
    createdAt: nowIso(),
    updatedAt: nowIso(),
  });
}

describe(`IngestRepository (${process.env.DATABASE_URL ? 'postgres' : 'sqlite'})`, () => {
  it('stores a callback with its events and deliveries, readable through the entities', async () => {
    const b = batch('app1', 'cb1', 3);
    expect(await repo.store(b)).toBe('stored');
    const events = await ds
      .getRepository(EventEntity)
      .find({ where: { callbackId: b.callback.id }, order: { id: 'ASC' } });
    expect(events).toEqual(b.events);
    expect(await ds.getRepository(DeliveryEntity).countBy({ appId: 'app1' })).toBe(3);
    expect(
      (await ds.getRepository(InboundCallbackEntity).findOneByOrFail({ id: b.callback.id })).query,
    ).toEqual({ a: '1' });
  });

  it('stores nothing for a known dedupe key and says so', async () => {
    expect(await repo.store(batch('app2', 'same', 1))).toBe('stored');
    expect(await repo.store(batch('app2', 'same', 2))).toBe('duplicate');
    expect(await ds.getRepository(EventEntity).countBy({ appId: 'app2' })).toBe(1);
    expect(await ds.getRepository(InboundCallbackEntity).countBy({ appId: 'app2' })).toBe(1);
  });

  it('stores each of many concurrent copies of one callback exactly once', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () => repo.store(batch('app3', 'race', 1)).catch((e: unknown) => e)),
    );
    expect(results.filter((r) => r === 'stored')).toHaveLength(1);
    expect(await ds.getRepository(EventEntity).countBy({ appId: 'app3' })).toBe(1);
  });

  it('leaves nothing behind when a later insert of the batch fails', async () => {
    const b = batch('app4', 'partial', 2);
    b.deliveries[1]!.eventId = b.deliveries[0]!.eventId; // same (event, endpoint) twice: unique violation
    b.deliveries[1]!.endpointId = b.deliveries[0]!.endpointId;
    await expect(repo.store(b)).rejects.toBeDefined();
    expect(await ds.getRepository(InboundCallbackEntity).countBy({ appId: 'app4' })).toBe(0);
    expect(await ds.getRepository(EventEntity).countBy({ appId: 'app4' })).toBe(0);
  });
});

describe(`IngestRepository group commit (${process.env.DATABASE_URL ? 'postgres' : 'sqlite'})`, () => {
  it('commits concurrent callbacks together, yet each alone: a failing one and a duplicate do not touch the rest', async () => {
    const batches = Array.from({ length: 300 }, (_, i) => batch('app7', `g${i}`, 1 + (i % 3)));
    const failing = batches[137]!;
    failing.deliveries[1]!.eventId = failing.deliveries[0]!.eventId; // unique violation inside the group
    // The same vendor callback as batches[42], submitted with it. It lands in a later group, and on
    // PostgreSQL groups commit concurrently, so either copy may be the one stored: exactly one is.
    const duplicate = batch('app7', 'g42', 2);
    // Two callbacks that carry the same vendor message (Easemob chat and chat_offline) relay it once.
    const withRelays = [batches[10]!, batches[11]!].map((b) => ({
      ...b,
      relays: [relayOf(b, 'br1', 'm-1')],
    }));
    const all = [...batches.slice(0, 10), ...withRelays, ...batches.slice(12), duplicate];
    const results = await Promise.all(all.map((b) => repo.store(b).catch(() => 'error')));
    expect(results.filter((r) => r === 'error')).toHaveLength(1);
    expect(results[137]).toBe('error');
    expect([results[42], results.at(-1)].sort()).toEqual(['duplicate', 'stored']);
    expect(results.filter((r) => r === 'stored')).toHaveLength(299);
    const winner = results[42] === 'stored' ? batches[42]! : duplicate;
    const stored = [...batches.filter((b) => b !== failing && b !== batches[42]), winner];
    expect(
      (await ds.getRepository(InboundCallbackEntity).findBy({ appId: 'app7', dedupeKey: 'g42' })).map(
        (c) => c.id,
      ),
    ).toEqual([winner.callback.id]);
    expect(await ds.getRepository(InboundCallbackEntity).countBy({ appId: 'app7' })).toBe(299);
    expect(await ds.getRepository(EventEntity).countBy({ appId: 'app7' })).toBe(
      stored.reduce((n, b) => n + b.events.length, 0),
    );
    expect(await ds.getRepository(DeliveryEntity).countBy({ appId: 'app7' })).toBe(
      stored.reduce((n, b) => n + b.deliveries.length, 0),
    );
    expect(await ds.getRepository(EventEntity).countBy({ callbackId: failing.callback.id })).toBe(0);
    expect(await ds.getRepository(RelayEntity).countBy({ bridgeId: 'br1' })).toBe(1);
  });

  // PostgreSQL writes a group as one statement (one round trip); every row it wrote carries that
  // statement's transaction id, so one xmin shows the group was not split into per-callback retries.
  (process.env.DATABASE_URL ? it : it.skip)(
    'writes a group with duplicates, deliveries and a relay in one transaction (PostgreSQL)',
    async () => {
      expect(await repo.store(batch('app8', 'known', 1))).toBe('stored');
      const batches = Array.from({ length: 60 }, (_, i) => batch('app8', `h${i}`, 1 + (i % 3)));
      const relayed = { ...batches[5]!, relays: [relayOf(batches[5]!, 'br8', 'm-8')] };
      const all = [...batches.slice(0, 5), relayed, ...batches.slice(6), batch('app8', 'known', 2)];
      const results = await Promise.all(all.map((b) => repo.store(b)));
      expect(results.at(-1)).toBe('duplicate');
      expect(results.filter((r) => r === 'stored')).toHaveLength(60);
      const xmins = async (table: string, column: string, ids: string[]) =>
        (
          (await ds.query(`SELECT DISTINCT xmin::text AS x FROM ${table} WHERE ${column} = ANY($1)`, [
            ids,
          ])) as { x: string }[]
        ).map((r) => r.x);
      const callbacks = await xmins(
        'inbound_callbacks',
        'id',
        batches.map((b) => b.callback.id),
      );
      expect(callbacks).toHaveLength(1);
      const events = batches.flatMap((b) => b.events);
      expect(
        await xmins(
          'events',
          'id',
          events.map((e) => e.id),
        ),
      ).toEqual(callbacks);
      expect(
        await xmins(
          'deliveries',
          'event_id',
          events.map((e) => e.id),
        ),
      ).toEqual(callbacks);
      expect(await xmins('relays', 'bridge_id', ['br8'])).toEqual(callbacks);
      expect(await ds.getRepository(EventEntity).countBy({ appId: 'app8' })).toBe(1 + events.length);
    },
  );
});

describe(`Transactor (${process.env.DATABASE_URL ? 'postgres' : 'sqlite'})`, () => {
  it('runs concurrent multi-statement transactions without interleaving them', async () => {
    const transactor = new Transactor(ds);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        transactor.transaction(async (m) => {
          await m.insert(InboundCallbackEntity, batch('app5', `t${i}`, 0).callback);
          await new Promise((r) => setTimeout(r, 5));
          if (i === 2) throw new Error('roll me back');
          await m.insert(InboundCallbackEntity, batch('app5', `t${i}-b`, 0).callback);
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    const keys = (await ds.getRepository(InboundCallbackEntity).findBy({ appId: 'app5' }))
      .map((c) => c.dedupeKey)
      .sort();
    expect(keys).toEqual(['t0', 't0-b', 't1', 't1-b', 't3', 't3-b', 't4', 't4-b']);
  });
});
