import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ImGatewayError } from '@im-gateway/types';
import { MessageResponseDto, MessageSendDto } from './message.dto.js';
import { MessagesService } from './messages.service.js';

/** 429 answers carry `Retry-After` (seconds): the vendor's own, or the window of the exhausted budget. */
function withRetryAfter(reply: FastifyReply, error: unknown): unknown {
  if (
    error instanceof ImGatewayError &&
    (error.code === 'vendor_rate_limited' || error.code === 'rate_limited')
  ) {
    const ms = (error as { retryAfterMs?: number }).retryAfterMs;
    void reply.header('retry-after', String(Math.max(1, Math.ceil((ms ?? 1000) / 1000))));
  }
  return error;
}

function idempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.length === 0 || value.length > 255)
    throw new ImGatewayError('validation_failed', 'Idempotency-Key must be 1–255 characters.', [
      { field: 'Idempotency-Key', message: 'must be 1–255 characters' },
    ]);
  return value;
}

@ApiTags('messages')
@ApiBearerAuth()
@Controller('v1/apps/:appId/messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Post()
  @ApiOperation({
    operationId: 'sendMessage',
    summary: 'Send a message through the app’s vendor (unified send)',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Repeat with the same key and body within 24 h: the first response, not a second send.',
  })
  @ApiCreatedResponse({ type: MessageResponseDto, description: 'Sent to every recipient.' })
  @ApiResponse({
    status: 207,
    type: MessageResponseDto,
    description: 'Sent to some recipients; see each result.',
  })
  async send(
    @Param('appId') appId: string,
    @Body() dto: MessageSendDto,
    @Headers('idempotency-key') key: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    try {
      const outcome = await this.messages.send(appId, dto, request.body, idempotencyKey(key));
      if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
      await reply.status(outcome.status).send(outcome.body);
    } catch (error) {
      throw withRetryAfter(reply, error);
    }
  }

  @Get(':messageId')
  @ApiOperation({ summary: 'A sent message: the request and one result per recipient' })
  @ApiOkResponse({ type: MessageResponseDto })
  get(@Param('appId') appId: string, @Param('messageId') messageId: string): Promise<MessageResponseDto> {
    return this.messages.get(appId, messageId);
  }

  @Post(':messageId/recall')
  @HttpCode(200)
  @ApiOperation({ operationId: 'recallMessage', summary: 'Recall a sent message at the vendor' })
  @ApiOkResponse({ type: MessageResponseDto })
  async recall(
    @Param('appId') appId: string,
    @Param('messageId') messageId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MessageResponseDto> {
    try {
      return await this.messages.recall(appId, messageId);
    } catch (error) {
      throw withRetryAfter(reply, error);
    }
  }
}
