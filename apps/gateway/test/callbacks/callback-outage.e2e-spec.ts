import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { easemobAppBody, tencentAppBody, type RunningGateway } from '../support/gateway.js';
import { startGatewayBehindProxy, type GatewayBehindProxy, type TcpProxy } from '../support/tcp-proxy.js';

// A vendor must never be told "ok" for a callback that was not stored. The outage needs a server to cut off,
// so this always runs on PostgreSQL, reached through a TCP proxy the test cuts and restores.
let proxy: TcpProxy;
let gw: RunningGateway;
let setup: GatewayBehindProxy;

beforeAll(async () => {
  setup = await startGatewayBehindProxy();
  ({ gw, proxy } = setup);
});
afterAll(async () => {
  await setup?.close();
});

const easemobCallback = (callId: string) => {
  const body = {
    callId,
    eventType: 'chat',
    timestamp: Date.now(),
    chat_type: 'chat',
    from: 'u1',
    to: 'u2',
    msg_id: '1234567890123456789',
    payload: { bodies: [{ type: 'txt', msg: 'hi' }], ext: {} },
    appkey: '1102190223222824#lxml',
  };
  return {
    ...body,
    security: createHash('md5').update(`${callId}callback-secret-value${body.timestamp}`).digest('hex'),
  };
};

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('condition not reached');
}

describe('callbacks while the database is unavailable', () => {
  it('answers Easemob 503 (so its retry can succeed), and stores the retry once the database is back', async () => {
    const appId = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
    const body = easemobCallback('outage-1');
    expect(
      (
        await gw.call('POST', `/callbacks/easemob/${appId}`, {
          token: null,
          body: easemobCallback('warm-up'),
        })
      ).status,
    ).toBe(200);

    await proxy.cut();
    const down = await gw.call('POST', `/callbacks/easemob/${appId}`, { token: null, body });
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('dependency_unavailable');

    await proxy.restore();
    await until(
      async () =>
        (await gw.call('POST', `/callbacks/easemob/${appId}`, { token: null, body })).status === 200,
    );
    const events = (await gw.call('GET', `/v1/apps/${appId}/events`)).body.data as { dedupeKey: string }[];
    expect(events.map((e) => e.dedupeKey).sort()).toEqual(['outage-1', 'warm-up']);
  });

  it('answers Tencent with the failure form and a non-200 status', async () => {
    const appId = (
      await gw.call('POST', '/v1/apps', {
        body: tencentAppBody({ callbackToken: undefined, allowUnsignedCallbacks: true }),
      })
    ).body.id;
    const query = new URLSearchParams({
      SdkAppid: '1400000000',
      CallbackCommand: 'State.StateChange',
      contenttype: 'json',
      ClientIP: '127.0.0.1',
      OptPlatform: 'iOS',
    });
    const body = {
      CallbackCommand: 'State.StateChange',
      EventTime: 1700000000123,
      Info: { Action: 'Login', To_Account: 'u1', Reason: 'Register' },
    };
    await proxy.cut();
    try {
      const res = await gw.call('POST', `/callbacks/tencent/${appId}?${query}`, { token: null, body });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ ActionStatus: 'FAIL' });
      expect(res.body.ErrorCode).not.toBe(0);
    } finally {
      await proxy.restore();
    }
  });
});
