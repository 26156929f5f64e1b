import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@im-gateway/persistence/testing';
import { easemobAppBody } from '../support/gateway.js';
import { GatewayProcess } from '../support/gateway-process.js';
import { easemobTextCallback, FIXTURE_SECRET } from '../support/signed-callbacks.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

let db: TestDatabase;
const receiver = new WebhookReceiver();

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await receiver.stop();
  await db.drop();
});

describe('deliveries survive a crash', () => {
  it('delivers every pending delivery after the gateway is killed and started again', async () => {
    const env = {
      DATA_DIR: db.settings.dataDir,
      ...(db.settings.databaseUrl ? { DATABASE_URL: db.settings.databaseUrl } : {}),
      DELIVERY_RETRY_SCHEDULE: '0,0.2,0.2,0.2,0.2,0.2,0.2,0.2,0.2,0.2',
      DELIVERY_TIMEOUT_MS: '1000',
      DELIVERY_SWEEP_SECONDS: '1',
    };
    const first = await new GatewayProcess(env).start();
    await receiver.start();
    const port = receiver.port;
    await receiver.stop(); // the receiver is down while the callbacks come in

    const appId = (
      await first.call('POST', '/v1/apps', {
        body: easemobAppBody({ orgName: 'org', appName: 'app', callbackSecret: FIXTURE_SECRET }),
      })
    ).body.id;
    await first.call('POST', `/v1/apps/${appId}/endpoints`, {
      body: { url: `http://127.0.0.1:${port}/hook` },
    });
    for (let i = 0; i < 20; i++)
      expect(
        (
          await first.call('POST', `/callbacks/easemob/${appId}`, {
            token: null,
            body: easemobTextCallback(`crash-${i}`),
          })
        ).status,
      ).toBe(200);
    await first.stop('SIGKILL');

    await receiver.start(port);
    const second = await new GatewayProcess(env).start();
    try {
      const got = await receiver.waitFor(20, 20_000);
      const ids = new Set(got.map((h) => h.headers['webhook-id']));
      expect(ids.size).toBe(20);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
