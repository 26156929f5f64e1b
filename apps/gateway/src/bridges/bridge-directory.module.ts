import { Module } from '@nestjs/common';
import { BridgeDirectory } from './bridge-directory.js';

/**
 * The cached bridge lookup on its own, so a context that only asks "is this app bridged?" (endpoints) does
 * not pull in the bridges module with its controllers, relay worker and queue. One instance, so the
 * invalidation of a bridge change reaches every reader.
 */
@Module({
  providers: [BridgeDirectory],
  exports: [BridgeDirectory],
})
export class BridgeDirectoryModule {}
