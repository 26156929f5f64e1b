import { Module } from '@nestjs/common';
import { BridgeDirectoryModule } from '../bridges/bridge-directory.module.js';
import { GatewaySettingsRef } from '../common/settings.ref.js';
import { BullmqWorkQueue } from '../common/queue/bullmq-work.queue.js';
import { MemoryWorkQueue } from '../common/queue/memory-work.queue.js';
import { DeliveriesController } from './delivery/deliveries.controller.js';
import { DeliveriesService } from './delivery/deliveries.service.js';
import { DeliveryFanout } from './delivery/delivery-fanout.js';
import { DeliveryQueue } from './delivery/delivery.queue.js';
import { DeliveryScheduler } from './delivery/delivery.scheduler.js';
import { DeliveryWorker } from './delivery/delivery.worker.js';
import { Destinations } from './destinations/destinations.js';
import { EndpointDirectory } from './endpoint-directory.js';
import { EndpointsController } from './endpoints.controller.js';
import { EndpointsService } from './endpoints.service.js';

/**
 * Webhook-out: endpoints (HTTP receivers and brokers), fan-out at ingest, signed CloudEvents delivery with
 * retries, and recovery.
 */
@Module({
  // Only the bridge lookup (new endpoints of a bridged app leave relayed events out by default).
  imports: [BridgeDirectoryModule],
  controllers: [EndpointsController, DeliveriesController],
  providers: [
    EndpointsService,
    EndpointDirectory,
    Destinations,
    DeliveryFanout,
    DeliveryWorker,
    DeliveryScheduler,
    DeliveriesService,
    {
      // BullMQ on Redis when REDIS_URL is set (replicas share the work), otherwise in process. The queue runs
      // as many attempts as both kinds of destination may have in flight; the worker holds each kind to its own.
      provide: DeliveryQueue,
      useFactory: ({ value }: GatewaySettingsRef) => {
        const concurrency = value.deliveryConcurrency + value.deliveryBrokerConcurrency;
        return value.redisUrl
          ? new BullmqWorkQueue(value.redisUrl, 'imgw-deliveries', concurrency, value.deliveryQueuePrefix)
          : new MemoryWorkQueue(concurrency, 'delivery');
      },
      inject: [GatewaySettingsRef],
    },
  ],
  exports: [DeliveryFanout, DeliveryScheduler],
})
export class EndpointsModule {}
