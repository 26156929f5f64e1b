import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chunks } from '@im-gateway/provider-kit';
import type { HistoryMessage, MigrationItemResult, MigrationMember } from '@im-gateway/types';
import { HOUR, NOW, readAll, SMALL_SPEC, sorted, startHarness, type Harness } from './migration-harness.js';

// Imports a generated dataset, read from the source app, into an empty target app through the writer, and
// compares the target's state (the emulator's inspection) with the source's, item by item.
let h: Harness;
const groupIds = new Map<string, string>();
const roomIds = new Map<string, string>();
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.emulator.close();
});

const reader = () => h.provider.migration.reader;
const writer = () => h.provider.migration.writer;
const source = () => h.emulator.inspect('org#source');
const target = () => h.emulator.inspect('org#target');
const statuses = (results: readonly MigrationItemResult[]) => [...new Set(results.map((r) => r.status))];
const password = (user: string) => `pw-${user}`;

describe('Easemob migration writer', () => {
  it('imports accounts in batches of 60 with the passwords given; a re-run answers exists', async () => {
    const accounts = await readAll((c) => reader().accounts!(h.source, c, h.ctx));
    const first = await writer().importAccounts(h.target, accounts, { passwordFor: password }, h.ctx);
    expect(first).toEqual(accounts.map((a) => ({ key: a.userId, status: 'done', targetId: a.userId })));
    expect(target().users.map((u) => u.username)).toEqual(source().users.map((u) => u.username));
    const again = await writer().importAccounts(h.target, accounts, { passwordFor: password }, h.ctx);
    expect(statuses(again)).toEqual(['exists']);
    expect(target().users).toHaveLength(accounts.length);
  });

  it('splits more accounts than one call takes into calls of 60', async () => {
    const bulk = Array.from({ length: 130 }, (_, i) => ({ userId: `bulk${i}` }));
    const before = h.calls.length;
    const results = await writer().importAccounts(h.target, bulk, { passwordFor: password }, h.ctx);
    expect(statuses(results)).toEqual(['done']);
    expect(h.calls.slice(before)).toEqual(['users', 'users', 'users']);
  });

  it('fails only the bad account of a batch', async () => {
    const results = await writer().importAccounts(
      h.target,
      [{ userId: 'fresh1' }, { userId: 'bad name!' }, { userId: 'fresh2' }],
      { passwordFor: password },
      h.ctx,
    );
    expect(results.map((r) => [r.key, r.status])).toEqual([
      ['fresh1', 'done'],
      ['bad name!', 'failed'],
      ['fresh2', 'done'],
    ]);
    expect(results[1]).toMatchObject({ error: { code: 'vendor_rejected', vendorCode: 'illegal_argument' } });
  });

  it('imports profiles; unchanged ones answer exists', async () => {
    const ids = h.seed.users.map((u) => u.username);
    const profiles = await reader().profiles(h.source, ids, h.ctx);
    const results = await writer().importProfiles(h.target, profiles, h.ctx);
    expect(statuses(results)).toEqual(['done']);
    for (const id of ids) expect(target().metadata[id]).toEqual(source().metadata[id]);
    expect(statuses(await writer().importProfiles(h.target, profiles, h.ctx))).toEqual(['exists']);
  });

  it('creates groups (creation time: now), then members with roles, and mutes', async () => {
    // Target groups are created before the history window, so their history can follow (see history below).
    h.clock.now = NOW - 80 * HOUR;
    const groups = await readAll((c) => reader().groups(h.source, c, h.ctx));
    for (const group of groups) {
      const result = await writer().importGroup(h.target, group, h.ctx);
      expect(result).toMatchObject({ key: group.groupId, status: 'done', targetId: expect.any(String) });
      groupIds.set(group.groupId, (result as { targetId: string }).targetId);
    }
    h.clock.now = NOW;
    for (const group of groups) {
      const to = groupIds.get(group.groupId)!;
      const members = await readAll((c) => reader().members(h.source, group.groupId, c, h.ctx));
      for (const batch of chunks(members, 60)) {
        const results = await writer().importMembers(h.target, to, batch, h.ctx);
        expect(results.map((r) => r.key)).toEqual(batch.map((m) => m.userId));
        expect(statuses(results.filter((r) => r.key !== group.owner))).toEqual(['done']);
        expect(results.find((r) => r.key === group.owner)?.status).toBe('exists');
        expect(statuses(await writer().importMembers(h.target, to, batch, h.ctx))).toEqual(['exists']);
      }
      const mutes = await reader().mutes(h.source, group.groupId, h.ctx);
      expect(statuses(await writer().importMutes(h.target, to, mutes, h.ctx))).toEqual(['done']);
      expect(statuses(await writer().importMutes(h.target, to, mutes, h.ctx))).toEqual(['exists']);
    }
    for (const from of source().chatgroups) {
      const to = target().chatgroups.find((g) => g.groupid === groupIds.get(from.groupid))!;
      // `allowinvites` has no field in the neutral group, so it is not carried.
      const {
        groupid: _a,
        created: _b,
        allowinvites: _x,
        members: fromMembers,
        mutes: fromMutes,
        ...fromRest
      } = from;
      const { groupid: _c, created, allowinvites: _y, members: toMembers, mutes: toMutes, ...toRest } = to;
      expect(toRest).toEqual(fromRest);
      // Easemob keeps no creation time or join time: both are the import's.
      expect(created).toBe(NOW - 80 * HOUR);
      const roles = (ms: typeof fromMembers) => ms.map((m) => [m.username, m.role]);
      expect(roles(toMembers)).toEqual(roles(fromMembers));
      expect(toMutes.map((m) => m.user)).toEqual(fromMutes.map((m) => m.user));
      // A mute for ever stays for ever; a timed one is still running (its time left is taken at import).
      expect(toMutes.map((m) => m.expire === -1)).toEqual(fromMutes.map((m) => m.expire === -1));
      expect(toMutes.every((m) => m.expire === -1 || m.expire > NOW)).toBe(true);
    }
  });

  it('fails only the unknown member of a batch', async () => {
    const [groupId] = [...groupIds.values()];
    const batch: MigrationMember[] = [
      { groupId: groupId!, userId: 'fresh1', role: 'member' },
      { groupId: groupId!, userId: 'nobody', role: 'member' },
    ];
    const results = await writer().importMembers(h.target, groupId!, batch, h.ctx);
    expect(results.map((r) => [r.key, r.status])).toEqual([
      ['fresh1', 'done'],
      ['nobody', 'failed'],
    ]);
  });

  it('creates chat rooms with members and admins', async () => {
    const rooms = await readAll((c) => reader().chatrooms(h.source, c, h.ctx));
    for (const room of rooms) {
      const result = await writer().importChatroom(h.target, room, h.ctx);
      expect(result.status).toBe('done');
      roomIds.set(room.roomId, (result as { targetId: string }).targetId);
    }
    for (const from of source().chatrooms) {
      const to = target().chatrooms.find((r) => r.id === roomIds.get(from.id))!;
      expect([to.name, to.owner, to.members, to.admins]).toEqual([
        from.name,
        from.owner,
        from.members,
        from.admins,
      ]);
    }
  });

  it('imports history oldest first: direct and group messages go in, chat room ones are skipped', async () => {
    const window = { from: NOW - 72 * HOUR, to: NOW };
    const history = await readAll((c) => reader().history(h.source, window, c, h.ctx));
    const mapped = history.map((m): HistoryMessage => {
      if (m.conversation.type === 'group') {
        const id = groupIds.get(m.conversation.id)!;
        return { ...m, to: id, conversation: { type: 'group', id } };
      }
      return m;
    });
    const results: MigrationItemResult[] = [];
    for (const m of mapped) results.push(...(await writer().importHistory(h.target, [m], h.ctx)));
    mapped.forEach((m, i) => {
      const r = results[i]!;
      expect(r.key).toBe(m.messageId);
      if (m.conversation.type === 'chatroom')
        expect(r).toEqual({
          key: m.messageId,
          status: 'skipped',
          reason: 'Easemob has no chat room message import.',
        });
      else expect(r).toMatchObject({ status: 'done', targetId: expect.stringMatching(/^\d{18,19}$/) });
    });
    const strip = (
      records: { timestamp: number; from: string; to: string; chat_type: string; payload: unknown }[],
    ) =>
      records.map(({ timestamp, from, to, chat_type, payload }) => ({
        timestamp,
        from,
        to,
        chat_type,
        payload,
      }));
    for (const [key, records] of Object.entries(source().history)) {
      if (key.startsWith('chatroom:')) continue;
      const targetKey = key.startsWith('groupchat:') ? `groupchat:${groupIds.get(key.slice(10))}` : key;
      const imported = target().history[targetKey]!;
      const mapTo = (r: { to: string }) => (key.startsWith('groupchat:') ? groupIds.get(r.to)! : r.to);
      expect(strip(imported)).toEqual(
        strip(
          records
            .filter((r) => r.source === 'seeded')
            .map((r) => ({ ...r, to: mapTo(r), payload: { ...r.payload, to: mapTo(r.payload) } })),
        ),
      );
    }
    expect(Object.keys(target().history).some((k) => k.startsWith('chatroom:'))).toBe(false);

    // A re-run: every message answers exists (or skipped again), nothing is duplicated.
    const count = Object.values(target().history).flat().length;
    const again: MigrationItemResult[] = [];
    for (const m of mapped) again.push(...(await writer().importHistory(h.target, [m], h.ctx)));
    expect(statuses(again.filter((r) => r.status !== 'skipped'))).toEqual(['exists']);
    expect(Object.values(target().history).flat()).toHaveLength(count);
  });

  it('carries ext (the relay marker) through to Easemob ext', async () => {
    const marked: HistoryMessage = {
      messageId: 'src-1',
      conversation: { type: 'direct', id: 'user000003' },
      from: 'user000004',
      to: 'user000003',
      sentAt: NOW - HOUR,
      contents: [{ type: 'text', text: 'marked' }],
      ext: { imGatewayRelay: { relayId: 'r1' } },
    };
    const [result] = await writer().importHistory(h.target, [marked], h.ctx);
    expect(result?.status).toBe('done');
    const record = target().history['chat:user000003|user000004']!.at(-1)!;
    expect(record.payload.ext).toEqual({ imGatewayRelay: { relayId: 'r1' } });
  });

  it('skips group history older than the group on Easemob (groups cannot be backdated)', async () => {
    const [groupId] = [...groupIds.values()];
    const old: HistoryMessage = {
      messageId: 'src-old',
      conversation: { type: 'group', id: groupId! },
      from: 'user000001',
      to: groupId!,
      sentAt: NOW - 90 * HOUR,
      contents: [{ type: 'text', text: 'before the group' }],
    };
    const [result] = await writer().importHistory(h.target, [old], h.ctx);
    expect(result).toMatchObject({
      key: 'src-old',
      status: 'skipped',
      reason: expect.stringMatching(/older than the group/i),
    });
  });

  it('keeps order within a second for second-precision sources, deterministically', async () => {
    const base: Omit<HistoryMessage, 'messageId' | 'sequence'> = {
      conversation: { type: 'direct', id: 'user000005' },
      from: 'user000006',
      to: 'user000005',
      sentAt: NOW - 2 * HOUR,
      contents: [{ type: 'text', text: 'same second' }],
    };
    const results = await writer().importHistory(
      h.target,
      [
        { ...base, messageId: '7_1_1', sequence: 7 },
        { ...base, messageId: '8_1_1', sequence: 8 },
      ],
      h.ctx,
    );
    expect(statuses(results)).toEqual(['done']);
    const records = target().history['chat:user000005|user000006']!;
    expect(records.map((r) => r.timestamp)).toEqual([NOW - 2 * HOUR + 7, NOW - 2 * HOUR + 8]);
  });

  it('imports contacts (both directions) and blocklists; re-runs answer exists', async () => {
    for (const { username } of h.seed.users) {
      const contacts = await readAll((c) => reader().contacts(h.source, username, c, h.ctx));
      for (const batch of chunks(contacts, 10)) {
        const results = await writer().importContacts(h.target, username, batch, h.ctx);
        expect(results.map((r) => r.key)).toEqual(batch.map((c) => c.friend));
        expect(results.every((r) => r.status === 'done' || r.status === 'exists')).toBe(true);
      }
      const blocks = await readAll((c) => reader().blocklist(h.source, username, c, h.ctx));
      expect(statuses(await writer().importBlocks(h.target, username, blocks, h.ctx))).toEqual(
        blocks.length > 0 ? ['done'] : [],
      );
      expect(statuses(await writer().importBlocks(h.target, username, blocks, h.ctx))).toEqual(
        blocks.length > 0 ? ['exists'] : [],
      );
    }
    for (const { username } of h.seed.users) {
      expect(sorted(target().contacts[username] ?? [])).toEqual(sorted(source().contacts[username] ?? []));
      expect(sorted(target().blocks[username] ?? [])).toEqual(sorted(source().blocks[username] ?? []));
    }
  });

  it('fails only the unknown friend of a batch', async () => {
    const results = await writer().importContacts(
      h.target,
      'fresh1',
      [
        { owner: 'fresh1', friend: 'fresh2' },
        { owner: 'fresh1', friend: 'nobody' },
      ],
      h.ctx,
    );
    expect(results.map((r) => [r.key, r.status])).toEqual([
      ['fresh2', 'done'],
      ['nobody', 'failed'],
    ]);
  });

  it('paces every call under an API name that has a limit in apiLimits', () => {
    const limited = new Set(h.provider.apiLimits.map((l) => l.api));
    expect([...new Set(h.calls)].filter((api) => !limited.has(api))).toEqual([]);
  });
});

