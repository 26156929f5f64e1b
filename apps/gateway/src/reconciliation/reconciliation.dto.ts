import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import type { UnreadableEntry } from '@im-gateway/persistence';
import type { ReconciliationReport } from './reconciliation.report.js';

export class ReconciliationCreateDto {
  @ApiProperty({
    description: 'Start of the window (inclusive), ISO-8601: messages sent from then.',
    example: '2026-12-05T10:00:00Z',
  })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({
    description: 'End of the window (exclusive), ISO-8601; not in the future.',
    example: '2026-12-05T11:00:00Z',
  })
  @IsISO8601({ strict: true })
  to!: string;

  @ApiPropertyOptional({
    enum: ['export', 'conversations'],
    description:
      "Where to read history: the vendor's hourly export (complete, available late) or conversation by conversation (at once, only the conversations the gateway has seen). Absent: the export once the window is older than the vendor's export delay, else conversations where the vendor offers them.",
  })
  @IsOptional()
  @IsIn(['export', 'conversations'])
  source?: 'export' | 'conversations';
}

class UnreadableDto implements UnreadableEntry {
  @ApiProperty() reason!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ type: [String], description: 'A few message ids (or conversations) it concerns.' })
  examples!: string[];
}

class UnreadableSummaryDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: [UnreadableDto] }) reasons!: UnreadableDto[];
}

class WindowDto {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
}

class ConversationProgressDto {
  @ApiProperty() read!: number;
  @ApiProperty() total!: number;
}

class RunErrorDto {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
}

export class ReconciliationResponseDto implements ReconciliationReport {
  @ApiProperty() id!: string;
  @ApiProperty() appId!: string;
  @ApiProperty({ enum: ['manual', 'scheduled'] }) trigger!: 'manual' | 'scheduled';
  @ApiProperty({ enum: ['pending', 'running', 'completed', 'failed'] })
  status!: ReconciliationReport['status'];
  @ApiProperty({ type: WindowDto }) window!: WindowDto;
  @ApiProperty({ enum: ['export', 'conversations'] }) source!: 'export' | 'conversations';
  @ApiProperty({ description: 'How far the run is, 0 to 1 (1 once completed).', minimum: 0, maximum: 1 })
  progress!: number;
  @ApiProperty({ description: "Messages read from the vendor's history, each once." }) seen!: number;
  @ApiProperty({ description: 'Of those, already stored (a callback brought them).' }) matched!: number;
  @ApiProperty({
    description: 'Of those, stored now as `message.sent` (or recall) events marked `data.recovered`.',
  })
  recovered!: number;
  @ApiProperty({
    type: UnreadableSummaryDto,
    description: 'Messages (or conversations) that could not be read or turned into events, by reason.',
  })
  unreadable!: UnreadableSummaryDto;
  @ApiPropertyOptional({ type: ConversationProgressDto }) conversations?: ConversationProgressDto;
  @ApiProperty({ type: RunErrorDto, nullable: true }) error!: RunErrorDto | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;
}

export class ReconciliationListResponseDto {
  @ApiProperty({ type: [ReconciliationResponseDto] }) data!: ReconciliationResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
