import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { request } from 'node:http';
import {
  startEasemobEmulator,
  startTencentEmulator,
  type EasemobEmulator,
  type TencentEmulator,
} from '../src/index.js';
import { EASEMOB_APP, easemobToken, post, TENCENT_APP, tencentQuery, text } from './helpers.js';

let emu: EasemobEmulator;
let tencent: TencentEmulator;
let token: string;
const sendUsers = () =>
  post(
    `${emu.url}/org1/app1/messages/users`,
    { to: ['u'], type: 'txt', body: { msg: 'x' } },
    { authorization: `Bearer ${token}` },
  );

beforeAll(async () => {
  emu = await startEasemobEmulator({ apps: [EASEMOB_APP], rateLimits: false });
  tencent = await startTencentEmulator({ apps: [TENCENT_APP], rateLimits: false });
});
beforeEach(async () => {
  emu.reset();
  tencent.reset();
  token = await easemobToken(emu.url);
});
afterAll(async () => {
  await emu.close();
  await tencent.close();
});

describe('fault injection, observed from a client', () => {
  it('answers a fixed status (with a vendor-shaped default body) for `times` requests, then recovers', async () => {
    emu.faults.set({ route: '/messages/users', status: 503, times: 2 });
    const first = await sendUsers();
    expect([first.status, first.json['error']]).toEqual([503, 'service_unavailable']);
    expect((await sendUsers()).status).toBe(503);
    expect((await sendUsers()).status).toBe(200);
    expect(emu.messages()).toHaveLength(1);
  });

  it('answers a custom body and leaves other routes alone', async () => {
    emu.faults.set({ route: '/messages/users', status: 500, body: { custom: true } });
    expect((await sendUsers()).json).toEqual({ custom: true });
    const other = await post(
      `${emu.url}/org1/app1/messages/chatgroups`,
      { to: ['g'], type: 'txt', body: { msg: 'x' } },
      { authorization: `Bearer ${token}` },
    );
    expect(other.status).toBe(200);
    emu.faults.clear();
    expect((await sendUsers()).status).toBe(200);
  });

  it('adds latency before the real answer', async () => {
    emu.faults.set({ route: '/messages/users', latencyMs: 300, times: 1 });
    const started = Date.now();
    const res = await sendUsers();
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('never answers on a timeout fault, so the client has to abort', async () => {
    emu.faults.set({ route: '/messages/users', timeout: true, times: 1 });
    const started = Date.now();
    const attempt = fetch(`${emu.url}/org1/app1/messages/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ to: ['u'], type: 'txt', body: { msg: 'x' } }),
      signal: AbortSignal.timeout(400),
    });
    await expect(attempt).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(emu.messages()).toHaveLength(0);
    expect((await sendUsers()).status).toBe(200);
  });

  it('destroys the socket on a reset fault', async () => {
    emu.faults.set({ route: '/messages/users', reset: true, times: 1 });
    const error = await new Promise<NodeJS.ErrnoException>((resolve, reject) => {
      const req = request(
        `${emu.url}/org1/app1/messages/users`,
        { method: 'POST', headers: { 'content-type': 'application/json' } },
        () => reject(new Error('got an answer')),
      );
      req.on('error', resolve);
      req.end('{}');
    });
    expect(error.code).toBe('ECONNRESET');
  });

  it('answers a burst of 429 with the vendor body and Retry-After, then recovers', async () => {
    emu.faults.set({ route: '/messages/users', burst429: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await sendUsers()).status);
    expect(statuses).toEqual([429, 429, 429, 200]);
    emu.faults.set({ route: '/messages/users', burst429: 1 });
    const response = await fetch(`${emu.url}/org1/app1/messages/users`, { method: 'POST', body: '{}' });
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toMatchObject({ error: 'reach_limit' });
  });

  it('takes faults over HTTP and lists, clears them', async () => {
    const created = await post(`${tencent.url}/_emulator/faults`, {
      route: '/v4/openim/sendmsg',
      burst429: 1,
    });
    expect(created.status).toBe(201);
    const url = `${tencent.url}/v4/openim/sendmsg?${tencentQuery()}`;
    const limited = await post(url, { To_Account: 'a', MsgRandom: 1, MsgBody: text('x') });
    expect([limited.status, limited.json['ErrorCode']]).toEqual([429, 60007]);
    expect((await post(url, { To_Account: 'a', MsgRandom: 1, MsgBody: text('x') })).json['ErrorCode']).toBe(
      0,
    );
    await post(`${tencent.url}/_emulator/faults`, { route: '*', status: 502 });
    expect((await post(url, {})).status).toBe(502);
    expect(
      ((await (await fetch(`${tencent.url}/_emulator/faults`)).json()) as { faults: unknown[] }).faults,
    ).toHaveLength(1);
    expect((await fetch(`${tencent.url}/_emulator/faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await post(url, { To_Account: 'a', MsgRandom: 1, MsgBody: text('x') })).status).toBe(200);
    expect((await post(`${tencent.url}/_emulator/faults`, { status: 500 })).status).toBe(400);
  });

  it('reset() forgets faults and messages (HTTP reset too)', async () => {
    await sendUsers();
    emu.faults.set({ route: '*', status: 500 });
    expect((await post(`${emu.url}/_emulator/reset`, {})).status).toBe(204);
    expect(emu.faults.list()).toEqual([]);
    expect(emu.messages()).toEqual([]);
  });
});
