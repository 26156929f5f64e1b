import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { EventRepository, decodeCursor } from '@im-gateway/persistence';
import type { ServerResponse } from 'node:http';
import type { EventQueryDto } from './event.dto.js';

const POLL_MS = 1000;
const HEARTBEAT_MS = 15_000;

/** The smallest UUIDv7 of this millisecond: ids are time-sortable, so "after it" means "from now on". */
export function uuidv7Floor(ms: number): string {
  const hex = ms.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

/**
 * Server-sent events of an app's stored events as they arrive. It polls the events table rather than
 * listening in-process, so a tail sees callbacks any replica stored; the id of each SSE message is the
 * event id, which is also the list cursor, so `Last-Event-ID` resumes exactly after the last one seen.
 */
@Injectable()
export class EventStreamService implements OnModuleDestroy {
  private readonly open = new Set<() => void>();

  constructor(private readonly events: EventRepository) {}

  /** Where a stream starts: after `Last-Event-ID`, else after `cursor`, else now. A bad id is a 400. */
  startAfter(q: EventQueryDto, lastEventId: string | undefined): string {
    if (lastEventId) return decodeCursor(lastEventId);
    return q.cursor ? decodeCursor(q.cursor) : uuidv7Floor(Date.now());
  }

  /** Streams to `res` the events after `after` until the client goes away or the gateway shuts down. */
  async stream(appId: string, q: EventQueryDto, after: string, res: ServerResponse): Promise<void> {
    let cursor = after;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no', // a buffering proxy would hold the tail back
    });
    res.write('retry: 2000\n\n');
    let closed = false;
    let timer: NodeJS.Timeout | undefined;
    const end = () => {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      this.open.delete(end);
      res.end();
    };
    this.open.add(end);
    res.on('close', end);
    let lastWrite = Date.now();
    const tick = async () => {
      if (closed) return;
      try {
        for (;;) {
          const page = await this.events.page(appId, q, cursor, 100);
          for (const row of page.data) {
            res.write(`id: ${row.id}\nevent: event\ndata: ${JSON.stringify(row.body)}\n\n`);
            cursor = row.id;
            lastWrite = Date.now();
          }
          if (!page.nextCursor || closed) break;
        }
        if (Date.now() - lastWrite > HEARTBEAT_MS) {
          res.write(': keep-alive\n\n');
          lastWrite = Date.now();
        }
      } catch {
        end(); // the database went away: the client reconnects with Last-Event-ID
        return;
      }
      if (!closed) timer = setTimeout(() => void tick(), POLL_MS);
    };
    await tick();
  }

  /** Open streams would keep the HTTP server from closing. */
  onModuleDestroy(): void {
    for (const end of [...this.open]) end();
  }
}
