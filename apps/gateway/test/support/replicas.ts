import type { TestDatabase } from '@im-gateway/persistence/testing';
import { GatewayProcess } from './gateway-process.js';
import { REDIS_URL } from './redis-prefix.js';

/** Two gateway processes on one database and one Redis, sharing the BullMQ queues under `prefix`. */
export async function startReplicas(
  db: TestDatabase,
  prefix: string,
): Promise<[GatewayProcess, GatewayProcess]> {
  const env = {
    DATA_DIR: db.settings.dataDir,
    DATABASE_URL: db.settings.databaseUrl!,
    REDIS_URL,
    DELIVERY_QUEUE_PREFIX: prefix,
  };
  return [await new GatewayProcess(env).start(), await new GatewayProcess(env).start()];
}

/** A counter of a gateway's `/metrics`, by the text of its series (`name{labels}`). */
export async function counter(gateway: GatewayProcess, series: string): Promise<number> {
  const text = (await gateway.call('GET', '/metrics', { token: null })).text;
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return Number(line?.slice(series.length + 1) ?? 0);
}
