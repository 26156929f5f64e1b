import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import {
  BridgeMappingEntity,
  createDataSource,
  DeliveryAttemptEntity,
  DeliveryEntity,
  EventEntity,
  IdempotencyKeyEntity,
  InboundCallbackEntity,
  MessageEntity,
  newId,
  RelayAttemptEntity,
  RelayedMessageEntity,
  RelayEntity,
  Transactor,
  type DeliveryStatus,
  type RelayStatus,
} from '../src/index.js';
import { idBefore, RetentionRepository } from '../src/retention.repository.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';

const DAY = 86_400_000;
let db: TestDatabase;
let ds: DataSource;
let retention: RetentionRepository;

beforeAll(async () => {
  db = await createTestDatabase();
  ds = await createDataSource(db.settings);
  retention = new RetentionRepository(new Transactor(ds));
});
afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

/** An id made `days` ago. */
const idAged = (days: number) => uuidv7({ msecs: Date.now() - days * DAY });
const iso = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const cutoff = (days: number) => idBefore(new Date(Date.now() - days * DAY));

async function event(appId: string, days: number): Promise<string> {
  const id = idAged(days);
  await ds.manager.insert(EventEntity, {
    id,
    appId,
    callbackId: null,
    provider: 'easemob',
    type: 'message.sent',
    dedupeKey: id,
    conversationType: 'direct',
    conversationId: 'u2',
    actor: 'u1',
    occurredAt: iso(days),
    receivedAt: iso(days),
    body: {} as never,
  });
  return id;
}

async function delivery(appId: string, eventId: string, status: DeliveryStatus, days: number) {
  const id = idAged(days);
  await ds.manager.insert(DeliveryEntity, {
    id,
    appId,
    endpointId: newId(),
    eventId,
    status,
    attempts: 1,
    nextAttemptAt: null,
    lastAttemptAt: iso(days),
    orderingKey: null,
    occurredAt: iso(days),
    lockedUntil: null,
    createdAt: iso(days),
    updatedAt: iso(days),
    traceParent: null,
  });
  const attemptId = idAged(days);
  await ds.manager.insert(DeliveryAttemptEntity, {
    id: attemptId,
    deliveryId: id,
    attemptedAt: iso(days),
    statusCode: 200,
    durationMs: 3,
    responseExcerpt: null,
    error: null,
  });
  return { id, attemptId };
}

async function relay(appId: string, status: RelayStatus, days: number, originEventId: string | null = null) {
  const id = idAged(days);
  await ds.manager.insert(RelayEntity, {
    id,
    bridgeId: newId(),
    sourceAppId: appId,
    targetAppId: newId(),
    originEventId,
    action: 'message',
    sourceMessageId: id,
    conversationKind: 'direct',
    conversationId: 'u2',
    status,
    reason: null,
    attempts: 1,
    nextAttemptAt: null,
    lastAttemptAt: null,
    lockedUntil: null,
    lastError: null,
    targetMessageIds: null,
    occurredAt: iso(days),
    createdAt: iso(days),
    relayedAt: null,
    updatedAt: iso(days),
    traceParent: null,
  } as never);
  const attemptId = idAged(days);
  await ds.manager.insert(RelayAttemptEntity, {
    id: attemptId,
    relayId: id,
    attemptedAt: iso(days),
    outcome: 'relayed',
    durationMs: 3,
    error: null,
  } as never);
  return { id, attemptId };
}

const exists = async (entity: new () => object, id: string) =>
  (await ds.manager.countBy(entity, { id } as never)) === 1;

