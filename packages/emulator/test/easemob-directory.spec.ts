import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { easemobApp, refusal } from './easemob-migration.helpers.js';

// Users, user attributes, contacts and blocklists (migration facts §2.1–2.5).
let app: Awaited<ReturnType<typeof easemobApp>>;
beforeAll(async () => {
  app = await easemobApp();
  await app.users('alice', 'bob', 'carol', 'dave');
});
afterAll(() => app.emu.close());

describe('Easemob batch registration (§2.1)', () => {
  it('reports users that exist in data[] and creates the others', async () => {
    const res = await app.call('POST', '/users', [
      { username: 'alice', password: 'x' },
      { username: 'erin', password: 'x' },
    ]);
    expect(res.status).toBe(200);
    expect(res.json['entities'].map((e: { username: string }) => e.username)).toEqual(['erin']);
    expect(res.json['data']).toEqual([{ username: 'alice', registerUserFailReason: expect.any(String) }]);
  });

  it('refuses more than 60 users, a missing password, and one name with two passwords', async () => {
    const many = Array.from({ length: 61 }, (_, i) => ({ username: `u${i}`, password: 'p' }));
    expect(refusal(await app.call('POST', '/users', many)).slice(0, 2)).toEqual([400, 'illegal_argument']);
    expect(refusal(await app.call('POST', '/users', [{ username: 'nopw' }]))).toEqual([
      400,
      'illegal_argument',
      'password or pin must provided',
    ]);
    const twice = await app.call('POST', '/users', [
      { username: 'twin', password: 'a' },
      { username: 'twin', password: 'b' },
    ]);
    expect(refusal(twice).slice(0, 2)).toEqual([400, 'duplicate_unique_property_exists']);
  });
});

