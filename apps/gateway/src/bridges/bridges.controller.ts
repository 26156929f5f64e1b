import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AdminOnly } from '../common/auth.decorators.js';
import { PageQueryDto } from '../common/pagination.dto.js';
import { MessageSendDto } from '../messages/message.dto.js';
import { BridgeCreateDto, BridgeListResponseDto, BridgeResponseDto, BridgeUpdateDto } from './bridge.dto.js';
import { BridgesService } from './bridges.service.js';
import { DualSendResponseDto } from './dual-send/dual-send.dto.js';
import { DualSendService } from './dual-send/dual-send.service.js';
import { BridgeStatsResponseDto } from './stats/bridge-stats.dto.js';
import { BridgeStatsService } from './stats/bridge-stats.service.js';

@ApiTags('bridges')
@ApiBearerAuth()
@AdminOnly()
@Controller('v1/bridges')
export class BridgesController {
  constructor(
    private readonly bridges: BridgesService,
    private readonly stats: BridgeStatsService,
    private readonly dualSend: DualSendService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Bridge two apps: relay messages between them during a migration (admin)' })
  @ApiCreatedResponse({ type: BridgeResponseDto })
  create(@Body() dto: BridgeCreateDto): Promise<BridgeResponseDto> {
    return this.bridges.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'List bridges' })
  @ApiOkResponse({ type: BridgeListResponseDto })
  list(@Query() q: PageQueryDto): Promise<BridgeListResponseDto> {
    return this.bridges.list(q.cursor, q.limit);
  }

  @Get(':bridgeId')
  @ApiOperation({ summary: 'Get a bridge' })
  @ApiOkResponse({ type: BridgeResponseDto })
  get(@Param('bridgeId') id: string): Promise<BridgeResponseDto> {
    return this.bridges.get(id);
  }

  @Patch(':bridgeId')
  @ApiOperation({ summary: 'Change a bridge, pause or resume it' })
  @ApiOkResponse({ type: BridgeResponseDto })
  update(@Param('bridgeId') id: string, @Body() dto: BridgeUpdateDto): Promise<BridgeResponseDto> {
    return this.bridges.update(id, dto);
  }

  @Delete(':bridgeId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a bridge with its id tables and relay records' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  remove(@Param('bridgeId') id: string): Promise<void> {
    return this.bridges.remove(id);
  }

  @Get(':bridgeId/stats')
  @ApiOperation({
    operationId: 'getBridgeStats',
    summary: 'Relay progress: counts by kind and conversation, lag, last error',
  })
  @ApiOkResponse({ type: BridgeStatsResponseDto })
  getStats(@Param('bridgeId') id: string): Promise<BridgeStatsResponseDto> {
    return this.stats.stats(id);
  }

  @Post(':bridgeId/messages')
  @ApiOperation({
    operationId: 'sendBridgeMessage',
    summary: 'Dual-send: one message to both sides of the bridge (ids in source-app terms)',
  })
  @ApiCreatedResponse({ type: DualSendResponseDto, description: 'Sent on both sides.' })
  @ApiResponse({
    status: 207,
    type: DualSendResponseDto,
    description: 'One side (or some recipients) failed.',
  })
  async send(
    @Param('bridgeId') id: string,
    @Body() dto: MessageSendDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const outcome = await this.dualSend.send(id, dto);
    await reply.status(outcome.status).send(outcome.body);
  }
}
