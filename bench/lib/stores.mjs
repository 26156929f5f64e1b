// The bench's own PostgreSQL databases, SQLite folders and Redis keys, created fresh and removed after.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { log, onCleanup } from './processes.mjs';
import { PG_ADMIN_URL, REDIS_URL } from './settings.mjs';

async function pgAdmin(sql) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database of the engine: { dataDir, databaseUrl, drop() }. */
export async function freshDatabase(engine) {
  if (engine === 'postgres') {
    const name = `imgw_bench_${randomBytes(6).toString('hex')}`;
    await pgAdmin(`CREATE DATABASE ${name}`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    const dataDir = mkdtempSync(join(os.tmpdir(), 'imgw-bench-'));
    const drop = async () => {
      await pgAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((e) =>
        log('drop failed', e.message),
      );
      rmSync(dataDir, { recursive: true, force: true });
    };
    onCleanup(drop);
    return { dataDir, databaseUrl: url.toString(), drop };
  }
  const dataDir = mkdtempSync(join(os.tmpdir(), 'imgw-bench-'));
  const drop = async () => rmSync(dataDir, { recursive: true, force: true });
  onCleanup(drop);
  return { dataDir, databaseUrl: undefined, drop };
}

/** Deletes the Redis keys under `prefix` (a BullMQ queue prefix of one scenario). */
export async function dropRedisPrefix(prefix) {
  try {
    const { Redis } = await import('ioredis');
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    await redis.quit();
  } catch (e) {
    log('could not clean redis keys', e.message);
  }
}
