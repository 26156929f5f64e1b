import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { easemobApp, HOUR, NOW, refusal } from './easemob-migration.helpers.js';

// Groups and chat rooms (migration facts §2.7, §2.8).
let app: Awaited<ReturnType<typeof easemobApp>>;
let group: string;
beforeAll(async () => {
  app = await easemobApp();
  await app.users('owner', 'm1', 'm2', 'm3', 'm4');
  const res = await app.call('POST', '/chatgroups', {
    groupname: 'g',
    description: 'd',
    public: true,
    membersonly: true,
    maxusers: 4,
    owner: 'owner',
    members: ['m1'],
    custom: 'c',
  });
  group = res.json['data']['groupid'];
});
afterAll(() => app.emu.close());

describe('Easemob group creation (§2.7)', () => {
  it('requires public and owner, and checks the documented lengths', async () => {
    expect(
      refusal(await app.call('POST', '/chatgroups', { groupname: 'g', owner: 'owner' })).slice(0, 2),
    ).toEqual([400, 'invalid_parameter']);
    const long = await app.call('POST', '/chatgroups', {
      groupname: 'g'.repeat(129),
      public: true,
      owner: 'owner',
    });
    expect(long.status).toBe(400);
    const custom = await app.call('POST', '/chatgroups', {
      groupname: 'g',
      public: true,
      owner: 'owner',
      custom: 'c'.repeat(8 * 1024 + 1),
    });
    expect(custom.status).toBe(400);
  });

  it('takes no creation time: the group is created now', async () => {
    const [details] = (await app.call('GET', `/chatgroups/${group}`)).json['data'];
    expect(details).toMatchObject({
      id: group,
      name: 'g',
      owner: 'owner',
      created: NOW,
      public: true,
      membersonly: true,
      custom: 'c',
      mute: false,
      affiliations_count: 2,
    });
    expect(details.affiliations).toEqual([{ owner: 'owner' }, { member: 'm1' }]);
  });

  it('gives the details of up to 100 groups named in one path (about 1,600 characters), and refuses 101', async () => {
    const ids = [group, ...Array.from({ length: 99 }, (_, i) => String(100_000_000_000_000 + i))];
    const res = await app.call('GET', `/chatgroups/${ids.join(',')}`);
    expect(res.status).toBe(200);
    expect(res.json['data'].map((g: { id: string }) => g.id)).toEqual([group]);
    const over = await app.call('GET', `/chatgroups/${[...ids, '1'].join(',')}`);
    expect(refusal(over).slice(0, 2)).toEqual([400, 'illegal_argument']);
  });

  it('refuses a custom group id unless enabled', async () => {
    const res = await app.call('POST', '/chatgroups', {
      groupid: 'mine1',
      groupname: 'g',
      public: true,
      owner: 'owner',
    });
    expect(refusal(res).slice(0, 2)).toEqual([400, 'invalid_parameter']);
  });
});

