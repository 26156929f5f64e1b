import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DELIVERY_STATUSES } from '@im-gateway/persistence';
import { PageQueryDto } from '../../common/pagination.dto.js';

export class DeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only deliveries in this state.', enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: string;
}

export class DeliveryAttemptDto {
  @ApiProperty({ description: 'Attempt id.' }) id!: string;
  @ApiProperty({ description: 'When the request was sent.' }) attemptedAt!: string;
  @ApiProperty({ description: 'HTTP status of the answer, if one came.', nullable: true, type: Number })
  statusCode!: number | null;
  @ApiProperty({ description: 'How long it took, in milliseconds.' }) durationMs!: number;
  @ApiProperty({ description: 'The first kilobyte of the answer.', nullable: true, type: String })
  responseExcerpt!: string | null;
  @ApiProperty({
    description: 'Why no usable answer came (timeout, refused, redirect…).',
    nullable: true,
    type: String,
  })
  error!: string | null;
}

export class DeliveryResponseDto {
  @ApiProperty({ description: 'Delivery id.' }) id!: string;
  @ApiProperty({ description: 'The endpoint.' }) endpointId!: string;
  @ApiProperty({ description: 'The event (its id is the `webhook-id`).' }) eventId!: string;
  @ApiProperty({ description: 'State.', enum: DELIVERY_STATUSES }) status!: string;
  @ApiProperty({ description: 'Attempts made so far.' }) attempts!: number;
  @ApiProperty({ description: 'When the next attempt is due.', nullable: true, type: String })
  nextAttemptAt!: string | null;
  @ApiProperty({ description: 'When the last attempt was made.', nullable: true, type: String })
  lastAttemptAt!: string | null;
  @ApiProperty({ description: 'Creation time.' }) createdAt!: string;
  @ApiPropertyOptional({
    description: 'Every attempt, oldest first (on GET of one delivery).',
    type: [DeliveryAttemptDto],
  })
  attemptLog?: DeliveryAttemptDto[];
}

export class DeliveryListResponseDto {
  @ApiProperty({ type: [DeliveryResponseDto], description: 'One page of deliveries, oldest first.' })
  data!: DeliveryResponseDto[];
  @ApiProperty({ description: 'Next page cursor, or null.', nullable: true, type: String }) nextCursor!:
    string | null;
}

export class TestEventResponseDto {
  @ApiProperty({
    description: 'The test event (type message.sent, `data.test: true`), listed with the events.',
  })
  eventId!: string;

  @ApiProperty({ description: 'Its delivery to the endpoint: follow it in the attempt log.' })
  deliveryId!: string;
}
