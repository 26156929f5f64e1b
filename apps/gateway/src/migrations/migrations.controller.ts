import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly } from '../common/auth.decorators.js';
import { PageQueryDto } from '../common/pagination.dto.js';
import {
  MigrationCreateDto,
  MigrationItemListResponseDto,
  MigrationItemQueryDto,
  MigrationJobListResponseDto,
  MigrationJobResponseDto,
  MigrationRetryDto,
} from './migration.dto.js';
import { MigrationsService } from './migrations.service.js';

const CONFLICT = { status: 409, description: '`conflict`: the job is in a state that does not allow it.' };

@ApiTags('migrations')
@ApiBearerAuth()
@AdminOnly()
@Controller('v1/bridges/:bridgeId/migrations')
export class MigrationsController {
  constructor(private readonly migrations: MigrationsService) {}

  @Post()
  @ApiOperation({
    summary: "Start a migration job: move the source's directory and history to the target (admin)",
  })
  @ApiCreatedResponse({ type: MigrationJobResponseDto })
  @ApiResponse({
    status: 400,
    description: '`invalid_user_list` (with `details.line`), `invalid_request`, `validation_failed`.',
  })
  @ApiResponse({ status: 404, description: '`not_found`: no such bridge.' })
  @ApiResponse({ status: 409, description: '`conflict`: the bridge has an unfinished job.' })
  @ApiResponse({
    status: 422,
    description: '`capability_unsupported`: the source cannot read a kind of the scope.',
  })
  create(
    @Param('bridgeId') bridgeId: string,
    @Body() dto: MigrationCreateDto,
  ): Promise<MigrationJobResponseDto> {
    return this.migrations.create(bridgeId, dto);
  }

  @Get()
  @ApiOperation({ summary: "List a bridge's migration jobs" })
  @ApiOkResponse({ type: MigrationJobListResponseDto })
  list(@Param('bridgeId') bridgeId: string, @Query() q: PageQueryDto): Promise<MigrationJobListResponseDto> {
    return this.migrations.list(bridgeId, q.cursor, q.limit);
  }

  @Get(':jobId')
  @ApiOperation({ summary: 'A migration job with its progress per kind and its report' })
  @ApiOkResponse({ type: MigrationJobResponseDto })
  get(@Param('bridgeId') bridgeId: string, @Param('jobId') jobId: string): Promise<MigrationJobResponseDto> {
    return this.migrations.get(bridgeId, jobId);
  }

  @Get(':jobId/items')
  @ApiOperation({
    operationId: 'listMigrationItems',
    summary: "A job's items (the plan of a dry run), with their status, reason and error",
  })
  @ApiOkResponse({ type: MigrationItemListResponseDto })
  items(
    @Param('bridgeId') bridgeId: string,
    @Param('jobId') jobId: string,
    @Query() q: MigrationItemQueryDto,
  ): Promise<MigrationItemListResponseDto> {
    return this.migrations.listItems(bridgeId, jobId, q);
  }

  @Post(':jobId/pause')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'pauseMigration',
    summary: 'Pause a job (between two batches)',
  })
  @ApiResponse({ status: 202, type: MigrationJobResponseDto, description: 'Pausing.' })
  @ApiResponse(CONFLICT)
  pause(
    @Param('bridgeId') bridgeId: string,
    @Param('jobId') jobId: string,
  ): Promise<MigrationJobResponseDto> {
    return this.migrations.pause(bridgeId, jobId);
  }

  @Post(':jobId/resume')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'resumeMigration',
    summary: 'Resume a paused or failed job from where it stopped',
  })
  @ApiResponse({ status: 202, type: MigrationJobResponseDto, description: 'Resuming.' })
  @ApiResponse(CONFLICT)
  resume(
    @Param('bridgeId') bridgeId: string,
    @Param('jobId') jobId: string,
  ): Promise<MigrationJobResponseDto> {
    return this.migrations.resume(bridgeId, jobId);
  }

  @Post(':jobId/cancel')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'cancelMigration',
    summary: 'Cancel a job (between two batches); its items are kept',
  })
  @ApiResponse({ status: 202, type: MigrationJobResponseDto, description: 'Cancelled.' })
  @ApiResponse(CONFLICT)
  cancel(
    @Param('bridgeId') bridgeId: string,
    @Param('jobId') jobId: string,
  ): Promise<MigrationJobResponseDto> {
    return this.migrations.cancel(bridgeId, jobId);
  }

  @Post(':jobId/retry')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'retryMigrationItems',
    summary: 'Retry failed items (all, of one kind, or by id); ids are mapped again',
  })
  @ApiResponse({
    status: 202,
    type: MigrationJobResponseDto,
    description: 'The failed items are pending again.',
  })
  @ApiResponse(CONFLICT)
  retry(
    @Param('bridgeId') bridgeId: string,
    @Param('jobId') jobId: string,
    @Body() dto: MigrationRetryDto,
  ): Promise<MigrationJobResponseDto> {
    return this.migrations.retry(bridgeId, jobId, dto);
  }
}
