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
  @ApiProperty({ description: 'Why they could not be read or made into events.' }) reason!: string;
  @ApiProperty({ description: 'How many messages (or conversations) for this reason.' }) count!: number;
  @ApiProperty({ type: [String], description: 'A few message ids (or conversations) it concerns.' })
  examples!: string[];
}

class UnreadableSummaryDto {
  @ApiProperty({ description: 'Messages (or conversations) in all.' }) count!: number;
  @ApiProperty({ type: [UnreadableDto], description: 'By reason.' }) reasons!: UnreadableDto[];
}

class WindowDto {
  @ApiProperty({ description: 'Start (inclusive), ISO-8601.' }) from!: string;
  @ApiProperty({ description: 'End (exclusive), ISO-8601.' }) to!: string;
}

class ConversationProgressDto {
  @ApiProperty({ description: 'Conversations read so far.' }) read!: number;
  @ApiProperty({ description: 'Conversations to read: those the gateway saw traffic in.' }) total!: number;
}

class RunErrorDto {
  @ApiProperty({ description: 'Machine-readable error code.' }) code!: string;
  @ApiProperty({ description: 'What went wrong.' }) message!: string;
}

export class ReconciliationResponseDto implements ReconciliationReport {
  @ApiProperty({ description: 'The run id (UUIDv7).' }) id!: string;
  @ApiProperty({ description: 'The app reconciled.' }) appId!: string;
  @ApiProperty({ enum: ['manual', 'scheduled'], description: 'Started by a request, or by the schedule.' })
  trigger!: 'manual' | 'scheduled';
  @ApiProperty({ enum: ['pending', 'running', 'completed', 'failed'], description: 'Where the run is.' })
  status!: ReconciliationReport['status'];
  @ApiProperty({ type: WindowDto, description: 'The window of history read.' }) window!: WindowDto;
  @ApiProperty({ enum: ['export', 'conversations'], description: 'Where history is read from.' })
  source!: 'export' | 'conversations';
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
  @ApiPropertyOptional({
    type: ConversationProgressDto,
    description: '`conversations` source: how many are read.',
  })
  conversations?: ConversationProgressDto;
  @ApiProperty({ type: RunErrorDto, nullable: true, description: 'Why the run failed; null otherwise.' })
  error!: RunErrorDto | null;
  @ApiProperty({ description: 'When the run was created, ISO-8601.' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'When it started, ISO-8601.' }) startedAt!:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When it ended, ISO-8601.' }) finishedAt!:
    string | null;
}

export class ReconciliationListResponseDto {
  @ApiProperty({ type: [ReconciliationResponseDto], description: 'Runs, oldest first.' })
  data!: ReconciliationResponseDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The cursor of the next page; null on the last.',
  })
  nextCursor!: string | null;
}