describe('Easemob migration writer with custom ids', () => {
  it('creates groups and rooms under their mapped ids; a re-run finds the group', async () => {
    const custom = await startHarness(SMALL_SPEC, { customIds: true });
    try {
      const accounts = await readAll((c) =>
        custom.provider.migration.reader.accounts!(custom.source, c, custom.ctx),
      );
      await custom.provider.migration.writer.importAccounts(
        custom.target,
        accounts,
        { passwordFor: password },
        custom.ctx,
      );
      const [group] = await readAll((c) =>
        custom.provider.migration.reader.groups(custom.source, c, custom.ctx),
      );
      const w = custom.provider.migration.writer;
      expect(await w.importGroup(custom.target, group!, custom.ctx)).toEqual({
        key: group!.groupId,
        status: 'done',
        targetId: group!.groupId,
      });
      expect(await w.importGroup(custom.target, group!, custom.ctx)).toEqual({
        key: group!.groupId,
        status: 'exists',
        targetId: group!.groupId,
      });
      expect(custom.emulator.inspect('org#target').chatgroups.map((g) => g.groupid)).toEqual([
        group!.groupId,
      ]);
      const [room] = await readAll((c) =>
        custom.provider.migration.reader.chatrooms(custom.source, c, custom.ctx),
      );
      expect(await w.importChatroom(custom.target, room!, custom.ctx)).toMatchObject({
        status: 'done',
        targetId: room!.roomId,
      });
      expect(await w.importChatroom(custom.target, room!, custom.ctx)).toMatchObject({
        status: 'exists',
        targetId: room!.roomId,
      });
    } finally {
      await custom.emulator.close();
    }
  });
});
