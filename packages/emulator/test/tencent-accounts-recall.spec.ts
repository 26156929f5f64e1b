import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTencentEmulator, type TencentEmulator } from '../src/index.js';
import { post, TENCENT_APP, tencentQuery, text } from './helpers.js';

let emu: TencentEmulator;
let query: string;
const call = (path: string, body: unknown) =>
  post(`${emu.url}/v4/${path}?${query}`, body).then((r) => r.json);

beforeAll(async () => {
  emu = await startTencentEmulator({ apps: [TENCENT_APP], ids: 'registered', rateLimits: false });
  query = tencentQuery();
});
afterAll(() => emu.close());

describe("Tencent accounts and groups (ids: 'registered')", () => {
  it('refuses unknown users with 20003 and unknown groups with 10010 until they are created', async () => {
    expect(
      (await call('openim/sendmsg', { To_Account: 'bonnie', MsgRandom: 1, MsgBody: text('x') }))['ErrorCode'],
    ).toBe(20003);
    expect(await call('im_open_login_svc/account_import', { UserID: 'bonnie', Nick: 'B' })).toEqual({
      ActionStatus: 'OK',
      ErrorInfo: '',
      ErrorCode: 0,
    });
    expect(
      (await call('openim/sendmsg', { To_Account: 'bonnie', MsgRandom: 1, MsgBody: text('x') }))['ErrorCode'],
    ).toBe(0);
    expect(
      (
        await call('openim/sendmsg', {
          From_Account: 'ghost',
          To_Account: 'bonnie',
          MsgRandom: 1,
          MsgBody: text('x'),
        })
      )['ErrorCode'],
    ).toBe(20003);
    expect(
      (
        await call('group_open_http_svc/send_group_msg', {
          GroupId: '@TGS#nope',
          Random: 1,
          MsgBody: text('x'),
        })
      )['ErrorCode'],
    ).toBe(10010);
  });

  it('imports several accounts, reporting the invalid ones', async () => {
    const res = await call('im_open_login_svc/multiaccount_import', {
      Accounts: ['rong', 'leckie', 'x'.repeat(33)],
    });
    expect(res).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0, FailAccounts: ['x'.repeat(33)] });
    expect((await call('im_open_login_svc/account_import', { UserID: '' }))['ErrorCode']).toBe(70402);
  });

  it('batchsendmsg reports unknown recipients as SomeError with 70107 (rest_batchsendmsg_3.json)', async () => {
    const res = await call('openim/batchsendmsg', {
      To_Account: ['bonnie', 'stranger'],
      MsgRandom: 2,
      MsgBody: text('x'),
    });
    expect(Object.keys(res)).toEqual(['ActionStatus', 'ErrorCode', 'ErrorInfo', 'MsgKey', 'ErrorList']);
    expect(res).toMatchObject({
      ActionStatus: 'SomeError',
      ErrorCode: 0,
      ErrorList: [{ To_Account: 'stranger', ErrorCode: 70107 }],
    });
    const none = await call('openim/batchsendmsg', {
      To_Account: ['stranger'],
      MsgRandom: 2,
      MsgBody: text('x'),
    });
    expect(none['ActionStatus']).toBe('FAIL');
  });

  it('creates groups (custom or generated ids) and adds members', async () => {
    const created = await call('group_open_http_svc/create_group', {
      Owner_Account: 'bonnie',
      Type: 'Public',
      Name: 'TestGroup',
      MemberList: [{ Member_Account: 'rong' }],
    });
    expect(created).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    expect(created['GroupId']).toMatch(/^@TGS#[A-Z0-9]+$/);
    const custom = await call('group_open_http_svc/create_group', {
      Type: 'Work',
      Name: 'W',
      GroupId: 'my-group',
    });
    expect(custom['GroupId']).toBe('my-group');
    expect(
      (await call('group_open_http_svc/create_group', { Type: 'Work', Name: 'W', GroupId: 'my-group' }))[
        'ErrorCode'
      ],
    ).toBe(10021);
    expect((await call('group_open_http_svc/create_group', { Type: 'Nope', Name: 'W' }))['ErrorCode']).toBe(
      10004,
    );
    expect(
      (await call('group_open_http_svc/create_group', { Type: 'Public', Name: 'W', Owner_Account: 'ghost' }))[
        'ErrorCode'
      ],
    ).toBe(20003);
    const added = await call('group_open_http_svc/add_group_member', {
      GroupId: 'my-group',
      MemberList: [{ Member_Account: 'rong' }, { Member_Account: 'ghost' }],
    });
    expect(added['MemberList']).toEqual([
      { Member_Account: 'rong', Result: 1 },
      { Member_Account: 'ghost', Result: 0 },
    ]);
    const again = await call('group_open_http_svc/add_group_member', {
      GroupId: 'my-group',
      MemberList: [{ Member_Account: 'rong' }],
    });
    expect(again['MemberList']).toEqual([{ Member_Account: 'rong', Result: 2 }]);
    expect(
      (
        await call('group_open_http_svc/add_group_member', {
          GroupId: 'nope',
          MemberList: [{ Member_Account: 'rong' }],
        })
      )['ErrorCode'],
    ).toBe(10010);
    expect(
      (
        await call('group_open_http_svc/send_group_msg', {
          GroupId: created['GroupId'],
          Random: 1,
          MsgBody: text('x'),
        })
      )['MsgSeq'],
    ).toBe(1);
  });
});

