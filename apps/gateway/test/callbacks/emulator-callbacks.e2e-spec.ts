import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  startEasemobEmulator,
  startTencentEmulator,
  type EasemobEmulator,
  type TencentEmulator,
} from '@im-gateway/emulator';
import { easemobAppBody, startGateway, tencentAppBody, type RunningGateway } from '../support/gateway.js';

// Callbacks fired by our vendor emulators, signed as the vendors sign them, must pass the gateway's
// verification; an emulator configured with another secret must be refused.
let gw: RunningGateway;
let easemob: EasemobEmulator;
let tencent: TencentEmulator;
const apps: Record<string, string> = {};

beforeAll(async () => {
  gw = await startGateway();
  apps.easemob = (
    await gw.call('POST', '/v1/apps', {
      body: easemobAppBody({ orgName: 'org', appName: 'app', callbackSecret: 'shared-secret' }),
    })
  ).body.id;
  apps.tencent = (
    await gw.call('POST', '/v1/apps', {
      body: tencentAppBody({ sdkAppId: 1400000001, callbackToken: 'shared-token' }),
    })
  ).body.id;
  easemob = await startEasemobEmulator({
    port: 0,
    apps: [
      {
        orgName: 'org',
        appName: 'app',
        clientId: 'id',
        clientSecret: 'secret',
        callbackUrl: `${gw.url}/callbacks/easemob/${apps.easemob}`,
        callbackSecret: 'shared-secret',
      },
      {
        orgName: 'org',
        appName: 'app2',
        clientId: 'id2',
        clientSecret: 'secret2',
        callbackUrl: `${gw.url}/callbacks/easemob/${apps.easemob}`,
        callbackSecret: 'wrong-secret',
      },
    ],
  });
  tencent = await startTencentEmulator({
    port: 0,
    apps: [
      {
        sdkAppId: 1400000001,
        secretKey: 'k',
        callbackUrl: `${gw.url}/callbacks/tencent/${apps.tencent}`,
        callbackToken: 'shared-token',
      },
    ],
  });
});
afterAll(async () => {
  await easemob.close();
  await tencent.close();
  await gw.close();
});

const events = async (appId: string) =>
  (await gw.call('GET', `/v1/apps/${appId}/events`)).body.data as { type: string; dedupeKey: string }[];
const text = {
  chat_type: 'chat',
  from: 'u1',
  to: 'u2',
  msg_id: '1234567890123456789',
  eventType: 'chat',
  payload: { bodies: [{ type: 'txt', msg: 'from the emulator' }], ext: {} },
};

describe('callbacks fired by the emulators', () => {
  it('Easemob: passes verification and becomes a message.sent event', async () => {
    const [attempt] = await easemob.fireCallback(
      { ...text, callId: 'org#app_emu-1', appkey: 'org#app' },
      { appKey: 'org#app' },
    );
    expect(attempt).toMatchObject({ status: 200, attempt: 1 });
    expect(await events(apps.easemob!)).toEqual([
      expect.objectContaining({ type: 'message.sent', dedupeKey: 'org#app_emu-1' }),
    ]);
  });

  it('Easemob: a wrong secret is refused, retried once by the emulator, and stores nothing', async () => {
    const before = (await events(apps.easemob!)).length;
    const attempts = await easemob.fireCallback(
      { ...text, callId: 'org#app_emu-2', appkey: 'org#app' },
      { appKey: 'org#app2' },
    );
    expect(attempts.map((a) => a.status)).toEqual([401, 401]);
    expect(await events(apps.easemob!)).toHaveLength(before);
  });

  it('Tencent: passes Sign verification and becomes an event; a wrong token is refused', async () => {
    const body = {
      CallbackCommand: 'State.StateChange',
      EventTime: Date.now(),
      Info: { Action: 'Login', To_Account: 'u1', Reason: 'Register' },
    };
    const [ok] = await tencent.fireCallback({ command: 'State.StateChange', body, sdkAppId: 1400000001 });
    expect(ok).toMatchObject({ status: 200 });
    expect(JSON.parse(ok!.responseBody!)).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
    expect((await events(apps.tencent!)).map((e) => e.type)).toEqual(['user.online']);

    // The same SDKAppID, configured with another callback token.
    const misconfigured = await startTencentEmulator({
      port: 0,
      apps: [
        {
          sdkAppId: 1400000001,
          secretKey: 'k',
          callbackUrl: `${gw.url}/callbacks/tencent/${apps.tencent}`,
          callbackToken: 'wrong-token',
        },
      ],
    });
    try {
      const [refused] = await misconfigured.fireCallback({
        command: 'State.StateChange',
        body: { ...body, EventTime: Date.now() + 1 },
      });
      expect(refused!.status).toBe(401);
      expect(JSON.parse(refused!.responseBody!)).toMatchObject({ ActionStatus: 'FAIL' });
      expect(await events(apps.tencent!)).toHaveLength(1);
    } finally {
      await misconfigured.close();
    }
  });
});
