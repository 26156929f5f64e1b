import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';
import { CONVERSATION_TYPES, EVENT_TYPES, isEventTypePattern } from '@im-gateway/types';
import { PageQueryDto } from '../common/pagination.dto.js';
import { IsTimestamp } from '../common/timestamp.validator.js';

/**
 * Comma-separated event types and patterns, each matching at least one type: the rule endpoint creation
 * applies to `eventTypes`, so a typo is a 400 rather than an empty page.
 */
const IsEventTypeFilter = () =>
  ValidateBy({
    name: 'isEventTypeFilter',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && value.split(',').every(isEventTypePattern),
      defaultMessage: () =>
        'type must be event types or patterns that match some, such as message.* or group.member.*',
    },
  });

export class EventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description:
      'Event type, or comma-separated types and patterns: `message.*`, `group.member.*,user.online`.',
    example: 'message.*',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @IsEventTypeFilter()
  type?: string;

  @ApiPropertyOptional({ description: 'Conversation kind.', enum: CONVERSATION_TYPES })
  @IsOptional()
  @IsIn(CONVERSATION_TYPES)
  conversationType?: string;

  @ApiPropertyOptional({ description: 'Conversation id (peer user, group, chat room or thread).' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  conversationId?: string;

  @ApiPropertyOptional({
    description: 'Events caused by this user, or in the direct conversation with this user.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  userId?: string;

  @ApiPropertyOptional({
    description: 'Only events that occurred at or after this time (RFC 3339, e.g. `2024-01-31T08:00:00Z`).',
  })
  @IsOptional()
  @IsTimestamp()
  since?: string;

  @ApiPropertyOptional({
    description: 'Only events that occurred before this time (RFC 3339, e.g. `2024-01-31T08:00:00Z`).',
  })
  @IsOptional()
  @IsTimestamp()
  until?: string;
}

export class ConversationDto {
  @ApiProperty({ description: 'Conversation kind.', enum: CONVERSATION_TYPES })
  type!: string;
  @ApiProperty({ description: 'Peer user (direct), group, chat room or thread id.' })
  id!: string;
  @ApiPropertyOptional({ description: 'For threads: the group the thread belongs to.' })
  parentId?: string;
}

export class UnifiedEventDto {
  @ApiProperty({ description: 'Event id (UUIDv7, time-sortable); the `webhook-id` of its deliveries.' })
  id!: string;
  @ApiProperty({ description: 'Unified event type.', enum: EVENT_TYPES })
  type!: string;
  @ApiProperty({ description: 'The vendor it came from.', example: 'easemob' })
  provider!: string;
  @ApiProperty({ description: 'The gateway app (tenant).' })
  appId!: string;
  @ApiProperty({ description: "When it happened, from the vendor's own timestamp (ISO-8601, ms)." })
  occurredAt!: string;
  @ApiProperty({ description: 'When the gateway accepted the callback (ISO-8601, ms).' })
  receivedAt!: string;
  @ApiProperty({ description: 'The same for every retry of the same vendor event.' })
  dedupeKey!: string;
  @ApiPropertyOptional({ description: 'Where it happened.', type: ConversationDto })
  conversation?: ConversationDto;
  @ApiPropertyOptional({ description: 'The user who caused it, vendor decorations removed.' })
  actor?: string;
  @ApiPropertyOptional({ description: 'The users it was done to.', type: [String] })
  subjects?: string[];
  @ApiPropertyOptional({
    description: 'For message events: the message (id, from, to, sentAt, contents, ext, mentions).',
    type: 'object',
    additionalProperties: true,
  })
  message?: Record<string, unknown>;
  @ApiProperty({
    description: 'Type-specific fields with no common home.',
    type: 'object',
    additionalProperties: true,
  })
  data!: Record<string, unknown>;
  @ApiProperty({
    description: "The vendor's callback body exactly as received.",
    type: 'object',
    additionalProperties: true,
  })
  raw!: unknown;
}

export class EventListResponseDto {
  @ApiProperty({ type: [UnifiedEventDto], description: 'One page of events, oldest first.' })
  data!: UnifiedEventDto[];
  @ApiProperty({
    description: 'Pass as `cursor` for the next page; null on the last page.',
    nullable: true,
    type: String,
  })
  nextCursor!: string | null;
}
