import { join } from 'node:path';
import type { GatewaySettings } from '../config/gateway-settings.js';

/** What the start-up block says, as values (also logged as one structured line). */
export interface StartupSummary {
  url: string;
  database: string;
  queue: string;
  docs: string;
  adminToken: string;
}

/** A connection URL without its password, so the block can be pasted into a ticket. */
function withoutPassword(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * The facts a newcomer needs once the gateway listens: where it answers, what it stores in and queues
 * on, where the API is described, and where the admin token is kept.
 */
export function startupSummary(
  settings: GatewaySettings,
  listeningUrl: string,
  adminTokenFromEnvironment: boolean,
): StartupSummary {
  const url = listeningUrl.replace(/\/+$/, '');
  return {
    url,
    database: settings.databaseUrl
      ? `PostgreSQL ${withoutPassword(settings.databaseUrl)}`
      : `SQLite ${join(settings.dataDir, 'gateway.db')}`,
    queue: settings.redisUrl
      ? `BullMQ on Redis ${withoutPassword(settings.redisUrl)}`
      : 'in-process (set REDIS_URL to share work between replicas)',
    docs: `${url}/docs (OpenAPI document: ${url}/docs-json)`,
    adminToken: settings.adminTokenGenerated
      ? `${join(settings.dataDir, 'admin-token')} (generated at this start)`
      : adminTokenFromEnvironment
        ? 'GATEWAY_ADMIN_TOKEN (environment)'
        : join(settings.dataDir, 'admin-token'),
  };
}

/** The summary as the block printed at start. */
export function formatStartupSummary(summary: StartupSummary): string {
  const rows: [string, string][] = [
    ['URL', summary.url],
    ['database', summary.database],
    ['queue', summary.queue],
    ['API docs', summary.docs],
    ['admin token', summary.adminToken],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 1;
  return [
    '',
    'im-gateway is ready',
    ...rows.map(([label, value]) => `  ${`${label}:`.padEnd(width + 1)} ${value}`),
    '',
    '',
  ].join('\n');
}
