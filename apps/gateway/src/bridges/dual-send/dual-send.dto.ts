import { ApiProperty } from '@nestjs/swagger';
import { MessageResponseDto } from '../../messages/message.dto.js';

export class IdPairDto {
  @ApiProperty({ description: 'The id on the source app.' }) source!: string;
  @ApiProperty({ description: 'The id on the target app.' }) target!: string;
}

export class DualSendMappingDto {
  @ApiProperty({ description: 'The sender on each side.', type: IdPairDto }) from!: IdPairDto;
  @ApiProperty({ description: 'Each recipient on each side, in request order.', type: [IdPairDto] })
  to!: IdPairDto[];
  @ApiProperty({
    description: "Each recipient's message id on each side (where both were sent).",
    type: [IdPairDto],
  })
  messageIds!: IdPairDto[];
}

export class DualSendResponseDto {
  @ApiProperty({ description: 'The relay record of this dual-send (listed with the bridge’s relays).' })
  relayId!: string;
  @ApiProperty({ description: 'The send on the source app.', type: MessageResponseDto })
  source!: MessageResponseDto;
  @ApiProperty({ description: 'The send on the target app.', type: MessageResponseDto })
  target!: MessageResponseDto;
  @ApiProperty({ description: 'How the ids mapped.', type: DualSendMappingDto }) mapping!: DualSendMappingDto;
}
