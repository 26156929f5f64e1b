import { expect } from '@jest/globals';
import {
  startEasemobEmulator,
  startTencentEmulator,
  type EasemobEmulator,
  type TencentEmulator,
} from '@im-gateway/emulator';
import type { SendableContent } from '@im-gateway/types';
import type { RunningGateway } from '../support/gateway.js';

export const EASEMOB = {
  orgName: 'org1',
  appName: 'app1',
  clientId: 'YXA6client-id',
  clientSecret: 'YXA6client-secret',
  callbackSecret: 'easemob-callback-secret',
};
export const TENCENT = {
  sdkAppId: 1400000001,
  secretKey: 'tencent-secret-key-0123456789abcdef',
  adminIdentifier: 'administrator',
  callbackToken: 'tencent-callback-token',
};

/** An Easemob emulator and a gateway app pointing at it (and, when `callbacks`, back at the gateway). */
export async function easemobApp(
  gw: Pick<RunningGateway, 'call' | 'url'>,
  options: { callbacks?: boolean; rateLimits?: boolean; log?: (line: string) => void } = {},
): Promise<{ emulator: EasemobEmulator; appId: string }> {
  const created = await gw.call('POST', '/v1/apps', {
    body: { name: 'em', provider: 'easemob', config: { ...EASEMOB, baseUrl: 'http://127.0.0.1:1' } },
  });
  expect(created.status).toBe(201);
  const appId = created.body.id as string;
  const emulator = await startEasemobEmulator({
    apps: [
      {
        ...EASEMOB,
        ...(options.callbacks ? { callbackUrl: `${gw.url}/callbacks/easemob/${appId}` } : {}),
      },
    ],
    rateLimits: options.rateLimits ?? true,
    ...(options.log ? { log: options.log } : {}),
  });
  const patched = await gw.call('PATCH', `/v1/apps/${appId}`, {
    body: { config: { baseUrl: emulator.url } },
  });
  expect(patched.status).toBe(200);
  return { emulator, appId };
}

export async function tencentApp(
  gw: RunningGateway,
  options: { callbacks?: boolean } = {},
): Promise<{ emulator: TencentEmulator; appId: string }> {
  const created = await gw.call('POST', '/v1/apps', {
    body: { name: 'tc', provider: 'tencent', config: { ...TENCENT, baseUrl: 'http://127.0.0.1:1' } },
  });
  expect(created.status).toBe(201);
  const appId = created.body.id as string;
  const emulator = await startTencentEmulator({
    apps: [
      {
        sdkAppId: TENCENT.sdkAppId,
        secretKey: TENCENT.secretKey,
        callbackToken: TENCENT.callbackToken,
        ...(options.callbacks ? { callbackUrl: `${gw.url}/callbacks/tencent/${appId}` } : {}),
      },
    ],
  });
  const patched = await gw.call('PATCH', `/v1/apps/${appId}`, {
    body: { config: { baseUrl: emulator.url } },
  });
  expect(patched.status).toBe(200);
  return { emulator, appId };
}

const FILES = 'https://files.example.test/chatfiles';

/** Every content type, as Easemob can carry it losslessly (it has no face message). */
export const EASEMOB_CONTENTS: SendableContent[] = [
  { type: 'text', text: 'hi 你好' },
  { type: 'image', url: `${FILES}/a.png`, name: 'a.png', width: 480, height: 720, size: 1234, secret: 'sa' },
  { type: 'audio', url: `${FILES}/b.amr`, name: 'b.amr', durationSec: 10, size: 6374, secret: 'sb' },
  {
    type: 'video',
    url: `${FILES}/c.mp4`,
    name: 'c.mp4',
    durationSec: 5,
    size: 58103,
    secret: 'sc',
    thumbnailUrl: `${FILES}/c.jpg`,
    thumbnailSecret: 'sct',
    width: 360,
    height: 480,
  },
  { type: 'file', url: `${FILES}/d.txt`, name: 'd.txt', size: 10, secret: 'sd' },
  { type: 'location', latitude: 39.966, longitude: 116.322, address: '中关村' },
  { type: 'command', action: 'typing' },
  { type: 'custom', event: 'gift', fields: { sku: 'rose', count: '3' } },
];

/** Every content type, as Tencent can carry it losslessly (`command` in the reserved custom encoding). */
export const TENCENT_CONTENTS: SendableContent[] = [
  { type: 'text', text: 'hi 你好' },
  {
    type: 'image',
    url: `${FILES}/a.png`,
    width: 480,
    height: 720,
    size: 1234,
    format: 'png',
    variants: [{ kind: 'original', url: `${FILES}/a.png`, width: 480, height: 720, size: 1234 }],
  },
  { type: 'audio', url: `${FILES}/b.amr`, durationSec: 10, size: 6374 },
  {
    type: 'video',
    url: `${FILES}/c.mp4`,
    durationSec: 5,
    size: 58103,
    format: 'mp4',
    thumbnailUrl: `${FILES}/c.jpg`,
    width: 360,
    height: 480,
  },
  { type: 'file', url: `${FILES}/d.txt`, name: 'd.txt', size: 10 },
  { type: 'location', latitude: 39.966, longitude: 116.322, address: '中关村' },
  { type: 'command', action: 'typing' },
  { type: 'custom', data: '{"sku":"rose"}', description: 'a rose', extension: 'x', sound: 'ding.caf' },
  { type: 'face', index: 3, data: 'smile' },
];

export const TARGETS = [
  ['a user', { type: 'user', ids: ['u2'] }],
  ['several users', { type: 'user', ids: ['u2', 'u3', 'u4'] }],
  ['a group', { type: 'group', ids: ['184524748161025'] }],
  ['a chat room', { type: 'chatroom', ids: ['185145305923585'] }],
] as const;

/** Every sendable type name, to check the content lists cover them. */
export const ALL_TYPES = ['text', 'image', 'audio', 'video', 'file', 'location', 'command', 'custom', 'face'];

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
