import { ApiProperty } from '@nestjs/swagger';

export class StatusCountsDto {
  @ApiProperty({ description: 'Waiting for an attempt (or for the bridge to resume).' }) pending!: number;
  @ApiProperty({ description: 'Under way now.' }) relaying!: number;
  @ApiProperty({ description: 'Sent to the other side.' }) relayed!: number;
  @ApiProperty({ description: 'Gave up (retry through the API).' }) failed!: number;
  @ApiProperty({ description: 'A user, group or chat room has no mapping yet.' }) unmapped!: number;
  @ApiProperty({ description: 'Nothing to relay (content the target cannot carry, an echo).' })
  skipped!: number;
  @ApiProperty({ description: 'All of them.' }) total!: number;
}

export class KindStatsDto extends StatusCountsDto {
  @ApiProperty({ description: '`message` or `recall`.' }) action!: string;
  @ApiProperty({
    description: 'Conversation kind (direct, group, chatroom); null for recalls.',
    nullable: true,
    type: String,
  })
  kind!: string | null;
}

export class ConversationStatsDto extends StatusCountsDto {
  @ApiProperty({ description: 'Conversation kind.', nullable: true, type: String }) kind!: string | null;
  @ApiProperty({ description: 'Source conversation (`a|b` for a direct chat).' }) conversationId!: string;
}

export class LagDto {
  @ApiProperty({
    description: 'Median ms from the source event reaching the gateway to the copy being sent.',
    nullable: true,
    type: Number,
  })
  p50!: number | null;
  @ApiProperty({ description: '99th percentile, ms.', nullable: true, type: Number }) p99!: number | null;
  @ApiProperty({ description: 'Relayed messages measured (the latest 10,000).' }) samples!: number;
}

/**
 * The newest error still unresolved: the latest attempt that recorded an error, among relays that are not
 * `relayed` now. When that relay later goes through (a retry, an uploaded mapping), its errors are resolved
 * and the next unresolved one, if any, is reported instead; a success of another relay resolves nothing.
 */
export class LastErrorDto {
  @ApiProperty({ description: 'The relay.' }) relayId!: string;
  @ApiProperty({ description: 'What that attempt came to (pending = to be retried, failed, unmapped, …).' })
  status!: string;
  @ApiProperty({ description: 'The error.' }) error!: string;
  @ApiProperty({ description: 'When the attempt was made.', nullable: true, type: String }) at!:
    string | null;
}

export class BridgeStatsResponseDto {
  @ApiProperty({ description: 'The bridge.' }) bridgeId!: string;
  @ApiProperty({ description: 'Every relay of the bridge by status.', type: StatusCountsDto })
  totals!: StatusCountsDto;
  @ApiProperty({ description: 'By action and conversation kind.', type: [KindStatsDto] })
  byKind!: KindStatsDto[];
  @ApiProperty({ description: 'The 100 busiest conversations.', type: [ConversationStatsDto] })
  byConversation!: ConversationStatsDto[];
  @ApiProperty({ description: 'Relay lag.', type: LagDto }) lagMs!: LagDto;
  @ApiProperty({
    description:
      'The newest error of a relay that has not been relayed since (pending, failed, unmapped or skipped); null when none.',
    nullable: true,
    type: LastErrorDto,
  })
  lastError!: LastErrorDto | null;
}
