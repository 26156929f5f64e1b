import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MIGRATION_ITEM_STATUSES, MIGRATION_JOB_STATUSES, MIGRATION_PHASES } from '@im-gateway/persistence';
import { MIGRATION_KINDS, type MigrationKind } from '@im-gateway/types';
import { IsTimestamp } from '../common/timestamp.validator.js';
import { PageQueryDto } from '../common/pagination.dto.js';

export class MigrationHistoryWindowDto {
  @ApiProperty({ description: 'Oldest message to move (ISO-8601).', example: '2026-12-01T00:00:00.000Z' })
  @IsTimestamp()
  from!: string;

  @ApiPropertyOptional({
    description:
      'End of the window, exclusive (ISO-8601; default: when the job is created). Later messages are left to the live relay.',
  })
  @IsOptional()
  @IsTimestamp()
  to?: string;
}

export class MigrationPasswordsDto {
  @ApiProperty({
    description: '`random`: a random password per account; `fixed`: `value` for every account.',
    enum: ['random', 'fixed'],
  })
  @IsIn(['random', 'fixed'])
  mode!: 'random' | 'fixed';

  @ApiPropertyOptional({ description: '`fixed` only: the password. Stored sealed, never returned.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  value?: string;
}

export class MigrationUserCsvDto {
  @ApiProperty({ description: 'CSV text: one user id per line, optional header `userId` or `user_id`.' })
  csv!: string;
}

@ApiExtraModels(MigrationUserCsvDto)
export class MigrationCreateDto {
  @ApiPropertyOptional({
    description:
      '`forward` (default): from the bridge source to its target; `reverse`: back (a `both` bridge only).',
    enum: ['forward', 'reverse'],
  })
  @IsOptional()
  @IsIn(['forward', 'reverse'])
  direction?: 'forward' | 'reverse';

  @ApiPropertyOptional({
    description:
      "The kinds to move (default: every kind; history only when `history` is given). Imported in the vendors' order whatever the order here.",
    enum: MIGRATION_KINDS,
    isArray: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(MIGRATION_KINDS, { each: true })
  scope?: MigrationKind[];

  @ApiPropertyOptional({
    description: 'The window of history to move; required when the scope has history.',
    type: MigrationHistoryWindowDto,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MigrationHistoryWindowDto)
  history?: MigrationHistoryWindowDto;

  @ApiPropertyOptional({
    description: 'Plan only: read the source, record the items and what will be skipped, import nothing.',
  })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({
    description:
      'The users to move (source ids): a JSON array or `{ "csv": "…" }`. Required when the source cannot list accounts (Tencent); limits the job to them otherwise. A malformed list is 400 `invalid_user_list` with `details.line`.',
    oneOf: [{ type: 'array', items: { type: 'string' } }, { $ref: getSchemaPath(MigrationUserCsvDto) }],
  })
  @IsOptional()
  users?: unknown;

  @ApiPropertyOptional({
    description: 'Passwords of imported accounts, for targets that require one (default random).',
    type: MigrationPasswordsDto,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MigrationPasswordsDto)
  passwords?: MigrationPasswordsDto;
}

export class MigrationErrorDto {
  @ApiProperty({ description: 'Machine-readable code.' })
  code!: string;
  @ApiProperty({ description: 'What went wrong.' })
  message!: string;
}

export class MigrationKindProgressDto {
  @ApiProperty({
    enum: MIGRATION_PHASES,
    description: 'Where the kind is: waiting, reading, importing, done, skipped.',
  })
  phase!: string;
  @ApiProperty({ description: 'Items read so far.' })
  total!: number;
  @ApiProperty({ description: 'Items imported (or already on the target).' })
  done!: number;
  @ApiProperty({ description: 'Items skipped, with a reason.' })
  skipped!: number;
  @ApiProperty({ description: 'Items that failed; retry them after fixing the cause.' })
  failed!: number;
  @ApiProperty({ description: 'Items still to import.' })
  pending!: number;
  @ApiProperty({ description: 'Items finished per second over the last minute.' })
  ratePerSecond!: number;
  @ApiProperty({
    description: 'Seconds left at that rate; null while nothing moves.',
    nullable: true,
    type: Number,
  })
  etaSeconds!: number | null;
  @ApiProperty({
    description:
      'Why the whole kind is skipped (the source cannot read it, or the target cannot import it), else null.',
    nullable: true,
    type: String,
  })
  reason!: string | null;
}

export class MigrationSkippedCountDto {
  @ApiProperty({ description: 'The kind of the items.', enum: MIGRATION_KINDS })
  kind!: string;
  @ApiProperty({ description: 'Why these items are skipped.' })
  reason!: string;
  @ApiProperty({ description: 'How many items.' })
  count!: number;
}

export class MigrationFailedCountDto {
  @ApiProperty({ description: 'The kind of the items.', enum: MIGRATION_KINDS })
  kind!: string;
  @ApiProperty({ description: 'The error code of these items.' })
  code!: string;
  @ApiProperty({ description: 'How many items.' })
  count!: number;
}

export class MigrationReportDto {
  @ApiProperty({ description: 'Skipped items by kind and reason.', type: [MigrationSkippedCountDto] })
  skippedByReason!: MigrationSkippedCountDto[];
  @ApiProperty({ description: 'Failed items by kind and error code.', type: [MigrationFailedCountDto] })
  failedByCode!: MigrationFailedCountDto[];
}

export class MigrationHistoryResponseDto {
  @ApiProperty({ description: 'Oldest message moved (ISO-8601).' })
  from!: string;
  @ApiProperty({ description: 'End of the window, exclusive (ISO-8601).' })
  to!: string;
}

@ApiExtraModels(MigrationKindProgressDto)
export class MigrationJobResponseDto {
  @ApiProperty({ description: 'The job id.' }) id!: string;
  @ApiProperty({ description: 'Its bridge.' }) bridgeId!: string;
  @ApiProperty({
    description: 'From the bridge source to its target, or back.',
    enum: ['forward', 'reverse'],
  })
  direction!: 'forward' | 'reverse';
  @ApiProperty({ description: 'The app read from.' }) sourceAppId!: string;
  @ApiProperty({ description: 'The app imported into.' }) targetAppId!: string;
  @ApiProperty({ description: 'The kinds, in import order.', enum: MIGRATION_KINDS, isArray: true })
  scope!: string[];
  @ApiProperty({
    description: 'The history window, or null.',
    type: MigrationHistoryResponseDto,
    nullable: true,
  })
  history!: MigrationHistoryResponseDto | null;
  @ApiProperty({ description: 'A plan only: nothing is imported, its pending items are the plan.' })
  dryRun!: boolean;
  @ApiProperty({ description: 'Where the job stands.', enum: MIGRATION_JOB_STATUSES }) status!: string;
  @ApiProperty({ description: 'When it was created.' }) createdAt!: string;
  @ApiProperty({ description: 'When it last changed.' }) updatedAt!: string;
  @ApiProperty({ description: 'When a runner first took it.', nullable: true, type: String }) startedAt!:
    string | null;
  @ApiProperty({ description: 'When it completed, failed or was cancelled.', nullable: true, type: String })
  finishedAt!: string | null;
  @ApiProperty({ type: MigrationErrorDto, nullable: true, description: 'Why the job failed.' })
  error!: MigrationErrorDto | null;
  @ApiProperty({
    description: 'Per kind of the scope.',
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(MigrationKindProgressDto) },
  })
  progress!: Record<string, MigrationKindProgressDto>;
  @ApiProperty({ description: 'Why items were skipped or failed, counted.', type: MigrationReportDto })
  report!: MigrationReportDto;
}

export class MigrationJobListResponseDto {
  @ApiProperty({ type: [MigrationJobResponseDto], description: 'Jobs, oldest first.' })
  data!: MigrationJobResponseDto[];
  @ApiProperty({ description: 'Next page cursor, or null.', nullable: true, type: String })
  nextCursor!: string | null;
}

export class MigrationItemQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only items of this kind.', enum: MIGRATION_KINDS })
  @IsOptional()
  @IsIn(MIGRATION_KINDS)
  kind?: MigrationKind;

  @ApiPropertyOptional({ description: 'Only items in this status.', enum: MIGRATION_ITEM_STATUSES })
  @IsOptional()
  @IsIn(MIGRATION_ITEM_STATUSES)
  status?: (typeof MIGRATION_ITEM_STATUSES)[number];
}

export class MigrationItemErrorDto extends MigrationErrorDto {
  @ApiPropertyOptional({ description: "The vendor's own error code." })
  vendorCode?: string;
}

export class MigrationItemResponseDto {
  @ApiProperty({ description: 'The item id (for retry).' }) id!: string;
  @ApiProperty({ description: 'Its kind.', enum: MIGRATION_KINDS }) kind!: string;
  @ApiProperty({ description: 'The item at the source: a user or group id, `owner→friend`, a message id.' })
  sourceId!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Its id on the target, when the target gave one.',
  })
  targetId!: string | null;
  @ApiProperty({ description: 'What became of it.', enum: MIGRATION_ITEM_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Why it is skipped.' }) reason!: string | null;
  @ApiProperty({ description: 'Why it failed.', type: MigrationItemErrorDto, nullable: true })
  error!: MigrationItemErrorDto | null;
  @ApiProperty({ description: 'Import attempts so far.' }) attempts!: number;
  @ApiProperty({ description: 'When it last changed.' }) updatedAt!: string;
}

export class MigrationItemListResponseDto {
  @ApiProperty({ type: [MigrationItemResponseDto], description: 'Items in the order they were read.' })
  data!: MigrationItemResponseDto[];
  @ApiProperty({ description: 'Next page cursor, or null.', nullable: true, type: String })
  nextCursor!: string | null;
}

export class MigrationRetryDto {
  @ApiPropertyOptional({ enum: MIGRATION_KINDS, description: 'Only the failed items of this kind.' })
  @IsOptional()
  @IsIn(MIGRATION_KINDS)
  kind?: MigrationKind;

  @ApiPropertyOptional({ type: [String], description: 'Only these failed items (ids from the item list).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  itemIds?: string[];
}
