import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { ErrorFilter } from './common/error.filter.js';
import { registerConsole } from './console/console.static.js';
import { registerApiRateLimit } from './common/api-rate-limit.js';
import {
  httpServerOptions,
  registerRequestGuards,
  registerShutdownConnectionClose,
} from './common/http-server.options.js';
import { registerJsonBodyParser } from './common/json-body.parser.js';
import { createLogger, PinoNestLogger } from './common/logger.js';
import { runWithRequestId } from './common/request-context.js';
import { createValidationPipe } from './common/validation.pipe.js';
import type { GatewaySettings } from './config/gateway-settings.js';
import { MetricsService } from './metrics/metrics.service.js';
import { setupOpenApi } from './openapi.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Builds the gateway application (not yet listening). Used by `main.ts` and by the tests, which may add
 * modules (`extraModules`: a test double provider).
 */
export async function createGateway(
  settings: GatewaySettings,
  logger: Logger = createLogger(settings.logLevel),
  extraModules: DynamicModule[] = [],
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: settings.bodyLimitBytes,
    // Keep the caller's request id when it sends a sane one, so logs join up across services.
    genReqId: (req: IncomingMessage) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    return503OnClosing: true,
    ...httpServerOptions(settings, logger),
  });
  registerJsonBodyParser(adapter.getInstance(), settings.bodyLimitBytes);
  registerRequestGuards(adapter.getInstance());
  registerShutdownConnectionClose(adapter.getInstance());
  const routes: string[] = [];
  adapter.getInstance().addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push(`${method} ${route.url}`);
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(settings, extraModules),
    adapter,
    {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
      bodyParser: false, // our own JSON parser (json-body.parser.ts) keeps the raw body
    },
  );
  const fastify = app.getHttpAdapter().getInstance();
  await registerApiRateLimit(fastify, {
    ...settings.apiRateLimit,
    redisUrl: settings.redisUrl,
    keyPrefix: settings.deliveryQueuePrefix,
  });
  const metrics = app.get(MetricsService);
  // After the body is read (its stream events run outside any request), the handler and all it awaits run
  // with the request id in context.
  fastify.addHook('preHandler', (request, _reply, done) => runWithRequestId(request.id, done));
  fastify.addHook('onSend', async (request, reply, payload) => {
    void reply.header('x-request-id', request.id);
    return payload;
  });
  fastify.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  app.useGlobalFilters(new ErrorFilter());
  app.useGlobalPipes(createValidationPipe());
  setupOpenApi(app);
  await registerConsole(fastify);
  await app.init();
  servedRoutes.set(app, routes);
  return app;
}

const servedRoutes = new WeakMap<NestFastifyApplication, string[]>();

/** The routes a gateway serves, as `METHOD /path/:param` (for the OpenAPI completeness check). */
export function routesOf(app: NestFastifyApplication): string[] {
  return servedRoutes.get(app) ?? [];
}
