import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startReceiver } from './helpers.js';
import { easemobApp, HOUR, NOW, refusal } from './easemob-migration.helpers.js';

// Message import (migration facts §2.9, §2.10) and the chat history export (§2.11).
let app: Awaited<ReturnType<typeof easemobApp>>;
let group: string;
const txt = (msg: string) => ({ type: 'txt', body: { msg } });
beforeAll(async () => {
  app = await easemobApp();
  await app.users('a', 'b', 'c');
  // The group exists from 10 hours before NOW.
  app.clock.now = NOW - 10 * HOUR;
  group = (
    await app.call('POST', '/chatgroups', { groupname: 'g', public: true, owner: 'a', members: ['b'] })
  ).json['data']['groupid'];
  app.clock.now = NOW;
});
afterAll(() => app.emu.close());

const importUser = (body: Record<string, unknown>) => app.call('POST', '/messages/users/import', body);
const importGroup = (body: Record<string, unknown>) => app.call('POST', '/messages/chatgroups/import', body);

describe('Easemob one-to-one import (§2.9)', () => {
  it('imports with msg_timestamp in ms and answers a new msg_id', async () => {
    const res = await importUser({ from: 'a', target: 'b', ...txt('one'), msg_timestamp: NOW - 5 * HOUR });
    expect(res.status).toBe(200);
    expect(res.json['data']).toEqual({ msg_id: expect.stringMatching(/^\d{18,19}$/) });
    expect(res.json['path']).toBe('/messages/users/import');
  });

  it('refuses a time not greater than the last import into the same conversation, either direction', async () => {
    const same = await importUser({ from: 'b', target: 'a', ...txt('again'), msg_timestamp: NOW - 5 * HOUR });
    expect(refusal(same).slice(0, 2)).toEqual([400, 'illegal_argument']);
    expect(same.json['error_description']).toMatch(/greater than the last message imported/);
    const older = await importUser({
      from: 'a',
      target: 'b',
      ...txt('older'),
      msg_timestamp: NOW - 6 * HOUR,
    });
    expect(older.status).toBe(400);
    // Another conversation has its own order.
    expect(
      (await importUser({ from: 'a', target: 'c', ...txt('x'), msg_timestamp: NOW - 6 * HOUR })).status,
    ).toBe(200);
  });

  it('refuses msg_timestamp 0 or below 1000, and empty fields with the documented words', async () => {
    expect((await importUser({ from: 'a', target: 'b', ...txt('x'), msg_timestamp: 999 })).status).toBe(400);
    expect(refusal(await importUser({ from: 'a', target: 'b', type: 'txt' }))).toEqual([
      400,
      'illegal_argument',
      'message body not allow empty',
    ]);
    expect(refusal(await importUser({ from: 'a', target: 'b', body: { msg: 'x' } }))).toEqual([
      400,
      'illegal_argument',
      'type not allow empty',
    ]);
    expect(
      refusal(await importUser({ from: 'a', target: 'b', type: 'combine', body: { x: 1 } })).slice(0, 2),
    ).toEqual([400, 'invalid_request_body']);
    expect(refusal(await app.call('POST', '/messages/users/import', '{not json')).slice(0, 2)).toEqual([
      400,
      'invalid_request_body',
    ]);
  });

  it('takes every body type of the send API', async () => {
    const bodies = [
      { type: 'img', body: { url: 'https://f/1.png', filename: '1.png' } },
      { type: 'audio', body: { url: 'https://f/1.amr', length: 3 } },
      { type: 'video', body: { url: 'https://f/1.mp4', thumb: 'https://f/1.jpg' } },
      { type: 'file', body: { url: 'https://f/1.txt' } },
      { type: 'loc', body: { lat: '39.9', lng: '116.3', addr: 'x' } },
      { type: 'cmd', body: { action: 'a' } },
      { type: 'custom', body: { customEvent: 'e', customExts: { k: 'v' } } },
    ];
    let at = NOW - 4 * HOUR;
    for (const b of bodies)
      expect((await importUser({ from: 'a', target: 'b', ...b, msg_timestamp: (at += 1) })).status).toBe(200);
  });
});

