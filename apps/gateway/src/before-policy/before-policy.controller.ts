import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  BeforePolicyDryRunDto,
  BeforePolicyDryRunResponseDto,
  BeforePolicyPutDto,
  BeforePolicyResponseDto,
  BeforePolicySavedResponseDto,
  BeforePolicySecretResponseDto,
} from './before-policy.dto.js';
import { BeforePolicyDryRun } from './before-policy.dry-run.js';
import { BeforePolicyService } from './before-policy.service.js';

@ApiTags('before-policy')
@ApiBearerAuth()
@Controller('v1/apps/:appId/before-policy')
export class BeforePolicyController {
  constructor(
    private readonly policies: BeforePolicyService,
    private readonly dryRuns: BeforePolicyDryRun,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'getBeforePolicy',
    summary: 'The app’s before-callback policy (the decision endpoint secret is never shown)',
  })
  @ApiOkResponse({ type: BeforePolicyResponseDto })
  get(@Param('appId') appId: string): Promise<BeforePolicyResponseDto> {
    return this.policies.get(appId);
  }

  @Put()
  @ApiOperation({
    operationId: 'putBeforePolicy',
    summary:
      'Replace the before-callback policy: rules, decision endpoint, fallback; checked against what the app’s vendor can do',
  })
  @ApiOkResponse({ type: BeforePolicySavedResponseDto })
  put(@Param('appId') appId: string, @Body() dto: BeforePolicyPutDto): Promise<BeforePolicySavedResponseDto> {
    return this.policies.put(appId, dto);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deleteBeforePolicy',
    summary: 'Delete the before-callback policy (every before-callback is allowed again)',
  })
  @ApiNoContentResponse()
  remove(@Param('appId') appId: string): Promise<void> {
    return this.policies.remove(appId);
  }

  @Post('secret')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'rotateBeforePolicySecret',
    summary: 'Make a new signing secret for the decision endpoint (the old one stops at once)',
  })
  @ApiOkResponse({ type: BeforePolicySecretResponseDto })
  rotateSecret(@Param('appId') appId: string): Promise<BeforePolicySecretResponseDto> {
    return this.policies.rotateSecret(appId);
  }

  @Post('dry-run')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'dryRunBeforePolicy',
    summary:
      'What the rules (of the stored policy or of one given) decide for a unified event, and which rule decided; the decision endpoint is not called',
  })
  @ApiOkResponse({ type: BeforePolicyDryRunResponseDto })
  dryRun(
    @Param('appId') appId: string,
    @Body() dto: BeforePolicyDryRunDto,
  ): Promise<BeforePolicyDryRunResponseDto> {
    return this.dryRuns.run(appId, dto);
  }
}
