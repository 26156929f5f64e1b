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

/** Routes Nest's own log lines (start-up, module init) through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