describe('retention on ' + (process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'), () => {
  it('idBefore orders below every id made at that moment or later, above every older one', () => {
    const at = new Date('2026-11-06T10:00:00.000Z');
    const bound = idBefore(at);
    expect(uuidv7({ msecs: at.getTime() - 1 }) < bound).toBe(true);
    expect(uuidv7({ msecs: at.getTime() }) > bound).toBe(true);
    expect(uuidv7({ msecs: at.getTime() + DAY }) > bound).toBe(true);
  });

  it('deletes old events with their finished deliveries and attempts, keeps new ones and unfinished work', async () => {
    const app = newId();
    const other = newId();
    const old = await event(app, 40);
    const oldDelivered = await delivery(app, old, 'delivered', 40);
    const oldFailed = await delivery(app, old, 'failed', 39);
    const pendingEvent = await event(app, 40);
    const pending = await delivery(app, pendingEvent, 'pending', 40);
    const relayedEvent = await event(app, 40);
    const pendingRelay = await relay(app, 'pending', 40, relayedEvent);
    const recent = await event(app, 5);
    const otherApp = await event(other, 40);

    let deleted = 0;
    for (let n; (n = await retention.pruneEvents(app, cutoff(30), 2)) > 0;) deleted += n;

    expect(deleted).toBe(1);
    expect(await exists(EventEntity, old)).toBe(false);
    for (const d of [oldDelivered, oldFailed]) {
      expect(await exists(DeliveryEntity, d.id)).toBe(false);
      expect(await exists(DeliveryAttemptEntity, d.attemptId)).toBe(false);
    }
    expect(await exists(EventEntity, pendingEvent)).toBe(true);
    expect(await exists(DeliveryEntity, pending.id)).toBe(true);
    expect(await exists(DeliveryAttemptEntity, pending.attemptId)).toBe(true);
    expect(await exists(EventEntity, relayedEvent)).toBe(true);
    expect(await exists(RelayEntity, pendingRelay.id)).toBe(true);
    expect(await exists(EventEntity, recent)).toBe(true);
    expect(await exists(EventEntity, otherApp)).toBe(true);
  });

  it('deletes attempts of finished work only, and finished relays but never the message-id pairs or id tables', async () => {
    const app = newId();
    const ev = await event(app, 1);
    const finished = await delivery(app, ev, 'delivered', 10);
    const retrying = await delivery(app, await event(app, 1), 'pending', 10);
    const relayed = await relay(app, 'relayed', 40);
    const unmapped = await relay(app, 'unmapped', 40);
    const relaying = await relay(app, 'relaying', 40);
    const pair = newId();
    await ds.manager.insert(RelayedMessageEntity, {
      id: pair,
      bridgeId: newId(),
      relayId: relayed.id,
      sourceAppId: app,
      sourceMessageId: 'm1',
      sourceFrom: 'u1',
      sourceToType: 'user',
      sourceToId: 'u2',
      targetAppId: newId(),
      targetMessageId: 't1',
      targetFrom: 'u1',
      targetToType: 'user',
      targetToId: 'u2',
      recalledAt: null,
      recallRelayId: null,
      createdAt: iso(400),
    });
    const mapping = newId();
    await ds.manager.insert(BridgeMappingEntity, {
      id: mapping,
      bridgeId: newId(),
      kind: 'user',
      sourceId: 'a',
      targetId: 'b',
      createdAt: iso(400),
    });

    expect(await retention.pruneAttempts(app, cutoff(7), 100)).toBe(1 + 2);
    expect(await exists(DeliveryAttemptEntity, finished.attemptId)).toBe(false);
    expect(await exists(DeliveryAttemptEntity, retrying.attemptId)).toBe(true);
    expect(await exists(RelayAttemptEntity, relaying.attemptId)).toBe(true);

    expect(await retention.pruneRelays(app, cutoff(30), 100)).toBe(2);
    expect(await exists(RelayEntity, relayed.id)).toBe(false);
    expect(await exists(RelayEntity, unmapped.id)).toBe(false);
    expect(await exists(RelayEntity, relaying.id)).toBe(true);
    expect(await exists(RelayedMessageEntity, pair)).toBe(true);
    expect(await exists(BridgeMappingEntity, mapping)).toBe(true);
  });

  it('deletes old raw callbacks, send records and expired idempotency keys', async () => {
    const app = newId();
    const callbacks = [idAged(40), idAged(1)];
    for (const id of callbacks)
      await ds.manager.insert(InboundCallbackEntity, {
        id,
        appId: app,
        provider: 'easemob',
        dedupeKey: id,
        vendorKind: 'chat:txt',
        verdict: 'accepted',
        rawBody: '{}',
        query: {},
        headers: {},
        eventCount: 1,
        receivedAt: iso(1),
      } as never);
    const messages = [idAged(40), idAged(1)];
    for (const id of messages)
      await ds.manager.insert(MessageEntity, {
        id,
        appId: app,
        provider: 'easemob',
        status: 'sent',
        request: {} as never,
        results: [],
        createdAt: iso(1),
        recalledAt: null,
      } as never);
    const keys = [
      { id: newId(), expiresAt: iso(1) },
      { id: newId(), expiresAt: iso(-1) },
    ];
    for (const k of keys)
      await ds.manager.insert(IdempotencyKeyEntity, {
        id: k.id,
        appId: app,
        key: k.id,
        requestHash: 'h',
        responseStatus: 201,
        responseBody: {},
        createdAt: iso(2),
        expiresAt: k.expiresAt,
      } as never);

    expect(await retention.pruneCallbacks(app, cutoff(30), 100)).toBe(1);
    expect(await exists(InboundCallbackEntity, callbacks[0]!)).toBe(false);
    expect(await exists(InboundCallbackEntity, callbacks[1]!)).toBe(true);
    expect(await retention.pruneMessages(app, cutoff(30), 100)).toBe(1);
    expect(await exists(MessageEntity, messages[0]!)).toBe(false);
    expect(await exists(MessageEntity, messages[1]!)).toBe(true);
    expect(await retention.pruneExpiredIdempotencyKeys(new Date().toISOString(), 100)).toBe(1);
    expect(await exists(IdempotencyKeyEntity, keys[0]!.id)).toBe(false);
    expect(await exists(IdempotencyKeyEntity, keys[1]!.id)).toBe(true);
  });

  it('gives SQLite space back: a database is converted to incremental vacuum, then pages are freed', async () => {
    const first = await retention.reclaimSpace();
    if (process.env.DATABASE_URL) return expect(first).toBe('none');
    const app = newId();
    for (let i = 0; i < 300; i++)
      await ds.manager.insert(InboundCallbackEntity, {
        id: idAged(60),
        appId: app,
        provider: 'easemob',
        dedupeKey: `k${i}`,
        vendorKind: 'chat:txt',
        verdict: 'accepted',
        rawBody: 'x'.repeat(4000),
        query: {},
        headers: {},
        eventCount: 1,
        receivedAt: iso(60),
      } as never);
    const pages = async () => Number((await ds.query('PRAGMA page_count'))[0].page_count);
    const before = await pages();
    while ((await retention.pruneCallbacks(app, cutoff(30), 100)) > 0);
    expect(await retention.reclaimSpace()).toBe('reclaimed');
    expect(await pages()).toBeLessThan(before - 100);
  });
});
