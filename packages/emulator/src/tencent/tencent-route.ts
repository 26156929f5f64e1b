import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isObject, parseJson } from '../common/http-helpers.js';
import { authenticate } from './tencent-auth.js';
import { fail, TencentFailure, type TencentResult } from './tencent-errors.js';
import type { TencentContext } from './tencent.context.js';
import type { TencentApp } from './tencent.types.js';

export interface TencentCall {
  app: TencentApp;
  /** The verified admin identifier of the query string. */
  identifier: string;
  body: Record<string, unknown>;
  request: FastifyRequest;
}

/**
 * Registers one REST command: query and UserSig check, JSON body (never empty: `{}` at least,
 * tencent.md §4.1), the per-API rate limit, then the handler. Every outcome is HTTP 200 with the
 * result in the body, as the vendor answers.
 */
export function tencentRoute(
  server: FastifyInstance,
  ctx: TencentContext,
  path: string,
  callsPerSecond: number,
  handler: (call: TencentCall) => TencentResult | Promise<TencentResult>,
): void {
  server.post(path, async (request) => {
    try {
      const { app, identifier } = authenticate(request.query as Record<string, string | undefined>, ctx.apps);
      const parsed = parseJson(request.body);
      if (!parsed.ok || !isObject(parsed.value))
        return fail(90001, 'JSON parse error: the body must be a JSON object');
      // REST APIs default to 200 calls/s each, account import 100/s (tencent.md §4.3) → 60007.
      if (ctx.rateLimits && !ctx.limiter.take(`${app.sdkAppId}|${path}`, callsPerSecond, 1000)) {
        return fail(60007, 'REST API call frequency exceeds the limit');
      }
      // Awaited here, so a refusal thrown after a before-callback still becomes the vendor's error body.
      return await handler({ app, identifier, body: parsed.value, request });
    } catch (error) {
      if (error instanceof TencentFailure) return error.result;
      throw error;
    }
  });
}
