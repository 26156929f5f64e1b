import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ApiKeyCreateDto {
  @ApiProperty({
    description: 'What the key is for, e.g. the service that uses it.',
    example: 'backend',
    maxLength: 200,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

export class ApiKeyResponseDto {
  @ApiProperty({ description: 'The key id.' })
  id!: string;

  @ApiProperty({ description: 'The app the key belongs to.' })
  appId!: string;

  @ApiProperty({ description: 'The name.' })
  name!: string;

  @ApiProperty({
    description: 'The first characters of the key, to tell keys apart.',
    example: 'imgw_k_Ab3dE',
  })
  prefix!: string;

  @ApiProperty({ description: 'Creation time, ISO-8601.' })
  createdAt!: string;

  @ApiProperty({
    description: 'When the key was last used, ISO-8601 (updated at most once a minute).',
    nullable: true,
    type: String,
  })
  lastUsedAt!: string | null;
}

export class ApiKeyCreatedResponseDto extends ApiKeyResponseDto {
  @ApiProperty({
    description: 'The key itself. Shown only in this response: store it now.',
    example: 'imgw_k_Ab3dE…',
  })
  key!: string;
}

export class ApiKeyListResponseDto {
  @ApiProperty({ type: [ApiKeyResponseDto], description: 'The app’s keys, oldest first.' })
  data!: ApiKeyResponseDto[];

  @ApiProperty({ description: 'Always null: an app has few keys.', nullable: true, type: String })
  nextCursor!: string | null;
}