describe('Easemob group members, admins and mutes (§2.7)', () => {
  it('adds ≤ 60 members with no join time; all already members → 403', async () => {
    app.clock.now = NOW + HOUR;
    const res = await app.call('POST', `/chatgroups/${group}/users?need_notify=false`, {
      usernames: ['m2', 'm1'],
    });
    expect(res.json['data']).toEqual({ newmembers: ['m2'], groupid: group, action: 'add_member' });
    expect((await app.call('POST', `/chatgroups/${group}/users`, { usernames: ['m1'] })).status).toBe(403);
    const sixtyOne = Array.from({ length: 61 }, (_, i) => `x${i}`);
    expect((await app.call('POST', `/chatgroups/${group}/users`, { usernames: sixtyOne })).status).toBe(400);
    // An unknown user is refused; maxusers 4 holds owner, m1, m2 and one more.
    expect(refusal(await app.call('POST', `/chatgroups/${group}/users`, { usernames: ['ghost'] }))[0]).toBe(
      404,
    );
    const full = await app.call('POST', `/chatgroups/${group}/users`, { usernames: ['m3', 'm4'] });
    expect(refusal(full).slice(0, 2)).toEqual([403, 'exceed_limit']);
  });

  it('lists members with join times; admins appear as member and come from the admin list', async () => {
    expect((await app.call('POST', `/chatgroups/${group}/admin`, { newadmin: 'm1' })).json['data']).toEqual({
      result: 'success',
      newadmin: 'm1',
    });
    const members = await app.call('GET', `/chatgroups/${group}/users?pagenum=1&pagesize=2&joined_time=true`);
    expect(members.json['data']).toEqual([
      { owner: 'owner', joined_time: NOW },
      { member: 'm1', joined_time: NOW },
    ]);
    const second = await app.call('GET', `/chatgroups/${group}/users?pagenum=2&pagesize=2&joined_time=true`);
    expect(second.json['data']).toEqual([{ member: 'm2', joined_time: NOW + HOUR }]);
    expect((await app.call('GET', `/chatgroups/${group}/admin`)).json['data']).toEqual(['m1']);
    expect((await app.call('POST', `/chatgroups/${group}/admin`, { newadmin: 'owner' })).status).toBe(403);
    expect((await app.call('GET', `/chatgroups/${group}/users?pagesize=1001`)).status).toBe(400);
  });

  it('mutes for a duration in ms or for ever (-1); the owner cannot be muted', async () => {
    const res = await app.call('POST', `/chatgroups/${group}/mute`, {
      usernames: ['m1'],
      mute_duration: 60_000,
    });
    expect(res.json['data']).toEqual([{ result: true, expire: NOW + HOUR + 60_000, user: 'm1' }]);
    await app.call('POST', `/chatgroups/${group}/mute`, { usernames: ['m2'], mute_duration: -1 });
    expect((await app.call('GET', `/chatgroups/${group}/mute`)).json['data']).toEqual([
      { expire: NOW + HOUR + 60_000, user: 'm1' },
      { expire: -1, user: 'm2' },
    ]);
    expect(
      refusal(
        await app.call('POST', `/chatgroups/${group}/mute`, { usernames: ['owner'], mute_duration: -1 }),
      ).slice(0, 2),
    ).toEqual([403, 'forbidden_op']);
    // An ended mute is no longer listed.
    app.clock.now = NOW + 2 * HOUR;
    expect((await app.call('GET', `/chatgroups/${group}/mute`)).json['data']).toEqual([
      { expire: -1, user: 'm2' },
    ]);
  });

  it('lists groups newest first with a cursor, owner as the example prints it', async () => {
    const second = (await app.call('POST', '/chatgroups', { groupname: 'g2', public: false, owner: 'm3' }))
      .json['data']['groupid'];
    const page = await app.call('GET', '/chatgroups?limit=1');
    expect(page.json['data']).toEqual([
      {
        owner: 'org1#app1_m3',
        groupid: second,
        affiliations: 1,
        type: 'group',
        lastModified: String(NOW + 2 * HOUR),
        groupname: 'g2',
      },
    ]);
    const next = await app.call(
      'GET',
      `/chatgroups?limit=1&cursor=${encodeURIComponent(page.json['cursor'])}`,
    );
    expect(next.json['data'].map((g: { groupid: string }) => g.groupid)).toEqual([group]);
    expect(next.json['cursor']).toBeUndefined();
    expect((await app.call('GET', '/chatgroups?limit=1001')).status).toBe(400);
  });

  it('gives the details of many groups in one path, however long the comma-separated list', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++)
      ids.push(
        (await app.call('POST', '/chatgroups', { groupname: `many${i}`, public: false, owner: 'm1' })).json[
          'data'
        ]['groupid'],
      );
    const path = `/chatgroups/${ids.join(',')}`;
    expect(path.length).toBeGreaterThan(100);
    const res = await app.call('GET', path);
    expect(res.status).toBe(200);
    expect(res.json['data'].map((g: { id: string }) => g.id)).toEqual(ids);
  });

  it('answers 404 for an unknown group', async () => {
    expect(refusal(await app.call('GET', '/chatgroups/999/users')).slice(0, 2)).toEqual([
      404,
      'service_resource_not_found',
    ]);
  });

  it('mute-all sets the group mute flag', async () => {
    await app.call('POST', `/chatgroups/${group}/ban`, {});
    expect((await app.call('GET', `/chatgroups/${group}`)).json['data'][0].mute).toBe(true);
  });
});

describe('Easemob chat rooms (§2.8)', () => {
  it('creates a room with members (description required), lists it, its members and admins', async () => {
    expect((await app.call('POST', '/chatrooms', { name: 'r', owner: 'owner' })).status).toBe(400);
    const id = (
      await app.call('POST', '/chatrooms', {
        name: 'r',
        description: 'd',
        owner: 'owner',
        members: ['m1', 'm2'],
      })
    ).json['data']['id'];
    await app.call('POST', `/chatrooms/${id}/admin`, { newadmin: 'm2' });
    expect((await app.call('GET', '/chatrooms?limit=10')).json['data']).toEqual([
      { id, name: 'r', owner: 'owner', affiliations_count: 3 },
    ]);
    expect((await app.call('GET', `/chatrooms/${id}/users?pagenum=1&pagesize=10`)).json['data']).toEqual([
      { owner: 'owner' },
      { member: 'm1' },
      { member: 'm2' },
    ]);
    expect((await app.call('GET', `/chatrooms/${id}/admin`)).json['data']).toEqual(['m2']);
    expect(
      (
        await app.call('POST', '/chatrooms', {
          name: 'r',
          description: 'd',
          owner: 'owner',
          maxusers: 10_001,
        })
      ).status,
    ).toBe(400);
  });
});

describe('Easemob directory rate limits', () => {
  it('allows 50 chat room creations a second, then answers 429 reach_limit', async () => {
    const limited = await easemobApp({ rateLimits: true });
    try {
      await limited.users('o');
      const statuses = await Promise.all(
        Array.from({ length: 51 }, () =>
          limited.call('POST', '/chatrooms', { name: 'r', description: 'd', owner: 'o' }),
        ),
      );
      expect(statuses.filter((s) => s.status === 429)).toHaveLength(1);
      expect(statuses.find((s) => s.status === 429)?.json['error']).toBe('reach_limit');
    } finally {
      await limited.emu.close();
    }
  });
});
