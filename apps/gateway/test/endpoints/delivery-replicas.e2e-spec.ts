import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@im-gateway/persistence/testing';
import { easemobAppBody } from '../support/gateway.js';
import { GatewayProcess } from '../support/gateway-process.js';
import { dropRedisPrefix, REDIS_URL, testQueuePrefix } from '../support/redis-prefix.js';
import { easemobTextCallback, FIXTURE_SECRET } from '../support/signed-callbacks.js';
import { sleep, WebhookReceiver } from '../support/webhook-receiver.js';

// Two gateway processes on one PostgreSQL and one Redis (BullMQ): always PostgreSQL, since two processes
// sharing one database is what it models.
let db: TestDatabase;
const receiver = new WebhookReceiver(() => ({ status: 200, delayMs: 5 }));
const prefix = testQueuePrefix('test');

beforeAll(async () => {
  db = await createTestDatabase({
    DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await receiver.start();
});
afterAll(async () => {
  await receiver.stop();
  await db.drop();
  await dropRedisPrefix(prefix);
});

describe('two gateway replicas on PostgreSQL + Redis', () => {
  it('deliver a batch with none lost and none delivered twice', async () => {
    const env = {
      DATA_DIR: db.settings.dataDir,
      DATABASE_URL: db.settings.databaseUrl!,
      REDIS_URL,
      DELIVERY_QUEUE_PREFIX: prefix,
    };
    const a = await new GatewayProcess(env).start();
    const b = await new GatewayProcess(env).start();
    try {
      const appId = (
        await a.call('POST', '/v1/apps', {
          body: easemobAppBody({ orgName: 'org', appName: 'app', callbackSecret: FIXTURE_SECRET }),
        })
      ).body.id;
      await a.call('POST', `/v1/apps/${appId}/endpoints`, { body: { url: receiver.url } });
      await sleep(1100); // the other replica's endpoint cache expires within a second
      const total = 200;
      await Promise.all(
        Array.from({ length: total }, (_, i) =>
          (i % 2 ? a : b).call('POST', `/callbacks/easemob/${appId}`, {
            token: null,
            body: easemobTextCallback(`replica-${i}`),
          }),
        ),
      );
      await receiver.waitFor(total, 30_000);
      await sleep(500);
      const ids = receiver.received.map((h) => h.headers['webhook-id']);
      expect(ids).toHaveLength(total);
      expect(new Set(ids).size).toBe(total);
      // Both replicas worked the shared queue.
      const delivered = async (g: GatewayProcess) =>
        Number(
          /imgw_delivery_attempts_total\{result="delivered"\} (\d+)/.exec(
            (await g.call('GET', '/metrics', { token: null })).text,
          )?.[1] ?? 0,
        );
      const [byA, byB] = [await delivered(a), await delivered(b)];
      expect(byA + byB).toBe(total);
      expect(byA).toBeGreaterThan(0);
      expect(byB).toBeGreaterThan(0);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
