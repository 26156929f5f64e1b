import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../common/auth.decorators.js';
import { INVALID_JSON_BODY, RefusedCallbackBody } from '../common/json-body.parser.js';
import { CallbackIngestService } from './callback-ingest.service.js';

@ApiTags('callbacks')
@Controller('callbacks')
export class CallbacksController {
  constructor(private readonly ingest: CallbackIngestService) {}

  @Post(':provider/:appId')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'receiveCallback',
    summary: 'Vendor callback endpoint (configure it in the vendor console)',
    description:
      "Verified by the vendor's signature (Easemob `security`, Tencent `Sign`), not by bearer token. Answered in the vendor's own format, and only after the callback and its unified events are stored.",
  })
  @ApiParam({ name: 'provider', description: 'The vendor: `easemob` or `tencent`.' })
  @ApiParam({ name: 'appId', description: 'The gateway app the callback is for.' })
  @ApiBody({
    description: "The vendor's callback body, as the vendor sends it.",
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiResponse({ status: 200, description: "Stored (or a known duplicate): the vendor's ack." })
  @ApiResponse({
    status: 400,
    description:
      'Not JSON, or JSON that can never be stored (nested too deep, a NUL character, an id longer than the gateway keeps); nothing stored.',
  })
  @ApiResponse({ status: 401, description: 'Signature missing or wrong; nothing stored.' })
  @ApiResponse({ status: 404, description: 'No such app for this provider.' })
  @ApiResponse({ status: 503, description: 'Not stored (database unavailable): the vendor should retry.' })
  async receive(
    @Param('provider') provider: string,
    @Param('appId') appId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const refused = request.body instanceof RefusedCallbackBody ? request.body.error : undefined;
    const parsed = request.body !== INVALID_JSON_BODY && !refused;
    const result = await this.ingest.handle(provider, appId, {
      parsed,
      ...(refused ? { refusal: refused } : {}),
      body: parsed ? request.body : undefined,
      rawBody: request.rawBody ?? '',
      query: request.query as Record<string, string | string[] | undefined>,
      headers: request.headers as Record<string, string | undefined>,
    });
    await reply.status(result.status).send(result.body);
  }
}
