import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProviderListResponseDto } from './provider.dto.js';
import { ProviderRegistry } from './provider-registry.js';

@ApiTags('providers')
@ApiBearerAuth()
@Controller('v1/providers')
export class ProvidersController {
  constructor(private readonly registry: ProviderRegistry) {}

  @Get()
  @ApiOperation({ summary: 'List the providers and what each supports (the capability matrix)' })
  @ApiOkResponse({ type: ProviderListResponseDto })
  list(): ProviderListResponseDto {
    return { data: this.registry.describe() };
  }
}
