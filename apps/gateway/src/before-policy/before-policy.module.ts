import { Module } from '@nestjs/common';
import { BeforePolicyController } from './before-policy.controller.js';
import { BeforePolicyDryRun } from './before-policy.dry-run.js';
import { BeforePolicyService } from './before-policy.service.js';

/**
 * Before-callback policies: per-app rules and decision endpoint, their API and dry runs, and the cached
 * lookup (`BeforePolicyService.policyFor`) the callback path decides with.
 */
@Module({
  controllers: [BeforePolicyController],
  providers: [BeforePolicyService, BeforePolicyDryRun],
  exports: [BeforePolicyService],
})
export class BeforePolicyModule {}
