import { Injectable } from '@nestjs/common';
import { GatewaySettingsRef } from '../../common/settings.ref.js';
import { WebhookSender } from '../delivery/webhook-sender.js';
import type { Destination, DestinationType } from './destination.js';
import { HttpDestination } from './http.destination.js';
import { NatsDestination } from './nats.destination.js';
import { RabbitmqDestination } from './rabbitmq.destination.js';
import { RedisStreamDestination } from './redis-stream.destination.js';

/** One adapter per destination type, each holding its endpoints' connections for the process's life. */
@Injectable()
export class Destinations {
  private readonly byType: Record<DestinationType, Destination>;

  constructor(settings: GatewaySettingsRef) {
    const allowPrivate = settings.value.endpointsAllowPrivate;
    this.byType = {
      http: new HttpDestination(new WebhookSender(allowPrivate)),
      rabbitmq: new RabbitmqDestination(allowPrivate),
      nats: new NatsDestination(allowPrivate),
      'redis-stream': new RedisStreamDestination(allowPrivate),
    };
  }

  of(type: DestinationType): Destination {
    return this.byType[type];
  }

  /** Closes the endpoint's connection wherever one is open (deleted, disabled or changed endpoint). */
  async close(endpointId: string): Promise<void> {
    await Promise.all(Object.values(this.byType).map((d) => d.close(endpointId)));
  }

  async closeAll(): Promise<void> {
    await Promise.all(Object.values(this.byType).map((d) => d.closeAll()));
  }
}
