import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { HistoryMessage, MigrationGroup } from '@im-gateway/types';
import type { TencentSeed } from '@im-gateway/emulator';
import { tencentMsgBodyContents } from '../src/callback/tencent-msg-body.normalizer.js';
import {
  NOW,
  provider,
  readAll,
  recordingContext,
  seedFor,
  SPEC,
  startApp,
  type TestApp,
} from './tencent-migration.setup.js';

const reader = provider.migration.reader;
const ctx = recordingContext();
const seed: TencentSeed = seedFor();
let source: TestApp;
beforeAll(async () => {
  source = await startApp(1400000101);
  source.emulator.seed(source.sdkAppId, seed);
});
afterAll(() => source.close());

const GENDERS: Record<string, string> = {
  Gender_Type_Male: 'male',
  Gender_Type_Female: 'female',
  Gender_Type_Unknown: 'unknown',
};
const seedGroups = () => (seed.Groups ?? []).filter((g) => g.GroupId.startsWith('group'));
const seedRooms = () => (seed.Groups ?? []).filter((g) => g.GroupId.startsWith('room'));

describe('Tencent migration reader against the emulator', () => {
  it('has no accounts read: Tencent cannot list accounts', () => {
    expect(reader.accounts).toBeUndefined();
  });

  it('reads every profile of the known users, custom tags included', async () => {
    const profiles = await reader.profiles(source.config, seed.Accounts, ctx);
    expect(profiles).toHaveLength(SPEC.accounts);
    const expected = (seed.Profiles ?? []).map((p) => {
      const v = Object.fromEntries(p.ProfileItem.map((i) => [i.Tag, i.Value]));
      return {
        userId: p.From_Account,
        profile: {
          nickname: v['Tag_Profile_IM_Nick'],
          avatarUrl: v['Tag_Profile_IM_Image'],
          gender: GENDERS[v['Tag_Profile_IM_Gender'] as string],
          signature: v['Tag_Profile_IM_SelfSignature'],
          birthday: String(v['Tag_Profile_IM_BirthDay']),
          custom: { City: v['Tag_Profile_Custom_City'] },
        },
      };
    });
    expect(profiles).toEqual(expected);
  });

  it('reads each user’s friends with remark, groups and add time, and their blocks', async () => {
    for (const f of seed.Friends ?? []) {
      const contacts = await readAll((c) => reader.contacts(source.config, f.From_Account, c, ctx));
      expect(contacts).toEqual(
        f.AddFriendItem.map((i) => ({
          owner: f.From_Account,
          friend: i.To_Account,
          ...(i.Remark ? { remark: i.Remark } : {}),
          addedAt: i.AddTime * 1000,
          ...(i.GroupName ? { groups: i.GroupName } : {}),
        })),
      );
    }
    for (const b of seed.BlackLists ?? []) {
      const blocks = await readAll((c) => reader.blocklist(source.config, b.From_Account, c, ctx));
      expect(blocks).toEqual(b.BlackListItem.map((i) => ({ owner: b.From_Account, blocked: i.To_Account })));
    }
  });

  it('reads the groups (not the chat rooms) with their creation time, members, roles, join times and mutes', async () => {
    const groups: MigrationGroup[] = await readAll((c) => reader.groups(source.config, c, ctx));
    expect(groups.map((g) => g.groupId)).toEqual(seedGroups().map((g) => g.GroupId));
    for (const [i, g] of seedGroups().entries()) {
      expect(groups[i]).toMatchObject({
        name: g.Name,
        owner: g.Owner_Account,
        public: g.Type === 'Public',
        createdAt: g.CreateTime * 1000,
        description: g.Introduction,
        announcement: g.Notification,
        membersOnly: g.ApplyJoinOption !== 'FreeAccess',
      });
      const members = await readAll((c) => reader.members(source.config, g.GroupId, c, ctx));
      expect(members).toEqual(
        g.MemberList.map((m) => ({
          groupId: g.GroupId,
          userId: m.Member_Account,
          role: m.Role.toLowerCase(),
          joinedAt: m.JoinTime * 1000,
        })),
      );
      const mutes = await reader.mutes(source.config, g.GroupId, ctx);
      expect(mutes).toEqual(
        g.MemberList.filter((m) => (m.MuteUntil ?? 0) > NOW / 1000).map((m) => ({
          groupId: g.GroupId,
          userId: m.Member_Account,
          mutedUntil: m.MuteUntil === 4294967295 ? null : (m.MuteUntil ?? 0) * 1000,
        })),
      );
    }
  });

  it('reads chat rooms with members and admins; AVChatRoom members are not readable', async () => {
    const rooms = await readAll((c) => reader.chatrooms(source.config, c, ctx));
    expect(rooms.map((r) => r.roomId)).toEqual(seedRooms().map((g) => g.GroupId));
    for (const [i, g] of seedRooms().entries()) {
      const others = g.MemberList.filter((m) => m.Role !== 'Owner');
      expect(rooms[i]).toMatchObject({
        name: g.Name,
        owner: g.Owner_Account,
        members: g.Type === 'AVChatRoom' ? [] : others.map((m) => m.Member_Account),
        admins:
          g.Type === 'AVChatRoom'
            ? []
            : others.filter((m) => m.Role === 'Admin').map((m) => m.Member_Account),
      });
    }
  });

  it('reads the whole history window hour by hour, every message once, in the unified content model, each with its file record as raw', async () => {
    const window = { from: NOW - SPEC.windowHours * 3600_000, to: NOW };
    const messages: HistoryMessage[] = await readAll((c) => reader.history(source.config, window, c, ctx));
    expect(messages).toHaveLength(SPEC.messages);
    const c2c = (seed.C2CMsgList ?? []).map((m) => ({
      messageId: `${m.MsgSeq}_${m.MsgRandom}_${m.MsgTimestamp}`,
      conversation: { type: 'direct', id: m.To_Account },
      from: m.From_Account,
      to: m.To_Account,
      sentAt: m.MsgTimestamp * 1000,
      contents: tencentMsgBodyContents(m.MsgBody),
      sequence: m.MsgSeq,
      random: m.MsgRandom,
      ...(m.CloudCustomData
        ? { cloudCustomData: m.CloudCustomData, ext: JSON.parse(m.CloudCustomData) }
        : {}),
      // The file's C2C line is the message as sent (§1.19).
      raw: m,
    }));
    const seqs = new Map<string, number>();
    const rooms = new Set(seedRooms().map((g) => g.GroupId));
    const group = (seed.GroupMsgList ?? []).map((m) => {
      const seq = (seqs.get(m.GroupId) ?? 0) + 1;
      seqs.set(m.GroupId, seq);
      return {
        messageId: `${m.GroupId}:${seq}`,
        conversation: { type: rooms.has(m.GroupId) ? 'chatroom' : 'group', id: m.GroupId },
        from: m.From_Account,
        to: m.GroupId,
        sentAt: m.MsgTimestamp * 1000,
        contents: tencentMsgBodyContents(m.MsgBody),
        ...(m.CloudCustomData
          ? { cloudCustomData: m.CloudCustomData, ext: JSON.parse(m.CloudCustomData) }
          : {}),
        // The file's group line: the group's MsgSeq, and no MsgRandom (§1.19).
        raw: {
          From_Account: m.From_Account,
          GroupId: m.GroupId,
          MsgTimestamp: m.MsgTimestamp,
          MsgSeq: seq,
          MsgBody: m.MsgBody,
          ...(m.CloudCustomData ? { CloudCustomData: m.CloudCustomData } : {}),
        },
      };
    });
    const byId = (list: { messageId: string }[]) =>
      [...list].sort((a, b) => a.messageId.localeCompare(b.messageId));
    expect(byId(messages)).toEqual(byId([...c2c, ...group]));
    // Oldest hour first.
    const hours = messages.map((m) => Math.floor(m.sentAt / 3600_000));
    expect(hours).toEqual([...hours].sort((a, b) => a - b));
    expect(messages.some((m) => m.conversation.type === 'chatroom')).toBe(true);
  });

  it('names only APIs that have a rate limit in apiLimits', () => {
    const limited = new Set(provider.apiLimits.map((l) => l.api));
    expect([...ctx.apis].filter((api) => !limited.has(api))).toEqual([]);
    expect([...ctx.apis].sort()).toEqual([
      'group_open_http_svc/get_appid_group_list',
      'group_open_http_svc/get_group_info',
      'group_open_http_svc/get_group_member_info',
      'group_open_http_svc/get_group_muted_account',
      'open_msg_svc/get_history',
      'profile/portrait_get',
      'sns/black_list_get',
      'sns/friend_get',
    ]);
  });
});
