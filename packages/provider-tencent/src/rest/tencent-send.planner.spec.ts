import { describe, expect, it } from '@jest/globals';
import type { SendRequest } from '@im-gateway/types';
import { planTencentCalls } from './tencent-send.planner.js';

const plan = (to: SendRequest['to'], options: SendRequest['options'] = {}) =>
  planTencentCalls({ from: 'a', to, content: { type: 'text', text: 'x' }, options });
const ids = (n: number) => Array.from({ length: n }, (_, i) => `id${i}`);

describe('planTencentCalls', () => {
  it('sends to one user with sendmsg', () => {
    const calls = plan({ type: 'user', ids: ['u1'] });
    expect(calls.map((c) => [c.api, c.recipients, c.weight, c.body.To_Account])).toEqual([
      ['openim/sendmsg', ['u1'], 1, 'u1'],
    ]);
  });

  it('splits many users into batchsendmsg calls of 500 (tencent.md §4.2)', () => {
    const calls = plan({ type: 'user', ids: ids(1001) });
    expect(calls.map((c) => c.recipients.length)).toEqual([500, 500, 1]);
    expect(calls.every((c) => c.api === 'openim/batchsendmsg' && c.weight === c.recipients.length)).toBe(
      true,
    );
  });

  it('makes one send_group_msg call per group, with MsgPriority and targeted To_Account', () => {
    const calls = plan({ type: 'group', ids: ['g1', 'g2'] }, { recipients: ['u1'], priority: 'low' });
    expect(calls.map((c) => [c.api, c.body.GroupId, c.body.To_Account, c.body.MsgPriority])).toEqual([
      ['group_open_http_svc/send_group_msg', 'g1', ['u1'], 'Low'],
      ['group_open_http_svc/send_group_msg', 'g2', ['u1'], 'Low'],
    ]);
  });

  it('reads a group message id as GroupId:MsgSeq, as the callback normalizer spells it', () => {
    const [call] = plan({ type: 'group', ids: ['g1'] });
    expect(call?.results({ ActionStatus: 'OK', MsgSeq: 7 })).toEqual([
      { recipient: 'g1', status: 'sent', vendorMessageId: 'g1:7' },
    ]);
  });

  it('fails only the recipients batchsendmsg lists in ErrorList', () => {
    const [call] = plan({ type: 'user', ids: ['u1', 'u2'] });
    const results = call?.results({
      ActionStatus: 'SomeError',
      MsgKey: 'k',
      ErrorList: [{ To_Account: 'u2', ErrorCode: 70107 }],
    });
    expect(results?.map((r) => [r.recipient, r.status])).toEqual([
      ['u1', 'sent'],
      ['u2', 'failed'],
    ]);
  });

  it('refuses more than 50 targeted members', () => {
    expect(() => plan({ type: 'group', ids: ['g'] }, { recipients: ids(51) })).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });

  it.each([
    [{ type: 'user', ids: ['u'] }, { priority: 'high' }, 'priority'],
    [{ type: 'user', ids: ['u'] }, { recipients: ['x'] }, 'recipients'],
    [{ type: 'group', ids: ['g'] }, { syncToSender: false }, 'syncToSender'],
    [{ type: 'chatroom', ids: ['r'] }, { onlineOnly: true }, 'onlineOnly'],
    [{ type: 'chatroom', all: true }, {}, 'broadcast'],
  ] as const)('refuses %j with %j', (to, options, capability) => {
    expect(() => plan(to as SendRequest['to'], options as SendRequest['options'])).toThrow(
      expect.objectContaining({ capability }),
    );
  });
});
