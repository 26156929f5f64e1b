import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  PUBLIC_BASE_URL,
  easemobAppBody,
  startGateway,
  tencentAppBody,
  type RunningGateway,
} from '../support/gateway.js';

let gw: RunningGateway;

beforeAll(async () => {
  gw = await startGateway();
});
afterAll(async () => {
  await gw.close();
});

const SECRET_VALUES = [
  'YXA6client-secret-value',
  'callback-secret-value',
  'tencent-secret-key-value',
  'tencent-callback-token',
];

describe('apps', () => {
  it('creates an Easemob app and answers with its callback URL and no secrets', async () => {
    const res = await gw.call('POST', '/v1/apps', { body: easemobAppBody() });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'shop',
      provider: 'easemob',
      callbackUrl: `${PUBLIC_BASE_URL}/callbacks/easemob/${res.body.id}`,
      config: { orgName: '1102190223222824', appName: 'lxml', clientId: 'YXA6client-id' },
      secretsSet: ['callbackSecret', 'clientSecret'],
      retention: {},
      reconcile: { enabled: false },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
  });

  it('creates a Tencent app with the documented body', async () => {
    const res = await gw.call('POST', '/v1/apps', {
      body: tencentAppBody({ baseUrl: 'http://127.0.0.1:5802' }),
    });
    expect(res.status).toBe(201);
    expect(res.body.config).toEqual({
      sdkAppId: 1400000000,
      adminIdentifier: 'administrator',
      baseUrl: 'http://127.0.0.1:5802',
    });
    expect(res.body.callbackUrl).toBe(`${PUBLIC_BASE_URL}/callbacks/tencent/${res.body.id}`);
  });

  it('keeps secrets out of every response and out of the database in plain text', async () => {
    const created = await gw.call('POST', '/v1/apps', { body: tencentAppBody() });
    const easemob = await gw.call('POST', '/v1/apps', { body: easemobAppBody() });
    const responses = [
      created,
      easemob,
      await gw.call('GET', `/v1/apps/${created.body.id}`),
      await gw.call('GET', '/v1/apps'),
      await gw.call('PATCH', `/v1/apps/${created.body.id}`, { body: { name: 'renamed' } }),
    ];
    for (const r of responses) for (const secret of SECRET_VALUES) expect(r.text).not.toContain(secret);

    const rows: Record<string, unknown>[] = await gw.app.get(DataSource).query('SELECT * FROM apps');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const dump = JSON.stringify(rows);
    for (const secret of SECRET_VALUES) expect(dump).not.toContain(secret);
    const row = rows.find((r) => r.id === created.body.id) as { secrets_encrypted: string };
    expect(row.secrets_encrypted).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('refuses an invalid provider config with a field-level message', async () => {
    const res = await gw.call('POST', '/v1/apps', {
      body: easemobAppBody({ clientId: '', orgName: 'has space' }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('provider_config_invalid');
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        { field: 'config.clientId', message: 'clientId should not be empty' },
        { field: 'config.orgName', message: 'orgName must be the org part of the App Key' },
      ]),
    );
  });

  it('refuses a Tencent sdkAppId that is not an integer, and unknown config keys', async () => {
    const res = await gw.call('POST', '/v1/apps', {
      body: tencentAppBody({ sdkAppId: '1400000000', secretKye: 'typo' }),
    });
    expect(res.status).toBe(400);
    const fields = (res.body.error.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['config.sdkAppId', 'config.secretKye']));
  });

  it('refuses an unknown provider and unknown top-level fields', async () => {
    const unknown = await gw.call('POST', '/v1/apps', { body: { ...easemobAppBody(), provider: 'wechat' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'provider', message: 'unknown provider "wechat"' }],
    });
    const extra = await gw.call('POST', '/v1/apps', { body: { ...easemobAppBody(), owner: 'me' } });
    expect(extra.status).toBe(400);
    expect(extra.body.error.details).toEqual([
      { field: 'owner', message: 'property owner should not exist' },
    ]);
  });

  it('updates the name and merges config changes, keeping secrets not given', async () => {
    const created = await gw.call('POST', '/v1/apps', { body: easemobAppBody() });
    const res = await gw.call('PATCH', `/v1/apps/${created.body.id}`, {
      body: { name: 'shop-2', config: { baseUrl: 'http://127.0.0.1:5801' } },
    });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('shop-2');
    expect(res.body.config.baseUrl).toBe('http://127.0.0.1:5801');
    expect(res.body.secretsSet).toEqual(['callbackSecret', 'clientSecret']);
    const invalid = await gw.call('PATCH', `/v1/apps/${created.body.id}`, {
      body: { config: { clientSecret: '' } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('provider_config_invalid');
  });

  it('lists apps page by page with a cursor', async () => {
    for (let i = 0; i < 3; i++)
      await gw.call('POST', '/v1/apps', { body: { ...easemobAppBody(), name: `page-${i}` } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: { id: string }[]; nextCursor: string | null } } = await gw.call(
        'GET',
        `/v1/apps?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((a) => a.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
    const all = await gw.call('GET', '/v1/apps?limit=200');
    expect(seen).toEqual(all.body.data.map((a: { id: string }) => a.id));
  });

  it('deletes an app; afterwards it is 404', async () => {
    const created = await gw.call('POST', '/v1/apps', { body: easemobAppBody() });
    expect((await gw.call('DELETE', `/v1/apps/${created.body.id}`)).status).toBe(204);
    const gone = await gw.call('GET', `/v1/apps/${created.body.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('not_found');
  });
});

describe('authentication and tenant scoping', () => {
  let appA: string;
  let appB: string;
  let keyA: string;

  beforeAll(async () => {
    appA = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
    appB = (await gw.call('POST', '/v1/apps', { body: tencentAppBody() })).body.id;
    keyA = (await gw.call('POST', `/v1/apps/${appA}/api-keys`, { body: { name: 'backend' } })).body.key;
  });

  it('answers 401 without a token or with a wrong one', async () => {
    for (const token of [null, 'wrong-token', `${'x'}${'test-admin-token-0123456789'}`, 'imgw_k_forged']) {
      const res = await gw.call('GET', '/v1/apps', { token });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
    const basic = await gw.call('GET', '/v1/apps', {
      token: null,
      headers: { authorization: 'Basic dGVzdDp0ZXN0' },
    });
    expect(basic.status).toBe(401);
  });

  it('lets an app key read its own app and refuses it on another app with 403', async () => {
    expect((await gw.call('GET', `/v1/apps/${appA}`, { token: keyA })).status).toBe(200);
    const other = await gw.call('GET', `/v1/apps/${appB}`, { token: keyA });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('forbidden');
    expect((await gw.call('GET', `/v1/apps/${appB}/api-keys`, { token: keyA })).status).toBe(403);
    // Another tenant's ids are refused the same way whether they exist or not.
    expect(
      (await gw.call('GET', '/v1/apps/00000000-0000-7000-8000-000000000000', { token: keyA })).status,
    ).toBe(403);
  });

  it('shows an app key only its own app in the list', async () => {
    const res = await gw.call('GET', '/v1/apps', { token: keyA });
    expect(res.body.data.map((a: { id: string }) => a.id)).toEqual([appA]);
  });

  it('refuses admin-only routes to an app key', async () => {
    expect((await gw.call('POST', '/v1/apps', { token: keyA, body: easemobAppBody() })).status).toBe(403);
    expect((await gw.call('PATCH', `/v1/apps/${appA}`, { token: keyA, body: { name: 'x' } })).status).toBe(
      403,
    );
    expect((await gw.call('DELETE', `/v1/apps/${appA}`, { token: keyA })).status).toBe(403);
    expect(
      (await gw.call('POST', `/v1/apps/${appA}/api-keys`, { token: keyA, body: { name: 'y' } })).status,
    ).toBe(403);
  });
});

describe('api keys', () => {
  it('shows a key once, stores only its hash, lists without it, and revokes it', async () => {
    const app = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
    const created = await gw.call('POST', `/v1/apps/${app}/api-keys`, { body: { name: 'svc' } });
    expect(created.status).toBe(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^imgw_k_[\w-]{43}$/);
    expect(key.startsWith(created.body.prefix)).toBe(true);

    const list = await gw.call('GET', `/v1/apps/${app}/api-keys`, { token: key });
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(key);
    expect(list.body.data).toEqual([
      expect.objectContaining({ id: created.body.id, name: 'svc', prefix: created.body.prefix }),
    ]);

    const rows: Record<string, unknown>[] = await gw.app.get(DataSource).query('SELECT * FROM api_keys');
    expect(JSON.stringify(rows)).not.toContain(key);

    expect((await gw.call('DELETE', `/v1/apps/${app}/api-keys/${created.body.id}`)).status).toBe(204);
    expect((await gw.call('GET', `/v1/apps/${app}`, { token: key })).status).toBe(401);
    expect((await gw.call('DELETE', `/v1/apps/${app}/api-keys/${created.body.id}`)).status).toBe(404);
  });

  it('refuses a key for an app that does not exist', async () => {
    const res = await gw.call('POST', '/v1/apps/00000000-0000-7000-8000-000000000000/api-keys', {
      body: { name: 'x' },
    });
    expect(res.status).toBe(404);
  });
});
