import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { UnifiedEvent } from '@im-gateway/types';
import { EventListResponseDto, EventQueryDto, UnifiedEventDto } from './event.dto.js';
import { EventsService } from './events.service.js';

@ApiTags('events')
@ApiBearerAuth()
@Controller('v1/apps/:appId/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @ApiOperation({ summary: 'Stored unified events, oldest first, with filters and cursor pagination' })
  @ApiOkResponse({ type: EventListResponseDto })
  list(
    @Param('appId') appId: string,
    @Query() query: EventQueryDto,
  ): Promise<{ data: UnifiedEvent[]; nextCursor: string | null }> {
    return this.events.list(appId, query);
  }

  @Get(':eventId')
  @ApiOperation({ summary: 'One unified event' })
  @ApiOkResponse({ type: UnifiedEventDto })
  get(@Param('appId') appId: string, @Param('eventId') eventId: string): Promise<UnifiedEvent> {
    return this.events.get(appId, eventId);
  }
}
