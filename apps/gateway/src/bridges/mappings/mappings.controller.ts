import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { MAPPING_KINDS } from '@im-gateway/persistence';
import { AdminOnly } from '../../common/auth.decorators.js';
import { PageQueryDto } from '../../common/pagination.dto.js';
import { MappingListResponseDto, MappingUploadReportDto } from './mapping.dto.js';
import { mappingKind, MappingsService } from './mappings.service.js';

const KIND_PARAM = { name: 'kind', enum: MAPPING_KINDS, description: 'Which id table.' };
const UPLOAD_BODY = {
  description:
    'JSON `{"mappings": [{"source": "…", "target": "…"}]}` (or the array alone, or `[source, target]` pairs), or `text/csv` with two columns, source then target, and an optional `source,target` header line (any case; spaces, `_` and an `id` ending ignored; `target,source` swaps the columns). A first line of other column names (`from,to`, `src,dst`, `old,new`) is refused with 400 `validation_failed` naming its line. At most 100,000 rows.',
  schema: {
    oneOf: [
      {
        type: 'object',
        properties: {
          mappings: {
            type: 'array',
            items: {
              type: 'object',
              properties: { source: { type: 'string' }, target: { type: 'string' } },
            },
          },
        },
      },
      { type: 'string', description: 'CSV text.' },
    ],
  },
};

@ApiTags('bridges')
@ApiBearerAuth()
@AdminOnly()
@Controller('v1/bridges/:bridgeId/mappings/:kind')
export class MappingsController {
  constructor(private readonly mappings: MappingsService) {}

  @Put()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'replaceMappings',
    summary: 'Replace an id table (rows checked against each vendor’s id rules; bad rows reported)',
  })
  @ApiParam(KIND_PARAM)
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody(UPLOAD_BODY)
  @ApiOkResponse({ type: MappingUploadReportDto })
  replace(
    @Param('bridgeId') id: string,
    @Param('kind') kind: string,
    @Body() body: unknown,
  ): Promise<MappingUploadReportDto> {
    return this.mappings.upload(id, mappingKind(kind), body, 'replace');
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'mergeMappings',
    summary: 'Add rows to an id table (a row replaces the one with its source id)',
  })
  @ApiParam(KIND_PARAM)
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody(UPLOAD_BODY)
  @ApiOkResponse({ type: MappingUploadReportDto })
  merge(
    @Param('bridgeId') id: string,
    @Param('kind') kind: string,
    @Body() body: unknown,
  ): Promise<MappingUploadReportDto> {
    return this.mappings.upload(id, mappingKind(kind), body, 'merge');
  }

  @Get()
  @ApiOperation({ summary: 'Read an id table' })
  @ApiParam(KIND_PARAM)
  @ApiOkResponse({ type: MappingListResponseDto })
  list(
    @Param('bridgeId') id: string,
    @Param('kind') kind: string,
    @Query() q: PageQueryDto,
  ): Promise<MappingListResponseDto> {
    return this.mappings.list(id, mappingKind(kind), q.cursor, q.limit);
  }
}
