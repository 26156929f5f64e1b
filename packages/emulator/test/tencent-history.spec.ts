import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TENCENT_APP } from './helpers.js';
import {
  NOW_S,
  startMigrationEmulator,
  textBody,
  type MigrationEmulator,
} from './tencent-migration-helpers.js';

let m: MigrationEmulator;
const CREATED = NOW_S - 3 * 3600;
beforeAll(async () => {
  m = await startMigrationEmulator();
  m.emu.seed(TENCENT_APP.sdkAppId, {
    Accounts: ['lumotuwe1', 'lumotuwe2', 'leckie', 'peter'],
    Groups: [
      { GroupId: 'g1', Type: 'Public', Name: 'g', CreateTime: CREATED, MemberList: [] },
      { GroupId: 'live', Type: 'AVChatRoom', Name: 'live', CreateTime: CREATED, MemberList: [] },
    ],
  });
});
afterAll(() => m.emu.close());

const importmsg = (over: Record<string, unknown>) =>
  m.call('openim/importmsg', {
    SyncFromOldSystem: 2,
    From_Account: 'lumotuwe1',
    To_Account: 'lumotuwe2',
    MsgSeq: 1,
    MsgRandom: 1287657,
    MsgTimeStamp: NOW_S - 7200,
    MsgBody: textBody('hi, beauty'),
    ...over,
  });

describe('Tencent importmsg', () => {
  it('imports the doc example shape without a callback and keeps CloudCustomData', async () => {
    expect(await importmsg({ CloudCustomData: 'your cloud custom data' })).toEqual({
      ActionStatus: 'OK',
      ErrorInfo: '',
      ErrorCode: 0,
    });
    expect(m.emu.callbacks()).toHaveLength(0);
  });

  it('dedupes on (MsgSeq, MsgRandom, MsgTimeStamp), either direction, the first import winning', async () => {
    await importmsg({ From_Account: 'lumotuwe2', To_Account: 'lumotuwe1', MsgBody: textBody('other') });
    const history = m.emu.inspect(TENCENT_APP.sdkAppId).c2c['lumotuwe1|lumotuwe2'];
    expect(history).toHaveLength(1);
    expect(history?.[0]).toMatchObject({
      MsgBody: textBody('hi, beauty'),
      CloudCustomData: 'your cloud custom data',
    });
  });

  it('orders by time, then MsgSeq within one second, whatever the import order', async () => {
    await importmsg({ MsgSeq: 5, MsgRandom: 5, MsgTimeStamp: NOW_S - 3600 });
    await importmsg({ MsgSeq: 3, MsgRandom: 3, MsgTimeStamp: NOW_S - 3600 });
    await importmsg({ MsgSeq: 9, MsgRandom: 9, MsgTimeStamp: NOW_S - 5000 });
    const order = m.emu.inspect(TENCENT_APP.sdkAppId).c2c['lumotuwe1|lumotuwe2']?.map((r) => r.MsgSeq);
    expect(order).toEqual([1, 9, 3, 5]);
  });

  it.each([
    ['no SyncFromOldSystem', { SyncFromOldSystem: undefined }, 90030],
    ['SyncFromOldSystem 1', { SyncFromOldSystem: 1 }, 90030],
    ['no MsgRandom', { MsgRandom: undefined }, 90005],
    ['MsgTimeStamp as a string', { MsgTimeStamp: '1556178721' }, 90006],
    ['an unknown To_Account', { To_Account: 'ghost' }, 90012],
    ['a body over 12 KB', { MsgBody: textBody('x'.repeat(13_000)) }, 93000],
  ])('refuses %s with its documented code', async (_name, over, code) => {
    expect(await importmsg(over)).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: code });
  });
});

const groupMsg = (time: number, text: string, extra: Record<string, unknown> = {}) => ({
  From_Account: 'leckie',
  SendTime: time,
  MsgBody: textBody(text),
  ...extra,
});