describe('Tencent recall', () => {
  it('admin_msgwithdraw recalls by MsgKey (rest_admin_msgwithdraw.json), then 20023, unknown 20022, malformed 90054', async () => {
    const sent = await call('openim/sendmsg', {
      From_Account: 'rong',
      To_Account: 'bonnie',
      MsgRandom: 3,
      MsgBody: text('x'),
    });
    const body = { From_Account: 'rong', To_Account: 'bonnie', MsgKey: sent['MsgKey'] };
    expect(await call('openim/admin_msgwithdraw', body)).toEqual({
      ActionStatus: 'OK',
      ErrorInfo: '',
      ErrorCode: 0,
    });
    expect(emu.messages().find((m) => m.id === sent['MsgKey'])?.recalled).toBe(true);
    expect((await call('openim/admin_msgwithdraw', body))['ErrorCode']).toBe(20023);
    expect(
      (await call('openim/admin_msgwithdraw', { ...body, MsgKey: '31906_833502_1572869830' }))['ErrorCode'],
    ).toBe(20022);
    expect((await call('openim/admin_msgwithdraw', { ...body, MsgKey: 'garbage' }))['ErrorCode']).toBe(90054);
  });

  it('group_msg_recall answers RecallRetList per MsgSeq (rest_group_msg_recall.json) and takes at most 10', async () => {
    await call('group_open_http_svc/create_group', { Type: 'Public', Name: 'R', GroupId: 'recall-group' });
    const sent = await call('group_open_http_svc/send_group_msg', {
      GroupId: 'recall-group',
      Random: 1,
      MsgBody: text('x'),
    });
    const res = await call('group_open_http_svc/group_msg_recall', {
      GroupId: 'recall-group',
      MsgSeqList: [{ MsgSeq: 100 }, { MsgSeq: sent['MsgSeq'] }],
    });
    expect(res).toEqual({
      ActionStatus: 'OK',
      ErrorInfo: '',
      ErrorCode: 0,
      RecallRetList: [
        { MsgSeq: 100, RetCode: 10030 },
        { MsgSeq: 1, RetCode: 0 },
      ],
    });
    const eleven = Array.from({ length: 11 }, (_, i) => ({ MsgSeq: i }));
    expect(
      (await call('group_open_http_svc/group_msg_recall', { GroupId: 'recall-group', MsgSeqList: eleven }))[
        'ErrorCode'
      ],
    ).toBe(10004);
  });
});
