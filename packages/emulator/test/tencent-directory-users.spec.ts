import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TENCENT_APP } from './helpers.js';
import { startMigrationEmulator, type MigrationEmulator } from './tencent-migration-helpers.js';

let m: MigrationEmulator;
beforeAll(async () => {
  m = await startMigrationEmulator();
  m.emu.seed(TENCENT_APP.sdkAppId, { Accounts: ['alice', 'bob'] });
});
afterAll(() => m.emu.close());

describe('Tencent account_check', () => {
  it('answers Imported / NotImported per UserID', async () => {
    const res = await m.call('im_open_login_svc/account_check', {
      CheckItem: [{ UserID: 'alice' }, { UserID: 'nobody' }],
    });
    expect(res['ResultItem']).toEqual([
      { UserID: 'alice', ResultCode: 0, ResultInfo: '', AccountStatus: 'Imported' },
      { UserID: 'nobody', ResultCode: 0, ResultInfo: '', AccountStatus: 'NotImported' },
    ]);
  });

  it('refuses more than 100 items with 70402', async () => {
    const CheckItem = Array.from({ length: 101 }, (_, i) => ({ UserID: `u${i}` }));
    expect(await m.call('im_open_login_svc/account_check', { CheckItem })).toMatchObject({
      ActionStatus: 'FAIL',
      ErrorCode: 70402,
    });
  });
});

describe('Tencent portrait_set / portrait_get', () => {
  it('stores standard and custom tags and reads back only what was asked', async () => {
    const set = await m.call('profile/portrait_set', {
      From_Account: 'alice',
      ProfileItem: [
        { Tag: 'Tag_Profile_IM_Nick', Value: 'Alice' },
        { Tag: 'Tag_Profile_IM_Gender', Value: 'Gender_Type_Female' },
        { Tag: 'Tag_Profile_IM_BirthDay', Value: 19900419 },
        { Tag: 'Tag_Profile_Custom_City', Value: 'Shenzhen' },
      ],
    });
    expect(set).toEqual({ ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0, ErrorDisplay: '' });
    const get = await m.call('profile/portrait_get', {
      To_Account: ['alice', 'ghost'],
      TagList: ['Tag_Profile_IM_Nick', 'Tag_Profile_Custom_City', 'Tag_Profile_IM_Image'],
    });
    expect(get['UserProfileItem']).toEqual([
      {
        To_Account: 'alice',
        ProfileItem: [
          { Tag: 'Tag_Profile_IM_Nick', Value: 'Alice' },
          { Tag: 'Tag_Profile_Custom_City', Value: 'Shenzhen' },
        ],
        ResultCode: 0,
        ResultInfo: '',
      },
      { To_Account: 'ghost', ProfileItem: [], ResultCode: 40003, ResultInfo: 'account does not exist' },
    ]);
    expect(get['Fail_Account']).toEqual(['ghost']);
  });

  it.each([
    ['an unknown standard tag', { Tag: 'Tag_Profile_IM_Nope', Value: 'x' }, 40009],
    ['a custom name over 8 letters', { Tag: 'Tag_Profile_Custom_Birthplace', Value: 'x' }, 40009],
    ['a string for a uint32 tag', { Tag: 'Tag_Profile_IM_BirthDay', Value: '1990' }, 40610],
    ['a number for a custom tag', { Tag: 'Tag_Profile_Custom_City', Value: 3 }, 40610],
    ['a value over 500 bytes', { Tag: 'Tag_Profile_IM_Nick', Value: 'x'.repeat(501) }, 40601],
    ['a gender outside the enumeration', { Tag: 'Tag_Profile_IM_Gender', Value: 'male' }, 40605],
  ])('refuses %s with its documented code', async (_name, item, code) => {
    expect(
      await m.call('profile/portrait_set', { From_Account: 'alice', ProfileItem: [item] }),
    ).toMatchObject({
      ActionStatus: 'FAIL',
      ErrorCode: code,
    });
  });

  it('refuses an unknown account (40003), a missing To_Account (40002) and over 100 users (40001)', async () => {
    const item = [{ Tag: 'Tag_Profile_IM_Nick', Value: 'x' }];
    expect(
      (await m.call('profile/portrait_set', { From_Account: 'ghost', ProfileItem: item }))['ErrorCode'],
    ).toBe(40003);
    expect((await m.call('profile/portrait_get', { TagList: ['Tag_Profile_IM_Nick'] }))['ErrorCode']).toBe(
      40002,
    );
    const many = Array.from({ length: 101 }, (_, i) => `u${i}`);
    expect(
      (await m.call('profile/portrait_get', { To_Account: many, TagList: ['Tag_Profile_IM_Nick'] }))[
        'ErrorCode'
      ],
    ).toBe(40001);
  });
});
