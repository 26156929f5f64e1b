import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PageQueryDto } from '../common/pagination.dto.js';
import { DeliveriesService } from './delivery/deliveries.service.js';
import {
  EndpointCreateDto,
  EndpointCreatedResponseDto,
  EndpointListResponseDto,
  EndpointRecoverDto,
  EndpointResponseDto,
  EndpointSecretResponseDto,
  EndpointUpdateDto,
  RequeuedResponseDto,
} from './endpoint.dto.js';
import { EndpointsService } from './endpoints.service.js';

@ApiTags('endpoints')
@ApiBearerAuth()
@Controller('v1/apps/:appId/endpoints')
export class EndpointsController {
  constructor(
    private readonly endpoints: EndpointsService,
    private readonly deliveries: DeliveriesService,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Subscribe an endpoint to unified events: an HTTP receiver, or a RabbitMQ exchange, NATS JetStream subject or Redis stream (the signing secret is in the answer)',
  })
  @ApiCreatedResponse({ type: EndpointCreatedResponseDto })
  create(@Param('appId') appId: string, @Body() dto: EndpointCreateDto): Promise<EndpointCreatedResponseDto> {
    return this.endpoints.create(appId, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List endpoints' })
  @ApiOkResponse({ type: EndpointListResponseDto })
  list(@Param('appId') appId: string, @Query() q: PageQueryDto): Promise<EndpointListResponseDto> {
    return this.endpoints.list(appId, q.cursor, q.limit);
  }

  @Get(':endpointId')
  @ApiOperation({ summary: 'Get an endpoint' })
  @ApiOkResponse({ type: EndpointResponseDto })
  get(@Param('appId') appId: string, @Param('endpointId') id: string): Promise<EndpointResponseDto> {
    return this.endpoints.get(appId, id);
  }

  @Patch(':endpointId')
  @ApiOperation({ summary: 'Change an endpoint, pause or resume it' })
  @ApiOkResponse({ type: EndpointResponseDto })
  update(
    @Param('appId') appId: string,
    @Param('endpointId') id: string,
    @Body() dto: EndpointUpdateDto,
  ): Promise<EndpointResponseDto> {
    return this.endpoints.update(appId, id, dto);
  }

  @Delete(':endpointId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an endpoint (its pending deliveries are cancelled)' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  remove(@Param('appId') appId: string, @Param('endpointId') id: string): Promise<void> {
    return this.endpoints.remove(appId, id);
  }

  @Get(':endpointId/secret')
  @ApiOperation({ operationId: 'getEndpointSecret', summary: 'The signing secret' })
  @ApiOkResponse({ type: EndpointSecretResponseDto })
  secret(@Param('appId') appId: string, @Param('endpointId') id: string): Promise<EndpointSecretResponseDto> {
    return this.endpoints.secret(appId, id);
  }

  @Post(':endpointId/secret/rotate')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'rotateEndpointSecret',
    summary: 'Rotate the signing secret (the previous one keeps signing beside it for 24 h)',
  })
  @ApiOkResponse({ type: EndpointSecretResponseDto })
  rotate(@Param('appId') appId: string, @Param('endpointId') id: string): Promise<EndpointSecretResponseDto> {
    return this.endpoints.rotateSecret(appId, id);
  }

  @Post(':endpointId/recover')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'recoverEndpoint',
    summary: 'Retry every failed delivery of the endpoint since a time',
  })
  @ApiOkResponse({ type: RequeuedResponseDto })
  async recover(
    @Param('appId') appId: string,
    @Param('endpointId') id: string,
    @Body() dto: EndpointRecoverDto,
  ): Promise<RequeuedResponseDto> {
    return { requeued: await this.deliveries.recover(appId, id, dto.since) };
  }
}
