import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly } from '../common/auth.decorators.js';
import { ApiKeyCreateDto, ApiKeyCreatedResponseDto, ApiKeyListResponseDto } from './api-key.dto.js';
import { ApiKeysService } from './api-keys.service.js';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('v1/apps/:appId/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @AdminOnly()
  @ApiOperation({ summary: 'Create an API key for the app (the key is shown once)' })
  @ApiCreatedResponse({ type: ApiKeyCreatedResponseDto })
  create(@Param('appId') appId: string, @Body() dto: ApiKeyCreateDto): Promise<ApiKeyCreatedResponseDto> {
    return this.keys.create(appId, dto.name);
  }

  @Get()
  @ApiOperation({ summary: 'List the app’s API keys (never the keys themselves)' })
  @ApiOkResponse({ type: ApiKeyListResponseDto })
  list(@Param('appId') appId: string): Promise<ApiKeyListResponseDto> {
    return this.keys.list(appId);
  }

  @Delete(':keyId')
  @AdminOnly()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key' })
  @ApiNoContentResponse({ description: 'Revoked.' })
  remove(@Param('appId') appId: string, @Param('keyId') keyId: string): Promise<void> {
    return this.keys.remove(appId, keyId);
  }
}
