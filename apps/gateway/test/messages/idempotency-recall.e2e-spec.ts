import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { EasemobEmulator, TencentEmulator } from '@im-gateway/emulator';
import { startGateway, type RunningGateway } from '../support/gateway.js';
import { easemobApp, tencentApp } from './send-support.js';

let gw: RunningGateway;
let easemob: EasemobEmulator;
let tencent: TencentEmulator;
let easemobId: string;
let tencentId: string;

beforeAll(async () => {
  gw = await startGateway();
  ({ emulator: easemob, appId: easemobId } = await easemobApp(gw));
  ({ emulator: tencent, appId: tencentId } = await tencentApp(gw));
});
afterAll(async () => {
  await easemob.close();
  await tencent.close();
  await gw.close();
});
beforeEach(() => {
  easemob.reset();
  tencent.reset();
});

const body = { from: 'a', to: { type: 'user', ids: ['b', 'c'] }, content: { type: 'text', text: 'once' } };
const send = (appId: string, payload: unknown, key?: string) =>
  gw.call('POST', `/v1/apps/${appId}/messages`, {
    body: payload,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and body, without sending again', async () => {
    const first = await send(easemobId, body, 'key-1');
    expect(first.status).toBe(201);
    const second = await send(easemobId, { content: body.content, to: body.to, from: 'a' }, 'key-1');
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(easemob.messages()).toHaveLength(2); // two recipients, one send
  });

  it('answers 409 conflict to the same key while its first request is still sending', async () => {
    easemob.faults.set({ route: '/messages/users', latencyMs: 1000, times: 1 });
    const first = send(easemobId, body, 'key-slow');
    await new Promise((r) => setTimeout(r, 300)); // the first holds the key and waits on the vendor
    const second = await send(easemobId, body, 'key-slow');
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('conflict');
    expect((await first).status).toBe(201);
    expect(easemob.messages()).toHaveLength(2); // two recipients, one send
    const third = await send(easemobId, body, 'key-slow');
    expect(third.headers.get('idempotent-replayed')).toBe('true');
  });

  it('refuses the same key with another body: 409 idempotency_conflict', async () => {
    expect((await send(easemobId, body, 'key-2')).status).toBe(201);
    const other = await send(easemobId, { ...body, content: { type: 'text', text: 'twice' } }, 'key-2');
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('idempotency_conflict');
    expect(easemob.messages()).toHaveLength(2);
  });

  it('scopes keys to the app', async () => {
    expect((await send(easemobId, body, 'shared')).status).toBe(201);
    expect((await send(tencentId, body, 'shared')).status).toBe(201);
    expect(tencent.messages()).toHaveLength(2);
  });

  it('frees the key when nothing was sent, so the client can retry', async () => {
    easemob.faults.set({ route: '/messages/users', status: 400, times: 1 });
    expect((await send(easemobId, body, 'key-3')).status).toBe(422);
    expect((await send(easemobId, body, 'key-3')).status).toBe(201);
  });
});

describe('record and recall', () => {
  it('stores every send with its per-recipient vendor ids', async () => {
    const sent = await send(easemobId, body);
    const stored = await gw.call('GET', `/v1/apps/${easemobId}/messages/${sent.body.id}`);
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual(sent.body);
    expect(stored.body.recipients.map((r: { vendorMessageId: string }) => r.vendorMessageId)).toEqual(
      ['b', 'c'].map((to) => easemob.messages({ to })[0]?.id),
    );
  });

  it.each([
    ['easemob', 'user', () => [easemobId, easemob] as const],
    ['easemob', 'group', () => [easemobId, easemob] as const],
    ['tencent', 'user', () => [tencentId, tencent] as const],
    ['tencent', 'group', () => [tencentId, tencent] as const],
  ])('%s: recalls a %s message at the vendor', async (_v, type, target) => {
    const [appId, emulator] = target();
    const sent = await send(appId, { ...body, to: { type, ids: type === 'user' ? ['b'] : ['g1'] } });
    expect(sent.status).toBe(201);
    const res = await gw.call('POST', `/v1/apps/${appId}/messages/${sent.body.id}/recall`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('recalled');
    expect(res.body.recalledAt).toEqual(expect.any(String));
    expect(emulator.messages().every((m) => m.recalled)).toBe(true);
    const stored = await gw.call('GET', `/v1/apps/${appId}/messages/${sent.body.id}`);
    expect(stored.body.status).toBe('recalled');
  });

  it('refuses to recall a Tencent chat-room message (AVChatRoom): 422', async () => {
    const sent = await send(tencentId, { ...body, to: { type: 'chatroom', ids: ['r1'] } });
    const res = await gw.call('POST', `/v1/apps/${tencentId}/messages/${sent.body.id}/recall`);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'capability_unsupported',
      details: { capability: 'recall' },
    });
  });

  it('answers 404 for an unknown message', async () => {
    const res = await gw.call('GET', `/v1/apps/${easemobId}/messages/00000000-0000-7000-8000-000000000000`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
