import { Module } from '@nestjs/common';
import { BridgesModule } from '../bridges/bridges.module.js';
import { EndpointsModule } from '../endpoints/endpoints.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { BeforePolicyModule } from '../before-policy/before-policy.module.js';
import { BeforeDecisionService } from './before-decision.service.js';
import { CallbackIngestService } from './callback-ingest.service.js';
import { CallbacksController } from './callbacks.controller.js';
import { StoredDecisionReader } from './stored-decision.reader.js';

/** Vendor callbacks in: verified, normalized into unified events, stored, acked after commit. */
@Module({
  imports: [TenancyModule, EndpointsModule, BridgesModule, BeforePolicyModule],
  controllers: [CallbacksController],
  providers: [CallbackIngestService, BeforeDecisionService, StoredDecisionReader],
})
export class CallbacksModule {}
