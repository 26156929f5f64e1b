import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { HistoryMessage } from '@im-gateway/types';
import {
  importGroupBody,
  tencentFriendToMigration,
  tencentMemberToMigration,
  tencentMuteToMigration,
} from './tencent-directory.mapper.js';
import {
  historyCloudCustomData,
  historyElements,
  tencentHistoryRecordToMessage,
  tencentImportKey,
} from './tencent-history.mapper.js';
import { parseTencentHistoryFile, tencentMsgTime } from './tencent-history.reader.js';
import { migrationProfileToTencent, tencentProfileToMigration } from './tencent-profile.mapper.js';

/** A vendor-doc example of a migration API: `fixtures/migration/<service>.<command>.json`. */
interface MigrationFixture {
  source: string;
  repaired?: string;
  request?: Record<string, any>;
  response?: Record<string, any>;
  file?: string;
}

const DIR = new URL('../../fixtures/migration/', import.meta.url);
const NAMES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));
const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8')) as MigrationFixture;

/** What each fixture must map to; a fixture without an entry fails the table. */
const CHECKS: Record<string, (f: MigrationFixture) => void> = {
  'profile.portrait_set': (f) => {
    expect(tencentProfileToMigration(f.request?.ProfileItem)).toEqual({ nickname: 'MyNickName' });
    expect(migrationProfileToTencent({ nickname: 'MyNickName' })).toEqual(f.request?.ProfileItem);
  },
  'sns.friend_get': (f) => {
    expect(
      f.response?.UserDataItem.map((i: Record<string, unknown>) => tencentFriendToMigration('id', i)),
    ).toEqual([
      {
        owner: 'id',
        friend: 'id1',
        remark: 'Remark1',
        addedAt: 1563867420_000,
        groups: ['Group1', 'Group2'],
      },
    ]);
  },
  'sns.black_list_get': (f) => {
    expect(f.response?.BlackListItem.map((b: { To_Account: string }) => b.To_Account)).toEqual([
      'id1',
      'id2',
    ]);
    expect(f.response?.StartIndex).toBe(0);
  },
  'group.import_group': (f) => {
    const body = importGroupBody({
      groupId: 'g',
      name: 'TestGroup',
      owner: 'leckie',
      public: true,
      createdAt: 1448357837_000,
    });
    expect(body).toEqual({ ...f.request, GroupId: 'g' });
  },
  'group.import_group_msg': (f) => {
    const first = f.request?.MsgList[0];
    const message = tencentHistoryRecordToMessage(
      { ...first, GroupId: f.request?.GroupId, MsgTimestamp: first.SendTime, MsgSeq: 1 },
      'group',
    ) as HistoryMessage;
    expect(message).toMatchObject({
      messageId: '@TGS#2C5SZEAEF:1',
      conversation: { type: 'group', id: '@TGS#2C5SZEAEF' },
      sentAt: 1620808101_000,
      contents: [
        { type: 'text', text: 'red packet' },
        { type: 'face', index: 6, data: 'abc\u0000\u0001' },
      ],
    });
    expect(historyElements(message)).toEqual(first.MsgBody);
  },
  'group.get_appid_group_list': (f) => {
    expect(f.response?.Next).not.toBe(0);
  },
  'group.get_group_member_info': (f) => {
    expect(
      f.response?.MemberList.map((m: Record<string, unknown>) => tencentMemberToMigration('g', m)),
    ).toEqual([
      { groupId: 'g', userId: 'bob', role: 'owner', joinedAt: 1425976500_000 },
      { groupId: 'g', userId: 'peter', role: 'member', joinedAt: 1425976500_000 },
    ]);
  },
  'group.forbid_send_msg': (f) => {
    expect(f.request?.MuteTime).toBe(60);
  },
  'group.get_group_muted_account': (f) => {
    expect(
      f.response?.MutedAccountList.map((m: Record<string, unknown>) => tencentMuteToMigration('g', m)),
    ).toEqual([
      { groupId: 'g', userId: 'tommy', mutedUntil: 1458115189_000 },
      { groupId: 'g', userId: 'peter', mutedUntil: 1458115189_000 },
    ]);
  },
  'openim.importmsg': (f) => {
    const request = f.request as Record<string, any>;
    const message = tencentHistoryRecordToMessage(
      { ...request, MsgTimestamp: request.MsgTimeStamp },
      'C2C',
    ) as HistoryMessage;
    expect(message).toMatchObject({
      messageId: '827092_1287657_1556178721',
      conversation: { type: 'direct', id: 'lumotuwe2' },
      cloudCustomData: 'your cloud custom data',
      sequence: 827092,
      random: 1287657,
    });
    // Read back and imported again, the message keeps its MsgKey parts and its CloudCustomData text.
    expect(tencentImportKey(message)).toEqual({ seq: 827092, random: 1287657, time: 1556178721 });
    expect(historyCloudCustomData(message)).toBe('your cloud custom data');
    expect(historyElements(message)).toEqual(request.MsgBody);
  },
  'openim.admin_getroammsg': (f) => {
    expect(f.request?.LastMsgKey).toBe(`549396494_2578554_${f.request?.MaxTime}`);
  },
  'group.group_msg_get_simple': (f) => {
    expect(f.request?.ReqMsgNumber).toBeLessThanOrEqual(20);
  },
  'open_msg_svc.get_history.file': (f) => {
    const records = parseTencentHistoryFile(f.file ?? '');
    expect(records.map((r) => tencentHistoryRecordToMessage(r, 'C2C')?.messageId)).toEqual([
      '3452069198_45838_1448974806',
      '462709847_19196437_1448974808',
    ]);
    // The example's hour: its first message is at 21:00:06 in UTC+8.
    expect(tencentMsgTime(Math.floor(1448974806 / 3600) * 3600)).toBe('2015120121');
  },
};

