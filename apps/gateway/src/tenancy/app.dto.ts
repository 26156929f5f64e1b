import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const days = (what: string) => ({
  description: `Days ${what} are kept; 0 keeps them for ever. Absent: the gateway's default.`,
  minimum: 0,
  maximum: 36_500,
  type: Number,
});

/** This app's retention periods, overriding the gateway's `RETENTION_*_DAYS` defaults. */
export class AppRetentionDto {
  @ApiPropertyOptional(days('events (with their finished deliveries)'))
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(36_500)
  events?: number;

  @ApiPropertyOptional(days('raw vendor callbacks'))
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(36_500)
  callbacks?: number;

  @ApiPropertyOptional(days('delivery and relay attempt logs'))
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(36_500)
  attempts?: number;

  @ApiPropertyOptional(days('finished relays (the message-id pairs are kept regardless)'))
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(36_500)
  relays?: number;

  @ApiPropertyOptional(days('send records'))
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(36_500)
  messages?: number;
}

/** Scheduled reconciliation of this app (docs/reconciliation.md). */
export class AppReconcileDto {
  @ApiProperty({ description: 'Whether runs are scheduled for this app.' })
  @IsBoolean()
  enabled!: boolean;

  @ApiPropertyOptional({
    description:
      "Minutes between scheduled runs (each covers that much history). Absent: the provider's default.",
    minimum: 5,
    maximum: 1440,
  })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(1440)
  everyMinutes?: number;

  @ApiPropertyOptional({
    description:
      "How long after a window ends it is read: the vendor's export must be complete by then. Absent: the provider's default (Easemob 1440, Tencent 120).",
    minimum: 0,
    maximum: 4320,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(4320)
  delayMinutes?: number;
}

export class AppCreateDto {
  @ApiProperty({
    description: 'A name for people: shown in lists and logs.',
    example: 'shop',
    maxLength: 200,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    description: 'The vendor this app talks to.',
    example: 'easemob',
    enum: ['easemob', 'tencent'],
  })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, {
    message: 'provider must be a provider name such as easemob or tencent',
  })
  provider!: string;

  @ApiProperty({
    description:
      "The vendor account, validated by the provider's rules. Secret fields are stored encrypted and never returned.",
    example: {
      orgName: '1102190223222824',
      appName: 'lxml',
      clientId: 'YXA6…',
      clientSecret: 'YXA6…',
      callbackSecret: 's3cret',
    },
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  config!: Record<string, unknown>;

  @ApiPropertyOptional({
    type: AppRetentionDto,
    description: "Retention periods overriding the gateway's defaults.",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AppRetentionDto)
  retention?: AppRetentionDto;

  @ApiPropertyOptional({ type: AppReconcileDto, description: 'Scheduled reconciliation; absent: off.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AppReconcileDto)
  reconcile?: AppReconcileDto;
}

export class AppUpdateDto {
  @ApiPropertyOptional({ description: 'New name.', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    description:
      'Config fields to change; fields not given keep their value (secrets included). The result is validated as a whole.',
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject()
  config?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: AppRetentionDto,
    nullable: true,
    description: "Replaces this app's retention overrides; null removes them (the defaults apply).",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AppRetentionDto)
  retention?: AppRetentionDto | null;

  @ApiPropertyOptional({
    type: AppReconcileDto,
    nullable: true,
    description: 'Replaces the scheduled reconciliation settings; null turns scheduling off.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AppReconcileDto)
  reconcile?: AppReconcileDto | null;
}

export class AppResponseDto {
  @ApiProperty({ description: 'The app id (UUIDv7).', example: '0193a5b2-7c1e-7cc3-9a4e-3f1b2c3d4e5f' })
  id!: string;

  @ApiProperty({ description: 'The name.', example: 'shop' })
  name!: string;

  @ApiProperty({ description: 'The vendor.', example: 'easemob' })
  provider!: string;

  @ApiProperty({
    description: 'Where the vendor must send callbacks for this app (configure it in the vendor console).',
    example: 'https://gw.example.com/callbacks/easemob/0193a5b2-…',
  })
  callbackUrl!: string;

  @ApiProperty({
    description: 'The provider config without secret fields.',
    type: 'object',
    additionalProperties: true,
  })
  config!: Record<string, unknown>;

  @ApiProperty({
    description: 'Which secret fields are set (their values are never returned).',
    example: ['clientSecret', 'callbackSecret'],
  })
  secretsSet!: string[];

  @ApiProperty({ type: AppRetentionDto, description: "This app's retention overrides ({} when none)." })
  retention!: AppRetentionDto;

  @ApiProperty({
    type: AppReconcileDto,
    description: "This app's scheduled reconciliation ({ enabled: false } when off).",
  })
  reconcile!: AppReconcileDto;

  @ApiProperty({ description: 'Creation time, ISO-8601.' })
  createdAt!: string;

  @ApiProperty({ description: 'Last change, ISO-8601.' })
  updatedAt!: string;
}

export class AppListResponseDto {
  @ApiProperty({ type: [AppResponseDto], description: 'One page of apps, oldest first.' })
  data!: AppResponseDto[];

  @ApiProperty({
    description: 'Pass as `cursor` for the next page; null on the last page.',
    nullable: true,
    type: String,
  })
  nextCursor!: string | null;
}
