import type { FastifyInstance } from 'fastify';
import { ImGatewayError } from '@im-gateway/types';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as received: vendor signatures and the stored raw callback need it. */
    rawBody?: string;
  }
}

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
        done(new ImGatewayError('invalid_json', `The body is not valid JSON: ${(error as Error).message}`));
      }
    },
  );
}
