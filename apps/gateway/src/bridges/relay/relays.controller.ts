import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../../common/auth.decorators.js';
import {
  RelayDetailResponseDto,
  RelayListQueryDto,
  RelayListResponseDto,
  RelayRetryDto,
  RelayRetryResponseDto,
} from './relay.dto.js';
import { RelaysService } from './relays.service.js';

@ApiTags('bridges')
@ApiBearerAuth()
@AdminOnly()
@Controller('v1/bridges/:bridgeId/relays')
export class RelaysController {
  constructor(private readonly relays: RelaysService) {}

  @Get()
  @ApiOperation({
    summary: 'List relays (filter by status, or find the relays of one message by its vendor id)',
  })
  @ApiOkResponse({ type: RelayListResponseDto })
  list(@Param('bridgeId') id: string, @Query() q: RelayListQueryDto): Promise<RelayListResponseDto> {
    const { status, sourceMessageId } = q;
    return this.relays.list(
      id,
      { ...(status ? { status } : {}), ...(sourceMessageId !== undefined ? { sourceMessageId } : {}) },
      q.cursor,
      q.limit,
    );
  }

  @Get(':relayId')
  @ApiOperation({ summary: 'A relay with its attempts' })
  @ApiOkResponse({ type: RelayDetailResponseDto })
  get(@Param('bridgeId') id: string, @Param('relayId') relayId: string): Promise<RelayDetailResponseDto> {
    return this.relays.get(id, relayId);
  }

  @Post('retry')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'retryRelays',
    summary: 'Retry relays now: by id, or every failed and unmapped one (after a mapping upload)',
  })
  @ApiOkResponse({ type: RelayRetryResponseDto })
  @ApiNotFoundResponse({
    description: 'No such bridge, or an id names no relay of this bridge (`not_found`).',
  })
  retry(@Param('bridgeId') id: string, @Body() dto: RelayRetryDto): Promise<RelayRetryResponseDto> {
    return this.relays.retry(id, dto ?? {});
  }
}
