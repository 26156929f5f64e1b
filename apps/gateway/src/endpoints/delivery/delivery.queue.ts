import { WorkQueue } from '../../common/queue/work.queue.js';

/** The injection token of the delivery queue (memory or BullMQ, see the module). */
export abstract class DeliveryQueue extends WorkQueue {}
