import { Module } from '@nestjs/common';
import { IM_PROVIDER } from '@im-gateway/types';
import { EasemobProvider } from './easemob.provider.js';

/** Registers the Easemob provider with the gateway's provider registry (multi-provider token `IM_PROVIDER`). */
@Module({
  providers: [EasemobProvider, { provide: IM_PROVIDER, useExisting: EasemobProvider }],
  exports: [EasemobProvider, IM_PROVIDER],
})
export class EasemobModule {}
