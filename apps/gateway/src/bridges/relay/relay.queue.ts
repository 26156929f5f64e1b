import { WorkQueue } from '../../common/queue/work.queue.js';

/** The injection token of the relay queue: the same drivers as deliveries (memory, or BullMQ on Redis). */
export abstract class RelayQueue extends WorkQueue {}
