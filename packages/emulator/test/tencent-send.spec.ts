import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTencentEmulator, type TencentEmulator } from '../src/index.js';
import { post, TENCENT_APP, tencentQuery } from './helpers.js';

let emu: TencentEmulator;
let query: string;
const call = (path: string, body: unknown) => post(`${emu.url}/v4/${path}?${query}`, body);

beforeAll(async () => {
  emu = await startTencentEmulator({ apps: [TENCENT_APP], rateLimits: false });
  query = tencentQuery();
});
afterAll(() => emu.close());

// One valid element of each type (tencent.md §3; values from the vendor's message-format page).
const ELEMENTS: Record<string, Record<string, unknown>> = {
  TIMTextElem: { Text: 'hi, beauty' },
  TIMLocationElem: { Desc: 'someinfo', Latitude: 29.340656774469956, Longitude: 116.77497920478824 },
  TIMFaceElem: { Index: 6, Data: 'abc\u0000\u0001' },
  TIMCustomElem: { Data: 'message', Desc: 'notification', Ext: 'url', Sound: 'dingdong.aiff' },
  TIMSoundElem: { Url: 'https://x/a.mp3', UUID: 'u1', Size: 8360, Second: 5, Download_Flag: 2 },
  TIMImageElem: {
    UUID: '1853095_D61040894AC3DE44CDFFFB3EC7EB720F',
    ImageFormat: 1,
    ImageInfoArray: [
      { Type: 1, Size: 1553, Width: 498, Height: 22, URL: 'https://x/1.jpg' },
      { Type: 3, Size: 1553, Width: 198, Height: 22, URL: 'https://x/3.jpg' },
    ],
  },
  TIMFileElem: {
    Url: 'https://x/f',
    UUID: 'f1',
    FileSize: 1773552,
    FileName: 'file:///x.txt',
    Download_Flag: 2,
  },
  TIMVideoFileElem: {
    VideoUrl: 'https://x/v',
    VideoUUID: 'v1',
    VideoSize: 1194603,
    VideoSecond: 5,
    VideoFormat: 'mp4',
    VideoDownloadFlag: 2,
    ThumbUrl: 'https://x/t',
    ThumbUUID: 't1',
    ThumbSize: 13907,
    ThumbWidth: 720,
    ThumbHeight: 1280,
    ThumbFormat: 'JPG',
    ThumbDownloadFlag: 2,
  },
};
const refused = async (path: string, body: unknown, code: number) => {
  const res = await call(path, body);
  expect(res.status).toBe(200);
  expect(res.json).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: code });
  expect(typeof res.json['ErrorInfo']).toBe('string');
};
const element = (type: string, content = ELEMENTS[type]) => [{ MsgType: type, MsgContent: content }];

