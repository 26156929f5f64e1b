import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { startTencentEmulator, type TencentEmulator } from '@im-gateway/emulator';
import type { TestDatabase } from '@im-gateway/persistence/testing';
import { easemobAppBody } from '../support/gateway.js';
import { dropRedisPrefix, testQueuePrefix } from '../support/redis-prefix.js';
import { postgresTestDatabase } from '../support/postgres-database.js';
import { counter, startReplicas } from '../support/replicas.js';
import { describeWith } from '../support/required-services.js';
import { easemobTextCallback, FIXTURE_SECRET } from '../support/signed-callbacks.js';
import { TENCENT } from '../messages/send-support.js';
import { eventually } from './bridge-support.js';

const prefix = testQueuePrefix('relay-replicas');
let db: TestDatabase;
let tencent: TencentEmulator;

const describeWithServices = await describeWith(['postgres', 'redis']);

describeWithServices('two gateway replicas on PostgreSQL + Redis', () => {
  beforeAll(async () => {
    db = await postgresTestDatabase();
    tencent = await startTencentEmulator({
      apps: [{ sdkAppId: TENCENT.sdkAppId, secretKey: TENCENT.secretKey }],
    });
  });
  afterAll(async () => {
    await tencent.close();
    await db.drop();
    await dropRedisPrefix(prefix);
  });

  it('relay a batch of messages with none lost and none relayed twice', async () => {
    const [a, b] = await startReplicas(db, prefix);
    try {
      const source = (
        await a.call('POST', '/v1/apps', {
          body: easemobAppBody({ orgName: 'org', appName: 'app', callbackSecret: FIXTURE_SECRET }),
        })
      ).body.id as string;
      const target = (
        await a.call('POST', '/v1/apps', {
          body: { name: 'tc', provider: 'tencent', config: { ...TENCENT, baseUrl: tencent.url } },
        })
      ).body.id as string;
      const bridge = await a.call('POST', '/v1/bridges', {
        body: { sourceAppId: source, targetAppId: target },
      });
      expect(bridge.status).toBe(201);
      const total = 100;
      const base = Date.now();
      // Each message in a conversation of its own, so that both replicas can work at once.
      const answers = await Promise.all(
        Array.from({ length: total }, (_, i) =>
          (i % 2 ? a : b).call('POST', `/callbacks/easemob/${source}`, {
            token: null,
            body: easemobTextCallback(`relay-replica-${i}`, {
              from: `s${i}`,
              to: `r${i}`,
              timestamp: base + i,
              text: `m${i}`,
            }),
          }),
        ),
      );
      expect(answers.every((r) => r.status === 200)).toBe(true);
      await eventually(
        async () => (tencent.messages().length >= total ? true : undefined),
        `${total} relayed messages`,
        30_000,
      );
      await new Promise((r) => setTimeout(r, 1_000));
      const texts = tencent
        .messages()
        .map((m) => (m.body as { MsgContent: { Text: string } }[])[0]!.MsgContent.Text);
      expect(texts).toHaveLength(total);
      expect(new Set(texts).size).toBe(total);
      const [byA, byB] = [
        await counter(a, 'imgw_relay_attempts_total{action="message",result="relayed"}'),
        await counter(b, 'imgw_relay_attempts_total{action="message",result="relayed"}'),
      ];
      expect(byA + byB).toBe(total);
      expect(byA).toBeGreaterThan(0);
      expect(byB).toBeGreaterThan(0);
    } finally {
      await a.stop();
      await b.stop();
    }
  }, 120_000);
});
