import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TENCENT_APP } from './helpers.js';
import { NOW_S, startMigrationEmulator, type MigrationEmulator } from './tencent-migration-helpers.js';

let m: MigrationEmulator;
beforeAll(async () => {
  m = await startMigrationEmulator();
  m.emu.seed(TENCENT_APP.sdkAppId, { Accounts: ['leckie', 'peter', 'bob', 'tommy'] });
});
afterAll(() => m.emu.close());

const CREATED = NOW_S - 86_400;

describe('Tencent import_group', () => {
  it('keeps the given id, creation time and owner (the doc example, with a custom id)', async () => {
    const res = await m.call('group_open_http_svc/import_group', {
      Owner_Account: 'leckie',
      Type: 'Public',
      Name: 'TestGroup',
      CreateTime: CREATED,
      GroupId: 'g1',
      ApplyJoinOption: 'FreeAccess',
      AppDefinedData: [{ Key: 'k', Value: 'v' }],
    });
    expect(res).toEqual({ ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0, GroupId: 'g1' });
    const group = m.emu.inspect(TENCENT_APP.sdkAppId).groups['g1'];
    expect(group).toMatchObject({
      Type: 'Public',
      CreateTime: CREATED,
      Owner_Account: 'leckie',
      ApplyJoinOption: 'FreeAccess',
    });
    expect(group?.MemberList).toEqual([
      { Member_Account: 'leckie', Role: 'Owner', JoinTime: CREATED, MuteUntil: 0 },
    ]);
  });

  it('assigns an @TGS# id when none is given', async () => {
    const res = await m.call('group_open_http_svc/import_group', { Type: 'Private', Name: 'x' });
    expect(res['GroupId']).toMatch(/^@TGS#/);
  });

  it.each([
    ['an AVChatRoom', { Type: 'AVChatRoom', Name: 'live' }, 10007],
    ['a used GroupId', { Type: 'Public', Name: 'again', GroupId: 'g1' }, 10021],
    ['a GroupId starting with @TGS#', { Type: 'Public', Name: 'n', GroupId: '@TGS#mine' }, 10004],
    ['a name over 30 bytes', { Type: 'Public', Name: 'n'.repeat(31) }, 10004],
    ['a CreateTime in the future', { Type: 'Public', Name: 'n', CreateTime: NOW_S + 60 }, 10004],
  ])('refuses %s with its documented code', async (_name, body, code) => {
    expect(await m.call('group_open_http_svc/import_group', body)).toMatchObject({
      ActionStatus: 'FAIL',
      ErrorCode: code,
    });
  });
});

describe('Tencent import_group_member', () => {
  it('answers 1 imported, 2 already a member, 0 for a join time not after creation or not before now', async () => {
    const res = await m.call('group_open_http_svc/import_group_member', {
      GroupId: 'g1',
      MemberList: [
        { Member_Account: 'peter', Role: 'Admin', JoinTime: CREATED + 10 },
        { Member_Account: 'leckie' },
        { Member_Account: 'bob', JoinTime: CREATED },
        { Member_Account: 'tommy', JoinTime: NOW_S },
        { Member_Account: 'ghost' },
      ],
    });
    expect(res['MemberList']).toEqual([
      { Member_Account: 'peter', Result: 1 },
      { Member_Account: 'leckie', Result: 2 },
      { Member_Account: 'bob', Result: 0 },
      { Member_Account: 'tommy', Result: 0 },
      { Member_Account: 'ghost', Result: 0 },
    ]);
  });

  it('refuses more than 300 members with 10005 and a missing group with 10010', async () => {
    const MemberList = Array.from({ length: 301 }, (_, i) => ({ Member_Account: `u${i}` }));
    expect(
      (await m.call('group_open_http_svc/import_group_member', { GroupId: 'g1', MemberList }))['ErrorCode'],
    ).toBe(10005);
    expect(
      (
        await m.call('group_open_http_svc/import_group_member', {
          GroupId: 'nope',
          MemberList: [{ Member_Account: 'bob' }],
        })
      )['ErrorCode'],
    ).toBe(10010);
  });
});

describe('Tencent group reads', () => {
  it('lists groups with Next paging, 0 when done', async () => {
    const first = await m.call('group_open_http_svc/get_appid_group_list', { Limit: 1, Next: 0 });
    expect(first).toMatchObject({ TotalCount: 2, GroupIdList: [{ GroupId: 'g1' }], Next: 1 });
    const second = await m.call('group_open_http_svc/get_appid_group_list', { Limit: 1, Next: 1 });
    expect(second['Next']).toBe(0);
    const typed = await m.call('group_open_http_svc/get_appid_group_list', { GroupType: 'Public' });
    expect(typed['GroupIdList']).toEqual([{ GroupId: 'g1' }]);
  });

  it('answers get_group_info per group, with members when asked, and refuses over 50 ids', async () => {
    const res = await m.call('group_open_http_svc/get_group_info', {
      GroupIdList: ['g1', 'nope'],
      ResponseFilter: { MemberInfoFilter: ['Role', 'JoinTime', 'MuteUntil'] },
    });
    expect(res['GroupInfo'][0]).toMatchObject({
      GroupId: 'g1',
      ErrorCode: 0,
      CreateTime: CREATED,
      MemberNum: 2,
      NextMsgSeq: 1,
    });
    expect(res['GroupInfo'][0]['MemberList']).toEqual([
      { Member_Account: 'leckie', Role: 'Owner', JoinTime: CREATED, MuteUntil: 0 },
      { Member_Account: 'peter', Role: 'Admin', JoinTime: CREATED + 10, MuteUntil: 0 },
    ]);
    expect(res['GroupInfo'][1]).toMatchObject({ GroupId: 'nope', ErrorCode: 10010 });
    const many = Array.from({ length: 51 }, (_, i) => `g${i}`);
    expect((await m.call('group_open_http_svc/get_group_info', { GroupIdList: many }))['ErrorCode']).toBe(
      10004,
    );
  });

  it('pages get_group_member_info by Limit and Offset', async () => {
    const page = await m.call('group_open_http_svc/get_group_member_info', {
      GroupId: 'g1',
      Limit: 1,
      Offset: 1,
    });
    expect(page['MemberNum']).toBe(2);
    expect(page['MemberList']).toEqual([
      expect.objectContaining({
        Member_Account: 'peter',
        Role: 'Admin',
        JoinTime: CREATED + 10,
        MuteUntil: 0,
      }),
    ]);
  });
});

describe('Tencent forbid_send_msg / get_group_muted_account', () => {
  it('mutes for a duration in seconds, 4294967295 for ever, 0 unmutes', async () => {
    await m.call('group_open_http_svc/forbid_send_msg', {
      GroupId: 'g1',
      Members_Account: ['peter'],
      MuteTime: 60,
    });
    await m.call('group_open_http_svc/forbid_send_msg', {
      GroupId: 'g1',
      Members_Account: ['leckie'],
      MuteTime: 4294967295,
    });
    const res = await m.call('group_open_http_svc/get_group_muted_account', { GroupId: 'g1' });
    expect(res).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      GroupId: 'g1',
      MutedAccountList: [
        { Member_Account: 'leckie', MutedUntil: 4294967295 },
        { Member_Account: 'peter', MutedUntil: NOW_S + 60 },
      ],
    });
    await m.call('group_open_http_svc/forbid_send_msg', {
      GroupId: 'g1',
      Members_Account: ['leckie'],
      MuteTime: 0,
    });
    expect(
      (await m.call('group_open_http_svc/get_group_muted_account', { GroupId: 'g1' }))['MutedAccountList'],
    ).toHaveLength(1);
  });

  it('refuses more than 500 accounts with 10004', async () => {
    const Members_Account = Array.from({ length: 501 }, (_, i) => `u${i}`);
    expect(
      (await m.call('group_open_http_svc/forbid_send_msg', { GroupId: 'g1', Members_Account, MuteTime: 1 }))[
        'ErrorCode'
      ],
    ).toBe(10004);
  });
});

describe('get_appid_group_list rate', () => {
  it('allows 1 call per second (60007 for the second)', async () => {
    const limited = await startMigrationEmulator({ rateLimits: true });
    try {
      expect((await limited.call('group_open_http_svc/get_appid_group_list', {}))['ErrorCode']).toBe(0);
      expect((await limited.call('group_open_http_svc/get_appid_group_list', {}))['ErrorCode']).toBe(60007);
    } finally {
      await limited.emu.close();
    }
  });
});