describe('migration fixtures from the vendor docs', () => {
  it('each names its source, and every fixture has a check', () => {
    expect(NAMES.length).toBeGreaterThan(10);
    for (const name of NAMES) {
      expect(load(name).source).toMatch(/intlcloud-documents/);
      expect(Object.keys(CHECKS)).toContain(name);
    }
  });

  it.each(NAMES)('%s maps as documented', (name) => {
    CHECKS[name]?.(load(name));
  });
});

describe('Tencent history mapper', () => {
  const base: HistoryMessage = {
    messageId: '1234567890123456789',
    conversation: { type: 'group', id: 'g1' },
    from: 'a',
    to: 'g1',
    sentAt: 1_700_000_000_250,
    contents: [{ type: 'text', text: 'x' }],
  };

  it('skips contents a group import refuses, recalled and unknown ones, with the reason', () => {
    expect(
      historyElements({ ...base, contents: [{ type: 'image', url: 'u', width: 1, height: 1 }] }),
    ).toEqual({
      skip: 'Tencent group import takes only text, face, location and custom elements, not image',
    });
    expect(historyElements({ ...base, recalled: true })).toEqual({ skip: 'recalled at the source' });
    expect(
      historyElements({ ...base, contents: [{ type: 'unknown', vendorType: 'combine', raw: {} }] }),
    ).toEqual({
      skip: 'content combine has no Tencent element',
    });
    expect(
      historyElements({
        ...base,
        conversation: { type: 'direct', id: 'b' },
        contents: [{ type: 'image', url: 'u' }],
      }),
    ).toHaveProperty('skip', expect.stringContaining('width'));
  });

  it('derives MsgSeq from the milliseconds, so order within one second is kept, and the same values on a re-run', () => {
    const early = tencentImportKey({ ...base, messageId: 'b', sentAt: 1_700_000_000_100 });
    const late = tencentImportKey({ ...base, messageId: 'a', sentAt: 1_700_000_000_900 });
    expect(early.time).toBe(late.time);
    expect(early.seq).toBeLessThan(late.seq);
    expect(tencentImportKey({ ...base })).toEqual(tencentImportKey({ ...base }));
    expect(late.seq).toBeLessThanOrEqual(0xffffffff);
  });

  it('carries ext (the relay marker) as CloudCustomData JSON', () => {
    expect(historyCloudCustomData({ ...base, ext: { imGatewayRelay: { bridgeId: 'b1' } } })).toBe(
      '{"imGatewayRelay":{"bridgeId":"b1"}}',
    );
    expect(
      historyCloudCustomData({
        ...base,
        cloudCustomData: 'plain',
        ext: { cloudCustomData: 'plain', imGatewayRelay: 1 },
      }),
    ).toBe('{"cloudCustomData":"plain","imGatewayRelay":1}');
  });

  it('refuses a birthday that is no number and custom keys Tencent cannot name', () => {
    expect(migrationProfileToTencent({ birthday: '1990-04-19' })).toEqual([
      { Tag: 'Tag_Profile_IM_BirthDay', Value: 19900419 },
    ]);
    expect(migrationProfileToTencent({ birthday: 'spring' })).toHaveProperty('refused');
    expect(migrationProfileToTencent({ custom: { phone_no: '1' } })).toHaveProperty('refused');
  });
});
