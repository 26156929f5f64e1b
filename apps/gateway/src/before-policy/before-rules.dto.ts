import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CONVERSATION_TYPES, MESSAGE_CONTENT_TYPES } from '@im-gateway/types';

/** Bounds that keep one policy small enough to compile at once and to check on every callback. */
const MAX_LIST = 200;
const MAX_TEXT = 1_000;

export class BeforeRuleTextMatchDto {
  @ApiPropertyOptional({
    description: 'Plain substrings; any one found in a text content matches.',
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(MAX_TEXT, { each: true })
  keywords?: string[];

  @ApiPropertyOptional({
    description:
      'Regular expressions in RE2 syntax (no backreferences or lookaround), run in linear time; any one that matches a text content matches.',
    type: [String],
    example: ['https?://\\S+'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(MAX_TEXT, { each: true })
  patterns?: string[];

  @ApiPropertyOptional({
    description: 'Whether keywords and patterns (and this rule’s mask) respect case. Default false.',
  })
  @IsOptional()
  @IsBoolean()
  caseSensitive?: boolean;
}

export class BeforeRuleSizeMatchDto {
  @ApiPropertyOptional({
    description: 'Matches messages of at least this many UTF-8 bytes (contents and ext as JSON).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  minBytes?: number;

  @ApiPropertyOptional({ description: 'Matches messages of at most this many UTF-8 bytes.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  maxBytes?: number;
}

export class BeforeRuleMentionsMatchDto {
  @ApiPropertyOptional({ description: 'true: the message mentions everyone; false: it does not.' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;

  @ApiPropertyOptional({ description: 'Matches when any of these users is mentioned.', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  users?: string[];

  @ApiPropertyOptional({ description: 'Matches when at least this many users are mentioned.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  minCount?: number;
}

/** Every field given must match (AND); a list matches when any of its values does (OR). */
export class BeforeRuleMatchDto {
  @ApiPropertyOptional({
    description:
      'Event types or patterns (`message.send.requested`, `group.*`); each must match a before-callback of the app’s vendor. Absent: every before-callback.',
    type: [String],
    example: ['message.send.requested'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  eventTypes?: string[];

  @ApiPropertyOptional({ description: 'Conversation kinds.', enum: CONVERSATION_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(CONVERSATION_TYPES, { each: true })
  conversationKinds?: (typeof CONVERSATION_TYPES)[number][];

  @ApiPropertyOptional({ description: 'Conversation ids (peer user, group, chat room).', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  conversationIds?: string[];

  @ApiPropertyOptional({ description: 'Sender user ids.', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  senders?: string[];

  @ApiPropertyOptional({
    description: 'Matches when the message has a content of any of these types.',
    enum: MESSAGE_CONTENT_TYPES,
    isArray: true,
  })
  @IsOptional()
  @IsArray()
  @IsIn(MESSAGE_CONTENT_TYPES, { each: true })
  contentTypes?: (typeof MESSAGE_CONTENT_TYPES)[number][];

  @ApiPropertyOptional({ type: BeforeRuleTextMatchDto, description: 'Text of the message’s text contents.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BeforeRuleTextMatchDto)
  text?: BeforeRuleTextMatchDto;

  @ApiPropertyOptional({ type: BeforeRuleSizeMatchDto, description: 'The message’s size.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BeforeRuleSizeMatchDto)
  size?: BeforeRuleSizeMatchDto;

  @ApiPropertyOptional({ type: BeforeRuleMentionsMatchDto, description: 'The message’s mentions (@).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BeforeRuleMentionsMatchDto)
  mentions?: BeforeRuleMentionsMatchDto;
}

export class BeforeRuleMaskDto {
  @ApiPropertyOptional({ description: 'Substrings to mask wherever they occur.', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(MAX_TEXT, { each: true })
  keywords?: string[];

  @ApiPropertyOptional({ description: 'RE2 patterns whose matches are masked.', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(MAX_TEXT, { each: true })
  patterns?: string[];

  @ApiPropertyOptional({ description: 'What each masked character becomes. Default `*`.', example: '*' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(8)
  with?: string;
}

export class BeforeRuleActionDto {
  @ApiProperty({
    description:
      '`allow` lets the operation through; `deny` stops it (with `reason`, shown to the sender where the vendor passes one on); `modify` lets a changed message through (`mask`, `replaceText`, `dropExt`).',
    enum: ['allow', 'deny', 'modify'],
  })
  @IsIn(['allow', 'deny', 'modify'])
  type!: 'allow' | 'deny' | 'modify';

  @ApiPropertyOptional({ description: 'For `deny`: why, for the sender.', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({
    type: BeforeRuleMaskDto,
    description: 'For `modify`: every character of every match in text contents becomes `with`.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => BeforeRuleMaskDto)
  mask?: BeforeRuleMaskDto;

  @ApiPropertyOptional({ description: 'For `modify`: the text of every text content, replaced whole.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT * 10)
  replaceText?: string;

  @ApiPropertyOptional({ description: 'For `modify`: top-level `ext` keys to remove.', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  dropExt?: string[];
}

export class BeforeRuleDto {
  @ApiProperty({
    description: 'Unique within the policy; named by decisions, dry runs and errors.',
    example: 'block-links',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, {
    message: 'id must be 1–64 letters, digits, `_`, `.`, `:` or `-`, starting with a letter or digit',
  })
  id!: string;

  @ApiProperty({
    type: BeforeRuleMatchDto,
    description: 'What the rule applies to; `{}` matches everything.',
  })
  @ValidateNested()
  @Type(() => BeforeRuleMatchDto)
  match!: BeforeRuleMatchDto;

  @ApiProperty({ type: BeforeRuleActionDto, description: 'What the rule decides.' })
  @ValidateNested()
  @Type(() => BeforeRuleActionDto)
  action!: BeforeRuleActionDto;
}
