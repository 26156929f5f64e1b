import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CallbackRejectedError, ImGatewayError } from '@im-gateway/types';
import { jsonContainsNul, jsonNestsDeeperThan, MAX_JSON_DEPTH } from './json-limits.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as received: vendor signatures and the stored raw callback need it. */
    rawBody?: string;
  }
}

/** Body of a vendor callback that is not valid JSON: the provider answers it in the vendor's format. */
export const INVALID_JSON_BODY = Symbol.for('im-gateway.invalid-json-body');

/**
 * Body of a vendor callback that is JSON but can never be stored (nested too deep, a NUL character): the
 * provider refuses it in the vendor's format, before anything in it is trusted.
 */
export class RefusedCallbackBody {
  constructor(readonly error: CallbackRejectedError) {}
}

const isCallback = (url: string): boolean => url.startsWith('/callbacks/');

const TOO_DEEP = `The body nests deeper than ${MAX_JSON_DEPTH} levels.`;
const HAS_NUL = 'The body contains a NUL character (\\u0000), which cannot be stored.';

/** An API body: parsed, or refused with the shared error body. */
function parseApiJson(text: string): unknown {
  if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) throw new ImGatewayError('invalid_json', TOO_DEEP);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ImGatewayError('invalid_json', `The body is not valid JSON: ${(error as Error).message}`);
  }
  if (jsonContainsNul(value, text)) throw new ImGatewayError('validation_failed', HAS_NUL);
  return value;
}

/** A callback body: parsed, or a marker the provider answers in the vendor's format. */
function parseCallbackJson(text: string): unknown {
  if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) {
    return new RefusedCallbackBody(new CallbackRejectedError('callback_malformed', TOO_DEEP));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return INVALID_JSON_BODY;
  }
  if (jsonContainsNul(value, text)) {
    return new RefusedCallbackBody(new CallbackRejectedError('callback_malformed', HAS_NUL));
  }
  return value;
}

function keepText(request: FastifyRequest, body: string | Buffer): string {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  request.rawBody = text;
  return text;
}

/**
 * Parses JSON bodies while keeping the raw text. Replaces Fastify's parser so that a malformed body
 * becomes `invalid_json` in the shared error body, so the raw text is there for signature checks, and so
 * that what can never be handled (nested too deep, NUL) is refused before validation or storage sees it.
 */
export function registerJsonBodyParser(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  // Fastify matches the whole header, parameters included: `application/json; charset=utf-8` is what
  // OkHttp, Spring and .NET send.
  fastify.addContentTypeParser(
    /^application\/([\w.+-]+\+)?json\s*(;|$)/i,
    { parseAs: 'string', bodyLimit },
    (request, body, done) => {
      const text = keepText(request, body);
      if (text.trim() === '') return done(null, undefined);
      if (isCallback(request.url)) return done(null, parseCallbackJson(text));
      try {
        done(null, parseApiJson(text));
      } catch (error) {
        done(error as Error);
      }
    },
  );
  // Id tables may be uploaded as CSV (bridge mappings); the route reads the text.
  fastify.addContentTypeParser(
    /^text\/csv\s*(;|$)/i,
    { parseAs: 'string', bodyLimit },
    (request, body, done) => {
      const text = keepText(request, body);
      if (text.includes('\u0000')) return done(new ImGatewayError('validation_failed', HAS_NUL));
      done(null, text);
    },
  );
  // Vendors may label a JSON callback otherwise (text/plain, no type at all): callbacks take any type and are
  // judged by their content; every other route accepts JSON only.
  fastify.addContentTypeParser('*', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    if (!isCallback(request.url)) {
      return done(
        new ImGatewayError('unsupported_media_type', 'Send JSON with content-type: application/json.'),
      );
    }
    done(null, parseCallbackJson(keepText(request, body)));
  });
}
