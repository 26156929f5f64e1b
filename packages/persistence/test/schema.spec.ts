import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  createDataSource,
  EventEntity,
  InboundCallbackEntity,
  isUniqueViolation,
  newId,
  nowIso,
} from '../src/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';

let db: TestDatabase;
let ds: DataSource;

beforeAll(async () => {
  db = await createTestDatabase();
  ds = await createDataSource(db.settings);
});

afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

function callbackRow(appId: string, dedupeKey: string): InboundCallbackEntity {
  return Object.assign(new InboundCallbackEntity(), {
    id: newId(),
    appId,
    provider: 'easemob',
    dedupeKey,
    vendorKind: 'chat:txt',
    verdict: 'accepted',
    rawBody: '{"callId":"x"}',
    query: {},
    headers: { 'content-type': 'application/json' },
    eventCount: 1,
    receivedAt: nowIso(),
  });
}

describe(`schema (${process.env.DATABASE_URL ? 'postgres' : 'sqlite'})`, () => {
  it('creates every table the design lists through migrations', async () => {
    const runner = ds.createQueryRunner();
    try {
      for (const table of [
        'apps',
        'api_keys',
        'inbound_callbacks',
        'events',
        'endpoints',
        'deliveries',
        'delivery_attempts',
        'messages',
        'idempotency_keys',
        'bridges',
        'bridge_mappings',
        'relays',
        'relay_attempts',
        'relayed_messages',
        'before_policies',
      ])
        expect(await runner.hasTable(table)).toBe(true);
    } finally {
      await runner.release();
    }
  });

  it('matches the entities exactly: no pending schema change after the migrations', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('does not run a migration twice', async () => {
    expect(await ds.runMigrations()).toEqual([]);
    expect(await ds.showMigrations()).toBe(false);
  });

  it('round-trips JSON and nullable columns', async () => {
    const row = callbackRow('app_1', 'cb-1');
    await ds.getRepository(InboundCallbackEntity).insert(row);
    const back = await ds.getRepository(InboundCallbackEntity).findOneByOrFail({ id: row.id });
    expect(back).toEqual(row);
  });

  it('refuses a second callback with the same dedupe key for the same app, but not for another app', async () => {
    const repo = ds.getRepository(InboundCallbackEntity);
    await repo.insert(callbackRow('app_2', 'same'));
    const error = await repo.insert(callbackRow('app_2', 'same')).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(error)).toBe(true);
    await expect(repo.insert(callbackRow('app_3', 'same'))).resolves.toBeDefined();
  });

  it('rolls back a failed transaction as a whole', async () => {
    const event = Object.assign(new EventEntity(), {
      id: newId(),
      appId: 'app_4',
      callbackId: null,
      provider: 'easemob',
      type: 'message.sent',
      dedupeKey: 'e-1',
      conversationType: 'direct',
      conversationId: 'u2',
      actor: 'u1',
      occurredAt: nowIso(),
      receivedAt: nowIso(),
      body: { id: 'x' } as never,
    });
    await expect(
      ds.transaction(async (m) => {
        await m.insert(EventEntity, event);
        await m.insert(EventEntity, { ...event, id: newId() }); // same dedupe key: fails
      }),
    ).rejects.toBeDefined();
    expect(await ds.getRepository(EventEntity).countBy({ appId: 'app_4' })).toBe(0);
  });

  it('orders ids by creation time', () => {
    const ids = Array.from({ length: 50 }, () => newId());
    expect([...ids].sort()).toEqual(ids);
  });
});
