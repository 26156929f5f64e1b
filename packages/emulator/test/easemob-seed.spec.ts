import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_SEED_SPEC, generateEasemobSeed, type SeedSpec } from '../src/index.js';
import { parseSeedSpec } from '../src/seed/seed-flags.js';
import { easemobApp, HOUR, NOW } from './easemob-migration.helpers.js';

const SPEC: SeedSpec = {
  ...DEFAULT_SEED_SPEC,
  accounts: 50,
  groups: 5,
  membersPerGroup: 8,
  adminsPerGroup: 2,
  mutesPerGroup: 2,
  chatrooms: 3,
  membersPerChatroom: 5,
  contactsPerUser: 4,
  blocksPerUser: 2,
  messages: 400,
  now: NOW,
  windowHours: 48,
  seed: 3,
};

describe('generateEasemobSeed', () => {
  const seed = generateEasemobSeed(SPEC);

  it('is deterministic: the same spec gives the same seed, another PRNG seed another one', () => {
    expect(generateEasemobSeed(SPEC)).toEqual(seed);
    expect(generateEasemobSeed({ ...SPEC, seed: 4 })).not.toEqual(seed);
  });

  it('has the size of the spec', () => {
    expect(seed.users).toHaveLength(50);
    expect(Object.keys(seed.metadata!)).toHaveLength(50);
    expect(seed.chatgroups).toHaveLength(5);
    expect(seed.chatrooms).toHaveLength(3);
    expect(seed.messages).toHaveLength(400);
    for (const g of seed.chatgroups!) {
      expect(g.members).toHaveLength(7);
      expect(g.admins).toHaveLength(2);
      expect(g.mutes).toHaveLength(2);
      expect(g.members.every((m) => m.joined_time > g.created)).toBe(true);
    }
    for (const r of seed.chatrooms!) expect(r.members).toHaveLength(4);
    for (const u of seed.users) {
      expect(seed.contacts![u.username]).toHaveLength(4);
      expect(seed.blocks![u.username]).toHaveLength(2);
    }
  });

  it('lists every friendship on both sides', () => {
    for (const [owner, friends] of Object.entries(seed.contacts!))
      for (const f of friends) expect(seed.contacts![f]).toContain(owner);
  });

  it('has every message type in direct, group and room chats, oldest first, inside the window before now', () => {
    const messages = seed.messages!;
    expect(new Set(messages.map((m) => m.payload.bodies[0]!['type']))).toEqual(
      new Set(['txt', 'img', 'audio', 'video', 'file', 'loc', 'cmd', 'custom']),
    );
    expect(new Set(messages.map((m) => m.chat_type))).toEqual(new Set(['chat', 'groupchat', 'chatroom']));
    const times = messages.map((m) => m.timestamp);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.every((t) => t > NOW - 48 * HOUR && t < NOW)).toBe(true);
    expect(new Set(messages.map((m) => m.msg_id)).size).toBe(messages.length);
    // Group history is newer than its group, so it could be imported into a group created as long ago.
    for (const m of messages.filter((x) => x.chat_type === 'groupchat'))
      expect(m.timestamp).toBeGreaterThan(seed.chatgroups!.find((g) => g.groupid === m.to)!.created);
  });

  it('keeps history inside the 3-day export window even when the spec asks for more', () => {
    const wide = generateEasemobSeed({ ...SPEC, windowHours: 200, messages: 20 });
    expect(wide.messages!.every((m) => m.timestamp >= NOW - 72 * HOUR)).toBe(true);
  });

  it('makes the default spec (5000 accounts, 50000 messages) quickly', () => {
    const started = Date.now();
    const big = generateEasemobSeed(DEFAULT_SEED_SPEC);
    expect([big.users.length, big.chatgroups!.length, big.messages!.length]).toEqual([5000, 200, 50_000]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('parseSeedSpec', () => {
  it('reads key=value pairs over the default spec and refuses unknown keys or non-numbers', () => {
    expect(parseSeedSpec('accounts=5,messages=10', 123)).toEqual({
      ...DEFAULT_SEED_SPEC,
      accounts: 5,
      messages: 10,
      now: 123,
    });
    expect(() => parseSeedSpec('acounts=5', 1)).toThrow(/unknown key "acounts"/);
    expect(() => parseSeedSpec('accounts=many', 1)).toThrow(/whole number/);
  });
});

describe('emulator.seed and inspect', () => {
  let app: Awaited<ReturnType<typeof easemobApp>>;
  const seed = generateEasemobSeed(SPEC);
  beforeAll(async () => {
    app = await easemobApp();
    app.emu.seed('org1#app1', seed);
  });
  afterAll(() => app.emu.close());

  it('inspects back exactly what was seeded', () => {
    const state = app.emu.inspect('org1/app1');
    expect(state.users).toEqual(seed.users.map((u) => ({ username: u.username, created: u.created })));
    expect(state.metadata).toEqual(seed.metadata);
    expect(state.contacts).toEqual(seed.contacts);
    expect(state.blocks).toEqual(seed.blocks);
    expect(state.chatrooms).toEqual(seed.chatrooms);
    for (const g of seed.chatgroups!) {
      const held = state.chatgroups.find((x) => x.groupid === g.groupid)!;
      expect(held.members.map((m) => [m.username, m.joined_time])).toEqual([
        [g.owner, g.created],
        ...g.members.map((m) => [m.username, m.joined_time]),
      ]);
      expect(held.members.filter((m) => m.role === 'admin').map((m) => m.username)).toEqual(g.admins);
      expect(held.mutes).toEqual(g.mutes);
    }
    const history = Object.values(state.history).flat();
    expect(history).toHaveLength(seed.messages!.length);
    expect(history.every((r) => r.source === 'seeded')).toBe(true);
  });

  it('serves the seeded directory through the REST APIs (registered ids)', async () => {
    const users = await app.call('GET', '/users?limit=100');
    expect(users.json['entities']).toHaveLength(50);
    const group = seed.chatgroups![0]!;
    expect((await app.call('GET', `/chatgroups/${group.groupid}/admin`)).json['data']).toEqual(group.admins);
  });

  it('serves the same state over HTTP', async () => {
    const res = await fetch(`${app.emu.url}/_emulator/apps/org1/app1/state`);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(app.emu.inspect('org1#app1'))));
    expect((await fetch(`${app.emu.url}/_emulator/apps/org1/nope/state`)).status).toBe(404);
  });

  it('throws for an unknown app', () => {
    expect(() => app.emu.seed('no#app', seed)).toThrow(/unknown Easemob app/);
  });
});
