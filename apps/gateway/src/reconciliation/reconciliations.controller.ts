import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { PageQueryDto } from '../common/pagination.dto.js';
import {
  ReconciliationCreateDto,
  ReconciliationListResponseDto,
  ReconciliationResponseDto,
} from './reconciliation.dto.js';
import { ReconciliationsService } from './reconciliations.service.js';

@ApiTags('reconciliations')
@ApiBearerAuth()
@Controller('v1/apps/:appId/reconciliations')
export class ReconciliationsController {
  constructor(private readonly reconciliations: ReconciliationsService) {}

  @Post()
  @ApiOperation({
    operationId: 'createReconciliation',
    summary: "Reconcile a window: read the vendor's history and recover the messages callbacks missed",
  })
  @ApiCreatedResponse({ type: ReconciliationResponseDto })
  @ApiResponse({
    status: 400,
    description:
      "`window_invalid`: in the future, `from` not before `to`, or beyond the vendor's history; `validation_failed`.",
  })
  @ApiResponse({ status: 404, description: '`not_found`: no such app.' })
  @ApiResponse({
    status: 422,
    description: "`capability_unsupported`: the app's vendor history cannot be read back.",
  })
  create(
    @Param('appId') appId: string,
    @Body() dto: ReconciliationCreateDto,
  ): Promise<ReconciliationResponseDto> {
    return this.reconciliations.create(appId, dto);
  }

  @Get()
  @ApiOperation({
    operationId: 'listReconciliations',
    summary: "The app's reconciliation runs, oldest first",
  })
  @ApiOkResponse({ type: ReconciliationListResponseDto })
  list(@Param('appId') appId: string, @Query() q: PageQueryDto): Promise<ReconciliationListResponseDto> {
    return this.reconciliations.list(appId, q.cursor, q.limit);
  }

  @Get(':runId')
  @ApiOperation({ operationId: 'getReconciliation', summary: 'One reconciliation run: progress and report' })
  @ApiOkResponse({ type: ReconciliationResponseDto })
  @ApiResponse({ status: 404, description: '`not_found`: no such app or run.' })
  get(@Param('appId') appId: string, @Param('runId') runId: string): Promise<ReconciliationResponseDto> {
    return this.reconciliations.get(appId, runId);
  }
}