describe('Tencent import_group_msg', () => {
  it('imports in increasing time, assigns MsgSeq, and fails a message older than the newest one alone', async () => {
    const res = await m.call('group_open_http_svc/import_group_msg', {
      GroupId: 'g1',
      MsgList: [
        groupMsg(CREATED + 10, 'one', { Random: 8912345 }),
        groupMsg(CREATED + 5, 'late'),
        groupMsg(CREATED + 20, 'two'),
        groupMsg(CREATED, 'at creation'),
      ],
    });
    expect(res['ImportMsgResult']).toEqual([
      { MsgSeq: 1, MsgTime: CREATED + 10, Result: 0 },
      { MsgSeq: 0, MsgTime: CREATED + 5, Result: 10004 },
      { MsgSeq: 2, MsgTime: CREATED + 20, Result: 0 },
      { MsgSeq: 0, MsgTime: CREATED, Result: 10004 },
    ]);
  });

  it('drops a message whose Random repeats within 5 minutes', async () => {
    const res = await m.call('group_open_http_svc/import_group_msg', {
      GroupId: 'g1',
      MsgList: [groupMsg(CREATED + 30, 'dup', { Random: 8912345 })],
    });
    expect(res['ImportMsgResult']).toEqual([{ MsgSeq: 1, MsgTime: CREATED + 30, Result: 0 }]);
    expect(m.emu.inspect(TENCENT_APP.sdkAppId).groups['g1']?.history).toHaveLength(2);
  });

  it('refuses more than 7 messages, non-importable elements and AVChatRoom', async () => {
    const eight = Array.from({ length: 8 }, (_, i) => groupMsg(CREATED + 100 + i, `m${i}`));
    expect(
      (await m.call('group_open_http_svc/import_group_msg', { GroupId: 'g1', MsgList: eight }))['ErrorCode'],
    ).toBe(10004);
    const image = {
      From_Account: 'leckie',
      SendTime: CREATED + 200,
      MsgBody: [
        {
          MsgType: 'TIMSoundElem',
          MsgContent: { Url: 'u', UUID: 'x', Size: 1, Second: 1, Download_Flag: 2 },
        },
      ],
    };
    expect(
      (await m.call('group_open_http_svc/import_group_msg', { GroupId: 'g1', MsgList: [image] }))[
        'ErrorCode'
      ],
    ).toBe(10004);
    expect(
      (
        await m.call('group_open_http_svc/import_group_msg', {
          GroupId: 'live',
          MsgList: [groupMsg(CREATED + 1, 'x')],
        })
      )['ErrorCode'],
    ).toBe(10007);
  });

  it('can be strict about the same second as the newest message (option groupImportOrder)', async () => {
    const strict = await startMigrationEmulator({ groupImportOrder: 'strict' });
    try {
      strict.emu.seed(TENCENT_APP.sdkAppId, {
        Accounts: ['leckie'],
        Groups: [{ GroupId: 'g', Type: 'Public', Name: 'g', CreateTime: CREATED, MemberList: [] }],
      });
      const res = await strict.call('group_open_http_svc/import_group_msg', {
        GroupId: 'g',
        MsgList: [groupMsg(CREATED + 1, 'a'), groupMsg(CREATED + 1, 'b')],
      });
      expect(res['ImportMsgResult'].map((r: any) => r.Result)).toEqual([0, 10004]);
    } finally {
      await strict.emu.close();
    }
  });
});

