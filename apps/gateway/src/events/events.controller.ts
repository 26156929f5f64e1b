import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { UnifiedEvent } from '@im-gateway/types';
import { EventListResponseDto, EventQueryDto, UnifiedEventDto } from './event.dto.js';
import { EventStreamService } from './event-stream.service.js';
import { EventsService } from './events.service.js';

@ApiTags('events')
@ApiBearerAuth()
@Controller('v1/apps/:appId/events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly streams: EventStreamService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Stored unified events, oldest first, with filters and cursor pagination' })
  @ApiOkResponse({ type: EventListResponseDto })
  list(
    @Param('appId') appId: string,
    @Query() query: EventQueryDto,
  ): Promise<{ data: UnifiedEvent[]; nextCursor: string | null }> {
    return this.events.list(appId, query);
  }

  @Get('stream')
  @ApiOperation({
    operationId: 'streamEvents',
    summary: 'Server-sent events: each new event as it is stored (`id:` is the event id)',
    description:
      'Same filters as the list. Starts with events stored from now on, or after `cursor`; a reconnecting client sends `Last-Event-ID` and resumes after it. A comment line every 15 s keeps proxies from closing it.',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this event id.' })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'An endless `text/event-stream`; each `data:` line is one unified event as JSON.',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  async stream(
    @Param('appId') appId: string,
    @Query() query: EventQueryDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const after = this.streams.startAfter(query, lastEventId); // before hijacking: a bad id is a 400
    reply.hijack(); // the stream writes the raw response for as long as it is open
    await this.streams.stream(appId, query, after, reply.raw);
  }

  @Get(':eventId')
  @ApiOperation({ summary: 'One unified event' })
  @ApiOkResponse({ type: UnifiedEventDto })
  get(@Param('appId') appId: string, @Param('eventId') eventId: string): Promise<UnifiedEvent> {
    return this.events.get(appId, eventId);
  }
}
