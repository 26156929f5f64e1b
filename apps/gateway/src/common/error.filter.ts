import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ImGatewayError } from '@im-gateway/types';
import { toHttpError } from './error-body.js';

/**
 * Whether the client closed its connection before its body was read: Node reports it as `ECONNRESET`
 * "aborted", which is the client's doing, not a fault of ours nor a dependency down.
 */
function clientWentAway(exception: unknown, request: FastifyRequest): boolean {
  return (exception as { code?: unknown } | null)?.code === 'ECONNRESET' && request.raw.destroyed;
}

/** Every error leaves the API as `{ error: { code, message, details? } }` with the right status. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const gone = clientWentAway(exception, request);
    const mapped = toHttpError(
      gone
        ? new ImGatewayError('validation_failed', 'The client closed the connection before sending its body.')
        : exception,
    );
    if (gone) request.log.info('client closed the connection mid-request');
    else if (mapped.status >= 500) request.log.error({ err: exception }, 'request failed');
    else request.log.info({ code: mapped.body.error.code }, 'request refused');
    void reply
      .status(mapped.status)
      .headers(mapped.headers ?? {})
      .send(mapped.body);
  }
}
