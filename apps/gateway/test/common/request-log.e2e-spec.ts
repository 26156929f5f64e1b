import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@im-gateway/persistence/testing';
import { createLogger } from '../../src/common/logger.js';
import { loadGatewayEnv } from '../../src/config/gateway.config.js';
import { resolveSettings } from '../../src/config/gateway-settings.js';
import { createGateway } from '../../src/gateway.factory.js';
import { ADMIN_TOKEN, call, MASTER_KEY, tencentAppBody } from '../support/gateway.js';

// A real gateway logging at info into memory: what an operator's log store would keep.
const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});
let db: TestDatabase;
let app: NestFastifyApplication;
let url = '';

beforeAll(async () => {
  db = await createTestDatabase();
  const settings = resolveSettings(
    loadGatewayEnv({
      DATA_DIR: db.settings.dataDir,
      ...(db.settings.databaseUrl ? { DATABASE_URL: db.settings.databaseUrl } : {}),
      GATEWAY_ADMIN_TOKEN: ADMIN_TOKEN,
      GATEWAY_MASTER_KEY: MASTER_KEY,
      LOG_LEVEL: 'info',
    }),
  );
  app = await createGateway(settings, createLogger('info', sink));
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

/** The logged request lines (Fastify's "incoming request") whose path starts with `prefix`. */
const loggedUrls = (prefix: string): string[] =>
  lines
    .map((line) => JSON.parse(line) as { req?: { url?: string } })
    .map((entry) => entry.req?.url)
    .filter((u): u is string => typeof u === 'string' && u.startsWith(prefix));

describe('request logs', () => {
  it('do not carry a Tencent callback Sign: a logged URL cannot be replayed with another body', async () => {
    const token = 'log-callback-token';
    const created = await call<{ id: string }>(url, 'POST', '/v1/apps', {
      body: tencentAppBody({ sdkAppId: 1400000000, callbackToken: token }),
    });
    expect(created.status).toBe(201);
    const requestTime = String(Math.floor(Date.now() / 1000));
    const sign = createHash('sha256').update(`${token}${requestTime}`).digest('hex');
    const query = new URLSearchParams({
      SdkAppid: '1400000000',
      CallbackCommand: 'State.StateChange',
      contenttype: 'json',
      RequestTime: requestTime,
      Sign: sign,
    });
    const path = `/callbacks/tencent/${created.body.id}`;
    const res = await call(url, 'POST', `${path}?${query.toString()}`, {
      token: null,
      body: { CallbackCommand: 'State.StateChange', Info: { To_Account: 'u1', Action: 'Login' } },
    });
    expect(res.status).toBe(200);

    const logged = loggedUrls(path);
    expect(logged.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(sign);
    for (const u of logged) {
      expect(u).toContain('Sign=[redacted]');
      expect(u).toContain('CallbackCommand=State.StateChange'); // the rest stays useful
    }
  });

  it('do not carry signature, token or key query parameters, however their names are written', async () => {
    const secrets = ['s1gnature-value', 'tok3n-value', 'acc3ss-value', 'k3y-value', 'us3rsig-value'];
    const query =
      `signature=${secrets[0]}&token=${secrets[1]}&access_token=${secrets[2]}` +
      `&api%5Fkey=${secrets[3]}&%55serSig=${secrets[4]}&page=2`;
    await call(url, 'GET', `/health?${query}`, { token: null });
    const logged = loggedUrls('/health?');
    expect(logged.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(lines.join('\n')).not.toContain(secret);
    for (const u of logged) expect(u).toContain('page=2');
  });
});
