import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { firstValidationMessage } from './validation-message.js';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : value === 'true' || value === '1'
      ? true
      : value === 'false' || value === '0'
        ? false
        : value;
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * The gateway's environment, validated at start-up: a wrong value stops the app with a message naming the
 * variable. Every variable is documented in the README's configuration table.
 */
export class GatewayEnv {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsOptional()
  @IsString()
  HOST: string = '0.0.0.0';

  @IsOptional()
  @IsString()
  @MinLength(1)
  DATA_DIR: string = './data';

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(16, { message: 'GATEWAY_ADMIN_TOKEN must be at least 16 characters' })
  GATEWAY_ADMIN_TOKEN?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, {
    message: 'GATEWAY_MASTER_KEY must be 32 bytes as 64 hex characters or base64',
  })
  GATEWAY_MASTER_KEY?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'PUBLIC_BASE_URL must be an http(s) URL' },
  )
  PUBLIC_BASE_URL?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'ENDPOINTS_ALLOW_PRIVATE must be true or false' })
  ENDPOINTS_ALLOW_PRIVATE: boolean = false;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^\s*[a-z][a-z0-9-]*(\s*,\s*[a-z][a-z0-9-]*)*\s*$/, {
    message: 'GATEWAY_PROVIDERS must be comma-separated provider names, e.g. easemob,tencent',
  })
  GATEWAY_PROVIDERS?: string;

  @IsOptional()
  @Matches(/^\s*\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?)*\s*$/, {
    message: 'DELIVERY_RETRY_SCHEDULE must be comma-separated seconds, e.g. 0,5,300',
  })
  DELIVERY_RETRY_SCHEDULE: string = '0,5,300,1800,7200,18000,36000,36000';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  DELIVERY_TIMEOUT_MS: number = 15_000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  DATABASE_QUERY_TIMEOUT_MS: number = 5_000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  DELIVERY_CONCURRENCY: number = 32;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  DELIVERY_BROKER_CONCURRENCY: number = 128;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ENDPOINT_DISABLE_AFTER_HOURS: number = 120;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  WEBHOOK_SECRET_OVERLAP_SECONDS: number = 86_400;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  DELIVERY_SWEEP_SECONDS: number = 10;

  @IsOptional()
  @Matches(/^[A-Za-z0-9:_-]{1,64}$/, {
    message: 'DELIVERY_QUEUE_PREFIX must be 1-64 letters, digits, colons, dashes or underscores',
  })
  DELIVERY_QUEUE_PREFIX: string = 'imgw';

  // Retention: days each kind of row is kept (0: for ever); docs/operations.md, "Retention".
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(36_500)
  RETENTION_EVENTS_DAYS: number = 30;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(36_500)
  RETENTION_CALLBACKS_DAYS: number = 30;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(36_500)
  RETENTION_ATTEMPTS_DAYS: number = 7;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(36_500)
  RETENTION_RELAYS_DAYS: number = 30;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(36_500)
  RETENTION_MESSAGES_DAYS: number = 30;

  /** Seconds between pruning runs; 0 switches pruning off. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86_400)
  RETENTION_INTERVAL_SECONDS: number = 300;

  /** Rows deleted per statement: small batches keep each delete short beside live traffic. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  RETENTION_BATCH_SIZE: number = 500;

  /**
   * The share of a pruning run's time spent deleting, in percent: after each batch the run pauses for the
   * rest (a batch of 30 ms at 25 % is followed by 90 ms of rest), so live traffic keeps the database most of
   * the time however large the backlog. 100: no pause.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  RETENTION_SHARE_PERCENT: number = 25;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(300_000)
  SEND_DEADLINE_MS: number = 20_000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  VENDOR_TIMEOUT_MS: number = 5_000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60_000)
  VENDOR_RETRY_BASE_MS: number = 250;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10)
  VENDOR_MAX_ATTEMPTS: number = 4;

  /** How far a signed Easemob callback's `timestamp` may be from the gateway clock, either way. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  EASEMOB_CALLBACK_SKEW_SECONDS: number = 600;

  /** Requests per window and API key on the REST API; 0 turns the limit off. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'API_RATE_LIMIT_MAX must be a whole number of requests (0 turns the limit off)' })
  @Min(0)
  @Max(1_000_000)
  API_RATE_LIMIT_MAX: number = 600;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'API_RATE_LIMIT_WINDOW_SECONDS must be a whole number of seconds' })
  @Min(1)
  @Max(86_400)
  API_RATE_LIMIT_WINDOW_SECONDS: number = 60;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(64 * 1024 * 1024)
  BODY_LIMIT_BYTES: number = 1024 * 1024;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  HTTP_REQUEST_TIMEOUT_MS: number = 60_000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  HTTP_HEADERS_TIMEOUT_MS: number = 15_000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS: number = 72_000;
}

/** A start-up configuration error: one line, naming the variable; the gateway exits 78 (EX_CONFIG) on it. */
export class ConfigError extends Error {}

