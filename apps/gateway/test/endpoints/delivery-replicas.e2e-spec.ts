import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { TestDatabase } from '@im-gateway/persistence/testing';
import { easemobAppBody } from '../support/gateway.js';
import { dropRedisPrefix, testQueuePrefix } from '../support/redis-prefix.js';
import { postgresTestDatabase } from '../support/postgres-database.js';
import { counter, startReplicas } from '../support/replicas.js';
import { describeWith } from '../support/required-services.js';
import { easemobTextCallback, FIXTURE_SECRET } from '../support/signed-callbacks.js';
import { sleep, WebhookReceiver } from '../support/webhook-receiver.js';

let db: TestDatabase;
const receiver = new WebhookReceiver(() => ({ status: 200, delayMs: 5 }));
const prefix = testQueuePrefix('test');

const describeWithServices = await describeWith(['postgres', 'redis']);

describeWithServices('two gateway replicas on PostgreSQL + Redis', () => {
  beforeAll(async () => {
    db = await postgresTestDatabase();
    await receiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
    await db.drop();
    await dropRedisPrefix(prefix);
  });

  it('deliver a batch with none lost and none delivered twice', async () => {
    const [a, b] = await startReplicas(db, prefix);
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
      // Both replicas worked the shared queue. An attempt is counted once its outcome is recorded, which may
      // come a moment after the receiver answered (a loaded machine): wait for the counts, then compare.
      const delivered = async () => [
        await counter(a, 'imgw_delivery_attempts_total{result="delivered"}'),
        await counter(b, 'imgw_delivery_attempts_total{result="delivered"}'),
      ];
      let [byA, byB] = await delivered();
      for (const started = Date.now(); byA! + byB! < total && Date.now() - started < 15_000;) {
        await sleep(200);
        [byA, byB] = await delivered();
      }
      expect(byA! + byB!).toBe(total);
      expect(byA).toBeGreaterThan(0);
      expect(byB).toBeGreaterThan(0);
    } finally {
      await a.stop();
      await b.stop();
    }
    // Two gateways starting, 200 callbacks, up to 30 s for the deliveries and 15 s for the counts.
  }, 120_000);
});
