import { Module } from '@nestjs/common';
import { BridgesModule } from '../bridges/bridges.module.js';
import { EndpointsModule } from '../endpoints/endpoints.module.js';
import { MessagesModule } from '../messages/messages.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { HistoryRecovery } from './history-recovery.js';
import { ReconciliationRunner } from './reconciliation.runner.js';
import { ReconciliationScheduler } from './reconciliation.scheduler.js';
import { ReconciliationsController } from './reconciliations.controller.js';
import { ReconciliationsService } from './reconciliations.service.js';

/**
 * Reconciliation: reading a vendor's history back to find and recover the messages whose callbacks never
 * arrived, as scheduled or on demand runs executed by a leased worker loop in every gateway process.
 * Recovered events take the callbacks' path from the store on (fan-out, bridges), through `HistoryRecovery`.
 */
@Module({
  imports: [TenancyModule, MessagesModule, EndpointsModule, BridgesModule],
  controllers: [ReconciliationsController],
  providers: [ReconciliationsService, ReconciliationRunner, ReconciliationScheduler, HistoryRecovery],
})
export class ReconciliationModule {}
