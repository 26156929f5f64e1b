import { afterAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@im-gateway/persistence/testing';
import { easemobAppBody } from '../support/gateway.js';
import { GatewayProcess } from '../support/gateway-process.js';
import { dropRedisPrefix, REDIS_URL, testQueuePrefix } from '../support/redis-prefix.js';
import { easemobTextCallback, FIXTURE_SECRET } from '../support/signed-callbacks.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const BURST = 20;
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/**
 * A burst of deliveries is under way (the receiver holds every request) when the gateway is killed with
 * SIGKILL; the restarted gateway must deliver every one within 10 s, on the default settings: nothing says
 * the dead process's claims are abandoned but their short lease running out.
 */
async function killDuringBurstAndRestart(queueEnv: Record<string, string>): Promise<void> {
  const db: TestDatabase = await createTestDatabase();
  cleanups.push(() => db.drop());
  const receiver = await new WebhookReceiver(() => ({ status: 200, delayMs: 120_000 })).start();
  cleanups.push(() => receiver.stop());
  const env = {
    DATA_DIR: db.settings.dataDir,
    ...(db.settings.databaseUrl ? { DATABASE_URL: db.settings.databaseUrl } : {}),
    ...queueEnv,
  };
  const first = await new GatewayProcess(env).start();
  const appId = (
    await first.call('POST', '/v1/apps', {
      body: easemobAppBody({ orgName: 'org', appName: 'app', callbackSecret: FIXTURE_SECRET }),
    })
  ).body.id as string;
  await first.call('POST', `/v1/apps/${appId}/endpoints`, { body: { url: receiver.url } });
  for (let i = 0; i < BURST; i++)
    expect(
      (
        await first.call('POST', `/callbacks/easemob/${appId}`, {
          token: null,
          body: easemobTextCallback(`sigkill-${i}`),
        })
      ).status,
    ).toBe(200);
  await receiver.waitFor(BURST); // every delivery is claimed and its request is under way
  await first.stop('SIGKILL');

  receiver.setBehaviour(() => ({ status: 200 }));
  const restartedAt = Date.now();
  const second = await new GatewayProcess(env).start();
  try {
    const redelivered = new Set<string>();
    while (redelivered.size < BURST && Date.now() - restartedAt < 15_000) {
      for (const hook of receiver.received)
        if (hook.receivedAt >= restartedAt) redelivered.add(hook.headers['webhook-id']!);
      await new Promise((r) => setTimeout(r, 50));
    }
    const lastAt = Math.max(
      ...receiver.received.filter((h) => h.receivedAt >= restartedAt).map((h) => h.receivedAt),
    );
    expect(redelivered.size).toBe(BURST);
    expect(lastAt - restartedAt).toBeLessThan(10_000);
  } finally {
    await second.stop();
  }
}

describe('deliveries under way when the gateway is killed', () => {
  it(`are all delivered within 10 s of the restart on the in-process queue (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, async () => {
    await killDuringBurstAndRestart({});
  }, 60_000);

  it('are all delivered within 10 s of the restart on BullMQ', async () => {
    const prefix = testQueuePrefix('sigkill');
    cleanups.push(() => dropRedisPrefix(prefix));
    await killDuringBurstAndRestart({ REDIS_URL, DELIVERY_QUEUE_PREFIX: prefix });
  }, 60_000);
});