describe('Easemob group import (§2.10)', () => {
  it('refuses a time before the group was created, a time not before now, and an unknown group', async () => {
    const early = await importGroup({
      from: 'a',
      target: group,
      ...txt('x'),
      msg_timestamp: NOW - 11 * HOUR,
    });
    expect(early.json['error_description']).toMatch(/greater than the group's creation time/);
    const future = await importGroup({ from: 'a', target: group, ...txt('x'), msg_timestamp: NOW });
    expect(future.json['error_description']).toMatch(/less than the current time/);
    expect(
      (await importGroup({ from: 'a', target: '404', ...txt('x'), msg_timestamp: NOW - HOUR })).status,
    ).toBe(404);
  });

  it('imports in time order and refuses a message older than the last one imported', async () => {
    expect(
      (await importGroup({ from: 'a', target: group, ...txt('1'), msg_timestamp: NOW - 3 * HOUR })).status,
    ).toBe(200);
    expect(
      (await importGroup({ from: 'b', target: group, ...txt('2'), msg_timestamp: NOW - 2 * HOUR })).status,
    ).toBe(200);
    expect(
      (await importGroup({ from: 'a', target: group, ...txt('0'), msg_timestamp: NOW - 3 * HOUR - 1 }))
        .status,
    ).toBe(400);
  });

  it('keeps imported messages per conversation, in order, for inspection; fires no callback by default', async () => {
    const history = app.emu.inspect('org1#app1').history[`groupchat:${group}`]!;
    expect(history.map((r) => [r.payload.bodies[0]!['msg'], r.timestamp, r.source])).toEqual([
      ['1', NOW - 3 * HOUR, 'imported'],
      ['2', NOW - 2 * HOUR, 'imported'],
    ]);
    expect(app.emu.callbacks()).toEqual([]);
  });
});

describe('Easemob import callbacks (option)', () => {
  it('fires the post-send callback for imported messages with importCallbacks, stamped now', async () => {
    const receiver = await startReceiver();
    const withHooks = await easemobApp({
      importCallbacks: true,
      apps: [
        {
          orgName: 'org1',
          appName: 'app1',
          clientId: 'YXA6client',
          clientSecret: 'YXA6secret',
          callbackUrl: receiver.url,
          callbackSecret: 's',
        },
      ],
    });
    try {
      await withHooks.users('a', 'b');
      const res = await withHooks.call('POST', '/messages/users/import', {
        from: 'a',
        target: 'b',
        ...txt('x'),
        ext: { imGatewayRelay: { relayId: 'r1' } },
        msg_timestamp: NOW - HOUR,
      });
      await withHooks.emu.callbacksSettled();
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]!.json).toMatchObject({
        msg_id: res.json['data']['msg_id'],
        timestamp: NOW,
        payload: { ext: { imGatewayRelay: { relayId: 'r1' } } },
      });
    } finally {
      await withHooks.emu.close();
      await receiver.close();
    }
  });
});

describe('Easemob chat history export (§2.11)', () => {
  const hour = (at: number) => new Date(at).toISOString().replace(/[-T:]/g, '').slice(0, 10);

  it('answers a signed URL of a gzip file with one record per line, live sends included', async () => {
    app.clock.now = NOW - 2 * HOUR + 60_000;
    await app.call('POST', '/messages/users', { from: 'c', to: ['a'], ...txt('live') });
    app.clock.now = NOW;
    const res = await app.call('GET', `/chatmessages/${hour(NOW - 2 * HOUR)}`);
    expect(res.status).toBe(200);
    const url: string = res.json['data'][0].url;
    expect(url).toMatch(/\.gz\?Expires=\d+&OSSAccessKeyId=\w+&Signature=/);
    const file = Buffer.from(await (await fetch(url)).arrayBuffer());
    const records = gunzipSync(file)
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records).toEqual([
      {
        msg_id: expect.any(String),
        timestamp: NOW - 2 * HOUR,
        direction: 'outgoing',
        to: group,
        from: 'b',
        chat_type: 'groupchat',
        payload: { bodies: [{ msg: '2', type: 'txt' }], ext: {}, from: 'b', to: group },
      },
      expect.objectContaining({ chat_type: 'chat', from: 'c', to: 'a', timestamp: NOW - 2 * HOUR + 60_000 }),
    ]);
    // Without the signature the file is not served.
    expect((await fetch(url.replace(/Signature=[^&]+/, 'Signature=x'))).status).toBe(403);
  });

  it('answers the documented errors: bad time, expired hour, hour without a file', async () => {
    expect(refusal(await app.call('GET', '/chatmessages/2026120'))).toEqual([
      400,
      'illegal_argument',
      'illegal arguments: appkey: org1#app1, time: 2026120',
    ]);
    expect(refusal(await app.call('GET', '/chatmessages/2026131300'))[0]).toBe(400);
    const expired = await app.call('GET', `/chatmessages/${hour(NOW - 80 * HOUR)}`);
    expect(expired.json['error_description']).toMatch(/maybe chat message history is expired or unstored$/);
    expect(refusal(await app.call('GET', `/chatmessages/${hour(NOW - 30 * HOUR)}`)).slice(0, 2)).toEqual([
      404,
      'storage_object_not_found',
    ]);
  });

  it('reads the hour in Beijing time when the cluster says so (option)', async () => {
    const beijing = await easemobApp({ exportTimeZone: 'beijing' });
    try {
      await beijing.users('a', 'b');
      await beijing.call('POST', '/messages/users/import', {
        from: 'a',
        target: 'b',
        ...txt('x'),
        msg_timestamp: NOW - 2 * HOUR,
      });
      // NOW − 2 h in UTC is 22:00 on Dec 5; in Beijing it is 06:00 on Dec 6.
      expect((await beijing.call('GET', '/chatmessages/2026120606')).status).toBe(200);
      expect((await beijing.call('GET', '/chatmessages/2026120522')).status).toBe(404);
    } finally {
      await beijing.emu.close();
    }
  });

  it('allows 10 export calls a minute, then answers 429', async () => {
    const limited = await easemobApp({ rateLimits: true });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++)
        statuses.push((await limited.call('GET', `/chatmessages/${hour(NOW - HOUR)}`)).status);
      expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
      expect(statuses[10]).toBe(429);
    } finally {
      await limited.emu.close();
    }
  });
});
