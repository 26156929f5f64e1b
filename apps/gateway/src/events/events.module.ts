import { Module } from '@nestjs/common';
import { EventSchemaController } from './event-schema.controller.js';
import { EventsController } from './events.controller.js';
import { EventStreamService } from './event-stream.service.js';
import { EventsService } from './events.service.js';

/** Reading the stored unified events, and the schema they follow. */
@Module({
  controllers: [EventsController, EventSchemaController],
  providers: [EventsService, EventStreamService],
  exports: [EventsService],
})
export class EventsModule {}