describe('Tencent history reads', () => {
  it('admin_getroammsg pages newest first with LastMsgKey until Complete', async () => {
    const first = await m.call('openim/admin_getroammsg', {
      Operator_Account: 'lumotuwe2',
      Peer_Account: 'lumotuwe1',
      MaxCnt: 3,
      MinTime: 0,
      MaxTime: NOW_S,
    });
    expect(first).toMatchObject({ Complete: 0, MsgCnt: 3 });
    expect(first['MsgList'].map((x: any) => x.MsgKey)).toEqual([
      `5_5_${NOW_S - 3600}`,
      `3_3_${NOW_S - 3600}`,
      `9_9_${NOW_S - 5000}`,
    ]);
    const next = await m.call('openim/admin_getroammsg', {
      Operator_Account: 'lumotuwe2',
      Peer_Account: 'lumotuwe1',
      MaxCnt: 3,
      MinTime: 0,
      MaxTime: first['LastMsgTime'],
      LastMsgKey: first['LastMsgKey'],
    });
    expect(next).toMatchObject({ Complete: 1, MsgCnt: 1, LastMsgKey: `1_1287657_${NOW_S - 7200}` });
    expect(next['MsgList'][0]).toMatchObject({ MsgFlagBits: 0, CloudCustomData: 'your cloud custom data' });
  });

  it('group_msg_get_simple answers at most 20, newest first, by ReqMsgSeq', async () => {
    const res = await m.call('group_open_http_svc/group_msg_get_simple', { GroupId: 'g1', ReqMsgNumber: 1 });
    expect(res).toMatchObject({ GroupId: 'g1', IsFinished: 0 });
    expect(res['RspMsgList'][0]).toMatchObject({ MsgSeq: 2, IsPlaceMsg: 0, MsgBody: textBody('two') });
    const rest = await m.call('group_open_http_svc/group_msg_get_simple', {
      GroupId: 'g1',
      ReqMsgNumber: 50,
      ReqMsgSeq: 1,
    });
    expect(rest).toMatchObject({
      IsFinished: 1,
      RspMsgList: [expect.objectContaining({ MsgSeq: 1, MsgRandom: 8912345 })],
    });
  });

  it('get_history gives a gzip file in the documented line layout, hours in UTC+8', async () => {
    // NOW - 2 h is 2026-12-05 22:00 UTC = 2026-12-06 06:00 in UTC+8.
    const res = await m.call('open_msg_svc/get_history', { ChatType: 'C2C', MsgTime: '2026120606' });
    expect(res['ActionStatus']).toBe('OK');
    const file = res['File'][0];
    const raw = gunzipSync(Buffer.from(await (await fetch(file.URL)).arrayBuffer())).toString('utf8');
    const lines = raw.split('\n');
    expect(lines[0]).toBe(
      `{"SdkAppId":${TENCENT_APP.sdkAppId},"ChatType":"C2C","MsgTime":"2026120606","MsgList":[`,
    );
    expect(lines.at(-1)).toBe(']}');
    expect(
      lines.slice(1, -1).every((l, i, all) => (i < all.length - 1 ? l.endsWith(',') : !l.endsWith(','))),
    ).toBe(true);
    const parsed = JSON.parse(raw);
    expect(parsed.MsgList.map((x: any) => x.MsgTimestamp)).toEqual([NOW_S - 7200, NOW_S - 5000]);
    expect(file.FileSize).toBe(Buffer.byteLength(raw));
  });

  it('get_history answers 1004 for an hour not yet built or empty, 1005 past 7 days, 1002 for bad input', async () => {
    expect(
      (await m.call('open_msg_svc/get_history', { ChatType: 'C2C', MsgTime: '2026120607' }))['ErrorCode'],
    ).toBe(1004);
    expect(
      (await m.call('open_msg_svc/get_history', { ChatType: 'C2C', MsgTime: '2026120300' }))['ErrorCode'],
    ).toBe(1004);
    expect(
      (await m.call('open_msg_svc/get_history', { ChatType: 'C2C', MsgTime: '2026112001' }))['ErrorCode'],
    ).toBe(1005);
    expect(
      (await m.call('open_msg_svc/get_history', { ChatType: 'Room', MsgTime: '2026120606' }))['ErrorCode'],
    ).toBe(1002);
  });

  it('live-sent messages appear in the history reads too', async () => {
    await m.call('group_open_http_svc/send_group_msg', {
      GroupId: 'g1',
      From_Account: 'peter',
      Random: 77,
      MsgBody: textBody('live'),
    });
    const res = await m.call('group_open_http_svc/group_msg_get_simple', { GroupId: 'g1', ReqMsgNumber: 1 });
    expect(res['RspMsgList'][0]).toMatchObject({
      MsgSeq: 3,
      From_Account: 'peter',
      MsgTimeStamp: NOW_S,
      MsgBody: textBody('live'),
    });
    const sent = await m.call('openim/sendmsg', {
      From_Account: 'leckie',
      To_Account: 'peter',
      MsgRandom: 5,
      MsgBody: textBody('hey'),
    });
    const roam = await m.call('openim/admin_getroammsg', {
      Operator_Account: 'peter',
      Peer_Account: 'leckie',
      MaxCnt: 5,
      MinTime: 0,
      MaxTime: NOW_S,
    });
    expect(roam['MsgList'].map((x: any) => x.MsgKey)).toEqual([sent['MsgKey']]);
    expect(roam['MsgList'][0]['MsgFlagBits']).toBe(0);
  });

  it('admin_getroammsg keeps a recalled message, flagged MsgFlagBits 8', async () => {
    const roam = () =>
      m.call('openim/admin_getroammsg', {
        Operator_Account: 'peter',
        Peer_Account: 'leckie',
        MaxCnt: 5,
        MinTime: 0,
        MaxTime: NOW_S,
      });
    const key = (await roam())['MsgList'][0]['MsgKey'];
    await m.call('openim/admin_msgwithdraw', { From_Account: 'leckie', To_Account: 'peter', MsgKey: key });
    expect((await roam())['MsgList'][0]).toMatchObject({ MsgKey: key, MsgFlagBits: 8 });
  });
});

describe('get_history rate', () => {
  it('allows 10 calls per second (60007 for the eleventh)', async () => {
    const limited = await startMigrationEmulator({ rateLimits: true });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 11; i++)
        codes.push(
          (await limited.call('open_msg_svc/get_history', { ChatType: 'C2C', MsgTime: '2026120606' }))[
            'ErrorCode'
          ],
        );
      expect(codes.slice(0, 10).every((c) => c === 1004)).toBe(true);
      expect(codes[10]).toBe(60007);
    } finally {
      await limited.emu.close();
    }
  });
});
