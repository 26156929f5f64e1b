import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly, CurrentPrincipal, type Principal } from '../common/auth.decorators.js';
import { PageQueryDto } from '../common/pagination.dto.js';
import { AppCreateDto, AppListResponseDto, AppResponseDto, AppUpdateDto } from './app.dto.js';
import { AppsService } from './apps.service.js';

@ApiTags('apps')
@ApiBearerAuth()
@Controller('v1/apps')
export class AppsController {
  constructor(private readonly apps: AppsService) {}

  @Post()
  @AdminOnly()
  @ApiOperation({ summary: 'Create an app (one vendor account)' })
  @ApiCreatedResponse({ type: AppResponseDto })
  create(@Body() dto: AppCreateDto): Promise<AppResponseDto> {
    return this.apps.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'List apps (an app key sees only its own app)' })
  @ApiOkResponse({ type: AppListResponseDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<AppListResponseDto> {
    return this.apps.list(principal, query.cursor, query.limit);
  }

  @Get(':appId')
  @ApiOperation({ summary: 'Get an app' })
  @ApiOkResponse({ type: AppResponseDto })
  get(@Param('appId') appId: string): Promise<AppResponseDto> {
    return this.apps.get(appId);
  }

  @Patch(':appId')
  @AdminOnly()
  @ApiOperation({ summary: 'Change an app’s name or config' })
  @ApiOkResponse({ type: AppResponseDto })
  update(@Param('appId') appId: string, @Body() dto: AppUpdateDto): Promise<AppResponseDto> {
    return this.apps.update(appId, dto);
  }

  @Delete(':appId')
  @AdminOnly()
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an app and its API keys' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  remove(@Param('appId') appId: string): Promise<void> {
    return this.apps.remove(appId);
  }
}
