import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { HistoryMessage, MigrationGroup, MigrationMember } from '@im-gateway/types';
import { HOUR, NOW, readAll, SMALL_SPEC, sorted, startHarness, type Harness } from './migration-harness.js';

// Reads a generated dataset back from the emulator over HTTP and compares it, item by item, with the seed.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.emulator.close();
});

const reader = () => h.provider.migration.reader;
const GENDER: Record<string, string> = { '0': 'unknown', '1': 'male', '2': 'female' };

describe('Easemob migration reader', () => {
  it('reads every account in creation order, with its creation time, across pages of 100', async () => {
    const accounts = await readAll((c) => reader().accounts!(h.source, c, h.ctx));
    expect(accounts).toEqual(h.seed.users.map((u) => ({ userId: u.username, createdAt: u.created })));
  });

  it('pages accounts with the vendor cursor', async () => {
    const big = await startHarness({ ...SMALL_SPEC, accounts: 230, messages: 0 });
    try {
      const first = await reader().accounts!(big.source, null, big.ctx);
      expect(first.items).toHaveLength(100);
      expect(first.next).not.toBeNull();
      const all = await readAll((c) => reader().accounts!(big.source, c, big.ctx));
      expect(all.map((a) => a.userId)).toEqual(big.seed.users.map((u) => u.username));
    } finally {
      await big.emulator.close();
    }
  });

  it('reads profiles: the common keys by name, phone, mail and ext as custom', async () => {
    const ids = h.seed.users.map((u) => u.username);
    const profiles = await reader().profiles(h.source, ids, h.ctx);
    expect(profiles.map((p) => p.userId)).toEqual(ids);
    for (const { userId, profile } of profiles) {
      const m = h.seed.metadata![userId]!;
      expect(profile).toEqual({
        nickname: m['nickname'],
        avatarUrl: m['avatarurl'],
        gender: GENDER[m['gender']!],
        signature: m['sign'],
        birthday: m['birth'],
        custom: { phone: m['phone'], mail: m['mail'], ext: m['ext'] },
      });
    }
  });

  it('reads each friend list (ids only) and blocklist', async () => {
    for (const { username } of h.seed.users) {
      const contacts = await readAll((c) => reader().contacts(h.source, username, c, h.ctx));
      expect(sorted(contacts.map((c) => c.friend))).toEqual(sorted(h.seed.contacts![username] ?? []));
      expect(contacts.every((c) => c.owner === username && c.addedAt === undefined)).toBe(true);
      const blocks = await readAll((c) => reader().blocklist(h.source, username, c, h.ctx));
      // Newest first, as the vendor lists them.
      expect(blocks.map((b) => b.blocked)).toEqual([...(h.seed.blocks![username] ?? [])].reverse());
    }
  });

  it('reads groups with their details, members with roles and join times, and mutes', async () => {
    const groups = await readAll((c) => reader().groups(h.source, c, h.ctx));
    expect(sorted(groups.map((g) => g.groupId))).toEqual(sorted(h.seed.chatgroups!.map((g) => g.groupid)));
    for (const seeded of h.seed.chatgroups!) {
      const group = groups.find((g) => g.groupId === seeded.groupid)!;
      const expectedGroup: MigrationGroup = {
        groupId: seeded.groupid,
        name: seeded.groupname,
        owner: seeded.owner,
        description: seeded.description,
        avatarUrl: seeded.avatar!,
        public: seeded.public,
        membersOnly: seeded.membersonly,
        maxMembers: seeded.maxusers,
        createdAt: seeded.created,
        muteAll: seeded.mute,
        custom: seeded.custom,
      };
      expect(group).toEqual(expectedGroup);
      const members = await readAll((c) => reader().members(h.source, seeded.groupid, c, h.ctx));
      const expected: MigrationMember[] = [
        { groupId: seeded.groupid, userId: seeded.owner, role: 'owner', joinedAt: seeded.created },
        ...seeded.members.map((m) => ({
          groupId: seeded.groupid,
          userId: m.username,
          role: seeded.admins.includes(m.username) ? ('admin' as const) : ('member' as const),
          joinedAt: m.joined_time,
        })),
      ];
      expect(members).toEqual(expected);
      const mutes = await reader().mutes(h.source, seeded.groupid, h.ctx);
      expect(mutes).toEqual(
        seeded.mutes.map((m) => ({
          groupId: seeded.groupid,
          userId: m.user,
          mutedUntil: m.expire === -1 ? null : m.expire,
        })),
      );
    }
  });

  it('reads chat rooms with owner, members and admins', async () => {
    const rooms = await readAll((c) => reader().chatrooms(h.source, c, h.ctx));
    expect(rooms).toHaveLength(h.seed.chatrooms!.length);
    for (const seeded of h.seed.chatrooms!) {
      const room = rooms.find((r) => r.roomId === seeded.id)!;
      expect(room).toEqual({
        roomId: seeded.id,
        name: seeded.name,
        owner: seeded.owner,
        members: seeded.members,
        admins: seeded.admins,
      });
    }
  });

  it('reads the history of the last 3 days hour by hour, every message once, with its content and record', async () => {
    const window = { from: NOW - 72 * HOUR, to: NOW };
    const history = await readAll((c) => reader().history(h.source, window, c, h.ctx));
    const seeded = h.seed.messages!;
    expect(history.map((m) => m.messageId)).toEqual(seeded.map((m) => m.msg_id));
    const CONVERSATION = { chat: 'direct', groupchat: 'group', chatroom: 'chatroom' } as const;
    const TYPE: Record<string, string> = {
      txt: 'text',
      img: 'image',
      audio: 'audio',
      video: 'video',
      file: 'file',
      loc: 'location',
      cmd: 'command',
      custom: 'custom',
    };
    history.forEach((m: HistoryMessage, i) => {
      const r = seeded[i]!;
      expect([m.conversation, m.from, m.to, m.sentAt]).toEqual([
        { type: CONVERSATION[r.chat_type], id: r.to },
        r.payload.from,
        r.payload.to,
        r.timestamp,
      ]);
      expect(m.contents.map((c) => c.type)).toEqual([TYPE[String(r.payload.bodies[0]!['type'])]]);
      expect(m.ext).toEqual(Object.keys(r.payload.ext).length > 0 ? r.payload.ext : undefined);
      // The export's record as the file holds it, for reconciliation to rebuild the callback from.
      const { source: _source, ...record } = r as typeof r & { source?: unknown };
      expect(m.raw).toEqual(record);
    });
    // Every content type Easemob has is in the generated history.
    expect(new Set(history.map((m) => m.contents[0]!.type)).size).toBe(8);
  });

  it('reads only the asked window, and an hour older than the export keeps is empty, not an error', async () => {
    const window = { from: NOW - 10 * HOUR, to: NOW - 8 * HOUR };
    const history = await readAll((c) => reader().history(h.source, window, c, h.ctx));
    const expected = h.seed.messages!.filter((m) => m.timestamp >= window.from && m.timestamp < window.to);
    expect(history.map((m) => m.messageId)).toEqual(expected.map((m) => m.msg_id));
    const old = await reader().history(
      h.source,
      { from: NOW - 100 * HOUR, to: NOW - 99 * HOUR },
      null,
      h.ctx,
    );
    expect(old).toEqual({ items: [], next: null });
  });

  it('includes messages sent live through the send API', async () => {
    await h.provider.send(
      h.source,
      {
        from: 'user000001',
        to: { type: 'user', ids: ['user000002'] },
        content: { type: 'text', text: 'live' },
      },
      h.ctx,
    );
    const history = await readAll((c) =>
      reader().history(h.source, { from: NOW - HOUR, to: NOW + HOUR }, c, h.ctx),
    );
    expect(history.at(-1)).toMatchObject({
      from: 'user000001',
      to: 'user000002',
      sentAt: NOW,
      contents: [{ type: 'text', text: 'live' }],
    });
  });

  it('paces every call under an API name that has a limit in apiLimits', () => {
    const limited = new Set(h.provider.apiLimits.map((l) => l.api));
    expect(h.calls.length).toBeGreaterThan(10);
    expect([...new Set(h.calls)].filter((api) => !limited.has(api))).toEqual([]);
  });
});
