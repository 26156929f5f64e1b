import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { easemobAppBody, startGateway, type RunningGateway } from '../support/gateway.js';

let gw: RunningGateway;
let appId: string;
let endpointId: string;

beforeAll(async () => {
  gw = await startGateway();
  appId = (await gw.call('POST', '/v1/apps', { body: easemobAppBody() })).body.id;
  endpointId = (
    await gw.call('POST', `/v1/apps/${appId}/endpoints`, { body: { url: 'http://127.0.0.1:9/hook' } })
  ).body.id;
});
afterAll(async () => {
  await gw.close();
});

const expectRefused = (res: { status: number; body: any }, status: number, code: string) => {
  expect({ status: res.status, body: res.body }).toEqual({
    status,
    body: { error: expect.objectContaining({ code, message: expect.any(String) }) },
  });
};

describe('a NUL character is refused with 400 everywhere', () => {
  it.each([
    ['a path id', () => `/v1/apps/${appId}%00`],
    ['a nested path id', () => `/v1/apps/${appId}/endpoints/${endpointId}%00x`],
    ['a query filter', () => `/v1/apps/${appId}/events?userId=a%00b`],
    ['a type filter', () => `/v1/apps/${appId}/events?conversationId=%00`],
    ['a cursor', () => `/v1/apps/${appId}/events?cursor=abc%00`],
  ])('in %s', async (_what, path) => {
    expectRefused(await gw.call('GET', path()), 400, 'validation_failed');
  });

  it.each([
    ['an app name', () => ['POST', '/v1/apps', easemobAppBody({})] as const, 'name'],
    [
      'an endpoint description',
      () => ['POST', `/v1/apps/${appId}/endpoints`, { url: 'http://127.0.0.1:9/x' }] as const,
      'description',
    ],
    ['an api key name', () => ['POST', `/v1/apps/${appId}/api-keys`, {}] as const, 'name'],
    [
      'a patched endpoint description',
      () => ['PATCH', `/v1/apps/${appId}/endpoints/${endpointId}`, {}] as const,
      'description',
    ],
  ])('in %s', async (_what, request, field) => {
    const [method, path, body] = request();
    const res = await gw.call(method, path, { body: { ...body, [field]: 'before\u0000after' } });
    expectRefused(res, 400, 'validation_failed');
  });

  it('in an object key', async () => {
    const res = await gw.call('POST', '/v1/apps', { body: { ...easemobAppBody(), 'na\u0000me': 'x' } });
    expectRefused(res, 400, 'validation_failed');
  });
});

describe('type confusion in a PATCH', () => {
  it.each(['disabled', 'description', 'url', 'eventTypes', 'headers', 'ordering', 'excludeRelayed'])(
    'a null %s is 400, not stored',
    async (field) => {
      const res = await gw.call('PATCH', `/v1/apps/${appId}/endpoints/${endpointId}`, {
        body: { [field]: null },
      });
      expectRefused(res, 400, 'validation_failed');
    },
  );
});

describe('a deeply nested body is refused early with 400', () => {
  const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it.each([
    ['POST', () => '/v1/apps'],
    ['POST', () => `/v1/apps/${appId}/messages`],
    ['PATCH', () => `/v1/apps/${appId}/endpoints/${endpointId}`],
  ])('%s %s nested 5,000 deep', async (method, path) => {
    const res = await gw.call(method, path(), {
      rawBody: `{"name":"x","config":{"a":${deep(5000)}}}`,
    });
    expectRefused(res, 400, 'invalid_json');
  });

  it('a body nested 200,000 deep', async () => {
    const res = await gw.call('POST', '/v1/apps', { rawBody: deep(200_000) });
    expectRefused(res, 400, 'invalid_json');
  });

  it('still accepts ordinary nesting', async () => {
    const res = await gw.call('POST', '/v1/apps', {
      body: easemobAppBody({ extra: { a: { b: { c: [[[1]]] } } } }),
    });
    expect(res.status).not.toBe(500);
  });
});

describe('times in filters are accepted only when they can be read', () => {
  it.each(['2024-W01-1', '2024-W011', '2024-001', '2024001', '20240101', '20240101T000000Z', '2024-01'])(
    'since=%s is 400',
    async (time) => {
      expectRefused(
        await gw.call('GET', `/v1/apps/${appId}/events?since=${encodeURIComponent(time)}`),
        400,
        'validation_failed',
      );
      expectRefused(
        await gw.call('GET', `/v1/apps/${appId}/events?until=${encodeURIComponent(time)}`),
        400,
        'validation_failed',
      );
      expectRefused(
        await gw.call('POST', `/v1/apps/${appId}/endpoints/${endpointId}/recover`, { body: { since: time } }),
        400,
        'validation_failed',
      );
    },
  );

  it.each(['2024-01-01', '2024-01-01T00:00:00Z', '2024-01-01T08:00:00.123+08:00', '2024-01-01T00:00Z'])(
    'since=%s is read',
    async (time) => {
      const res = await gw.call('GET', `/v1/apps/${appId}/events?since=${encodeURIComponent(time)}`);
      expect(res.status).toBe(200);
      const recover = await gw.call('POST', `/v1/apps/${appId}/endpoints/${endpointId}/recover`, {
        body: { since: time },
      });
      expect(recover.status).toBe(200);
    },
  );
});

describe('media types', () => {
  it('accepts application/json with a charset parameter on POST and PATCH', async () => {
    const created = await gw.call('POST', '/v1/apps', {
      body: easemobAppBody(),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(created.status).toBe(201);
    const patched = await gw.call('PATCH', `/v1/apps/${appId}/endpoints/${endpointId}`, {
      body: { description: 'with charset' },
      headers: { 'content-type': 'Application/JSON;charset=UTF-8' },
    });
    expect(patched.status).toBe(200);
  });

  it.each([
    'text/plain',
    'text/plain; charset=utf-8',
    'application/x-www-form-urlencoded',
    'application/xml',
  ])('answers a %s body with 415', async (type) => {
    const res = await gw.call('POST', '/v1/apps', {
      rawBody: JSON.stringify(easemobAppBody()),
      headers: { 'content-type': type },
    });
    expectRefused(res, 415, 'unsupported_media_type');
  });
});

describe('framework refusals share the one error body', () => {
  it('an over-long path parameter', async () => {
    const res = await gw.call('GET', `/v1/apps/${'a'.repeat(500)}/events`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body).toEqual({
      error: { code: expect.stringMatching(/^[a-z_]+$/), message: expect.any(String) },
    });
  });

  it('oversized headers', async () => {
    const res = await gw.call('GET', '/health', { headers: { 'x-big': 'a'.repeat(20_000) } });
    expect(res.status).toBe(431);
    expect(res.body).toEqual({ error: { code: 'headers_too_large', message: expect.any(String) } });
  });
});
