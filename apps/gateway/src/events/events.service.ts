import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type Repository } from 'typeorm';
import { clampLimit, EventEntity, toPage, type Page } from '@im-gateway/persistence';
import { ImGatewayError, type UnifiedEvent } from '@im-gateway/types';
import type { EventQueryDto } from './event.dto.js';

/** Escapes LIKE wildcards so a type pattern matches literally up to its `*`. */
const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class EventsService {
  constructor(@InjectRepository(EventEntity) private readonly events: Repository<EventEntity>) {}

  async list(appId: string, q: EventQueryDto): Promise<Page<UnifiedEvent>> {
    const take = clampLimit(q.limit);
    const qb = this.events.createQueryBuilder('e').where('e.app_id = :appId', { appId });
    if (q.cursor) qb.andWhere('e.id > :cursor', { cursor: q.cursor });
    if (q.type) {
      const patterns = q.type.split(',');
      if (!patterns.includes('*')) {
        qb.andWhere(
          new Brackets((or) =>
            patterns.forEach((p, i) =>
              p.endsWith('.*')
                ? or.orWhere(`e.type LIKE :t${i} ESCAPE '\\'`, { [`t${i}`]: likePrefix(p.slice(0, -1)) })
                : or.orWhere(`e.type = :t${i}`, { [`t${i}`]: p }),
            ),
          ),
        );
      }
    }
    if (q.conversationType) qb.andWhere('e.conversation_type = :ct', { ct: q.conversationType });
    if (q.conversationId) qb.andWhere('e.conversation_id = :cid', { cid: q.conversationId });
    if (q.userId) {
      qb.andWhere(
        new Brackets((or) =>
          or
            .where('e.actor = :uid', { uid: q.userId })
            .orWhere("(e.conversation_type = 'direct' AND e.conversation_id = :uid)", { uid: q.userId }),
        ),
      );
    }
    if (q.since) qb.andWhere('e.occurred_at >= :since', { since: new Date(q.since).toISOString() });
    if (q.until) qb.andWhere('e.occurred_at < :until', { until: new Date(q.until).toISOString() });
    const rows = await qb
      .orderBy('e.id', 'ASC')
      .take(take + 1)
      .getMany();
    return toPage(rows, take, (row) => row.body);
  }

  async get(appId: string, eventId: string): Promise<UnifiedEvent> {
    const row = await this.events.findOneBy({ appId, id: eventId });
    if (!row) throw new ImGatewayError('not_found', `No event ${eventId} in app ${appId}.`);
    return row.body;
  }
}
