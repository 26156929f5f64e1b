import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SEND_PRIORITIES, SEND_TARGET_TYPES } from '@im-gateway/types';
import { MessageContentDto } from './message-content.dto.js';

/** Recipient ids per request; the provider splits them into vendor-sized calls. */
export const MAX_RECIPIENT_IDS = 10_000;

export class SendTargetDto {
  @ApiProperty({ description: 'Recipient kind.', enum: SEND_TARGET_TYPES })
  @IsIn(SEND_TARGET_TYPES)
  type!: (typeof SEND_TARGET_TYPES)[number];

  @ApiPropertyOptional({
    description: 'User, group or chat-room ids. Required unless `all` is set.',
    type: [String],
    example: ['u2', 'u3'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RECIPIENT_IDS)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(128, { each: true })
  ids?: string[];

  @ApiPropertyOptional({
    description: 'Chat rooms only: broadcast to every active chat room of the app (instead of `ids`).',
    enum: [true],
  })
  @IsOptional()
  @Equals(true, { message: 'all must be true when present' })
  all?: true;
}

export class SendOptionsDto {
  @ApiPropertyOptional({ description: 'Delivery priority under load.', enum: SEND_PRIORITIES })
  @IsOptional()
  @IsIn(SEND_PRIORITIES)
  priority?: (typeof SEND_PRIORITIES)[number];

  @ApiPropertyOptional({
    description: 'Groups and chat rooms: only these members receive the message (targeted message).',
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(128, { each: true })
  recipients?: string[];

  @ApiPropertyOptional({ description: 'Deliver only to recipients online now (no offline storage or push).' })
  @IsOptional()
  @IsBoolean()
  onlineOnly?: boolean;

  @ApiPropertyOptional({ description: "Also deliver to the sender's other devices." })
  @IsOptional()
  @IsBoolean()
  syncToSender?: boolean;
}

export class MessageSendDto {
  @ApiProperty({ description: 'The sending user id.', example: 'user1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  from!: string;

  @ApiProperty({ description: 'Who receives the message.', type: SendTargetDto })
  @ValidateNested()
  @Type(() => SendTargetDto)
  to!: SendTargetDto;

  @ApiProperty({ description: 'The message content (one unified MessageContent).', type: MessageContentDto })
  @ValidateNested()
  @Type(() => MessageContentDto)
  content!: MessageContentDto;

  @ApiPropertyOptional({
    description: 'Extension delivered with the message (Easemob ext; Tencent CloudCustomData as JSON).',
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject()
  ext?: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'Vendor-neutral options; one the vendor cannot honour is refused with 422.',
    type: SendOptionsDto,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SendOptionsDto)
  options?: SendOptionsDto;
}

export class RecipientErrorDto {
  @ApiProperty({ description: 'Error code (the API error codes).', example: 'vendor_rejected' })
  code!: string;
  @ApiProperty({ description: 'Human-readable reason.' })
  message!: string;
  @ApiPropertyOptional({ description: "The vendor's own error code, when it gave one." })
  vendorCode?: string;
}

export class RecipientResultDto {
  @ApiProperty({ description: 'User, group or chat-room id (`*` for a chat-room broadcast).' })
  recipient!: string;
  @ApiProperty({
    description: 'Whether the vendor accepted the message for this recipient.',
    enum: ['sent', 'failed'],
  })
  status!: string;
  @ApiPropertyOptional({
    description: "The vendor's message id (Easemob msg_id; Tencent MsgKey or GroupId:MsgSeq).",
  })
  vendorMessageId?: string;
  @ApiPropertyOptional({ description: 'Why it failed.', type: RecipientErrorDto })
  error?: RecipientErrorDto;
}

export class MessageResponseDto {
  @ApiProperty({ description: 'Gateway message id (UUIDv7).' })
  id!: string;
  @ApiProperty({ description: "The app's vendor.", example: 'easemob' })
  provider!: string;
  @ApiProperty({
    description: '`sent` (all recipients), `partial` (some failed), `failed`, or `recalled`.',
    enum: ['sent', 'partial', 'failed', 'recalled'],
  })
  status!: string;
  @ApiProperty({ description: 'The sending user id.' })
  from!: string;
  @ApiProperty({ description: 'The target as requested.', type: SendTargetDto })
  to!: SendTargetDto;
  @ApiProperty({ description: 'The content as requested.', type: 'object', additionalProperties: true })
  content!: Record<string, unknown>;
  @ApiPropertyOptional({
    description: 'The extension as requested.',
    type: 'object',
    additionalProperties: true,
  })
  ext?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'The options as requested.', type: SendOptionsDto })
  options?: SendOptionsDto;
  @ApiProperty({ description: 'One result per recipient.', type: [RecipientResultDto] })
  recipients!: RecipientResultDto[];
  @ApiProperty({ description: 'When the gateway sent it (ISO-8601, ms).' })
  createdAt!: string;
  @ApiProperty({ description: 'When it was recalled, or null.', nullable: true, type: String })
  recalledAt!: string | null;
}
