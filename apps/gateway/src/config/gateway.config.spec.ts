import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { ConfigError, loadGatewayEnv, retryScheduleMs } from './gateway.config.js';
import { resolveSettings } from './gateway-settings.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'imgw-config-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function errorOf(env: Record<string, string>): string {
  try {
    loadGatewayEnv(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('gateway configuration', () => {
  it('has the documented defaults', () => {
    const env = loadGatewayEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      DATA_DIR: './data',
      ENDPOINTS_ALLOW_PRIVATE: false,
      LOG_LEVEL: 'info',
      DELIVERY_CONCURRENCY: 32,
      DELIVERY_BROKER_CONCURRENCY: 128,
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(retryScheduleMs(env.DELIVERY_RETRY_SCHEDULE)).toEqual([
      0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
    ]);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL'],
    [{ GATEWAY_MASTER_KEY: 'short' }, 'GATEWAY_MASTER_KEY'],
    [{ GATEWAY_ADMIN_TOKEN: 'tiny' }, 'GATEWAY_ADMIN_TOKEN'],
    [{ PUBLIC_BASE_URL: 'gateway.example.com' }, 'PUBLIC_BASE_URL'],
    [{ ENDPOINTS_ALLOW_PRIVATE: 'sometimes' }, 'ENDPOINTS_ALLOW_PRIVATE'],
    [{ DELIVERY_RETRY_SCHEDULE: '0,5m' }, 'DELIVERY_RETRY_SCHEDULE'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ EASEMOB_CALLBACK_SKEW_SECONDS: '0' }, 'EASEMOB_CALLBACK_SKEW_SECONDS'],
    [{ EASEMOB_CALLBACK_SKEW_SECONDS: '10m' }, 'EASEMOB_CALLBACK_SKEW_SECONDS'],
    [{ API_RATE_LIMIT_MAX: '-1' }, 'API_RATE_LIMIT_MAX'],
    [{ API_RATE_LIMIT_MAX: 'lots' }, 'API_RATE_LIMIT_MAX'],
    [{ API_RATE_LIMIT_WINDOW_SECONDS: '0' }, 'API_RATE_LIMIT_WINDOW_SECONDS'],
    [{ API_RATE_LIMIT_WINDOW_SECONDS: '1m' }, 'API_RATE_LIMIT_WINDOW_SECONDS'],
    [{ DELIVERY_BROKER_CONCURRENCY: '0' }, 'DELIVERY_BROKER_CONCURRENCY'],
    [{ DELIVERY_BROKER_CONCURRENCY: '5000' }, 'DELIVERY_BROKER_CONCURRENCY'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(errorOf(env)).toContain(`${variable} `);
  });

  it('says one thing per variable, on one line: the first rule it breaks', () => {
    expect(errorOf({ PORT: 'abc' })).toBe('Invalid configuration: PORT must be an integer number');
    expect(errorOf({ PORT: '70000' })).toBe('Invalid configuration: PORT must not be greater than 65535');
    expect(errorOf({ DATA_DIR: '' })).toBe(
      'Invalid configuration: DATA_DIR must be longer than or equal to 1 characters',
    );
  });

  it('gives Easemob callbacks a ten-minute window unless EASEMOB_CALLBACK_SKEW_SECONDS says otherwise', () => {
    const dir = tempDir();
    expect(resolveSettings(loadGatewayEnv({ DATA_DIR: dir })).callbackWindowSeconds).toEqual({
      easemob: 600,
    });
    const env = loadGatewayEnv({ DATA_DIR: dir, EASEMOB_CALLBACK_SKEW_SECONDS: '3600' });
    expect(resolveSettings(env).callbackWindowSeconds).toEqual({ easemob: 3600 });
  });

  it('limits the REST API to 600 requests a minute per key unless API_RATE_LIMIT_* say otherwise', () => {
    const dir = tempDir();
    expect(resolveSettings(loadGatewayEnv({ DATA_DIR: dir })).apiRateLimit).toEqual({
      max: 600,
      windowMs: 60_000,
    });
    const env = loadGatewayEnv({
      DATA_DIR: dir,
      API_RATE_LIMIT_MAX: '0',
      API_RATE_LIMIT_WINDOW_SECONDS: '1',
    });
    expect(resolveSettings(env).apiRateLimit).toEqual({ max: 0, windowMs: 1000 });
  });

  it('reads GATEWAY_PROVIDERS as a list of names, unset meaning the shipped providers', () => {
    const dir = tempDir();
    expect(resolveSettings(loadGatewayEnv({ DATA_DIR: dir })).providers).toBeUndefined();
    const env = loadGatewayEnv({ DATA_DIR: dir, GATEWAY_PROVIDERS: ' tencent , acme-im ' });
    expect(resolveSettings(env).providers).toEqual(['tencent', 'acme-im']);
    expect(errorOf({ GATEWAY_PROVIDERS: 'Tencent;easemob' })).toContain('GATEWAY_PROVIDERS must be');
  });

  it('reads the listener timeouts, and refuses a headers timeout beyond the request timeout', () => {
    expect(loadGatewayEnv({})).toMatchObject({
      HTTP_REQUEST_TIMEOUT_MS: 60_000,
      HTTP_HEADERS_TIMEOUT_MS: 15_000,
      HTTP_KEEP_ALIVE_TIMEOUT_MS: 72_000,
    });
    expect(
      loadGatewayEnv({ HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '2000' }),
    ).toMatchObject({ HTTP_REQUEST_TIMEOUT_MS: 5000, HTTP_HEADERS_TIMEOUT_MS: 2000 });
    expect(errorOf({ HTTP_KEEP_ALIVE_TIMEOUT_MS: 'soon' })).toContain('HTTP_KEEP_ALIVE_TIMEOUT_MS');
    expect(errorOf({ HTTP_REQUEST_TIMEOUT_MS: '0' })).toContain('HTTP_REQUEST_TIMEOUT_MS');
    expect(errorOf({ HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '6000' })).toContain(
      'HTTP_HEADERS_TIMEOUT_MS',
    );
  });

  it('names every wrong variable at once', () => {
    const message = errorOf({ PORT: 'x', REDIS_URL: 'nope' });
    expect(message).toBe(
      'Invalid configuration: PORT must be an integer number; REDIS_URL must be a redis:// or rediss:// URL',
    );
  });

  it('generates the master key and admin token into the data folder once, then reuses them', () => {
    const dataDir = tempDir();
    const first = resolveSettings(loadGatewayEnv({ DATA_DIR: dataDir }));
    expect(first.adminTokenGenerated).toBe(true);
    expect(first.masterKey).toHaveLength(32);
    expect(statSync(join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dataDir, 'admin-token'), 'utf8').trim()).toBe(first.adminToken);

    const second = resolveSettings(loadGatewayEnv({ DATA_DIR: dataDir }));
    expect(second.adminTokenGenerated).toBe(false);
    expect(second.adminToken).toBe(first.adminToken);
    expect(second.masterKey.equals(first.masterKey)).toBe(true);
  });

  it('prefers the environment over the data folder', () => {
    const dataDir = tempDir();
    const s = resolveSettings(
      loadGatewayEnv({
        DATA_DIR: dataDir,
        GATEWAY_ADMIN_TOKEN: 'an-admin-token-of-length',
        GATEWAY_MASTER_KEY: 'ab'.repeat(32),
      }),
    );
    expect(s.adminToken).toBe('an-admin-token-of-length');
    expect(s.masterKey.toString('hex')).toBe('ab'.repeat(32));
    expect(s.publicBaseUrl).toBe('http://localhost:3000');
  });
});
