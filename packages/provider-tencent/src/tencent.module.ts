import { Module } from '@nestjs/common';
import { IM_PROVIDER } from '@im-gateway/types';
import { TencentProvider } from './tencent.provider.js';

/** Registers the Tencent provider with the gateway's provider registry (multi-provider token `IM_PROVIDER`). */
@Module({
  providers: [TencentProvider, { provide: IM_PROVIDER, useExisting: TencentProvider }],
  exports: [TencentProvider, IM_PROVIDER],
})
export class TencentModule {}
