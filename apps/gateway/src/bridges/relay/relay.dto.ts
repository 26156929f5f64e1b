import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { RELAY_STATUSES } from '@im-gateway/persistence';
import { PageQueryDto } from '../../common/pagination.dto.js';

export class RelayListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only relays in this status.', enum: RELAY_STATUSES })
  @IsOptional()
  @IsIn(RELAY_STATUSES)
  status?: (typeof RELAY_STATUSES)[number];

  @ApiPropertyOptional({
    description:
      "Only the relays of this original message (exact vendor message id, either app): its relay and its recall's.",
    maxLength: 200,
    example: '1234567890123456789',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  sourceMessageId?: string;
}

export class RelayAttemptDto {
  @ApiProperty({ description: 'When the attempt started.' }) attemptedAt!: string;
  @ApiProperty({ description: "The relay's status after it.", enum: RELAY_STATUSES }) outcome!: string;
  @ApiProperty({ description: 'How long it took (ms).' }) durationMs!: number;
  @ApiProperty({ description: 'What went wrong, if anything.', nullable: true, type: String }) error!:
    string | null;
}

export class RelayResponseDto {
  @ApiProperty({ description: 'Relay id.' }) id!: string;
  @ApiProperty({ description: 'The bridge.' }) bridgeId!: string;
  @ApiProperty({ description: '`message` (a send) or `recall`.', enum: ['message', 'recall'] })
  action!: string;
  @ApiProperty({ description: 'The app the original is on.' }) sourceAppId!: string;
  @ApiProperty({ description: 'The app the copy goes to.' }) targetAppId!: string;
  @ApiProperty({ description: 'The event relayed; null for a dual-send.', nullable: true, type: String })
  originEventId!: string | null;
  @ApiProperty({ description: "The original message's vendor id." }) sourceMessageId!: string;
  @ApiProperty({
    description: 'Conversation kind (direct, group, chatroom), once known.',
    nullable: true,
    type: String,
  })
  conversationKind!: string | null;
  @ApiProperty({
    description: 'Source conversation (`a|b` for a direct chat).',
    nullable: true,
    type: String,
  })
  conversationId!: string | null;
  @ApiProperty({ description: 'Where it stands.', enum: RELAY_STATUSES }) status!: string;
  @ApiProperty({ description: 'Why it is unmapped, skipped or failed.', nullable: true, type: String })
  reason!: string | null;
  @ApiProperty({ description: 'Attempts made.' }) attempts!: number;
  @ApiProperty({ description: 'When the next attempt is due.', nullable: true, type: String })
  nextAttemptAt!: string | null;
  @ApiProperty({ description: 'The last error.', nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ description: "The copies' vendor ids (a recall: the ids recalled).", type: [String] })
  targetMessageIds!: string[];
  @ApiProperty({ description: 'When the original occurred.' }) occurredAt!: string;
  @ApiProperty({ description: 'When the gateway received it.' }) createdAt!: string;
  @ApiProperty({ description: 'When the copy was sent.', nullable: true, type: String }) relayedAt!:
    string | null;
}

export class RelayDetailResponseDto extends RelayResponseDto {
  @ApiProperty({ description: 'Every attempt, oldest first.', type: [RelayAttemptDto] })
  attemptLog!: RelayAttemptDto[];
}

export class RelayListResponseDto {
  @ApiProperty({ type: [RelayResponseDto], description: 'Relays, oldest first.' }) data!: RelayResponseDto[];
  @ApiProperty({ description: 'Next page cursor, or null.', nullable: true, type: String })
  nextCursor!: string | null;
}

export class RelayRetryDto {
  @ApiPropertyOptional({
    description: 'These relays (any status but under way); an id that is no relay of this bridge is a 404.',
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  ids?: string[];

  @ApiPropertyOptional({
    description: 'Instead of ids: every relay of the bridge in these statuses (default failed and unmapped).',
    enum: RELAY_STATUSES,
    isArray: true,
  })
  @IsOptional()
  @IsArray()
  @IsIn(RELAY_STATUSES, { each: true })
  statuses?: (typeof RELAY_STATUSES)[number][];
}

export class RelayRetryResponseDto {
  @ApiProperty({ description: 'Relays put back in line.', type: [String] }) requeued!: string[];
}
