import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module.js';
import { RetentionScheduler } from './retention.scheduler.js';

/** Data lifecycle: rows past their retention period are pruned in the background. */
@Module({
  imports: [MetricsModule],
  providers: [RetentionScheduler],
  exports: [RetentionScheduler],
})
export class RetentionModule {}
