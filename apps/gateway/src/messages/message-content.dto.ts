import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
  ArrayMaxSize,
} from 'class-validator';
import { SENDABLE_CONTENT_TYPES, type SendableContentType } from '@im-gateway/types';

const IMAGE_VARIANT_KINDS = ['original', 'large', 'thumbnail'] as const;
const URL = /^https?:\/\/\S+$/;
const has =
  (...types: string[]) =>
  (o: { type?: string }) =>
    types.includes(o.type ?? '');

export class ImageVariantDto {
  @ApiProperty({ description: 'Which size this is.', enum: IMAGE_VARIANT_KINDS })
  @IsIn(IMAGE_VARIANT_KINDS)
  kind!: string;

  @ApiProperty({ description: 'Where this size can be downloaded (http or https).' })
  @IsString()
  @Matches(URL, { message: 'url must be an http(s) URL' })
  @MaxLength(2048)
  url!: string;

  @ApiPropertyOptional({ description: 'Width in pixels.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  width?: number;

  @ApiPropertyOptional({ description: 'Height in pixels.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  height?: number;

  @ApiPropertyOptional({ description: 'Size in bytes.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  size?: number;
}

/**
 * One message content of the unified model (the `MessageContent` of the event model, without `unknown`).
 * Which fields apply depends on `type`; a field of another type is refused.
 */
export class MessageContentDto {
  @ApiProperty({
    description: 'Content kind; decides which other fields apply.',
    enum: SENDABLE_CONTENT_TYPES,
  })
  @IsIn(SENDABLE_CONTENT_TYPES)
  type!: SendableContentType;

  @ApiPropertyOptional({ description: 'text: the text.', maxLength: 5000 })
  @ValidateIf(has('text'))
  @IsString()
  @MaxLength(5000)
  text?: string;

  @ApiPropertyOptional({ description: 'image, audio, video, file: where the attachment can be downloaded.' })
  @ValidateIf(has('image', 'audio', 'video', 'file'))
  @IsString()
  @Matches(URL, { message: 'url must be an http(s) URL' })
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ description: 'image, audio, video, file: the file name shown to users.' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ description: 'image, video: width in pixels (video: of the thumbnail on Tencent).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  width?: number;

  @ApiPropertyOptional({ description: 'image, video: height in pixels.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  height?: number;

  @ApiPropertyOptional({ description: 'image, audio, video, file: size in bytes.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  size?: number;

  @ApiPropertyOptional({
    description: 'image, audio, video, file: the access secret of a restricted Easemob file.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  secret?: string;

  @ApiPropertyOptional({ description: 'image, video: format such as `png` or `mp4`.' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  format?: string;

  @ApiPropertyOptional({
    description: 'image: the sizes available (Tencent ImageInfoArray).',
    type: [ImageVariantDto],
  })
  @IsOptional()
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => ImageVariantDto)
  variants?: ImageVariantDto[];

  @ApiPropertyOptional({ description: 'audio, video: duration in seconds.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  durationSec?: number;

  @ApiPropertyOptional({ description: 'video: thumbnail URL.' })
  @IsOptional()
  @IsString()
  @Matches(URL, { message: 'thumbnailUrl must be an http(s) URL' })
  @MaxLength(2048)
  thumbnailUrl?: string;

  @ApiPropertyOptional({ description: 'video: access secret of a restricted Easemob thumbnail.' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  thumbnailSecret?: string;

  @ApiPropertyOptional({ description: 'location: latitude in degrees.' })
  @ValidateIf(has('location'))
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  latitude?: number;

  @ApiPropertyOptional({ description: 'location: longitude in degrees.' })
  @ValidateIf(has('location'))
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  longitude?: number;

  @ApiPropertyOptional({ description: 'location: a description of the place.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;

  @ApiPropertyOptional({ description: 'command: the action (pass-through, not shown to users).' })
  @ValidateIf(has('command'))
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  action?: string;

  @ApiPropertyOptional({ description: 'custom: event name (Easemob customEvent, `[a-zA-Z0-9-_/.]{1,32}`).' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-zA-Z0-9\-_/.]{1,32}$/, { message: 'event must match [a-zA-Z0-9-_/.]{1,32}' })
  event?: string;

  @ApiPropertyOptional({
    description: 'custom: string fields (Easemob customExts, at most 16).',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsOptional()
  @IsObject()
  fields?: Record<string, string>;

  @ApiPropertyOptional({ description: 'custom: opaque data (Tencent TIMCustomElem Data); face: face data.' })
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  data?: string;

  @ApiPropertyOptional({ description: 'custom: push text (Tencent Desc).' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiPropertyOptional({ description: 'custom: APNs ext (Tencent Ext).' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  extension?: string;

  @ApiPropertyOptional({ description: 'custom: APNs sound (Tencent Sound).' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  sound?: string;

  @ApiPropertyOptional({ description: 'face: the app-defined face index.' })
  @ValidateIf(has('face'))
  @IsInt()
  @Min(0)
  index?: number;
}
