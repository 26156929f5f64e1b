import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { declareErrorResponses, ERROR_SCHEMA } from './openapi/error-responses.js';
import { operationIdOf } from './openapi/operation-ids.js';
import { toOpenApi31 } from './openapi/openapi-31.js';
import { webhookCatalog } from './openapi/webhook-catalog.js';

/**
 * The OpenAPI 3.1 document of the API: readable operationIds, the shared error body on every
 * authenticated operation, and the unified event catalog as `webhooks`. `packages/client` is generated
 * from it (`packages/client/openapi.json`, kept current by a test).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('im-gateway')
    .setDescription(
      'One API over Easemob and Tencent Cloud IM: vendor callbacks become unified events, delivered to your endpoints as signed CloudEvents; one send API for every vendor. Errors share one body: `{ "error": { "code", "message", "details"? } }`.',
    )
    .setVersion('0.1.0')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addServer('/', 'This gateway')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'The admin token (GATEWAY_ADMIN_TOKEN) or an app API key.',
    })
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => operationIdOf(controllerKey, methodKey),
  });
  const catalog = webhookCatalog();
  document.components ??= {};
  document.components.schemas = {
    ...document.components.schemas,
    ErrorResponse: ERROR_SCHEMA as never,
    ...(catalog.schemas as Record<string, never>),
  };
  declareErrorResponses(document.paths as never);
  const paths = useSharedSchemas(document.paths, document.components.schemas);
  return { ...(toOpenApi31({ ...document, paths }) as OpenAPIObject), webhooks: catalog.webhooks as never };
}

/**
 * The DTO classes flatten message contents and events for class-validator; in the document they are the
 * unified model's own schemas, so a client gets message contents as a union discriminated on `type`:
 * `SendableContent` for a send is `MessageContent` without `unknown` (what only a vendor can produce).
 */
const SHARED: Record<string, string> = {
  MessageContentDto: 'SendableContent',
  UnifiedEventDto: 'UnifiedEvent',
};

function useSharedSchemas(
  paths: OpenAPIObject['paths'],
  schemas: Record<string, unknown>,
): OpenAPIObject['paths'] {
  let text = JSON.stringify({ paths, schemas });
  for (const [dto, shared] of Object.entries(SHARED)) {
    text = text.replaceAll(`"#/components/schemas/${dto}"`, `"#/components/schemas/${shared}"`);
  }
  const replaced = JSON.parse(text) as { paths: OpenAPIObject['paths']; schemas: Record<string, unknown> };
  for (const dto of Object.keys(SHARED)) delete replaced.schemas[dto];
  for (const key of Object.keys(schemas)) delete schemas[key];
  Object.assign(schemas, replaced.schemas);
  return replaced.paths;
}

/** OpenAPI document at `/docs-json`, Swagger UI at `/docs`. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
  });
}
