import { describe, expect, it } from '@jest/globals';
import type { SendRequest } from '@im-gateway/types';
import { planEasemobCalls } from './easemob-send.planner.js';

const txt = { type: 'txt' as const, body: { msg: 'x' } };
const plan = (to: SendRequest['to'], options: SendRequest['options'] = {}) =>
  planEasemobCalls({ from: 'a', to, content: { type: 'text', text: 'x' }, options }, txt);
const ids = (n: number) => Array.from({ length: n }, (_, i) => `id${i}`);

describe('planEasemobCalls', () => {
  it.each([
    ['user', 1201, [600, 600, 1], 'messages/users'],
    ['group', 7, [3, 3, 1], 'messages/chatgroups'],
    ['chatroom', 21, [10, 10, 1], 'messages/chatrooms'],
  ] as const)('splits %s ids into vendor-sized calls', (type, n, sizes, api) => {
    const calls = plan({ type, ids: ids(n) });
    expect(calls.map((c) => c.recipients.length)).toEqual(sizes);
    expect(calls.every((c) => c.api === api && c.weight === c.recipients.length)).toBe(true);
  });

  it('makes one targeted call per room, with chatroom_msg_level', () => {
    const calls = plan({ type: 'chatroom', ids: ['r1', 'r2'] }, { recipients: ['u1'], priority: 'low' });
    expect(calls.map((c) => [c.path, c.body.to, c.body.users, c.body.chatroom_msg_level])).toEqual([
      ['/messages/chatrooms/users', ['r1'], ['u1'], 'low'],
      ['/messages/chatrooms/users', ['r2'], ['u1'], 'low'],
    ]);
  });

  it('broadcasts with the content under msg (seed 001)', () => {
    const [call] = plan({ type: 'chatroom', all: true });
    expect(call).toMatchObject({ path: '/messages/chatrooms/broadcast', recipients: ['*'] });
    expect(call?.body).toEqual({ from: 'a', msg: { type: 'txt', msg: 'x' } });
  });

  it('refuses more than 20 targeted members', () => {
    expect(() => plan({ type: 'group', ids: ['g'] }, { recipients: ids(21) })).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });

  it.each([
    [{ type: 'user', ids: ['u'] }, { priority: 'high' }, 'priority'],
    [{ type: 'group', ids: ['g'] }, { syncToSender: false }, 'syncToSender'],
    [{ type: 'chatroom', ids: ['r'] }, { syncToSender: true }, 'syncToSender'],
    [{ type: 'chatroom', all: true }, { recipients: ['u'] }, 'recipients'],
  ] as const)('refuses %j with %j', (to, options, capability) => {
    expect(() => plan(to as SendRequest['to'], options as SendRequest['options'])).toThrow(
      expect.objectContaining({ capability }),
    );
  });
});
