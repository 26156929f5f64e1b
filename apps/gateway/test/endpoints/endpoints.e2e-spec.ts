import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { easemobAppBody, startGateway, type RunningGateway } from '../support/gateway.js';

let gw: RunningGateway;
let strict: RunningGateway;
let appId: string;

beforeAll(async () => {
  gw = await startGateway();
  strict = await startGateway({ env: { ENDPOINTS_ALLOW_PRIVATE: 'false' } });
  appId = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
});
afterAll(async () => {
  await gw.close();
  await strict.close();
});

describe('endpoints API', () => {
  it('creates an endpoint with a whsec_ secret shown in the answer, stored encrypted', async () => {
    const res = await gw.call('POST', `/v1/apps/${appId}/endpoints`, {
      body: {
        url: 'http://127.0.0.1:9/hook',
        eventTypes: ['message.*', 'group.member.*'],
        description: 'backend',
        headers: { 'x-tenant': 'shop' },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      url: 'http://127.0.0.1:9/hook',
      eventTypes: ['message.*', 'group.member.*'],
      disabled: false,
      ordering: 'none',
      headers: { 'x-tenant': 'shop' },
    });
    const secret: string = res.body.secret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const bytes = Buffer.from(secret.slice('whsec_'.length), 'base64').length;
    expect(bytes).toBeGreaterThanOrEqual(24);
    expect(bytes).toBeLessThanOrEqual(64);
    const rows: Record<string, unknown>[] = await gw.app.get(DataSource).query('SELECT * FROM endpoints');
    expect(JSON.stringify(rows)).not.toContain(secret.slice('whsec_'.length));
    const got = await gw.call('GET', `/v1/apps/${appId}/endpoints/${res.body.id}`);
    expect(got.body).not.toHaveProperty('secret');
    expect((await gw.call('GET', `/v1/apps/${appId}/endpoints/${res.body.id}/secret`)).body.secret).toBe(
      secret,
    );
  });

  it('lists, updates, pauses and deletes', async () => {
    const id = (
      await gw.call('POST', `/v1/apps/${appId}/endpoints`, { body: { url: 'http://127.0.0.1:9/a' } })
    ).body.id;
    const patched = await gw.call('PATCH', `/v1/apps/${appId}/endpoints/${id}`, {
      body: { disabled: true, ordering: 'conversation', eventTypes: [] },
    });
    expect(patched.body).toMatchObject({ disabled: true, ordering: 'conversation', eventTypes: [] });
    const list = await gw.call('GET', `/v1/apps/${appId}/endpoints`);
    expect(list.body.data.map((e: { id: string }) => e.id)).toContain(id);
    expect((await gw.call('DELETE', `/v1/apps/${appId}/endpoints/${id}`)).status).toBe(204);
    expect((await gw.call('GET', `/v1/apps/${appId}/endpoints/${id}`)).status).toBe(404);
  });

  it.each([
    [{ url: 'ftp://example.com/' }, 'url'],
    [{ url: 'http://127.0.0.1:9/', eventTypes: ['mesage.*'] }, 'eventTypes'],
    [{ url: 'http://127.0.0.1:9/', headers: { 'webhook-signature': 'forged' } }, 'headers'],
    [{ url: 'http://127.0.0.1:9/', headers: { 'x-a': 'line\r\nbreak' } }, 'headers'],
    [{ url: 'http://127.0.0.1:9/', ordering: 'global' }, 'ordering'],
  ])('refuses %j with a field-level error', async (body, field) => {
    const res = await gw.call('POST', `/v1/apps/${appId}/endpoints`, { body });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('keeps other tenants out', async () => {
    const other = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
    const key = (await gw.call('POST', `/v1/apps/${other}/api-keys`, { body: { name: 'k' } })).body.key;
    const id = (
      await gw.call('POST', `/v1/apps/${appId}/endpoints`, { body: { url: 'http://127.0.0.1:9/x' } })
    ).body.id;
    expect((await gw.call('GET', `/v1/apps/${appId}/endpoints/${id}/secret`, { token: key })).status).toBe(
      403,
    );
    expect((await gw.call('GET', `/v1/apps/${other}/endpoints/${id}`, { token: key })).status).toBe(404);
    expect(
      (
        await gw.call('POST', `/v1/apps/${other}/endpoints`, {
          token: key,
          body: { url: 'http://127.0.0.1:9/y' },
        })
      ).status,
    ).toBe(201);
  });
});

describe('SSRF guard at creation (ENDPOINTS_ALLOW_PRIVATE=false)', () => {
  let app: string;
  beforeAll(async () => {
    app = (await strict.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
  });

  it.each([
    'http://127.0.0.1/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
    'http://localhost:8080/hook',
    'http://[::1]/',
    // IPv4-compatible IPv6 (deprecated ::/96): loopback, the metadata service and 10/8 written as IPv6.
    'http://[::127.0.0.1]/',
    'http://[::a9fe:a9fe]/latest/meta-data/',
    'http://[::a00:1]/',
  ])('refuses %s', async (url) => {
    const res = await strict.call('POST', `/v1/apps/${app}/endpoints`, { body: { url } });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { field: 'url', message: expect.stringMatching(/private|loopback|link-local|reserved/) },
    ]);
  });

  it('accepts a public address and refuses a private one on update', async () => {
    const created = await strict.call('POST', `/v1/apps/${app}/endpoints`, {
      body: { url: 'https://93.184.216.34/hook' },
    });
    expect(created.status).toBe(201);
    const res = await strict.call('PATCH', `/v1/apps/${app}/endpoints/${created.body.id}`, {
      body: { url: 'http://10.1.2.3/' },
    });
    expect(res.status).toBe(400);
    expect((await strict.call('GET', `/v1/apps/${app}/endpoints/${created.body.id}`)).body.url).toBe(
      'https://93.184.216.34/hook',
    );
  });
});
