import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  HistoryMessage,
  MigrationChatroom,
  MigrationGroup,
  MigrationItemResult,
  MigrationMember,
  MigrationMute,
} from '@im-gateway/types';
import type { TencentAppSnapshot, TencentHistoryRecord } from '@im-gateway/emulator';
import { tencentMsgBodyContents } from '../src/callback/tencent-msg-body.normalizer.js';
import { TENCENT_CAPABILITIES } from '../src/tencent.capabilities.js';
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

const { reader, writer } = provider.migration;
const batch = TENCENT_CAPABILITIES.migration?.importBatch;
const ctx = recordingContext();
const seed = seedFor();
let source: TestApp;
let target: TestApp;

const slices = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

interface Read {
  groups: MigrationGroup[];
  members: Map<string, MigrationMember[]>;
  mutes: Map<string, MigrationMute[]>;
  rooms: MigrationChatroom[];
  history: HistoryMessage[];
}
let read: Read;

/** Messages per target conversation (one-to-one: the pair, either direction), oldest first. */
function conversations(history: readonly HistoryMessage[]): HistoryMessage[][] {
  const by = new Map<string, HistoryMessage[]>();
  for (const m of history) {
    const key = m.conversation.type === 'direct' ? [m.from, m.to].sort().join('|') : m.conversation.id;
    by.set(key, [...(by.get(key) ?? []), m]);
  }
  return [...by.values()].map((list) =>
    [...list].sort((a, b) => a.sentAt - b.sentAt || (a.sequence ?? 0) - (b.sequence ?? 0)),
  );
}

/** Imports everything read from the source into the target, in the contract's kind order; all results. */
async function importAll(): Promise<MigrationItemResult[]> {
  const config = target.config;
  const out: MigrationItemResult[] = [];
  for (const part of slices(seed.Accounts, batch?.accounts ?? 1))
    out.push(
      ...(await writer.importAccounts(
        config,
        part.map((userId) => ({ userId })),
        { passwordFor: () => '' },
        ctx,
      )),
    );
  const profiles = await reader.profiles(source.config, seed.Accounts, ctx);
  for (const part of slices(profiles, batch?.profiles ?? 1))
    out.push(...(await writer.importProfiles(config, part, ctx)));
  for (const group of read.groups) {
    out.push(await writer.importGroup(config, group, ctx));
    for (const part of slices(read.members.get(group.groupId) ?? [], batch?.members ?? 1))
      out.push(...(await writer.importMembers(config, group.groupId, part, ctx)));
    out.push(...(await writer.importMutes(config, group.groupId, read.mutes.get(group.groupId) ?? [], ctx)));
  }
  for (const room of read.rooms) out.push(await writer.importChatroom(config, room, ctx));
  for (const conversation of conversations(read.history))
    for (const part of slices(conversation, batch?.history ?? 1))
      out.push(...(await writer.importHistory(config, part, ctx)));
  for (const f of seed.Friends ?? []) {
    const contacts = await readAll((c) => reader.contacts(source.config, f.From_Account, c, ctx));
    out.push(...(await writer.importContacts(config, f.From_Account, contacts, ctx)));
  }
  for (const b of seed.BlackLists ?? []) {
    const blocks = await readAll((c) => reader.blocklist(source.config, b.From_Account, c, ctx));
    out.push(...(await writer.importBlocks(config, b.From_Account, blocks, ctx)));
  }
  return out;
}

const contents = (list: TencentHistoryRecord[] | undefined) =>
  (list ?? []).map((m) => ({
    From_Account: m.From_Account,
    To_Account: m.To_Account,
    MsgTimeStamp: m.MsgTimeStamp,
    contents: tencentMsgBodyContents(m.MsgBody),
    CloudCustomData: m.CloudCustomData,
  }));

let first: MigrationItemResult[];
let afterFirst: TencentAppSnapshot;

beforeAll(async () => {
  source = await startApp(1400000201);
  target = await startApp(1400000202);
  source.emulator.seed(source.sdkAppId, seed);
  const groups = await readAll((c) => reader.groups(source.config, c, ctx));
  const members = new Map<string, MigrationMember[]>();
  const mutes = new Map<string, MigrationMute[]>();
  for (const g of groups) {
    members.set(g.groupId, await readAll((c) => reader.members(source.config, g.groupId, c, ctx)));
    mutes.set(g.groupId, await reader.mutes(source.config, g.groupId, ctx));
  }
  const rooms = await readAll((c) => reader.chatrooms(source.config, c, ctx));
  const window = { from: NOW - SPEC.windowHours * 3600_000, to: NOW };
  const history = await readAll((c) => reader.history(source.config, window, c, ctx));
  read = { groups, members, mutes, rooms, history };
  first = await importAll();
  afterFirst = target.emulator.inspect(target.sdkAppId);
});
afterAll(async () => {
  await source.close();
  await target.close();
});

