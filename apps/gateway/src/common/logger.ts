import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/** The process logger: structured JSON (pino), shared by Fastify's request logging and Nest. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'im-gateway' },
    redact: {
      paths: [
        'req.headers.authorization',
        'config.clientSecret',
        'config.secretKey',
        'config.callbackSecret',
        'config.callbackToken',
      ],
      censor: '[redacted]',
    },
  });
}

type Level = 'info' | 'error' | 'warn' | 'debug' | 'trace';

/**
 * Routes Nest's log calls through the same pino logger. Nest passes `(message, ...params, context)`;
 * a message that is an object (`{ err, deliveryId }`) becomes structured fields, and a string before the
 * context becomes the text.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]) {
    this.write('info', message, params);
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