describe('Easemob user list (§2.2)', () => {
  it('lists users in creation order with a cursor until the last page, without passwords', async () => {
    const first = await app.call('GET', '/users?limit=2');
    expect(first.json['entities'].map((e: { username: string }) => e.username)).toEqual(['alice', 'bob']);
    expect(first.json['cursor']).toEqual(expect.any(String));
    expect(first.json['entities'][0]).not.toHaveProperty('password');
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await app.call(
        'GET',
        `/users?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      names.push(...page.json['entities'].map((e: { username: string }) => e.username));
      cursor = page.json['cursor'];
    } while (cursor);
    expect(names).toEqual(['alice', 'bob', 'carol', 'dave', 'erin']);
  });

  it('refuses a limit outside 1–100', async () => {
    expect((await app.call('GET', '/users?limit=101')).status).toBe(400);
    expect((await app.call('GET', '/users?limit=0')).status).toBe(400);
  });
});

describe('Easemob user attributes (§2.3)', () => {
  const form = { 'content-type': 'application/x-www-form-urlencoded' };

  it('sets attributes from a form and answers them as the example prints', async () => {
    const res = await app.call(
      'PUT',
      '/metadata/user/alice',
      'avatarurl=https://www.easemob.com/avatar.png&ext=ext&nickname=nickname',
      form,
    );
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      timestamp: expect.any(Number),
      data: { avatarurl: 'https://www.easemob.com/avatar.png', ext: 'ext', nickname: 'nickname' },
      duration: expect.any(Number),
    });
  });

  it('refuses a JSON body with 415', async () => {
    const res = await app.call('PUT', '/metadata/user/alice', { nickname: 'x' });
    expect(res.status).toBe(415);
  });

  it('refuses a nickname over 64 characters and more than 2 KB per user', async () => {
    expect((await app.call('PUT', '/metadata/user/bob', `nickname=${'n'.repeat(65)}`, form)).status).toBe(
      400,
    );
    expect((await app.call('PUT', '/metadata/user/bob', `ext=${'e'.repeat(2100)}`, form)).status).toBe(400);
  });

  it('gets ≤ 100 users at once; missing users and keys come back as {}', async () => {
    const res = await app.call('POST', '/metadata/user/get', {
      targets: ['alice', 'nobody'],
      properties: ['nickname', 'sign'],
    });
    expect(res.json['data']).toEqual({ alice: { nickname: 'nickname' }, nobody: {} });
    const many = Array.from({ length: 101 }, (_, i) => `u${i}`);
    expect((await app.call('POST', '/metadata/user/get', { targets: many, properties: [] })).status).toBe(
      400,
    );
  });
});

describe('Easemob contacts (§2.4)', () => {
  it('adds a friend in both directions; the list is newest first', async () => {
    expect((await app.call('POST', '/users/alice/contacts/users/bob')).status).toBe(200);
    expect((await app.call('POST', '/users/alice/contacts/users/carol')).status).toBe(200);
    expect((await app.call('GET', '/users/alice/contacts/users')).json['data']).toEqual(['carol', 'bob']);
    expect((await app.call('GET', '/users/bob/contacts/users')).json['data']).toEqual(['alice']);
  });

  it('imports ≤ 10 friends a call, reporting unknown users', async () => {
    const res = await app.call('POST', '/users/dave/contacts/import', { usernames: ['erin', 'ghost'] });
    expect(res.json['data']).toEqual({
      success: ['erin'],
      UnKnowFailed: [],
      NotExistFailed: ['ghost'],
      maxLimitFailed: [],
    });
    // Two-way by default (the docs do not say).
    expect((await app.call('GET', '/users/erin/contacts/users')).json['data']).toEqual(['dave']);
    const eleven = Array.from({ length: 11 }, (_, i) => `u${i}`);
    expect(refusal(await app.call('POST', '/users/dave/contacts/import', { usernames: eleven }))).toEqual([
      400,
      'illegal_argument',
      'request user over flow limit:10',
    ]);
  });

  it('answers 404 for an unknown owner or friend', async () => {
    expect((await app.call('POST', '/users/alice/contacts/users/ghost')).status).toBe(404);
    expect((await app.call('GET', '/users/ghost/contacts/users')).status).toBe(404);
  });
});

describe('Easemob contact import one-way (option)', () => {
  it('adds the friend on the owner list only', async () => {
    const one = await easemobApp({ contactImport: 'one-way' });
    try {
      await one.users('a', 'b');
      await one.call('POST', '/users/a/contacts/import', { usernames: ['b'] });
      expect(one.emu.inspect('org1#app1').contacts).toEqual({ a: ['b'] });
    } finally {
      await one.emu.close();
    }
  });
});

describe('Easemob blocklist (§2.5)', () => {
  it('blocks any user; a blocked friend stays a friend; pages newest first, ≤ 50', async () => {
    expect(
      (await app.call('POST', '/users/alice/blocks/users', { usernames: ['bob', 'dave'] })).json['data'],
    ).toEqual(['bob', 'dave']);
    const page = await app.call('GET', '/users/alice/blocks/users?pageSize=1');
    expect([page.json['data'], typeof page.json['cursor']]).toEqual([['dave'], 'string']);
    const next = await app.call(
      'GET',
      `/users/alice/blocks/users?pageSize=1&cursor=${encodeURIComponent(page.json['cursor'])}`,
    );
    expect([next.json['data'], next.json['cursor']]).toEqual([['bob'], undefined]);
    expect((await app.call('GET', '/users/alice/contacts/users')).json['data']).toContain('bob');
    expect((await app.call('GET', '/users/alice/blocks/users?pageSize=51')).status).toBe(400);
  });

  it('refuses more than 500 blocked users per user', async () => {
    const names = Array.from({ length: 501 }, (_, i) => `b${i}`);
    for (let i = 0; i < names.length; i += 60) await app.users(...names.slice(i, i + 60));
    expect(
      refusal(await app.call('POST', '/users/carol/blocks/users', { usernames: names })).slice(0, 2),
    ).toEqual([403, 'exceed_limit']);
  });
});