describe('Tencent migration writer into an empty emulator app', () => {
  it('imports every item: nothing failed or skipped', () => {
    expect(first.filter((r) => r.status === 'failed' || r.status === 'skipped')).toEqual([]);
  });

  it('copies accounts and profiles', () => {
    const src = source.emulator.inspect(source.sdkAppId);
    expect(afterFirst.accounts).toEqual(src.accounts);
    expect(afterFirst.profiles).toEqual(src.profiles);
  });

  it('copies groups with creation time, owner, members, roles, join times and mutes', () => {
    const src = source.emulator.inspect(source.sdkAppId);
    for (const g of read.groups) {
      const { history: _s, ...want } = src.groups[g.groupId] ?? { history: [] };
      const { history: _t, ...got } = afterFirst.groups[g.groupId] ?? { history: [] };
      expect(got).toEqual(want);
    }
  });

  it('copies chat rooms as ChatRoom groups with members and admins (AVChatRoom ones with the owner only)', () => {
    const src = source.emulator.inspect(source.sdkAppId);
    for (const room of read.rooms) {
      const got = afterFirst.groups[room.roomId];
      expect(got?.Type).toBe('ChatRoom');
      const roles = (list: { Member_Account: string; Role: string }[] = []) =>
        list.map((m) => `${m.Member_Account}:${m.Role}`).sort();
      const want = src.groups[room.roomId];
      expect(roles(got?.MemberList)).toEqual(
        want?.Type === 'AVChatRoom' ? [`${want.Owner_Account}:Owner`] : roles(want?.MemberList),
      );
    }
  });

  it('copies one-to-one history with the same MsgSeq, MsgRandom and time, in the same order', () => {
    const src = source.emulator.inspect(source.sdkAppId);
    const key = (list: TencentHistoryRecord[] = []) =>
      list.map((m) => `${m.MsgSeq}_${m.MsgRandom}_${m.MsgTimeStamp}`);
    expect(Object.keys(afterFirst.c2c).sort()).toEqual(Object.keys(src.c2c).sort());
    for (const [conversation, list] of Object.entries(src.c2c)) {
      expect(key(afterFirst.c2c[conversation])).toEqual(key(list));
      expect(contents(afterFirst.c2c[conversation])).toEqual(contents(list));
    }
  });

  it('copies group and chat room history in order (AVChatRoom keeps none)', () => {
    const src = source.emulator.inspect(source.sdkAppId);
    for (const [id, group] of Object.entries(src.groups))
      expect(contents(afterFirst.groups[id]?.history)).toEqual(contents(group.history));
    expect(Object.values(afterFirst.groups).flatMap((g) => g.history)).toHaveLength(
      Object.values(src.groups).flatMap((g) => g.history).length,
    );
  });

  it('copies friends (each direction) with remark, groups and add time, and blocks', () => {
    const src = source.emulator.inspect(source.sdkAppId);
    const friends = (s: TencentAppSnapshot) =>
      Object.fromEntries(
        Object.entries(s.friends).map(([owner, list]) => [owner, list.map(({ AddSource: _a, ...f }) => f)]),
      );
    expect(friends(afterFirst)).toEqual(friends(src));
    const blocked = (s: TencentAppSnapshot) =>
      Object.fromEntries(
        Object.entries(s.blocks).map(([owner, list]) => [owner, list.map((b) => b.To_Account)]),
      );
    expect(blocked(afterFirst)).toEqual(blocked(src));
  });

  it('answers exists on a re-run and duplicates nothing', async () => {
    const again = await importAll();
    const statuses = new Set(again.map((r) => r.status));
    expect(again.filter((r) => r.status === 'failed' || r.status === 'skipped')).toEqual([]);
    expect(statuses).toEqual(new Set(['exists']));
    expect(target.emulator.inspect(target.sdkAppId)).toEqual(afterFirst);
  });

  it('names only APIs that have a rate limit in apiLimits', () => {
    const limited = new Set(provider.apiLimits.map((l) => l.api));
    expect([...ctx.apis].filter((api) => !limited.has(api))).toEqual([]);
  });
});
