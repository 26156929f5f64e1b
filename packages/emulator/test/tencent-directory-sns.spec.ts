import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TENCENT_APP } from './helpers.js';
import { NOW_S, startMigrationEmulator, type MigrationEmulator } from './tencent-migration-helpers.js';

let m: MigrationEmulator;
beforeAll(async () => {
  m = await startMigrationEmulator();
  const users = Array.from({ length: 150 }, (_, i) => `u${i}`);
  m.emu.seed(TENCENT_APP.sdkAppId, { Accounts: ['alice', 'bob', 'carol', 'dave', ...users] });
});
afterAll(() => m.emu.close());

const friend = (to: string, extra: Record<string, unknown> = {}) => ({
  To_Account: to,
  AddSource: 'AddSource_Type_Migrate',
  ...extra,
});

describe('Tencent friend_import / friend_get', () => {
  it('imports one-way friends with their add time, remark and groups, and fails bad items alone', async () => {
    const res = await m.call('sns/friend_import', {
      From_Account: 'alice',
      AddFriendItem: [
        friend('bob', { Remark: 'Bobby', GroupName: ['work'], AddTime: 1563867420 }),
        friend('ghost'),
        { To_Account: 'carol', AddSource: 'Android' },
      ],
    });
    expect(res['ActionStatus']).toBe('OK');
    expect(res['ResultItem']).toEqual([
      { To_Account: 'bob', ResultCode: 0, ResultInfo: '' },
      { To_Account: 'ghost', ResultCode: 30003, ResultInfo: 'user does not exist' },
      { To_Account: 'carol', ResultCode: 30001, ResultInfo: 'bad parameter' },
    ]);
    expect(res['Fail_Account']).toEqual(['ghost', 'carol']);
    const get = await m.call('sns/friend_get', { From_Account: 'alice', StartIndex: 0 });
    expect(get['UserDataItem']).toEqual([
      {
        To_Account: 'bob',
        ValueItem: [
          { Tag: 'Tag_SNS_IM_AddSource', Value: 'AddSource_Type_Migrate' },
          { Tag: 'Tag_SNS_IM_Remark', Value: 'Bobby' },
          { Tag: 'Tag_SNS_IM_Group', Value: ['work'] },
          { Tag: 'Tag_SNS_IM_AddTime', Value: 1563867420 },
        ],
      },
    ]);
    expect(get).toMatchObject({ FriendNum: 1, CompleteFlag: 1, NextStartIndex: 0 });
    // One-way: bob has no friend.
    expect((await m.call('sns/friend_get', { From_Account: 'bob', StartIndex: 0 }))['FriendNum']).toBe(0);
  });

  it('refuses more than 1000 items per request with 30001', async () => {
    const AddFriendItem = Array.from({ length: 1001 }, (_, i) => friend(`u${i % 150}`));
    expect(await m.call('sns/friend_import', { From_Account: 'dave', AddFriendItem })).toMatchObject({
      ActionStatus: 'FAIL',
      ErrorCode: 30001,
    });
  });

  it('pages friend_get with NextStartIndex until CompleteFlag', async () => {
    const AddFriendItem = Array.from({ length: 150 }, (_, i) => friend(`u${i}`));
    await m.call('sns/friend_import', { From_Account: 'dave', AddFriendItem });
    const first = await m.call('sns/friend_get', { From_Account: 'dave', StartIndex: 0 });
    expect(first).toMatchObject({ CompleteFlag: 0, NextStartIndex: 100, FriendNum: 150 });
    const second = await m.call('sns/friend_get', { From_Account: 'dave', StartIndex: 100 });
    expect(second).toMatchObject({ CompleteFlag: 1, NextStartIndex: 0 });
    expect([...first['UserDataItem'], ...second['UserDataItem']].map((f: any) => f.To_Account)).toEqual(
      AddFriendItem.map((f) => f.To_Account),
    );
  });
});

describe('Tencent black_list_add / black_list_get', () => {
  it('blocking removes the friendship in both directions and records the block time', async () => {
    await m.call('sns/friend_import', { From_Account: 'carol', AddFriendItem: [friend('bob')] });
    await m.call('sns/friend_import', { From_Account: 'bob', AddFriendItem: [friend('carol')] });
    const res = await m.call('sns/black_list_add', { From_Account: 'carol', To_Account: ['bob', 'ghost'] });
    expect(res['ResultItem']).toEqual([
      { To_Account: 'bob', ResultCode: 0, ResultInfo: '' },
      { To_Account: 'ghost', ResultCode: 30003, ResultInfo: 'user does not exist' },
    ]);
    expect((await m.call('sns/friend_get', { From_Account: 'carol', StartIndex: 0 }))['FriendNum']).toBe(0);
    expect((await m.call('sns/friend_get', { From_Account: 'bob', StartIndex: 0 }))['FriendNum']).toBe(0);
    const get = await m.call('sns/black_list_get', {
      From_Account: 'carol',
      StartIndex: 0,
      MaxLimited: 30,
      LastSequence: 0,
    });
    expect(get).toMatchObject({
      BlackListItem: [{ To_Account: 'bob', AddBlackTimeStamp: NOW_S }],
      StartIndex: 0,
      CurruentSequence: 1,
    });
    // Blocked users cannot become friends again.
    const again = await m.call('sns/friend_import', {
      From_Account: 'bob',
      AddFriendItem: [friend('carol')],
    });
    expect(again['ResultItem'][0]['ResultCode']).not.toBe(0);
  });

  it('pages black_list_get by MaxLimited, StartIndex 0 meaning done', async () => {
    await m.call('sns/black_list_add', { From_Account: 'u0', To_Account: ['u1', 'u2', 'u3'] });
    const first = await m.call('sns/black_list_get', {
      From_Account: 'u0',
      StartIndex: 0,
      MaxLimited: 2,
      LastSequence: 0,
    });
    expect(first['StartIndex']).toBe(2);
    const second = await m.call('sns/black_list_get', {
      From_Account: 'u0',
      StartIndex: 2,
      MaxLimited: 2,
      LastSequence: 0,
    });
    expect(second['StartIndex']).toBe(0);
    expect(second['BlackListItem'].map((b: any) => b.To_Account)).toEqual(['u3']);
  });

  it('refuses over 1000 accounts per request (30001) and an unknown owner (30003)', async () => {
    const To_Account = Array.from({ length: 1001 }, (_, i) => `x${i}`);
    expect((await m.call('sns/black_list_add', { From_Account: 'u0', To_Account }))['ErrorCode']).toBe(30001);
    expect(
      (await m.call('sns/black_list_get', { From_Account: 'ghost', StartIndex: 0, MaxLimited: 1 }))[
        'ErrorCode'
      ],
    ).toBe(30003);
  });
});
