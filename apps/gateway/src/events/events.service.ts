import { Injectable } from '@nestjs/common';
import { EventRepository, mapPage, type Page } from '@im-gateway/persistence';
import { ImGatewayError, type UnifiedEvent } from '@im-gateway/types';
import type { EventQueryDto } from './event.dto.js';

@Injectable()
export class EventsService {
  constructor(private readonly events: EventRepository) {}

  async list(appId: string, q: EventQueryDto): Promise<Page<UnifiedEvent>> {
    return mapPage(await this.events.page(appId, q, q.cursor, q.limit), (row) => row.body);
  }

  async get(appId: string, eventId: string): Promise<UnifiedEvent> {
    const row = await this.events.find(appId, eventId);
    if (!row) throw new ImGatewayError('not_found', `No event ${eventId} in app ${appId}.`);
    return row.body;
  }
}
