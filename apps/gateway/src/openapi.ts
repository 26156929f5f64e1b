import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI 3 document at `/docs-json`, Swagger UI at `/docs`. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('im-gateway')
    .setDescription(
      'One API over Easemob and Tencent Cloud IM: vendor callbacks become unified events, delivered to your endpoints as signed CloudEvents; one send API for every vendor. Errors share one body: `{ "error": { "code", "message", "details"? } }`.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'The admin token (GATEWAY_ADMIN_TOKEN) or an app API key.',
    })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}
