import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where turbo builds the console (`apps/console/dist`), from `src/console/` and `dist/console/` alike. */
export const CONSOLE_DIR = fileURLToPath(new URL('../../../console/dist/', import.meta.url));

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Console not built</title></head>
<body><h1>The console is not built</h1><p>Run <code>npm start</code> (or <code>npx turbo run build</code>) from the
repository root: it builds <code>apps/console</code>, which the gateway serves here.</p></body></html>`;

/**
 * Serves the operator console's static files at `/console/`. The console calls the public API like any
 * client, so these files need no auth; when they were not built, `/console` says how to build them.
 */
export async function registerConsole(fastify: FastifyInstance, dir: string = CONSOLE_DIR): Promise<void> {
  if (!existsSync(`${dir}/index.html`)) {
    const answer = (
      _req: unknown,
      reply: { code(n: number): { type(t: string): { send(b: string): unknown } } },
    ) => reply.code(404).type('text/html; charset=utf-8').send(NOT_BUILT);
    fastify.get('/console', answer);
    fastify.get('/console/*', answer);
    return;
  }
  fastify.get('/console', (_req, reply) => reply.redirect('/console/'));
  await fastify.register(fastifyStatic, {
    root: dir,
    prefix: '/console/',
    decorateReply: false, // Swagger UI registers @fastify/static too
    cacheControl: false, // hashed assets get their own header below
    setHeaders: (reply, path) => {
      void reply.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}
