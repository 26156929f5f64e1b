import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { EasemobEmulator } from '@im-gateway/emulator';
import { startGateway, type RunningGateway } from '../support/gateway.js';
import { EASEMOB_CONTENTS, TARGETS, easemobApp } from './send-support.js';

let gw: RunningGateway;
let emulator: EasemobEmulator;
let appId: string;

beforeAll(async () => {
  gw = await startGateway();
  ({ emulator, appId } = await easemobApp(gw));
});
afterAll(async () => {
  await emulator.close();
  await gw.close();
});
beforeEach(() => emulator.reset());

const send = (body: unknown, headers: Record<string, string> = {}) =>
  gw.call('POST', `/v1/apps/${appId}/messages`, { body, headers });

describe('Easemob send: every content type to every target kind', () => {
  const cases = TARGETS.flatMap(([label, to]) =>
    EASEMOB_CONTENTS.map((c) => [c.type, label, to, c] as const),
  );

  it.each(cases)(
    '%s to %s: the emulator accepts the request and the gateway answers its ids',
    async (_t, _l, to, content) => {
      const res = await send({ from: 'user1', to, content, ext: { k: 'v' } });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ provider: 'easemob', status: 'sent', from: 'user1', content });
      const recorded = emulator.messages();
      expect(recorded).toHaveLength(to.ids.length);
      expect(res.body.recipients).toEqual(
        to.ids.map((id) => ({
          recipient: id,
          status: 'sent',
          vendorMessageId: recorded.find((m) => m.to === id)?.id,
        })),
      );
      const route = {
        user: '/messages/users',
        group: '/messages/chatgroups',
        chatroom: '/messages/chatrooms',
      }[to.type];
      for (const m of recorded) {
        expect(m.route).toBe(route);
        expect(m.from).toBe('user1');
        expect(m.ext).toEqual({ k: 'v' });
      }
    },
  );
});

const TEXT = { type: 'text', text: 'x' };

describe('Easemob send: batching, targeting, options', () => {
  it('splits users into calls of 600, groups of 3 and rooms of 10', async () => {
    const users = Array.from({ length: 601 }, (_, i) => `u${i}`);
    const a = await send({
      from: 'u',
      to: { type: 'user', ids: users },
      content: { type: 'text', text: 'x' },
    });
    expect(a.status).toBe(201);
    expect(a.body.recipients).toHaveLength(601);
    const calls = new Set(emulator.messages().map((m) => JSON.stringify((m.request as { to: string[] }).to)));
    expect([...calls].map((c) => JSON.parse(c).length).sort()).toEqual([1, 600]);

    emulator.reset();
    const groups = ['1', '2', '3', '4'];
    const b = await send({
      from: 'u',
      to: { type: 'group', ids: groups },
      content: { type: 'text', text: 'x' },
    });
    expect(b.status).toBe(201);
    expect(
      new Set(emulator.messages().map((m) => JSON.stringify((m.request as { to: string[] }).to))).size,
    ).toBe(2);

    emulator.reset();
    const rooms = Array.from({ length: 11 }, (_, i) => `r${i}`);
    const c = await send({
      from: 'u',
      to: { type: 'chatroom', ids: rooms },
      content: { type: 'text', text: 'x' },
    });
    expect(c.status).toBe(201);
    expect(
      new Set(emulator.messages().map((m) => JSON.stringify((m.request as { to: string[] }).to))).size,
    ).toBe(2);
  });

  it('sends a targeted chat-room message with its priority', async () => {
    const res = await send({
      from: 'user1',
      to: { type: 'chatroom', ids: ['185145305923585'] },
      content: { type: 'text', text: 'only you two' },
      options: { recipients: ['user2', 'user3'], priority: 'high' },
    });
    expect(res.status).toBe(201);
    const [m] = emulator.messages();
    expect(m?.route).toBe('/messages/chatrooms/users');
    expect(m?.users).toEqual(['user2', 'user3']);
    expect((m?.request as Record<string, unknown>).chatroom_msg_level).toBe('high');
    expect(res.body.recipients[0]).toEqual({
      recipient: '185145305923585',
      status: 'sent',
      vendorMessageId: m?.id,
    });
  });

  it('broadcasts to every chat room and keeps the broadcast id exact', async () => {
    const res = await send({
      from: 'admin',
      to: { type: 'chatroom', all: true },
      content: { type: 'text', text: 'to all rooms' },
      options: { priority: 'low' },
    });
    expect(res.status).toBe(201);
    const [m] = emulator.messages();
    expect(m?.route).toBe('/messages/chatrooms/broadcast');
    expect(res.body.recipients).toEqual([{ recipient: '*', status: 'sent', vendorMessageId: m?.id }]);
  });

  it('maps syncToSender and onlineOnly for users', async () => {
    const res = await send({
      from: 'a',
      to: { type: 'user', ids: ['b'] },
      content: { type: 'text', text: 'x' },
      options: { syncToSender: true, onlineOnly: true },
    });
    expect(res.status).toBe(201);
    expect(emulator.messages()[0]?.request).toMatchObject({ sync_device: true, routetype: 'ROUTE_ONLINE' });
  });

  it.each([
    ['priority', { type: 'user', ids: ['b'] }, { priority: 'high' }, TEXT],
    ['recipients', { type: 'user', ids: ['b'] }, { recipients: ['c'] }, TEXT],
    ['syncToSender', { type: 'chatroom', ids: ['r'] }, { syncToSender: true }, TEXT],
    ['onlineOnly', { type: 'chatroom', ids: ['r'] }, { onlineOnly: true }, TEXT],
    ['content.face', { type: 'user', ids: ['b'] }, {}, { type: 'face', index: 1 }],
    ['content.custom.data', { type: 'user', ids: ['b'] }, {}, { type: 'custom', data: 'x' }],
  ])(
    'refuses %s with 422 capability_unsupported and sends nothing',
    async (capability, to, options, content) => {
      const res = await send({ from: 'a', to, content, options });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'capability_unsupported', details: { capability } });
      expect(emulator.messages()).toHaveLength(0);
    },
  );
});

describe('Easemob app token', () => {
  it('is reused, and a send after the vendor expired it fetches a new one and succeeds', async () => {
    const body = { from: 'a', to: { type: 'user', ids: ['b'] }, content: { type: 'text', text: 'x' } };
    expect((await send(body)).status).toBe(201);
    expect((await send(body)).status).toBe(201);
    emulator.expireTokens();
    const res = await send(body);
    expect(res.status).toBe(201);
    expect(emulator.messages()).toHaveLength(3);
  });
});
