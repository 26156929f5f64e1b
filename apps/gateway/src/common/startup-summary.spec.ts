import { describe, expect, it } from '@jest/globals';
import type { GatewaySettings } from '../config/gateway-settings.js';
import { formatStartupSummary, startupSummary } from './startup-summary.js';

const base = { dataDir: 'data', adminTokenGenerated: false } as GatewaySettings;

describe('the start-up summary', () => {
  it('names the embedded defaults, the docs and the admin-token file', () => {
    const summary = startupSummary(
      { ...base, databaseUrl: undefined, redisUrl: undefined },
      'http://127.0.0.1:3000',
      false,
    );
    expect(summary).toEqual({
      url: 'http://127.0.0.1:3000',
      database: 'SQLite data/gateway.db',
      queue: 'in-process (set REDIS_URL to share work between replicas)',
      docs: 'http://127.0.0.1:3000/docs (OpenAPI document: http://127.0.0.1:3000/docs-json)',
      adminToken: 'data/admin-token',
    });
    expect(formatStartupSummary(summary)).toContain('\n  API docs:     http://127.0.0.1:3000/docs');
  });

  it('shows PostgreSQL and Redis without their passwords, and a token from the environment', () => {
    const summary = startupSummary(
      {
        ...base,
        databaseUrl: 'postgres://imgw:hunter2@db:5432/imgw',
        redisUrl: 'redis://:s3cret@cache:6379',
      },
      'http://[::1]:3000/',
      true,
    );
    expect(summary.database).toBe('PostgreSQL postgres://imgw:***@db:5432/imgw');
    expect(summary.queue).toBe('BullMQ on Redis redis://:***@cache:6379');
    expect(summary.adminToken).toBe('GATEWAY_ADMIN_TOKEN (environment)');
    expect(JSON.stringify(summary)).not.toMatch(/hunter2|s3cret/);
  });
});
