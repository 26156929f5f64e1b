import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequeuedResponseDto } from '../endpoint.dto.js';
import { DeliveriesService } from './deliveries.service.js';
import {
  DeliveryListResponseDto,
  DeliveryQueryDto,
  DeliveryResponseDto,
  TestEventResponseDto,
} from './delivery.dto.js';

@ApiTags('deliveries')
@ApiBearerAuth()
@Controller('v1/apps/:appId')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get('endpoints/:endpointId/deliveries')
  @ApiOperation({ summary: 'Deliveries of an endpoint, oldest first' })
  @ApiOkResponse({ type: DeliveryListResponseDto })
  list(
    @Param('appId') appId: string,
    @Param('endpointId') endpointId: string,
    @Query() q: DeliveryQueryDto,
  ): Promise<DeliveryListResponseDto> {
    return this.deliveries.list(appId, endpointId, q);
  }

  @Get('endpoints/:endpointId/deliveries/:deliveryId')
  @ApiOperation({ summary: 'One delivery with its attempt log' })
  @ApiOkResponse({ type: DeliveryResponseDto })
  get(
    @Param('appId') appId: string,
    @Param('endpointId') endpointId: string,
    @Param('deliveryId') deliveryId: string,
  ): Promise<DeliveryResponseDto> {
    return this.deliveries.get(appId, endpointId, deliveryId);
  }

  @Post('endpoints/:endpointId/deliveries/:deliveryId/retry')
  @HttpCode(200)
  @ApiOperation({ operationId: 'retryDelivery', summary: 'Attempt a delivery again now' })
  @ApiOkResponse({ type: DeliveryResponseDto })
  retry(
    @Param('appId') appId: string,
    @Param('endpointId') endpointId: string,
    @Param('deliveryId') deliveryId: string,
  ): Promise<DeliveryResponseDto> {
    return this.deliveries.retry(appId, endpointId, deliveryId);
  }

  @Post('endpoints/:endpointId/test')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'sendTestEvent',
    summary: 'Send the endpoint a made-up message.sent event (data.test: true), whatever its event types',
  })
  @ApiAcceptedResponse({ type: TestEventResponseDto })
  sendTest(
    @Param('appId') appId: string,
    @Param('endpointId') endpointId: string,
  ): Promise<TestEventResponseDto> {
    return this.deliveries.sendTest(appId, endpointId);
  }

  @Post('events/:eventId/redeliver')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'redeliverEvent',
    summary: 'Deliver an event again to every enabled endpoint that subscribes to it',
  })
  @ApiOkResponse({ type: RequeuedResponseDto })
  async redeliver(
    @Param('appId') appId: string,
    @Param('eventId') eventId: string,
  ): Promise<RequeuedResponseDto> {
    return { requeued: await this.deliveries.redeliver(appId, eventId) };
  }
}
