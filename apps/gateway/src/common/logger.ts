import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { currentRequestId } from './request-context.js';

/**
 * Query parameter names whose values are credentials: Tencent's callback `Sign` (with its `RequestTime` it
 * authenticates any body for 60 s) and REST `usersig`, and any signature, token, key, secret or password.
 */
const CREDENTIAL_PARAMETER = /sign|sig$|token|secret|passw|key|auth|credential/i;

function decodedName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * A URL (or path with query) with the values of credential-like query parameters replaced by `[redacted]`.
 * Names are matched decoded, as the query parser reads them (`%53ign` is `Sign`).
 */
export function redactUrl(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const end = url.indexOf('#', start);
  const query = url.slice(start + 1, end < 0 ? undefined : end);
  const redacted = query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return eq >= 0 && CREDENTIAL_PARAMETER.test(decodedName(name)) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, start)}?${redacted}${end < 0 ? '' : url.slice(end)}`;
}

/** Logged URLs keep their path and harmless parameters; every other redacted path loses its value. */
function censor(value: unknown, path: string[]): unknown {
  return path.at(-1) === 'url' && typeof value === 'string' ? redactUrl(value) : '[redacted]';
}

/**
 * The process logger: structured JSON (pino), shared by Fastify's request logging and Nest. Writes to
 * stdout unless given another destination.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: { service: 'im-gateway' },
    // Every line written for a request (services, and deliveries and relays it caused) names it; Fastify's
    // request logger already binds `reqId`, and a second one would repeat the key.
    mixin(_object, _level, logger) {
      const reqId = currentRequestId();
      return reqId && !('reqId' in logger.bindings()) ? { reqId } : {};
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'config.clientSecret',
        'config.secretKey',
        'config.callbackSecret',
        'config.callbackToken',
        'req.url',
        'err.config.url', // an HTTP client error names the vendor URL, Tencent's usersig included
      ],
      censor,
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

type Level = 'info' | 'error' | 'warn' | 'debug' | 'trace';

/**
 * Nest's start-up narration (one line per module and per route, ~80 in all): useful when debugging
 * routing, noise otherwise. Its info lines are logged at debug; `main.ts` prints one summary instead.
 */
const BOOT_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/**
 * Routes Nest's log calls through the same pino logger. Nest passes `(message, ...params, context)`;
 * a message that is an object (`{ err, deliveryId }`) becomes structured fields, and a string before the
 * context becomes the text.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]) {
    const context = params.at(-1);
    this.write(typeof context === 'string' && BOOT_CONTEXTS.has(context) ? 'debug' : 'info', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const strings = params.filter((p): p is string => typeof p === 'string');
    const context = strings.length > 0 ? strings[strings.length - 1] : undefined;
    const text = strings.length > 1 ? strings.slice(0, -1).join(' ') : undefined;
    if (message !== null && typeof message === 'object' && !(message instanceof Error)) {
      this.logger[level]({ context, ...(message as Record<string, unknown>) }, text ?? '');
    } else if (message instanceof Error) {
      this.logger[level]({ context, err: message }, text ?? message.message);
    } else {
      this.logger[level]({ context, ...(text ? { trace: text } : {}) }, String(message));
    }
  }
}
