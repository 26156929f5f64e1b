import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { buildUnifiedEventSchema, type JsonSchema } from '@im-gateway/types';
import { Public } from '../common/auth.decorators.js';

// Built once: the schema is a pure function of the type lists compiled into this process.
const SCHEMA = buildUnifiedEventSchema();

/** The unified event model as JSON Schema, for consumers that validate what they receive in other languages. */
@ApiTags('events')
@Controller('v1/schema')
export class EventSchemaController {
  @Get('events')
  @Public()
  @Header('Content-Type', 'application/schema+json')
  @ApiOperation({
    operationId: 'getEventSchema',
    summary: 'The JSON Schema (2020-12) of a unified event',
    description:
      'The same document as `packages/types/schema/unified-event.schema.json`. The root describes an event as the events API returns it and webhooks deliver it; `$defs.UnifiedEventDraft` is what a provider normalizer yields.',
  })
  @ApiOkResponse({
    description: 'A JSON Schema document.',
    content: { 'application/schema+json': { schema: { type: 'object', additionalProperties: true } } },
  })
  events(): JsonSchema {
    return SCHEMA;
  }
}
