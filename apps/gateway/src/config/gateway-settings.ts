import type { RetentionKind } from '@im-gateway/persistence';
import type { SendPolicy } from './send-policy.js';
import { decodeMasterKey, newAdminToken, newMasterKey, readOrCreateSecretFile } from './data-dir-secrets.js';
import { retryScheduleMs, type GatewayEnv } from './gateway.config.js';

/** Everything the gateway needs at run time, derived once from the validated environment. */
export interface GatewaySettings {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL: longest a statement may run, or wait for a lock or an answer (`DATABASE_QUERY_TIMEOUT_MS`). */
  databaseQueryTimeoutMs: number;
  redisUrl: string | undefined;
  adminToken: string;
  /** True when the admin token was generated at this start (printed once). */
  adminTokenGenerated: boolean;
  masterKey: Buffer;
  publicBaseUrl: string;
  endpointsAllowPrivate: boolean;
  /** The providers to run, by name (`GATEWAY_PROVIDERS`); undefined: the ones the gateway ships enabled. */
  providers: string[] | undefined;
  deliveryRetryScheduleMs: number[];
  logLevel: string;
  bodyLimitBytes: number;
  /** The listener's limits: the whole request, its headers, an idle keep-alive connection. */
  httpRequestTimeoutMs: number;
  httpHeadersTimeoutMs: number;
  httpKeepAliveTimeoutMs: number;
  deliveryTimeoutMs: number;
  /** Attempts in flight at once: to HTTP receivers, and to brokers (publishes hold no socket each). */
  deliveryConcurrency: number;
  deliveryBrokerConcurrency: number;
  endpointDisableAfterMs: number;
  webhookSecretOverlapMs: number;
  deliverySweepMs: number;
  deliveryQueuePrefix: string;
  sendPolicy: SendPolicy;
  /** The inbound limit on the REST API, per API key; `max` 0: off. */
  apiRateLimit: { max: number; windowMs: number };
  /** Retention: days per kind of row (0: kept for ever), how often pruning runs (0: off), rows per batch. */
  retention: {
    days: Record<RetentionKind, number>;
    intervalMs: number;
    batchSize: number;
    /** The share of a run's time spent deleting, 1–100 (`RETENTION_SHARE_PERCENT`). */
    sharePercent: number;
  };
  /** Per provider name, the operator's window for a signed callback's own time (`CallbackContext`). */
  callbackWindowSeconds: Readonly<Record<string, number>>;
}

export const GATEWAY_SETTINGS = Symbol.for('im-gateway.settings');

export function resolveSettings(env: GatewayEnv): GatewaySettings {
  const admin = env.GATEWAY_ADMIN_TOKEN
    ? { value: env.GATEWAY_ADMIN_TOKEN, created: false }
    : readOrCreateSecretFile(env.DATA_DIR, 'admin-token', newAdminToken);
  const masterKey =
    env.GATEWAY_MASTER_KEY ?? readOrCreateSecretFile(env.DATA_DIR, 'master.key', newMasterKey).value;
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    databaseQueryTimeoutMs: env.DATABASE_QUERY_TIMEOUT_MS,
    redisUrl: env.REDIS_URL,
    adminToken: admin.value,
    adminTokenGenerated: admin.created,
    masterKey: decodeMasterKey(masterKey),
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    endpointsAllowPrivate: env.ENDPOINTS_ALLOW_PRIVATE,
    providers: env.GATEWAY_PROVIDERS?.split(',').map((name) => name.trim()),
    deliveryRetryScheduleMs: retryScheduleMs(env.DELIVERY_RETRY_SCHEDULE),
    logLevel: env.LOG_LEVEL,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    httpRequestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
    httpHeadersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
    httpKeepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    deliveryTimeoutMs: env.DELIVERY_TIMEOUT_MS,
    deliveryConcurrency: env.DELIVERY_CONCURRENCY,
    deliveryBrokerConcurrency: env.DELIVERY_BROKER_CONCURRENCY,
    endpointDisableAfterMs: env.ENDPOINT_DISABLE_AFTER_HOURS * 3600_000,
    webhookSecretOverlapMs: env.WEBHOOK_SECRET_OVERLAP_SECONDS * 1000,
    deliverySweepMs: env.DELIVERY_SWEEP_SECONDS * 1000,
    deliveryQueuePrefix: env.DELIVERY_QUEUE_PREFIX,
    retention: {
      days: {
        events: env.RETENTION_EVENTS_DAYS,
        callbacks: env.RETENTION_CALLBACKS_DAYS,
        attempts: env.RETENTION_ATTEMPTS_DAYS,
        relays: env.RETENTION_RELAYS_DAYS,
        messages: env.RETENTION_MESSAGES_DAYS,
      },
      intervalMs: env.RETENTION_INTERVAL_SECONDS * 1000,
      batchSize: env.RETENTION_BATCH_SIZE,
      sharePercent: env.RETENTION_SHARE_PERCENT,
    },
    sendPolicy: {
      deadlineMs: env.SEND_DEADLINE_MS,
      attemptTimeoutMs: env.VENDOR_TIMEOUT_MS,
      retryBaseMs: env.VENDOR_RETRY_BASE_MS,
      maxAttempts: env.VENDOR_MAX_ATTEMPTS,
    },
    apiRateLimit: { max: env.API_RATE_LIMIT_MAX, windowMs: env.API_RATE_LIMIT_WINDOW_SECONDS * 1000 },
    callbackWindowSeconds: { easemob: env.EASEMOB_CALLBACK_SKEW_SECONDS },
  };
}
