import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createGatewayClient, streamEvents } from '@im-gateway/client';
import { ADMIN_TOKEN, easemobAppBody, startGateway, type RunningGateway } from '../support/gateway.js';
import { easemobTextCallback, FIXTURE_SECRET } from '../support/signed-callbacks.js';

let gw: RunningGateway;

beforeAll(async () => {
  gw = await startGateway();
});
afterAll(async () => {
  await gw.close();
});

describe('@im-gateway/client against a real gateway', () => {
  it('creates an app, reads it back and types the error body', async () => {
    const admin = createGatewayClient({ baseUrl: gw.url, token: ADMIN_TOKEN });
    const created = await admin.POST('/v1/apps', {
      body: easemobAppBody({ orgName: 'org', appName: 'app', callbackSecret: FIXTURE_SECRET }) as never,
    });
    expect(created.response.status).toBe(201);
    const appId = created.data!.id;
    const got = await admin.GET('/v1/apps/{appId}', { params: { path: { appId } } });
    expect(got.data?.name).toBe('shop');

    const anonymous = createGatewayClient({ baseUrl: gw.url });
    const refused = await anonymous.GET('/v1/apps/{appId}', { params: { path: { appId } } });
    expect(refused.response.status).toBe(401);
    expect(refused.error?.error.code).toBe('unauthorized');
  });

  it('tails events with streamEvents', async () => {
    const options = { baseUrl: gw.url, token: ADMIN_TOKEN };
    const admin = createGatewayClient(options);
    const { data: app } = await admin.POST('/v1/apps', {
      body: easemobAppBody({ orgName: 'org', appName: 'app', callbackSecret: FIXTURE_SECRET }) as never,
    });
    const abort = new AbortController();
    const tail = streamEvents(options, app!.id, { signal: abort.signal });
    const first = tail.next();
    await new Promise((r) => setTimeout(r, 300));
    await gw.call('POST', `/callbacks/easemob/${app!.id}`, {
      token: null,
      body: easemobTextCallback('sdk-1'),
    });
    const { value } = await first;
    expect(value).toMatchObject({ appId: app!.id, type: 'message.sent', dedupeKey: 'sdk-1' });
    abort.abort();
  });
});
