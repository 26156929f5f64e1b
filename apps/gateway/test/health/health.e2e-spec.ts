import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGateway, type RunningGateway } from '../support/gateway.js';
import { startGatewayBehindProxy, type GatewayBehindProxy, type TcpProxy } from '../support/tcp-proxy.js';

describe('GET /health', () => {
  let gw: RunningGateway;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(async () => {
    await gw.close();
  });

  it('answers 200 with status ok and the database check, without a token', async () => {
    const res = await gw.call('GET', '/health', { token: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'up' } });
  });

  it('uses the SQLite file in the data folder when DATABASE_URL is unset', () => {
    if (gw.settings.databaseUrl) return; // the PostgreSQL run has no file to look for
    expect(existsSync(join(gw.settings.dataDir, 'gateway.db'))).toBe(true);
  });

  it('serves Prometheus metrics', async () => {
    const res = await gw.call('GET', '/metrics', { token: null });
    expect(res.status).toBe(200);
    expect(res.text).toContain('imgw_http_request_duration_seconds');
  });
});

// The outage is simulated with a TCP proxy between the gateway and PostgreSQL, not by stopping the server.
describe('GET /health through a database outage', () => {
  let proxy: TcpProxy;
  let gw: RunningGateway;
  let setup: GatewayBehindProxy;

  beforeAll(async () => {
    setup = await startGatewayBehindProxy();
    ({ gw, proxy } = setup);
  });
  afterAll(async () => {
    await setup?.close();
  });

  async function healthWithin(ms: number): Promise<{ status: number; elapsed: number; body: any }> {
    const started = Date.now();
    const res = await gw.call('GET', '/health', { token: null });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(ms);
    return { status: res.status, elapsed, body: res.body };
  }

  it('answers 503 within two seconds when the database goes away, and 200 again when it is back', async () => {
    expect((await healthWithin(2000)).status).toBe(200);

    await proxy.cut();
    const down = await healthWithin(2500);
    expect(down.status).toBe(503);
    expect(down.body.error).toMatchObject({
      code: 'dependency_unavailable',
      details: { checks: { database: 'down' } },
    });

    await proxy.restore();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await healthWithin(2500)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });

  it('answers API calls with 503 dependency_unavailable while the database is away', async () => {
    await proxy.cut();
    try {
      const res = await gw.call('GET', '/v1/apps');
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('dependency_unavailable');
    } finally {
      await proxy.restore();
    }
  });
});
