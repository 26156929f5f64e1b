import { Module } from '@nestjs/common';
import { BullmqWorkQueue } from '../common/queue/bullmq-work.queue.js';
import { MemoryWorkQueue } from '../common/queue/memory-work.queue.js';
import { GatewaySettingsRef } from '../common/settings.ref.js';
import { MessagesModule } from '../messages/messages.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { BridgeDirectoryModule } from './bridge-directory.module.js';
import { BridgesController } from './bridges.controller.js';
import { BridgesService } from './bridges.service.js';
import { DualSendService } from './dual-send/dual-send.service.js';
import { IdMapper } from './mappings/id-mapper.js';
import { MappingsController } from './mappings/mappings.controller.js';
import { MappingsService } from './mappings/mappings.service.js';
import { EchoMarker } from './relay/echo-marker.js';
import { MigrationRelayGate } from './relay/migration-relay.gate.js';
import { RelayPlanner } from './relay/relay-planner.js';
import { RelayQueue } from './relay/relay.queue.js';
import { RelayScheduler } from './relay/relay.scheduler.js';
import { RelayWorker } from './relay/relay.worker.js';
import { RelaysController } from './relay/relays.controller.js';
import { RelaysService } from './relay/relays.service.js';
import { BridgeStatsService } from './stats/bridge-stats.service.js';

/**
 * Vendor migration: bridges between two apps, their id tables, the relay of messages and recalls from one
 * side to the other (planned at ingest, queued and retried like deliveries), dual-send and progress.
 */
@Module({
  imports: [TenancyModule, MessagesModule, BridgeDirectoryModule],
  controllers: [BridgesController, MappingsController, RelaysController],
  providers: [
    BridgesService,
    MappingsService,
    IdMapper,
    EchoMarker,
    RelayPlanner,
    RelayWorker,
    MigrationRelayGate,
    RelayScheduler,
    RelaysService,
    DualSendService,
    BridgeStatsService,
    {
      // The delivery queue's drivers, on a queue of their own.
      provide: RelayQueue,
      useFactory: ({ value }: GatewaySettingsRef) =>
        value.redisUrl
          ? new BullmqWorkQueue(
              value.redisUrl,
              'imgw-relays',
              value.deliveryConcurrency,
              value.deliveryQueuePrefix,
            )
          : new MemoryWorkQueue(value.deliveryConcurrency, 'relay'),
      inject: [GatewaySettingsRef],
    },
  ],
  exports: [EchoMarker, RelayPlanner, RelayScheduler],
})
export class BridgesModule {}
