import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toHttpError } from './error-body.js';

/** Every error leaves the API as `{ error: { code, message, details? } }` with the right status. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const mapped = toHttpError(exception);
    if (mapped.status >= 500) request.log.error({ err: exception }, 'request failed');
    else request.log.info({ code: mapped.body.error.code }, 'request refused');
    void reply
      .status(mapped.status)
      .headers(mapped.headers ?? {})
      .send(mapped.body);
  }
}
