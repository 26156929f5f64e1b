import type { FastifyInstance } from 'fastify';
import { ImGatewayError } from '@im-gateway/types';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as received: vendor signatures and the stored raw callback need it. */
    rawBody?: string;
  }
}

/** Body of a vendor callback that is not valid JSON: the provider answers it in the vendor's format. */
export const INVALID_JSON_BODY = Symbol.for('im-gateway.invalid-json-body');

const isCallback = (url: string): boolean => url.startsWith('/callbacks/');

/**
 * Parses JSON bodies while keeping the raw text. Replaces Fastify's parser so that a malformed body
 * becomes `invalid_json` in the shared error body, and so the raw text is there for signature checks.
 */
export function registerJsonBodyParser(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(
    /^application\/([\w.+-]+\+)?json$/,
    { parseAs: 'string', bodyLimit },
    (request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      request.rawBody = text;
      if (text.trim() === '') return done(null, undefined);
      try {
        done(null, JSON.parse(text));
      } catch (error) {
        if (isCallback(request.url)) return done(null, INVALID_JSON_BODY);
        done(new ImGatewayError('invalid_json', `The body is not valid JSON: ${(error as Error).message}`));
      }
    },
  );
  // Id tables may be uploaded as CSV (bridge mappings); the route reads the text.
  fastify.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    request.rawBody = text;
    done(null, text);
  });
  // Vendors may label a JSON callback otherwise (text/plain, no type at all): callbacks take any type and are
  // judged by their content; every other route accepts JSON only.
  fastify.addContentTypeParser('*', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    if (!isCallback(request.url)) {
      return done(
        new ImGatewayError('unsupported_media_type', 'Send JSON with content-type: application/json.'),
      );
    }
    const text = typeof body === 'string' ? body : body.toString('utf8');
    request.rawBody = text;
    try {
      done(null, JSON.parse(text));
    } catch {
      done(null, INVALID_JSON_BODY);
    }
  });
}
