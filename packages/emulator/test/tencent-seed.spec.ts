import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_SEED_SPEC, generateTencentSeed, type SeedSpec, type TencentSeed } from '../src/index.js';
import { parseSeedSpec } from '../src/seed/seed-flags.js';
import { TENCENT_APP } from './helpers.js';
import { NOW, NOW_S, startMigrationEmulator, type MigrationEmulator } from './tencent-migration-helpers.js';

const SMALL: SeedSpec = {
  ...DEFAULT_SEED_SPEC,
  accounts: 40,
  groups: 4,
  membersPerGroup: 6,
  chatrooms: 2,
  membersPerChatroom: 4,
  messages: 300,
  now: NOW,
};

describe('generateTencentSeed', () => {
  const seed = generateTencentSeed(SMALL);

  it('is deterministic: the same spec gives the same seed, another PRNG seed another one', () => {
    expect(generateTencentSeed(SMALL)).toEqual(seed);
    expect(generateTencentSeed({ ...SMALL, seed: 2 })).not.toEqual(seed);
  });

  it('has the spec size: accounts, profiles, friends both ways, blocks, groups, rooms, messages', () => {
    expect(seed.Accounts).toHaveLength(40);
    expect(seed.Profiles).toHaveLength(40);
    expect(seed.Friends?.every((f) => f.AddFriendItem.length === SMALL.contactsPerUser)).toBe(true);
    const pairs = new Set(
      seed.Friends?.flatMap((f) => f.AddFriendItem.map((i) => `${f.From_Account}>${i.To_Account}`)),
    );
    expect([...pairs].every((p) => pairs.has(p.split('>').reverse().join('>')))).toBe(true);
    expect(seed.BlackLists?.every((b) => b.BlackListItem.length === SMALL.blocksPerUser)).toBe(true);
    expect(
      [...pairs].some((p) =>
        seed.BlackLists?.some((b) => p === `${b.From_Account}>${b.BlackListItem[0]?.To_Account}`),
      ),
    ).toBe(false);
    expect(seed.Groups?.filter((g) => g.GroupId.startsWith('group'))).toHaveLength(4);
    expect(seed.Groups?.filter((g) => g.GroupId.startsWith('room')).map((g) => g.Type)).toEqual([
      'ChatRoom',
      'AVChatRoom',
    ]);
    expect((seed.C2CMsgList?.length ?? 0) + (seed.GroupMsgList?.length ?? 0)).toBe(300);
  });

  it('gives groups an owner, admins, members with join times after creation, and mutes', () => {
    const group = seed.Groups?.[0];
    expect(group?.MemberList.filter((m) => m.Role === 'Owner')).toHaveLength(1);
    expect(group?.MemberList.filter((m) => m.Role === 'Admin')).toHaveLength(SMALL.adminsPerGroup);
    expect(group?.MemberList).toHaveLength(SMALL.membersPerGroup);
    expect(group?.MemberList.filter((m) => (m.MuteUntil ?? 0) > NOW_S)).toHaveLength(SMALL.mutesPerGroup);
    expect(group?.MemberList.every((m) => m.JoinTime >= (group.CreateTime ?? 0))).toBe(true);
  });

  it('puts all history in the window before now, oldest first, with every element type', () => {
    const start = NOW_S - SMALL.windowHours * 3600;
    const times = [...(seed.C2CMsgList ?? []), ...(seed.GroupMsgList ?? [])].map((m) => m.MsgTimestamp);
    expect(times.every((t) => t > start && t < NOW_S)).toBe(true);
    const c2c = seed.C2CMsgList?.map((m) => m.MsgTimestamp) ?? [];
    expect(c2c).toEqual([...c2c].sort((a, b) => a - b));
    const types = new Set(
      seed.C2CMsgList?.flatMap((m) => m.MsgBody.map((e) => (e as { MsgType: string }).MsgType)),
    );
    expect(types.size).toBe(8);
    const groupTypes = new Set(
      seed.GroupMsgList?.flatMap((m) => m.MsgBody.map((e) => (e as { MsgType: string }).MsgType)),
    );
    expect([...groupTypes].sort()).toEqual([
      'TIMCustomElem',
      'TIMFaceElem',
      'TIMLocationElem',
      'TIMTextElem',
    ]);
    const rooms = new Set(seed.Groups?.filter((g) => g.Type === 'AVChatRoom').map((g) => g.GroupId));
    expect(seed.GroupMsgList?.some((m) => rooms.has(m.GroupId))).toBe(false);
    expect(seed.GroupMsgList?.some((m) => m.GroupId.startsWith('room'))).toBe(true);
  });
});

describe('emulator.seed and inspect', () => {
  let m: MigrationEmulator;
  const seed: TencentSeed = generateTencentSeed(SMALL);
  beforeAll(async () => {
    m = await startMigrationEmulator();
    m.emu.seed(TENCENT_APP.sdkAppId, seed);
  });
  afterAll(() => m.emu.close());

  it('makes the seed readable over the REST API and the inspection', async () => {
    const state = m.emu.inspect(TENCENT_APP.sdkAppId);
    expect(state.accounts).toEqual(seed.Accounts);
    expect(Object.keys(state.groups)).toEqual(seed.Groups?.map((g) => g.GroupId));
    const total =
      Object.values(state.c2c).flat().length + Object.values(state.groups).flatMap((g) => g.history).length;
    expect(total).toBe(300);
    const list = await m.call('group_open_http_svc/get_appid_group_list', {});
    expect(list['TotalCount']).toBe(6);
    const friends = await m.call('sns/friend_get', { From_Account: 'user00000', StartIndex: 0 });
    expect(friends['FriendNum']).toBe(SMALL.contactsPerUser);
  });
});

describe('--seed', () => {
  it('takes named fields and the rest from DEFAULT_SEED_SPEC', () => {
    expect(parseSeedSpec('accounts=5000,groups=200,messages=50000')).toEqual({
      ...DEFAULT_SEED_SPEC,
      accounts: 5000,
      groups: 200,
      messages: 50000,
    });
    expect(parseSeedSpec('now=2026-12-01T00:00:00Z').now).toBe(Date.UTC(2026, 11, 1));
  });

  it.each(['accounts', 'accounts=-1', 'nope=3', 'accounts=1=2'])('refuses "%s" naming the part', (raw) => {
    expect(() => parseSeedSpec(raw)).toThrow(/^--seed: /);
  });
});
