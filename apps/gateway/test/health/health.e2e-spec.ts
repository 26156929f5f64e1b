import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGateway, type RunningGateway } from '../support/gateway.js';
import { REDIS_URL, testQueuePrefix } from '../support/redis-prefix.js';
import { startGatewayBehindProxy, TcpProxy, type GatewayBehindProxy } from '../support/tcp-proxy.js';

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

  it('answers liveness with no dependency checked', async () => {
    const res = await gw.call('GET', '/health/live', { token: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: {} });
  });

  it('answers readiness with the database check', async () => {
    const res = await gw.call('GET', '/health/ready', { token: null });
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
    expect((await gw.call('GET', '/health/live', { token: null })).status).toBe(200);
    expect((await gw.call('GET', '/health/ready', { token: null })).status).toBe(503);
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

// Redis is cut off with a TCP proxy in front of the real one: its port then refuses connections, as a
// closed port does, and the gateway (whose queues need Redis to start) can be started and closed cleanly.
describe('GET /health/ready with Redis configured', () => {
  let proxy: TcpProxy;
  let gw: RunningGateway;

  beforeAll(async () => {
    const redis = new URL(REDIS_URL);
    proxy = new TcpProxy(redis.hostname, Number(redis.port || 6379));
    const port = await proxy.start();
    redis.host = `127.0.0.1:${port}`;
    gw = await startGateway({
      env: { REDIS_URL: redis.toString(), DELIVERY_QUEUE_PREFIX: testQueuePrefix('health') },
    });
  });
  afterAll(async () => {
    await proxy.restore().catch(() => undefined);
    await gw?.close();
    await proxy.cut();
  });

  it('checks Redis beside the database', async () => {
    const res = await gw.call('GET', '/health/ready', { token: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
  });

  it('answers 503 naming Redis while its port refuses connections, and liveness stays 200', async () => {
    await proxy.cut();
    try {
      const started = Date.now();
      const ready = await gw.call('GET', '/health/ready', { token: null });
      expect(Date.now() - started).toBeLessThan(2500);
      expect(ready.status).toBe(503);
      expect(ready.body.error).toMatchObject({
        code: 'dependency_unavailable',
        details: { checks: { database: 'up', redis: 'down' } },
      });
      expect((await gw.call('GET', '/health/live', { token: null })).status).toBe(200);
    } finally {
      await proxy.restore();
    }
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      status = (await gw.call('GET', '/health/ready', { token: null })).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });
});
