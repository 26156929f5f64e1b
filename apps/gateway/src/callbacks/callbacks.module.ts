import { Module } from '@nestjs/common';
import { BridgesModule } from '../bridges/bridges.module.js';
import { EndpointsModule } from '../endpoints/endpoints.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { CallbackIngestService } from './callback-ingest.service.js';
import { CallbacksController } from './callbacks.controller.js';

/** Vendor callbacks in: verified, normalized into unified events, stored, acked after commit. */
@Module({
  imports: [TenancyModule, EndpointsModule, BridgesModule],
  controllers: [CallbacksController],
  providers: [CallbackIngestService],
})
export class CallbacksModule {}
