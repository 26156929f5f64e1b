import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { ImGatewayError, type ErrorCode } from '@im-gateway/types';
import type { GatewaySettings } from '../config/gateway-settings.js';
import { toHttpError } from './error-body.js';
import { statusOfErrorCode } from './error-status.js';

/** Path parameters are ids (at most 36 characters) and provider names: 100 leaves room and no more. */
const MAX_PARAM_LENGTH = 100;

/** Errors Fastify raises before a route runs, answered in the one error body. */
const FRAMEWORK_ERRORS: Record<string, [ErrorCode, string]> = {
  FST_ERR_MAX_PARAM_LENGTH: [
    'uri_too_long',
    `A path parameter is longer than ${MAX_PARAM_LENGTH} characters.`,
  ],
  FST_ERR_BAD_URL: ['validation_failed', 'The path is not a valid URL.'],
};

/** Errors Node's HTTP parser raises on a connection before there is a request. */
function clientErrorOf(error: NodeJS.ErrnoException): [ErrorCode, string] {
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return ['headers_too_large', 'The request headers are too large.'];
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return ['request_timeout', 'The request was not received in time.'];
  }
  return ['validation_failed', 'The request is not valid HTTP.'];
}

/**
 * The listener's limits and its answers to what never reaches a route: request, headers and keep-alive
 * timeouts (a client trickling headers must not hold a socket for ever), path parameters too long, headers
 * too large, malformed HTTP. Every answer carries the one error body.
 */
export function httpServerOptions(settings: GatewaySettings, logger: Logger) {
  return {
    requestTimeout: settings.httpRequestTimeoutMs,
    keepAliveTimeout: settings.httpKeepAliveTimeoutMs,
    http: {
      requestTimeout: settings.httpRequestTimeoutMs,
      headersTimeout: settings.httpHeadersTimeoutMs,
      // Node checks the timeouts at this interval (30 s by default): keep the bound close to the setting.
      connectionsCheckingInterval: Math.max(
        100,
        Math.min(1000, Math.floor(settings.httpHeadersTimeoutMs / 4)),
      ),
    },
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const [code, message] = FRAMEWORK_ERRORS[error.code] ?? [
        'internal_error',
        'An unexpected error occurred.',
      ];
      const status = statusOfErrorCode(code);
      if (status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code }, 'request refused');
      void reply.status(status).send({ error: { code, message } });
    },
    clientErrorHandler: (error: NodeJS.ErrnoException, socket: Socket) => {
      // A reset connection is gone; there is no one to answer.
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      const [code, message] = clientErrorOf(error);
      const status = statusOfErrorCode(code);
      logger.debug({ code, err: error }, 'client error');
      if (socket.writable) {
        const body = JSON.stringify({ error: { code, message } });
        socket.write(
          `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nconnection: close\r\ncontent-type: application/json; charset=utf-8\r\n` +
            `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        );
      }
      socket.destroy();
    },
  };
}

/** Ids, filters and cursors in the URL: PostgreSQL cannot hold a NUL, so none is accepted, on any engine. */
const ENCODED_NUL = /%00/i;

/** Request checks that apply to every route before it runs. */
export function registerRequestGuards(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (!ENCODED_NUL.test(request.url)) return;
    const mapped = toHttpError(
      new ImGatewayError('validation_failed', 'The path or query contains a NUL character (%00).'),
    );
    request.log.info({ code: mapped.body.error.code }, 'request refused');
    return reply.status(mapped.status).send(mapped.body);
  });
}

/**
 * On shutdown, no connection outlives the requests in flight. Fastify closes the idle keep-alive connections
 * once, when the shutdown starts, and waits for requests in flight (a vendor is acked only after its callback
 * is stored); but a connection whose request ends after that moment stays open for the whole keep-alive
 * timeout, and Node counts a connection that has not started a request as neither idle nor busy. So, once
 * closing: connections that never sent a request are cut, and each answer closes its connection.
 */
export function registerShutdownConnectionClose(fastify: FastifyInstance): void {
  const silent = new Set<Socket>();
  let closing = false;
  fastify.server.on('connection', (socket: Socket) => {
    silent.add(socket);
    socket.once('close', () => silent.delete(socket));
  });
  fastify.server.on('request', (request: { socket: Socket }) => silent.delete(request.socket));
  fastify.addHook('onResponse', async (request) => {
    if (closing) request.raw.socket.end();
  });
  fastify.addHook('preClose', (done) => {
    closing = true;
    for (const socket of silent) socket.destroy();
    silent.clear();
    done();
  });
}
