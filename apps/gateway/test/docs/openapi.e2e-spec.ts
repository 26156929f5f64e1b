import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import SwaggerParser from '@apidevtools/swagger-parser';
import { routesOf } from '../../src/gateway.factory.js';
import { startGateway, type RunningGateway } from '../support/gateway.js';

let gw: RunningGateway;

beforeAll(async () => {
  gw = await startGateway();
});
afterAll(async () => {
  await gw.close();
});

describe('OpenAPI', () => {
  it('serves a valid OpenAPI 3 document at /docs-json', async () => {
    const res = await gw.call('GET', '/docs-json', { token: null });
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(res.body))).resolves.toBeDefined();
  });

  it('lists every API route', async () => {
    const doc = (await gw.call('GET', '/docs-json', { token: null })).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const served = routesOf(gw.app)
      .filter((r) => !/ \/(docs|console)/.test(r)) // Swagger UI and the console's static files
      .map((r) => r.replace(/:(\w+)/g, '{$1}'));
    expect(served.length).toBeGreaterThan(5);
    expect(documented.sort()).toEqual([...new Set(served)].sort());
    expect(documented).toEqual(
      expect.arrayContaining([
        'POST /v1/apps',
        'GET /v1/apps',
        'GET /v1/apps/{appId}',
        'PATCH /v1/apps/{appId}',
        'DELETE /v1/apps/{appId}',
        'POST /v1/apps/{appId}/api-keys',
        'GET /v1/apps/{appId}/api-keys',
        'DELETE /v1/apps/{appId}/api-keys/{keyId}',
        'GET /health',
        'GET /metrics',
      ]),
    );
  });

  it('describes every property of every schema', async () => {
    const doc = (await gw.call('GET', '/docs-json', { token: null })).body as {
      components: { schemas: Record<string, { properties?: Record<string, { description?: string }> }> };
    };
    const undescribed = Object.entries(doc.components.schemas).flatMap(([name, schema]) =>
      Object.entries(schema.properties ?? {})
        .filter(([, p]) => !p.description)
        .map(([prop]) => `${name}.${prop}`),
    );
    expect(undescribed).toEqual([]);
  });

  it('serves the UI at /docs', async () => {
    const res = await fetch(`${gw.url}/docs`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger');
  });
});