describe('Tencent sendmsg / batchsendmsg', () => {
  it.each(Object.keys(ELEMENTS))(
    'sendmsg accepts %s with the response of rest_sendmsg.json',
    async (type) => {
      const random = 1287657 + Object.keys(ELEMENTS).indexOf(type);
      const res = await call('openim/sendmsg', {
        SyncOtherMachine: 2,
        To_Account: 'lumotuwe2',
        MsgLifeTime: 60,
        MsgSeq: 93847636,
        MsgRandom: random,
        MsgBody: element(type),
        CloudCustomData: 'c',
      });
      expect(Object.keys(res.json)).toEqual(['ActionStatus', 'ErrorInfo', 'ErrorCode', 'MsgTime', 'MsgKey']);
      expect(res.json).toMatchObject({ ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0 });
      expect(Math.abs(res.json['MsgTime'] - Date.now() / 1000)).toBeLessThan(5);
      expect(res.json['MsgKey']).toBe(`93847636_${random}_${res.json['MsgTime']}`);
      expect(emu.messages().find((m) => m.id === res.json['MsgKey'])).toMatchObject({
        chatType: 'C2C',
        to: 'lumotuwe2',
        from: 'administrator',
        type,
      });
    },
  );

  it('accepts a message mixing elements', async () => {
    const res = await call('openim/sendmsg', {
      To_Account: 'u',
      MsgRandom: 7,
      MsgBody: [...element('TIMTextElem'), ...element('TIMFaceElem'), ...element('TIMTextElem')],
    });
    expect(res.json['ErrorCode']).toBe(0);
  });

  const base = { To_Account: 'u', MsgRandom: 1, MsgBody: element('TIMTextElem') };

  it('refuses missing or invalid To_Account, MsgRandom, From_Account, MsgLifeTime', async () => {
    await refused('openim/sendmsg', { ...base, To_Account: undefined }, 90003);
    await refused('openim/sendmsg', { ...base, MsgRandom: undefined }, 90005);
    await refused('openim/sendmsg', { ...base, MsgRandom: 2 ** 32 }, 90005);
    await refused('openim/sendmsg', { ...base, From_Account: '' }, 90008);
    await refused('openim/sendmsg', { ...base, MsgLifeTime: 604801 }, 90026);
    expect((await call('openim/sendmsg', { ...base, MsgLifeTime: 604800 })).json['ErrorCode']).toBe(0);
  });

  it('refuses a MsgBody that is not an array (90007), empty, or holding unknown or bad elements (90002)', async () => {
    await refused('openim/sendmsg', { ...base, MsgBody: { MsgType: 'TIMTextElem' } }, 90007);
    await refused('openim/sendmsg', { ...base, MsgBody: undefined }, 90007);
    await refused('openim/sendmsg', { ...base, MsgBody: [] }, 90002);
    await refused('openim/sendmsg', { ...base, MsgBody: element('TIMMarkdownElem', { Text: 'x' }) }, 90002);
    await refused(
      'openim/sendmsg',
      { ...base, MsgBody: [...element('TIMCustomElem'), ...element('TIMCustomElem')] },
      90002,
    );
  });

  it.each([
    ['TIMTextElem', { Text: 1 }],
    ['TIMLocationElem', { Desc: 'x', Latitude: '29.3', Longitude: 116 }],
    ['TIMFaceElem', { Data: 'no index' }],
    ['TIMCustomElem', { Desc: 'no data' }],
    ['TIMSoundElem', { ...ELEMENTS['TIMSoundElem'], Download_Flag: 1 }],
    ['TIMImageElem', { ...ELEMENTS['TIMImageElem'], ImageInfoArray: [{ Type: 1, Width: 1, Height: 1 }] }],
    ['TIMImageElem', { ...ELEMENTS['TIMImageElem'], ImageFormat: 9 }],
    ['TIMFileElem', { ...ELEMENTS['TIMFileElem'], FileName: undefined }],
    ['TIMVideoFileElem', { ...ELEMENTS['TIMVideoFileElem'], ThumbUrl: undefined }],
  ])('refuses an invalid %s with 90002: %j', async (type, content) => {
    await refused('openim/sendmsg', { ...base, MsgBody: element(type, content) }, 90002);
  });

  it('refuses a message over 12 KB with 80002', async () => {
    const fits = 'x'.repeat(12 * 1024 - JSON.stringify(element('TIMTextElem', { Text: '' })).length);
    expect(
      (await call('openim/sendmsg', { ...base, MsgBody: element('TIMTextElem', { Text: fits }) })).json[
        'ErrorCode'
      ],
    ).toBe(0);
    await refused(
      'openim/sendmsg',
      { ...base, MsgBody: element('TIMTextElem', { Text: `${fits}x` }) },
      80002,
    );
  });

  it('batchsendmsg answers rest_batchsendmsg.json and takes at most 500 recipients (90011)', async () => {
    const res = await call('openim/batchsendmsg', {
      SyncOtherMachine: 2,
      To_Account: ['bonnie', 'rong'],
      MsgSeq: 28360,
      MsgRandom: 19901224,
      MsgBody: element('TIMTextElem'),
    });
    expect(Object.keys(res.json)).toEqual(['ActionStatus', 'ErrorInfo', 'ErrorCode', 'MsgKey']);
    expect(res.json['MsgKey']).toMatch(/^28360_19901224_\d+$/);
    expect(emu.messages({ route: '/v4/openim/batchsendmsg' }).map((m) => m.to)).toEqual(['bonnie', 'rong']);
    const many = Array.from({ length: 501 }, (_, i) => `u${i}`);
    expect(
      (await call('openim/batchsendmsg', { ...base, To_Account: many.slice(0, 500) })).json['ErrorCode'],
    ).toBe(0);
    await refused('openim/batchsendmsg', { ...base, To_Account: many }, 90011);
    await refused('openim/batchsendmsg', { ...base, To_Account: [] }, 90003);
  });
});

