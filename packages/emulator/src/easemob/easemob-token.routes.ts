import type { FastifyInstance } from 'fastify';
import { isObject, parseJson } from '../common/http-helpers.js';
import { invalidBody } from './easemob-errors.js';
import { sendError, type EasemobContext } from './easemob.context.js';

// The token endpoint answers errors in the lean form the vendor prints
// (`rest_token_app_invalid_grant.json`): only `error` and `error_description`.
const grantError = (error: string, description: string) => ({ error_description: description, error });

/** `POST /{org}/{app}/token`, client_credentials grant (easemob.md §1.1). */
export function registerEasemobTokenRoutes(server: FastifyInstance, ctx: EasemobContext): void {
  server.post('/:org/:app/token', async (request, reply) => {
    const app = ctx.app(request);
    if ('status' in app) return sendError(reply, app);
    const parsed = parseJson(request.body);
    if (!parsed.ok || !isObject(parsed.value)) return sendError(reply, invalidBody());
    const body = parsed.value;
    if (body['grant_type'] !== 'client_credentials') {
      return reply
        .code(400)
        .send(grantError('unsupported_grant_type', 'grant_type must be client_credentials'));
    }
    if (typeof body['client_id'] !== 'string' || body['client_id'] === '') {
      return reply.code(400).send(grantError('illegal_argument', 'client_id must be provided.'));
    }
    if (typeof body['client_secret'] !== 'string' || body['client_secret'] === '') {
      return reply.code(400).send(grantError('illegal_argument', 'client_secret must be provided'));
    }
    if (body['client_id'] !== app.clientId) {
      return reply.code(400).send(grantError('invalid_grant', 'client_id does not match'));
    }
    if (body['client_secret'] !== app.clientSecret) {
      return reply.code(400).send(grantError('invalid_grant', 'client_secret does not match'));
    }
    // `ttl` is a Long in seconds but printed as a string in the vendor's example; 0 = never expires.
    const ttlRaw = body['ttl'];
    const ttl = ttlRaw === undefined ? ctx.tokenTtlSeconds : Number(ttlRaw);
    if (!Number.isInteger(ttl) || ttl < 0) return sendError(reply, invalidBody());
    return {
      access_token: ctx.tokens.issue(app.appKey, ttl),
      expires_in: ttl,
      application: app.uuid,
    };
  });
}
