import { Global, Module } from '@nestjs/common';
import { BacklogMetrics } from './backlog.metrics.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';
import { MigrationMetrics } from './migration.metrics.js';

@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsService, BacklogMetrics, MigrationMetrics],
  exports: [MetricsService],
})
export class MetricsModule {}
