import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startEasemobEmulator, type EasemobEmulator } from '../src/index.js';
import { EASEMOB_APP, easemobToken, post } from './helpers.js';

let emu: EasemobEmulator;
let token: string;
const send = (path: string, to: string[], extra: Record<string, unknown> = {}) =>
  post(
    `${emu.url}/org1/app1${path}`,
    { to, type: 'txt', body: { msg: 'x' }, ...extra },
    { authorization: `Bearer ${token}` },
  );
const ids = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`);
/** Sends `calls` requests at once and answers their statuses in order. */
const burst = (calls: number, fn: () => Promise<{ status: number }>) =>
  Promise.all(Array.from({ length: calls }, fn)).then((all) => all.map((r) => r.status));

// The emulator's clock stands still: a burst counts inside one window however slowly a loaded machine sends it.
const NOW = Date.now();

beforeAll(async () => {
  emu = await startEasemobEmulator({ apps: [EASEMOB_APP], now: () => NOW });
});
beforeEach(async () => {
  emu.reset();
  token = await easemobToken(emu.url);
});
afterAll(() => emu.close());

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe('Easemob per-app rate limits (easemob.md §2.5, seed 001)', () => {
  it('chatrooms: the 21st call in a second gets 429 reach_limit', async () => {
    const statuses = await burst(21, () => send('/messages/chatrooms', ['room']));
    expect([count(statuses, 200), count(statuses, 429)]).toEqual([20, 1]);
    const res = await send('/messages/chatrooms', ['room']);
    expect(res.json).toMatchObject({
      error: 'reach_limit',
      error_description: 'This request has reached api limit',
    });
  });

  it('chatrooms: 100 messages a second, so the 11th call to 10 rooms gets 403', async () => {
    const statuses = await burst(11, () => send('/messages/chatrooms', ids(10)));
    expect([count(statuses, 200), count(statuses, 403)]).toEqual([10, 1]);
    const res = await send('/messages/chatrooms', ['one-more']);
    expect(res.json).toMatchObject({
      error: 'message_send_error',
      error_description: 'message send reach limit',
    });
  });

  it('users: 100 calls a second, then 429', async () => {
    const statuses = await burst(101, () => send('/messages/users', ['u']));
    expect([count(statuses, 200), count(statuses, 429)]).toEqual([100, 1]);
  });

  it('users: 6000 messages a minute, then 403', async () => {
    const statuses = await burst(10, () => send('/messages/users', ids(600)));
    expect(count(statuses, 200)).toBe(10);
    expect((await send('/messages/users', ['u'])).status).toBe(403);
  });

  it('chatgroups: 20 calls a second, then 429', async () => {
    const statuses = await burst(21, () => send('/messages/chatgroups', ['g']));
    expect([count(statuses, 200), count(statuses, 429)]).toEqual([20, 1]);
  });

  it('chatgroups: 20 messages a second (3 groups = 3 messages), then 403', async () => {
    const statuses = await burst(7, () => send('/messages/chatgroups', ids(3)));
    expect([count(statuses, 200), count(statuses, 403)]).toEqual([6, 1]);
  });

  it('targeted group messages: 100 a second, then 403; targeted chatroom calls: 100 a second, then 429', async () => {
    const groups = await burst(101, () => send('/messages/chatgroups/users', ['g'], { users: ['u'] }));
    expect([count(groups, 200), count(groups, 403)]).toEqual([100, 1]);
    const rooms = await burst(101, () => send('/messages/chatrooms/users', ['r'], { users: ['u'] }));
    expect([count(rooms, 200), count(rooms, 429)]).toEqual([100, 1]);
  });

  it('chatroom broadcast: 10 a minute, then 429', async () => {
    const statuses = await burst(11, () =>
      post(
        `${emu.url}/org1/app1/messages/chatrooms/broadcast`,
        { msg: { type: 'txt', msg: 'b' } },
        { authorization: `Bearer ${token}` },
      ),
    );
    expect([count(statuses, 200), count(statuses, 429)]).toEqual([10, 1]);
  });

  it('are off with rateLimits: false', async () => {
    const free = await startEasemobEmulator({ apps: [EASEMOB_APP], rateLimits: false, now: () => NOW });
    try {
      const t = await easemobToken(free.url);
      const statuses = await burst(30, () =>
        post(
          `${free.url}/org1/app1/messages/chatrooms`,
          { to: ids(10), type: 'txt', body: { msg: 'x' } },
          { authorization: `Bearer ${t}` },
        ),
      );
      expect(count(statuses, 200)).toBe(30);
    } finally {
      await free.close();
    }
  });
});
