import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGateway, type RunningGateway } from '../support/gateway.js';

let gw: RunningGateway;

beforeAll(async () => {
  gw = await startGateway({ env: { BODY_LIMIT_BYTES: '2048' } });
});
afterAll(async () => {
  await gw.close();
});

describe('the shared error body', () => {
  it('answers an unknown route with 404 route_not_found', async () => {
    const res = await gw.call('GET', '/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'route_not_found', message: expect.any(String) } });
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const res = await gw.call('POST', '/v1/apps', { rawBody: '{"name": "shop",' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
    expect(res.body.error.message).toEqual(expect.any(String));
  });

  it('answers a body over the limit with 413 payload_too_large', async () => {
    const res = await gw.call('POST', '/v1/apps', {
      body: { name: 'x'.repeat(4096), provider: 'easemob', config: {} },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await gw.call('POST', '/v1/apps', {
      rawBody: 'name=shop',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect([400, 415]).toContain(res.status);
    expect(res.body.error.code).toMatch(/unsupported_media_type|validation_failed/);
  });

  it('answers a body that is not an object with 400', async () => {
    const res = await gw.call('POST', '/v1/apps', { rawBody: '[1,2,3]' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('echoes a sane x-request-id and makes one up otherwise', async () => {
    const given = await gw.call('GET', '/health', { headers: { 'x-request-id': 'req-123' } });
    expect(given.headers.get('x-request-id')).toBe('req-123');
    const made = await gw.call('GET', '/health', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
