import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Transactor } from '@im-gateway/persistence';
import { easemobAppBody, startGateway, type RunningGateway } from '../support/gateway.js';
import { easemobTextCallback, FIXTURE_SECRET } from '../support/signed-callbacks.js';
import { sleep, WebhookReceiver } from '../support/webhook-receiver.js';

let gw: RunningGateway;
// The receiver fails every attempt, so the deliveries keep being retried until the app goes.
const receiver = new WebhookReceiver(() => ({ status: 500 }));

beforeAll(async () => {
  await receiver.start();
  gw = await startGateway({
    env: { DELIVERY_RETRY_SCHEDULE: '0,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3', DELIVERY_TIMEOUT_MS: '1000' },
  });
});
afterAll(async () => {
  await gw.close();
  await receiver.stop();
});

const OWNED = [
  'api_keys',
  'endpoints',
  'events',
  'inbound_callbacks',
  'messages',
  'idempotency_keys',
  'deliveries',
];

async function rowsOf(appId: string): Promise<Record<string, number>> {
  const t = gw.app.get(Transactor);
  const counts: Record<string, number> = {};
  for (const table of OWNED) {
    const [row] = await t.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM ${table} WHERE app_id = $1`,
      [appId],
    );
    counts[table] = Number(row?.n ?? 0);
  }
  const [attempts] = await t.query<{ n: number | string }>(
    'SELECT COUNT(*) AS n FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id WHERE d.app_id = $1',
    [appId],
  );
  counts.delivery_attempts = Number(attempts?.n ?? 0);
  return counts;
}

describe('deleting an app', () => {
  it('removes its keys, endpoints, events and deliveries, and stops its pending deliveries', async () => {
    const appId = (
      await gw.call('POST', '/v1/apps', {
        body: easemobAppBody({ orgName: 'org', appName: 'app', callbackSecret: FIXTURE_SECRET }),
      })
    ).body.id as string;
    expect((await gw.call('POST', `/v1/apps/${appId}/api-keys`, { body: { name: 'k' } })).status).toBe(201);
    const endpoint = await gw.call('POST', `/v1/apps/${appId}/endpoints`, { body: { url: receiver.url } });
    expect(endpoint.status).toBe(201);
    for (let i = 0; i < 3; i++)
      expect(
        (
          await gw.call('POST', `/callbacks/easemob/${appId}`, {
            token: null,
            body: easemobTextCallback(`delete-${i}`),
          })
        ).status,
      ).toBe(200);
    await receiver.waitFor(6); // every delivery failed at least once and is waiting for its retry
    const before = await rowsOf(appId);
    expect(before).toMatchObject({
      api_keys: 1,
      endpoints: 1,
      events: 3,
      inbound_callbacks: 3,
      deliveries: 3,
    });

    expect((await gw.call('DELETE', `/v1/apps/${appId}`)).status).toBe(204);
    await sleep(500); // an attempt under way at the deletion ends
    const seen = receiver.received.length;
    await sleep(1_500); // several retry periods
    expect(receiver.received.length).toBe(seen);
    expect(await rowsOf(appId)).toEqual(
      Object.fromEntries([...OWNED, 'delivery_attempts'].map((t) => [t, 0])),
    );
    expect((await gw.call('GET', `/v1/apps/${appId}`)).status).toBe(404);
    expect((await gw.call('GET', `/v1/apps/${appId}/endpoints/${endpoint.body.id}`)).status).toBe(404);
  });
});
