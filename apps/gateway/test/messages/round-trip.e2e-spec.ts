import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EasemobEmulator, TencentEmulator } from '@im-gateway/emulator';
import type { SendableContent, UnifiedEvent } from '@im-gateway/types';
import { startGateway, type RunningGateway } from '../support/gateway.js';
import { EASEMOB_CONTENTS, TENCENT_CONTENTS, easemobApp, tencentApp } from './send-support.js';

let gw: RunningGateway;
let easemob: { emulator: EasemobEmulator; appId: string };
let tencent: { emulator: TencentEmulator; appId: string };

beforeAll(async () => {
  gw = await startGateway();
  easemob = await easemobApp(gw, { callbacks: true });
  tencent = await tencentApp(gw, { callbacks: true });
});
afterAll(async () => {
  await easemob.emulator.close();
  await tencent.emulator.close();
  await gw.close();
});

/** The `message.sent` event the vendor's callback produced for `vendorMessageId`. */
async function sentEvent(appId: string, vendorMessageId: string): Promise<UnifiedEvent | undefined> {
  const res = await gw.call('GET', `/v1/apps/${appId}/events?type=message.sent&limit=200`);
  expect(res.status).toBe(200);
  return (res.body.data as UnifiedEvent[]).find((e) => e.message?.id === vendorMessageId);
}

const TO = [
  ['a user', { type: 'user', ids: ['u2'] }],
  ['a group', { type: 'group', ids: ['184524748161025'] }],
  ['a chat room', { type: 'chatroom', ids: ['185145305923585'] }],
] as const;

describe.each([
  ['easemob', () => easemob, EASEMOB_CONTENTS],
  ['tencent', () => tencent, TENCENT_CONTENTS],
] as const)(
  'round trip through %s: sent content comes back as an equal message.sent',
  (_vendor, target, contents) => {
    const cases = TO.flatMap(([label, to]) => contents.map((c) => [c.type, label, to, c] as const));

    it.each(cases)('%s to %s', async (_t, _l, to, content: SendableContent) => {
      const { emulator, appId } = target();
      const res = await gw.call('POST', `/v1/apps/${appId}/messages`, {
        body: { from: 'user1', to, content, ext: { order: 42, tags: ['a'] } },
      });
      expect(res.status).toBe(201);
      const vendorMessageId = res.body.recipients[0].vendorMessageId as string;
      await emulator.callbacksSettled();
      const event = await sentEvent(appId, vendorMessageId);
      expect(event?.message?.contents).toEqual([content]);
      expect(event?.message?.from).toBe('user1');
      expect(event?.message?.ext).toEqual({ order: 42, tags: ['a'] });
    });
  },
);
