import { Module } from '@nestjs/common';
import { HttpModule, HttpService } from '@nestjs/axios';
import { IM_PROVIDER } from '@im-gateway/types';
import { EasemobProvider } from './easemob.provider.js';

/** Registers the Easemob provider with the gateway's provider registry (multi-provider token `IM_PROVIDER`). */
@Module({
  imports: [HttpModule],
  providers: [
    {
      provide: EasemobProvider,
      useFactory: (http: HttpService) => new EasemobProvider(http.axiosRef),
      inject: [HttpService],
    },
    { provide: IM_PROVIDER, useExisting: EasemobProvider },
  ],
  exports: [EasemobProvider, IM_PROVIDER],
})
export class EasemobModule {}
