import { ApiProperty } from '@nestjs/swagger';

export class MappingRowDto {
  @ApiProperty({ description: 'The id on the source app.' }) source!: string;
  @ApiProperty({ description: 'The id on the target app.' }) target!: string;
  @ApiProperty({ description: 'When the row was uploaded.' }) createdAt!: string;
}

export class MappingListResponseDto {
  @ApiProperty({ type: [MappingRowDto], description: 'Rows, in upload order.' }) data!: MappingRowDto[];
  @ApiProperty({ description: 'Next page cursor, or null.', nullable: true, type: String })
  nextCursor!: string | null;
}

export class RejectedRowDto {
  @ApiProperty({ description: 'Row number in the upload (CSV: data line, header excluded), from 1.' })
  row!: number;
  @ApiProperty({ description: 'The source id as sent.', nullable: true, type: String }) source!: unknown;
  @ApiProperty({ description: 'The target id as sent.', nullable: true, type: String }) target!: unknown;
  @ApiProperty({ description: 'Why it was refused.', type: [String] }) reasons!: string[];
}

export class MappingUploadReportDto {
  @ApiProperty({ description: 'The table written.', enum: ['user', 'group', 'chatroom'] }) kind!: string;
  @ApiProperty({ description: '`replace` (PUT) or `merge` (POST).', enum: ['replace', 'merge'] })
  mode!: string;
  @ApiProperty({ description: 'Rows in the upload.' }) received!: number;
  @ApiProperty({ description: 'Rows written.' }) accepted!: number;
  @ApiProperty({
    description: 'Rows refused, with reasons; the others were written.',
    type: [RejectedRowDto],
  })
  rejected!: RejectedRowDto[];
  @ApiProperty({ description: 'Rows in the table now.' }) total!: number;
}
