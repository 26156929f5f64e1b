import type { SendPolicy } from './send-policy.js';
import { decodeMasterKey, newAdminToken, newMasterKey, readOrCreateSecretFile } from './data-dir-secrets.js';
import { retryScheduleMs, type GatewayEnv } from './gateway.config.js';

/** Everything the gateway needs at run time, derived once from the validated environment. */
export interface GatewaySettings {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
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
  deliveryTimeoutMs: number;
  deliveryConcurrency: number;
  endpointDisableAfterMs: number;
  webhookSecretOverlapMs: number;
  deliverySweepMs: number;
  deliveryQueuePrefix: string;
  sendPolicy: SendPolicy;
  /** The inbound limit on the REST API, per API key; `max` 0: off. */
  apiRateLimit: { max: number; windowMs: number };
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
    deliveryTimeoutMs: env.DELIVERY_TIMEOUT_MS,
    deliveryConcurrency: env.DELIVERY_CONCURRENCY,
    endpointDisableAfterMs: env.ENDPOINT_DISABLE_AFTER_HOURS * 3600_000,
    webhookSecretOverlapMs: env.WEBHOOK_SECRET_OVERLAP_SECONDS * 1000,
    deliverySweepMs: env.DELIVERY_SWEEP_SECONDS * 1000,
    deliveryQueuePrefix: env.DELIVERY_QUEUE_PREFIX,
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
