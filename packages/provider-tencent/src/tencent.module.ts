import { Module } from '@nestjs/common';
import { HttpModule, HttpService } from '@nestjs/axios';
import { IM_PROVIDER } from '@im-gateway/types';
import { TencentProvider } from './tencent.provider.js';

/** Registers the Tencent provider with the gateway's provider registry (multi-provider token `IM_PROVIDER`). */
@Module({
  imports: [HttpModule],
  providers: [
    {
      provide: TencentProvider,
      useFactory: (http: HttpService) => new TencentProvider(http.axiosRef),
      inject: [HttpService],
    },
    { provide: IM_PROVIDER, useExisting: TencentProvider },
  ],
  exports: [TencentProvider, IM_PROVIDER],
})
export class TencentModule {}
