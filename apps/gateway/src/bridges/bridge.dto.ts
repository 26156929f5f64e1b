import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { BRIDGE_DIRECTIONS, BRIDGE_KINDS, BRIDGE_STATUSES } from '@im-gateway/persistence';

export class IdAffixDto {
  @ApiPropertyOptional({ description: 'Prefix of the ids on this side (default empty).', example: 'em_' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @Matches(/^[^\s]*$/, { message: 'prefix must not contain spaces' })
  prefix?: string;

  @ApiPropertyOptional({ description: 'Suffix of the ids on this side (default empty).', example: '' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @Matches(/^[^\s]*$/, { message: 'suffix must not contain spaces' })
  suffix?: string;
}

export class UserMappingDto {
  @ApiProperty({
    description:
      '`same`: user ids are equal on both sides; `affix`: the core of an id is kept and each side has its own prefix/suffix; `table`: only the uploaded user table. Rows of the user table win over `same` and `affix`.',
    enum: ['same', 'affix', 'table'],
  })
  @IsIn(['same', 'affix', 'table'])
  type!: 'same' | 'affix' | 'table';

  @ApiPropertyOptional({ description: '`affix` only: the id form on the source app.', type: IdAffixDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => IdAffixDto)
  source?: IdAffixDto;

  @ApiPropertyOptional({ description: '`affix` only: the id form on the target app.', type: IdAffixDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => IdAffixDto)
  target?: IdAffixDto;
}

export class BridgeCreateDto {
  @ApiPropertyOptional({
    description: 'A name for people (default: the two app names).',
    example: 'easemob → tencent',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiProperty({ description: 'The app teams migrate from.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(36)
  sourceAppId!: string;

  @ApiProperty({ description: 'The app teams migrate to (another vendor, or the same one).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(36)
  targetAppId!: string;

  @ApiPropertyOptional({
    description: '`both` (default): messages are relayed each way; `one-way`: from source to target only.',
    enum: BRIDGE_DIRECTIONS,
  })
  @IsOptional()
  @IsIn(BRIDGE_DIRECTIONS)
  direction?: (typeof BRIDGE_DIRECTIONS)[number];

  @ApiPropertyOptional({
    description: 'The conversation kinds relayed (default: all three).',
    enum: BRIDGE_KINDS,
    isArray: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(BRIDGE_KINDS, { each: true })
  conversationKinds?: (typeof BRIDGE_KINDS)[number][];

  @ApiPropertyOptional({ description: 'How user ids map (default `same`).', type: UserMappingDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => UserMappingDto)
  userMapping?: UserMappingDto;

  @ApiPropertyOptional({
    description:
      '`active` (default) or `paused`: a paused bridge records relays and sends them when resumed.',
    enum: BRIDGE_STATUSES,
  })
  @IsOptional()
  @IsIn(BRIDGE_STATUSES)
  status?: (typeof BRIDGE_STATUSES)[number];
}

/** Every field of a new bridge but its two apps, each optional: `status` pauses (and resumes) it. */
export class BridgeUpdateDto extends PartialType(
  PickType(BridgeCreateDto, ['name', 'direction', 'conversationKinds', 'userMapping', 'status'] as const),
) {}

export class BridgeResponseDto {
  @ApiProperty({ description: 'Bridge id.' }) id!: string;
  @ApiProperty({ description: 'Name.' }) name!: string;
  @ApiProperty({ description: 'The source app.' }) sourceAppId!: string;
  @ApiProperty({ description: "The source app's vendor." }) sourceProvider!: string;
  @ApiProperty({ description: 'The target app.' }) targetAppId!: string;
  @ApiProperty({ description: "The target app's vendor." }) targetProvider!: string;
  @ApiProperty({ description: 'Relay direction.', enum: BRIDGE_DIRECTIONS }) direction!: string;
  @ApiProperty({ description: 'Conversation kinds relayed.', enum: BRIDGE_KINDS, isArray: true })
  conversationKinds!: string[];
  @ApiProperty({ description: 'The user-id rule.', type: UserMappingDto }) userMapping!: UserMappingDto;
  @ApiProperty({ description: 'Whether relays are sent now.', enum: BRIDGE_STATUSES }) status!: string;
  @ApiProperty({ description: 'Creation time.' }) createdAt!: string;
  @ApiProperty({ description: 'Last change.' }) updatedAt!: string;
}

export class BridgeListResponseDto {
  @ApiProperty({ type: [BridgeResponseDto], description: 'Bridges, oldest first.' })
  data!: BridgeResponseDto[];
  @ApiProperty({ description: 'Next page cursor, or null.', nullable: true, type: String })
  nextCursor!: string | null;
}