describe('Tencent drops a repeat of a message it has just taken (a retry after a lost answer)', () => {
  const text = (t: string) => [{ MsgType: 'TIMTextElem', MsgContent: { Text: t } }];
  const stored = (route: string) => emu.messages({ route }).length;

  it('one-to-one: the same sender, MsgSeq, MsgRandom and content within 120 s is stored once and answered alike', async () => {
    const body = { To_Account: 'dedup-b', MsgSeq: 4242, MsgRandom: 77001, MsgBody: text('once') };
    const before = stored('/v4/openim/sendmsg');
    const first = await call('openim/sendmsg', body);
    const again = await call('openim/sendmsg', body);
    expect(first.json['ErrorCode']).toBe(0);
    expect(again.json).toEqual(first.json);
    expect(stored('/v4/openim/sendmsg')).toBe(before + 1);
    // Any one of them different is another message.
    await call('openim/sendmsg', { ...body, MsgRandom: 77002 });
    await call('openim/sendmsg', { ...body, MsgSeq: 4243 });
    await call('openim/sendmsg', { ...body, MsgBody: text('twice') });
    await call('openim/sendmsg', { ...body, From_Account: 'dedup-c' });
    expect(stored('/v4/openim/sendmsg')).toBe(before + 5);
    // Past the window, the same message is taken again.
    emu.clock.advance(120_001);
    const later = await call('openim/sendmsg', body);
    expect(later.json['MsgKey']).not.toBe(first.json['MsgKey']);
    expect(stored('/v4/openim/sendmsg')).toBe(before + 6);
  });

  it('one-to-one without MsgSeq: the vendor picks a new one each call, so nothing is a repeat', async () => {
    const body = { To_Account: 'dedup-b', MsgRandom: 77100, MsgBody: text('no seq') };
    const before = stored('/v4/openim/sendmsg');
    await call('openim/sendmsg', body);
    await call('openim/sendmsg', body);
    expect(stored('/v4/openim/sendmsg')).toBe(before + 2);
  });

  it('group: the same sender, content and Random within 5 minutes is stored once and answered alike', async () => {
    const body = { GroupId: '@TGS#dedup', Random: 99001, MsgBody: text('group once') };
    const route = '/v4/group_open_http_svc/send_group_msg';
    const before = stored(route);
    const first = await call('group_open_http_svc/send_group_msg', body);
    const again = await call('group_open_http_svc/send_group_msg', body);
    expect(again.json).toEqual(first.json);
    expect(stored(route)).toBe(before + 1);
    await call('group_open_http_svc/send_group_msg', { ...body, Random: 99002 });
    await call('group_open_http_svc/send_group_msg', { ...body, From_Account: 'leckie' });
    expect(stored(route)).toBe(before + 3);
    emu.clock.advance(300_001);
    const later = await call('group_open_http_svc/send_group_msg', body);
    expect(later.json['MsgSeq']).not.toBe(first.json['MsgSeq']);
    expect(stored(route)).toBe(before + 4);
  });
});

describe('Tencent group messages', () => {
  it('send_group_msg answers rest_send_group_msg.json fields with a per-group increasing MsgSeq', async () => {
    const body = {
      GroupId: '@TGS#2C5SZEAEF',
      Random: 8912345,
      MsgBody: [...element('TIMTextElem'), ...element('TIMFaceElem')],
    };
    const first = await call('group_open_http_svc/send_group_msg', body);
    expect(Object.keys(first.json)).toEqual(['ActionStatus', 'ErrorInfo', 'ErrorCode', 'MsgTime', 'MsgSeq']);
    const second = await call('group_open_http_svc/send_group_msg', { ...body, From_Account: 'leckie' });
    expect([first.json['MsgSeq'], second.json['MsgSeq']]).toEqual([1, 2]);
    const other = await call('group_open_http_svc/send_group_msg', { ...body, GroupId: '@TGS#other' });
    expect(other.json['MsgSeq']).toBe(1);
    expect(emu.messages().find((m) => m.id === '@TGS#2C5SZEAEF:2')).toMatchObject({
      chatType: 'Group',
      from: 'leckie',
      to: '@TGS#2C5SZEAEF',
    });
  });

  it('accepts every element type in a group and refuses bad groups, Random and targeted lists', async () => {
    for (const type of Object.keys(ELEMENTS)) {
      const res = await call('group_open_http_svc/send_group_msg', {
        GroupId: '@TGS#types',
        Random: 1,
        MsgBody: element(type),
      });
      expect([type, res.json['ErrorCode']]).toEqual([type, 0]);
    }
    const ok = {
      GroupId: '@TGS#12DEVUDHQ',
      Random: 2784275388,
      MsgBody: element('TIMCustomElem', { Data: '1cddddddddq1' }),
    };
    expect(
      (await call('group_open_http_svc/send_group_msg', { ...ok, To_Account: Array(50).fill('m') })).json[
        'ErrorCode'
      ],
    ).toBe(0);
    await refused('group_open_http_svc/send_group_msg', { ...ok, To_Account: Array(51).fill('m') }, 10004);
    await refused('group_open_http_svc/send_group_msg', { ...ok, Random: undefined }, 10004);
    await refused('group_open_http_svc/send_group_msg', { ...ok, GroupId: 5 }, 10015);
    await refused('group_open_http_svc/send_group_msg', { ...ok, MsgBody: [] }, 90002);
  });

  it('send_group_system_notification answers a plain OK and needs Content', async () => {
    const res = await call('group_open_http_svc/send_group_system_notification', {
      GroupId: '@TGS#2C5SZEAEF',
      Content: 'Hello World',
    });
    expect(res.json).toEqual({ ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0 });
    await refused('group_open_http_svc/send_group_system_notification', { GroupId: '@TGS#2C5SZEAEF' }, 10004);
    await refused(
      'group_open_http_svc/send_group_system_notification',
      { GroupId: 'g', Content: 'x', ToMembers_Account: Array(501).fill('m') },
      10004,
    );
  });
});
