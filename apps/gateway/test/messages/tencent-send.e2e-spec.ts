import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { TencentEmulator } from '@im-gateway/emulator';
import { startGateway, type RunningGateway } from '../support/gateway.js';
import { ALL_TYPES, TARGETS, TENCENT_CONTENTS, tencentApp } from './send-support.js';

let gw: RunningGateway;
let emulator: TencentEmulator;
let appId: string;

beforeAll(async () => {
  gw = await startGateway();
  ({ emulator, appId } = await tencentApp(gw));
});
afterAll(async () => {
  await emulator.close();
  await gw.close();
});
beforeEach(() => emulator.reset());

const send = (body: unknown) => gw.call('POST', `/v1/apps/${appId}/messages`, { body });
const TEXT = { type: 'text', text: 'x' };

describe('Tencent send: every content type to every target kind', () => {
  it('covers every sendable content type', () => {
    expect(TENCENT_CONTENTS.map((c) => c.type).sort()).toEqual([...ALL_TYPES].sort());
  });

  const cases = TARGETS.flatMap(([label, to]) =>
    TENCENT_CONTENTS.map((c) => [c.type, label, to, c] as const),
  );

  it.each(cases)(
    '%s to %s: the emulator accepts the request and the gateway answers its ids',
    async (_t, _l, to, content) => {
      const res = await send({ from: 'user1', to, content, ext: { k: 'v' } });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ provider: 'tencent', status: 'sent', content });
      const recorded = emulator.messages();
      expect(recorded).toHaveLength(to.ids.length);
      const route =
        to.type === 'user'
          ? to.ids.length === 1
            ? '/v4/openim/sendmsg'
            : '/v4/openim/batchsendmsg'
          : '/v4/group_open_http_svc/send_group_msg';
      expect(res.body.recipients).toEqual(
        to.ids.map((id) => ({
          recipient: id,
          status: 'sent',
          vendorMessageId: recorded.find((m) => m.to === id)?.id,
        })),
      );
      for (const m of recorded) {
        expect(m.route).toBe(route);
        expect(m.from).toBe('user1');
        expect(JSON.parse(m.ext as string)).toEqual({ k: 'v' });
        expect(m.request).toMatchObject({ From_Account: 'user1' });
      }
    },
  );

  it('sends a command as the reserved TIMCustomElem encoding', async () => {
    const res = await send({
      from: 'a',
      to: { type: 'user', ids: ['b'] },
      content: { type: 'command', action: 'typing' },
    });
    expect(res.status).toBe(201);
    expect(emulator.messages()[0]?.body).toEqual([
      { MsgType: 'TIMCustomElem', MsgContent: { Data: '{"imgw":"command","action":"typing"}' } },
    ]);
  });
});

describe('Tencent send: options and limits', () => {
  it('maps options of 1:1 and group messages to the vendor fields', async () => {
    await send({
      from: 'a',
      to: { type: 'user', ids: ['b'] },
      content: TEXT,
      options: { syncToSender: false, onlineOnly: true },
    });
    expect(emulator.messages()[0]?.request).toMatchObject({ SyncOtherMachine: 2, MsgLifeTime: 0 });
    emulator.reset();
    await send({
      from: 'a',
      to: { type: 'group', ids: ['g1'] },
      content: TEXT,
      options: { priority: 'high', recipients: ['c', 'd'], onlineOnly: true },
    });
    expect(emulator.messages()[0]?.request).toMatchObject({
      MsgPriority: 'High',
      To_Account: ['c', 'd'],
      OnlineOnlyFlag: 1,
    });
  });

  it.each([
    ['broadcast', { type: 'chatroom', all: true }, {}, TEXT],
    ['priority', { type: 'user', ids: ['b'] }, { priority: 'low' }, TEXT],
    ['onlineOnly', { type: 'chatroom', ids: ['r'] }, { onlineOnly: true }, TEXT],
    [
      'content.image.name',
      { type: 'user', ids: ['b'] },
      {},
      { type: 'image', url: 'https://x.test/a.png', name: 'a', width: 1, height: 1 },
    ],
    ['content.custom.event', { type: 'user', ids: ['b'] }, {}, { type: 'custom', event: 'e', data: 'd' }],
  ])(
    'refuses %s with 422 capability_unsupported and sends nothing',
    async (capability, to, options, content) => {
      const res = await send({ from: 'a', to, content, options });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'capability_unsupported', details: { capability } });
      expect(emulator.messages()).toHaveLength(0);
    },
  );

  it('names a field Tencent requires but the content lacks (400)', async () => {
    const res = await send({
      from: 'a',
      to: { type: 'user', ids: ['b'] },
      content: { type: 'audio', url: 'https://x.test/a.amr' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'content.size', message: expect.any(String) }]);
  });
});
