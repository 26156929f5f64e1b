import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, type TestDatabase } from '@im-gateway/persistence/testing';
import type { Logger } from 'pino';
import { loadGatewayEnv } from '../../src/config/gateway.config.js';
import { resolveSettings, type GatewaySettings } from '../../src/config/gateway-settings.js';
import { createGateway } from '../../src/gateway.factory.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const MASTER_KEY = 'a'.repeat(64);
export const PUBLIC_BASE_URL = 'https://gateway.example.test';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RunningGateway {
  url: string;
  app: NestFastifyApplication;
  settings: GatewaySettings;
  db: TestDatabase;
  /** An HTTP call over a real connection; `token: null` sends no Authorization header. */
  call<T = any>(
    method: string,
    path: string,
    options?: { body?: unknown; rawBody?: string; token?: string | null; headers?: Record<string, string> },
  ): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

/**
 * Starts a real gateway on a loopback port with a fresh database of the engine the environment selects
 * (PostgreSQL when DATABASE_URL is set, SQLite otherwise).
 */
export async function startGateway(
  options: {
    env?: Record<string, string>;
    db?: TestDatabase;
    logger?: Logger;
    /** More modules for the app: test double providers. */
    modules?: DynamicModule[];
  } = {},
): Promise<RunningGateway> {
  const db = options.db ?? (await createTestDatabase());
  const env = loadGatewayEnv({
    DATA_DIR: db.settings.dataDir,
    ...(db.settings.databaseUrl ? { DATABASE_URL: db.settings.databaseUrl } : {}),
    GATEWAY_ADMIN_TOKEN: ADMIN_TOKEN,
    GATEWAY_MASTER_KEY: MASTER_KEY,
    PUBLIC_BASE_URL,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ENDPOINTS_ALLOW_PRIVATE: 'true',
    ...options.env,
  });
  const settings = resolveSettings(env);
  const app = await createGateway(settings, options.logger, options.modules);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    app,
    settings,
    db,
    call: (method, path, o = {}) => call(url, method, path, o),
    close: async () => {
      await app.close();
      if (!options.db) await db.drop();
    },
  };
}

export async function call<T>(
  base: string,
  method: string,
  path: string,
  o: { body?: unknown; rawBody?: string; token?: string | null; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...o.headers };
  const token = o.token === undefined ? ADMIN_TOKEN : o.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let payload: string | undefined = o.rawBody;
  if (o.body !== undefined) payload = JSON.stringify(o.body);
  if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, body: payload });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, headers: res.headers, body: body as T, text };
}

export const easemobAppBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'shop',
  provider: 'easemob',
  config: {
    orgName: '1102190223222824',
    appName: 'lxml',
    clientId: 'YXA6client-id',
    clientSecret: 'YXA6client-secret-value',
    callbackSecret: 'callback-secret-value',
    ...overrides,
  },
});

export const tencentAppBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'shop-t',
  provider: 'tencent',
  config: {
    sdkAppId: 1400000000,
    secretKey: 'tencent-secret-key-value',
    adminIdentifier: 'administrator',
    callbackToken: 'tencent-callback-token',
    ...overrides,
  },
});
