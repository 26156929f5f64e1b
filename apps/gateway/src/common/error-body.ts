import { HttpException, HttpStatus } from '@nestjs/common';
import { ImGatewayError, type ErrorCode } from '@im-gateway/types';
import { statusOfErrorCode } from './error-status.js';

/** The one error body of the API: `{ error: { code, message, details? } }`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export interface HttpError {
  status: number;
  body: ErrorBody;
  headers?: Record<string, string>;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
};

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'route_not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'dependency_unavailable',
};

function body(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Whether an error means the database (or another dependency) could not be reached. */
export function isDependencyDown(error: unknown): boolean {
  const e = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    driverError?: { code?: unknown };
  } | null;
  const code = String(e?.driverError?.code ?? e?.code ?? '');
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      'ENOTFOUND',
      '57P01',
      '57P03',
      '08000',
      '08003',
      '08006',
      '57014', // query_canceled: the statement ran past DATABASE_QUERY_TIMEOUT_MS (e.g. waiting on a lock)
      'SQLITE_BUSY',
      'SQLITE_IOERR',
    ].includes(code) ||
    /Query read timeout|Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable|Cannot use a pool after calling end/i.test(
      String(e?.message ?? ''),
    )
  );
}

/** Maps anything thrown while handling a request to a status and the shared error body. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof ImGatewayError) {
    return { status: statusOfErrorCode(error.code), body: body(error.code, error.message, error.details) };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = STATUS_CODES[status] ?? (status >= 500 ? 'internal_error' : 'validation_failed');
    const response = error.getResponse();
    const message =
      typeof response === 'object' && response && 'message' in response
        ? String((response as { message: unknown }).message)
        : error.message;
    return { status, body: body(code, status === HttpStatus.NOT_FOUND ? 'No such route.' : message) };
  }
  const fastifyCode = (error as { code?: unknown } | null)?.code;
  if (typeof fastifyCode === 'string' && fastifyCode in FASTIFY_CODES) {
    const code = FASTIFY_CODES[fastifyCode] as ErrorCode;
    return { status: statusOfErrorCode(code), body: body(code, (error as Error).message) };
  }
  if (error instanceof SyntaxError || fastifyCode === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return {
      status: 400,
      body: body('invalid_json', `The body is not valid JSON: ${(error as Error).message}`),
    };
  }
  if (isDependencyDown(error)) {
    return {
      status: 503,
      body: body('dependency_unavailable', 'The database is unavailable; try again shortly.'),
      headers: { 'retry-after': '1' },
    };
  }
  return { status: 500, body: body('internal_error', 'An unexpected error occurred.') };
}
