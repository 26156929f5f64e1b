import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { easemobAppBody, startGateway, type RunningGateway } from '../support/gateway.js';
import { DOC_DATES_ENV } from '../support/signed-callbacks.js';

let gw: RunningGateway;
let appId: string;
let otherApp: string;
let key: string;

const SECRET = 'callback-secret-value';
function callback(callId: string, timestamp: number, extra: Record<string, unknown>) {
  const body = { callId, timestamp, appkey: '1102190223222824#lxml', ...extra };
  return { ...body, security: createHash('md5').update(`${callId}${SECRET}${timestamp}`).digest('hex') };
}
const text = (from: string, to: string, chatType: string, groupId?: string) => ({
  eventType: 'chat',
  msg_id: `${from}-${to}-${chatType}`,
  chat_type: chatType,
  from,
  to,
  ...(groupId ? { group_id: groupId } : {}),
  payload: { bodies: [{ type: 'txt', msg: 'hi' }], ext: {} },
});

beforeAll(async () => {
  gw = await startGateway({ env: DOC_DATES_ENV }); // callbacks stamped in January 2024
  appId = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
  otherApp = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
  key = (await gw.call('POST', `/v1/apps/${otherApp}/api-keys`, { body: { name: 'other' } })).body.key;
  const bodies = [
    callback('c1', Date.UTC(2024, 0, 1), text('alice', 'bob', 'chat')),
    callback('c2', Date.UTC(2024, 0, 2), text('bob', 'g1', 'groupchat', 'g1')),
    callback('c3', Date.UTC(2024, 0, 3), text('carol', 'g1', 'groupchat', 'g1')),
    callback('c4', Date.UTC(2024, 0, 4), {
      user: '1102190223222824#lxml_carol@easemob.com/ios_3a1f',
      status: 'online',
      reason: 'login',
      os: 'ios',
      version: '3.8.9.1',
    }),
    callback('c5', Date.UTC(2024, 0, 5), text('bob', 'alice', 'chat')),
  ];
  for (const b of bodies)
    expect((await gw.call('POST', `/callbacks/easemob/${appId}`, { token: null, body: b })).status).toBe(200);
});
afterAll(async () => {
  await gw.close();
});

const list = async (query: string, token?: string) =>
  (await gw.call('GET', `/v1/apps/${appId}/events?${query}`, token ? { token } : {})).body;
const keys = (body: { data: { dedupeKey: string }[] }) => body.data.map((e) => e.dedupeKey);

describe('GET /v1/apps/{appId}/events', () => {
  it('lists events oldest first with the unified envelope', async () => {
    const body = await list('');
    expect(keys(body)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(body.data[0]).toMatchObject({
      type: 'message.sent',
      provider: 'easemob',
      appId,
      conversation: { type: 'direct' },
      actor: 'alice',
    });
  });

  it('filters by exact type, wildcard and lists of patterns', async () => {
    expect(keys(await list('type=message.sent'))).toEqual(['c1', 'c2', 'c3', 'c5']);
    expect(keys(await list('type=message.*'))).toEqual(['c1', 'c2', 'c3', 'c5']);
    expect(keys(await list('type=user.*'))).toEqual(['c4']);
    expect(keys(await list('type=user.online,message.sent'))).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(keys(await list('type=group.*'))).toEqual([]);
  });

  it('filters by conversation, user and time', async () => {
    expect(keys(await list('conversationType=group&conversationId=g1'))).toEqual(['c2', 'c3']);
    expect(keys(await list('userId=carol'))).toEqual(['c3', 'c4']);
    // In every kind of conversation, combined with the other filters, a page at a time.
    expect(keys(await list('userId=bob'))).toEqual(['c2', 'c5']);
    expect(keys(await list('userId=bob&conversationType=group'))).toEqual(['c2']);
    expect(keys(await list('userId=bob&type=user.*'))).toEqual([]);
    const first = await list('userId=bob&limit=1');
    expect(keys(first)).toEqual(['c2']);
    expect(keys(await list(`userId=bob&limit=1&cursor=${first.nextCursor}`))).toEqual(['c5']);
    expect(keys(await list('since=2024-01-02T00:00:00.000Z&until=2024-01-04T00:00:00.000Z'))).toEqual([
      'c2',
      'c3',
    ]);
  });

  it('pages with a cursor', async () => {
    const first = await list('limit=2');
    expect(keys(first)).toEqual(['c1', 'c2']);
    const second = await list(`limit=2&cursor=${first.nextCursor}`);
    expect(keys(second)).toEqual(['c3', 'c4']);
    const third = await list(`limit=2&cursor=${second.nextCursor}`);
    expect(keys(third)).toEqual(['c5']);
    expect(third.nextCursor).toBeNull();
  });

  it('refuses bad filters with 400', async () => {
    for (const q of [
      'type=DROP%20TABLE',
      'conversationType=room',
      'since=yesterday',
      'limit=0',
      'limit=1000',
    ]) {
      const res = await gw.call('GET', `/v1/apps/${appId}/events?${q}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });

  it('refuses a type filter that matches no event type, as endpoint creation refuses such patterns', async () => {
    for (const q of ['type=nope', 'type=message.nope', 'type=nope.*', 'type=message.*,user.nope']) {
      const res = await gw.call('GET', `/v1/apps/${appId}/events?${q}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'validation_failed', details: [{ field: 'type' }] });
    }
  });

  it('refuses a cursor it did not hand out with 400 invalid_cursor', async () => {
    for (const cursor of ['garbage', '12345', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz']) {
      const res = await gw.call('GET', `/v1/apps/${appId}/events?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_cursor');
    }
    const apps = await gw.call('GET', '/v1/apps?cursor=garbage');
    expect(apps.status).toBe(400);
    expect(apps.body.error.code).toBe('invalid_cursor');
  });

  it('gets one event and keeps other tenants out', async () => {
    const [first] = (await list('')).data;
    expect((await gw.call('GET', `/v1/apps/${appId}/events/${first.id}`)).body).toEqual(first);
    expect((await gw.call('GET', `/v1/apps/${otherApp}/events/${first.id}`)).status).toBe(404);
    expect((await gw.call('GET', `/v1/apps/${appId}/events`, { token: key })).status).toBe(403);
    expect((await gw.call('GET', `/v1/apps/${otherApp}/events`, { token: key })).body.data).toEqual([]);
  });
});
