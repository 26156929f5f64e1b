import type { FastifyReply, FastifyRequest } from 'fastify';
import { isObject, parseJson } from '../common/http-helpers.js';
import { easemobError, invalidBody, type EasemobErrorReply } from './easemob-errors.js';
import { sendError, type EasemobContext } from './easemob.context.js';
import type { EasemobApp } from './easemob.types.js';

export const illegalArgument = (description: string): EasemobErrorReply =>
  easemobError(400, 'illegal_argument', description, 'IllegalArgumentException');

export const invalidParameter = (description: string): EasemobErrorReply =>
  easemobError(400, 'invalid_parameter', description, 'InvalidParameterException');

export const resourceNotFound = (description = 'Service resource not found'): EasemobErrorReply =>
  easemobError(404, 'service_resource_not_found', description, 'ServiceResourceNotFoundException');

export const forbiddenOp = (description: string): EasemobErrorReply =>
  easemobError(403, 'forbidden_op', description, 'ForbiddenOpException');

export const exceedLimit = (description: string): EasemobErrorReply =>
  easemobError(403, 'exceed_limit', description, 'ExceedLimitException');

/**
 * Resolves the app, checks the token and counts the call against `api`'s limits; answers the vendor's error
 * and null when any of them refuses.
 */
export async function admit(
  ctx: EasemobContext,
  request: FastifyRequest,
  reply: FastifyReply,
  api: string,
): Promise<EasemobApp | null> {
  const app = await ctx.authorized(request, reply);
  if (!app) return null;
  const limited = ctx.limits.check(app.appKey, api, 1);
  if (limited) {
    await sendError(reply, limited);
    return null;
  }
  return app;
}

/** The JSON object body, or null after answering `invalid_request_body`. */
export async function objectBody(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Record<string, unknown> | null> {
  const parsed = parseJson(request.body);
  if (parsed.ok && isObject(parsed.value)) return parsed.value;
  await sendError(reply, invalidBody());
  return null;
}

export const query = (request: FastifyRequest): Record<string, string | undefined> =>
  request.query as Record<string, string | undefined>;

export const params = (request: FastifyRequest): Record<string, string> =>
  request.params as Record<string, string>;

/** An integer query value in [min, max], its default when absent, or null when malformed. */
export function intParam(raw: string | undefined, min: number, max: number, fallback: number): number | null {
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) return null;
  const value = Number(raw);
  return value >= min && value <= max ? value : null;
}

/**
 * Cursors are opaque to clients; the emulator's is the base64 of the next offset, shaped like the
 * vendor's (`MTA5OTAwMzMwNDUzNTA2ODY1NA==`, migration facts §2.5).
 */
export const encodeCursor = (offset: number): string => Buffer.from(String(offset)).toString('base64');

export function decodeCursor(raw: string | undefined): number | null {
  if (raw === undefined || raw === '') return 0;
  const text = Buffer.from(raw, 'base64').toString('utf8');
  return /^\d+$/.test(text) ? Number(text) : null;
}

/** One page of `items` from a cursor: the items and the next cursor (absent at the end). */
export function page<T>(items: readonly T[], offset: number, limit: number): { items: T[]; cursor?: string } {
  const slice = items.slice(offset, offset + limit);
  const next = offset + limit;
  return next < items.length ? { items: slice, cursor: encodeCursor(next) } : { items: slice };
}

export const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string' && v !== '');

/** The answer envelope with extra top-level fields (`cursor`, `count`, `entities`). */
export function answer(
  ctx: EasemobContext,
  request: FastifyRequest,
  app: EasemobApp,
  path: string,
  data: unknown,
  action: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { ...ctx.envelope(request, app, path, data, action), ...extra };
}
