import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Webhook } from 'standardwebhooks';
import { easemobAppBody, startGateway, type RunningGateway } from '../support/gateway.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

let gw: RunningGateway;
let receiver: WebhookReceiver;

beforeAll(async () => {
  gw = await startGateway();
  receiver = await new WebhookReceiver().start();
});
afterAll(async () => {
  await receiver?.stop();
  await gw?.close();
});

async function appWithEndpoint(endpoint: Record<string, unknown> = {}) {
  const appId = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id as string;
  const created = await gw.call('POST', `/v1/apps/${appId}/endpoints`, {
    body: { url: receiver.url, ...endpoint },
  });
  expect(created.status).toBe(201);
  return { appId, endpointId: created.body.id as string, secret: created.body.secret as string };
}

describe('POST /v1/apps/{appId}/endpoints/{endpointId}/test', () => {
  it('delivers a signed, marked test event to that endpoint, even one subscribed to other types', async () => {
    const { appId, endpointId, secret } = await appWithEndpoint({ eventTypes: ['group.created'] });
    const before = receiver.received.length;
    const res = await gw.call('POST', `/v1/apps/${appId}/endpoints/${endpointId}/test`);
    expect(res.status).toBe(202);
    const { eventId, deliveryId } = res.body as { eventId: string; deliveryId: string };

    const hook = (await receiver.waitFor(before + 1))[before]!;
    const verified = new Webhook(secret).verify(hook.body, hook.headers) as Record<string, unknown>;
    expect(verified).toMatchObject({
      id: eventId,
      source: `/apps/${appId}`,
      type: 'message.sent',
      data: { data: { test: true }, raw: { test: true } },
    });

    // Listed like any event and delivery, with its attempt.
    const event = await gw.call('GET', `/v1/apps/${appId}/events/${eventId}`);
    expect(event.body.data).toEqual({ test: true });
    for (let i = 0; i < 50; i++) {
      const d = await gw.call('GET', `/v1/apps/${appId}/endpoints/${endpointId}/deliveries/${deliveryId}`);
      if (d.body.status === 'delivered') return expect(d.body.attempts).toBe(1);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the test delivery was never delivered');
  });

  it('refuses a disabled endpoint (409) and an unknown one (404)', async () => {
    const { appId, endpointId } = await appWithEndpoint({ disabled: true });
    const disabled = await gw.call('POST', `/v1/apps/${appId}/endpoints/${endpointId}/test`);
    expect(disabled.status).toBe(409);
    expect(disabled.body.error.code).toBe('conflict');
    const unknown = await gw.call(
      'POST',
      `/v1/apps/${appId}/endpoints/0193a5b2-7c1e-7cc3-9a4e-3f1b2c3d4e5f/test`,
    );
    expect(unknown.status).toBe(404);
  });

  it("cannot reach another app's endpoint with an app key", async () => {
    const victim = await appWithEndpoint();
    const attacker = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id as string;
    const key = (await gw.call('POST', `/v1/apps/${attacker}/api-keys`, { body: { name: 'k' } })).body
      .key as string;
    const before = receiver.received.length;
    const viaOwn = await gw.call('POST', `/v1/apps/${attacker}/endpoints/${victim.endpointId}/test`, {
      token: key,
    });
    expect(viaOwn.status).toBe(404);
    const viaVictim = await gw.call('POST', `/v1/apps/${victim.appId}/endpoints/${victim.endpointId}/test`, {
      token: key,
    });
    expect(viaVictim.status).toBe(403);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received.length).toBe(before);
  });
});