const ENV_KEYS = [
  'PORT',
  'HOST',
  'DATA_DIR',
  'DATABASE_URL',
  'DATABASE_QUERY_TIMEOUT_MS',
  'REDIS_URL',
  'GATEWAY_ADMIN_TOKEN',
  'GATEWAY_MASTER_KEY',
  'PUBLIC_BASE_URL',
  'ENDPOINTS_ALLOW_PRIVATE',
  'GATEWAY_PROVIDERS',
  'DELIVERY_RETRY_SCHEDULE',
  'LOG_LEVEL',
  'BODY_LIMIT_BYTES',
  'DELIVERY_TIMEOUT_MS',
  'DELIVERY_CONCURRENCY',
  'DELIVERY_BROKER_CONCURRENCY',
  'ENDPOINT_DISABLE_AFTER_HOURS',
  'WEBHOOK_SECRET_OVERLAP_SECONDS',
  'DELIVERY_SWEEP_SECONDS',
  'DELIVERY_QUEUE_PREFIX',
  'RETENTION_EVENTS_DAYS',
  'RETENTION_CALLBACKS_DAYS',
  'RETENTION_ATTEMPTS_DAYS',
  'RETENTION_RELAYS_DAYS',
  'RETENTION_MESSAGES_DAYS',
  'RETENTION_INTERVAL_SECONDS',
  'RETENTION_BATCH_SIZE',
  'RETENTION_SHARE_PERCENT',
  'SEND_DEADLINE_MS',
  'VENDOR_TIMEOUT_MS',
  'VENDOR_RETRY_BASE_MS',
  'VENDOR_MAX_ATTEMPTS',
  'EASEMOB_CALLBACK_SKEW_SECONDS',
  'HTTP_REQUEST_TIMEOUT_MS',
  'HTTP_HEADERS_TIMEOUT_MS',
  'HTTP_KEEP_ALIVE_TIMEOUT_MS',
  'API_RATE_LIMIT_MAX',
  'API_RATE_LIMIT_WINDOW_SECONDS',
] as const satisfies readonly (keyof GatewayEnv)[];

/** Validates the environment. Other variables are ignored (the process environment holds many). */
export function loadGatewayEnv(env: Record<string, string | undefined>): GatewayEnv {
  const present = Object.fromEntries(ENV_KEYS.filter((k) => env[k] !== undefined).map((k) => [k, env[k]]));
  const parsed = plainToInstance(GatewayEnv, present);
  const errors = validateSync(parsed);
  if (errors.length > 0) {
    const messages = errors.map((e) => firstValidationMessage(e) ?? `${e.property} is invalid`);
    throw new ConfigError(`Invalid configuration: ${messages.join('; ')}`);
  }
  if (parsed.HTTP_HEADERS_TIMEOUT_MS > parsed.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError(
      'Invalid configuration:\n  HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS',
    );
  }
  return parsed;
}

/** `DELIVERY_RETRY_SCHEDULE` as milliseconds between attempts. */
export function retryScheduleMs(schedule: string): number[] {
  return schedule.split(',').map((s) => Math.round(Number(s.trim()) * 1000));
}
